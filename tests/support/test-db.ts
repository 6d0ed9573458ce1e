import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { type DbHandle, migrateHandle, openPglite, openPostgres, setDefaultDbHandleForTests } from "@/db";

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or (TEST_DB=postgres) a new
 * Postgres database created from the migrated TEST_DATABASE_URL database as a template.
 * It becomes the process's default database (what `getDb()` returns), so DAL calls in the test
 * file need no executor argument.
 */
export async function createTestDb(): Promise<DbHandle> {
  const handle = await openTestDb();
  setDefaultDbHandleForTests(handle);
  return handle;
}

async function openTestDb(): Promise<DbHandle> {
  if (process.env.TEST_DB !== "postgres") {
    const handle = await openPglite();
    await migrateHandle(handle);
    return handle;
  }
  const url = new URL(process.env.TEST_DATABASE_URL!);
  const template = url.pathname.slice(1);
  const name = `${template}_t${randomBytes(5).toString("hex")}`;
  // Administrative statements go through the maintenance database: nobody may be connected to a
  // template while it is being copied.
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const admin = () => postgres(maintenance.toString(), { max: 1, onnotice: () => {} });
  const create = admin();
  await create.unsafe(`create database "${name}" template "${template}"`);
  await create.end();
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString(), 20);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = admin();
      await cleanup.unsafe(`drop database if exists "${name}" with (force)`);
      await cleanup.end();
    },
  };
}
