/**
 * The one database client. With DATABASE_URL it is postgres.js; without it, PGlite (Postgres
 * compiled to WASM, in process) keeps data under DATA_DIR/pglite, so a fresh machine needs nothing.
 *
 * Opened lazily and kept on globalThis: `next build` imports route modules in worker processes,
 * and PGlite's first open takes seconds and holds an exclusive lock on its directory.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Sql } from "postgres";
import { env } from "@/lib/env";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction; every DAL function accepts either this or the database. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type Executor = Db | Tx;

export type DbHandle = { db: Db; kind: "postgres" | "pglite"; close: () => Promise<void> };

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

export async function openPostgres(url: string, max = env.DATABASE_POOL_MAX): Promise<DbHandle> {
  const [{ default: postgres }, { drizzle }] = await Promise.all([import("postgres"), import("drizzle-orm/postgres-js")]);
  const client: Sql = postgres(url, {
    max,
    // Fail fast when the server is away so /health answers 503 instead of hanging; the pool
    // reconnects on the next query once it is back.
    connect_timeout: 5,
    idle_timeout: 30,
    max_lifetime: 60 * 30,
    onnotice: () => {},
    // Prepared statements keep their parse, but every execution is planned for its values: a
    // cached generic plan cannot see that `number ilike '%BULK-0421%'` is selective, and walked
    // 100,000 invoices instead of using the trigram index (search p50 8 ms → 240 ms after 5 runs).
    // JIT compilation pays off for long analytical scans, not for this app's queries: the
    // dashboard's aggregates cross its cost threshold and spent ~45 ms compiling to save nothing
    // (scripts/bench.ts, 100,000 invoices). Both are startup parameters: no extra round trip.
    connection: { plan_cache_mode: "force_custom_plan", jit: "off" },
  });
  const db = drizzle({ client, schema, casing: "snake_case" }) as unknown as Db;
  return { db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
}

/** dataDir undefined = in-memory (tests). */
export async function openPglite(dataDir?: string): Promise<DbHandle> {
  const [{ PGlite }, { pg_trgm }, { drizzle }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite/contrib/pg_trgm"),
    import("drizzle-orm/pglite"),
  ]);
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // pg_trgm backs the lists' search indexes (migration 0005); PGlite bundles it but loads it on request.
  const client: PGlite = await PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions: { pg_trgm } });
  const db = drizzle({ client, schema, casing: "snake_case" }) as unknown as Db;
  return { db, kind: "pglite", close: () => client.close() };
}

/** Applies every pending migration in one transaction: a failure leaves the schema as it was. */
export async function migrateHandle(handle: DbHandle): Promise<void> {
  if (handle.kind === "postgres") {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(handle.db as never, { migrationsFolder });
  } else {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, { migrationsFolder });
  }
}

async function openConfigured(): Promise<DbHandle> {
  if (env.DATABASE_URL) return openPostgres(env.DATABASE_URL);
  const handle = await openPglite(path.join(env.DATA_DIR, "pglite"));
  // The embedded database has no deploy step, so it migrates itself when opened.
  await migrateHandle(handle);
  return handle;
}

const g = globalThis as unknown as { __smartInvoiceDb?: Promise<DbHandle> };

export function getDbHandle(): Promise<DbHandle> {
  g.__smartInvoiceDb ??= openConfigured().catch((error: unknown) => {
    g.__smartInvoiceDb = undefined; // let the next request try again
    throw error;
  });
  return g.__smartInvoiceDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/**
 * Makes `handle` the process's database, so DAL calls without an explicit executor use it. For a
 * test file's own database (tests/support/test-db.ts); the app opens its own from the environment.
 */
export function setDefaultDbHandleForTests(handle: DbHandle): void {
  g.__smartInvoiceDb = Promise.resolve(handle);
}

export async function closeDb(): Promise<void> {
  const pending = g.__smartInvoiceDb;
  g.__smartInvoiceDb = undefined;
  if (pending) await (await pending).close();
}

export { schema };
