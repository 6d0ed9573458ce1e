/**
 * `npm run bench:http`: HTTP throughput of the production build with autocannon, 127.0.0.1 only,
 * BENCH_HTTP_SECONDS (10) per URL: /health, a client link page and its PDF. Uses DATABASE_URL when
 * set (e.g. the 100,000-invoice organisation), otherwise a fresh embedded database with demo data.
 * Builds first when there is no build. Prints a table and writes .bench/http.json.
 */
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";

const port = Number(process.env.BENCH_HTTP_PORT ?? 5070);
const seconds = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const origin = `http://127.0.0.1:${port}`;
const dataDir = path.resolve(".data/bench-http");

// The client link's token is derived from SECRET_KEY, so this process and the server share one.
process.env.SECRET_KEY ||= randomBytes(32).toString("hex");
process.env.ENCRYPTION_SALT ||= randomBytes(16).toString("hex");
if (!process.env.DATABASE_URL) {
  rmSync(dataDir, { recursive: true, force: true });
  process.env.DATA_DIR = dataDir;
}
const serverEnv = {
  ...process.env,
  NODE_ENV: "production" as const,
  PORT: String(port),
  APP_URL: origin,
  ALLOWED_HOSTS: "127.0.0.1,localhost",
  // As behind Render's edge: the client address comes from X-Forwarded-For. Each request below
  // claims a different address, as many clients would; from one address the per-IP limits (which
  // stay on) would answer most of them with 429.
  TRUSTED_PROXY_HOPS: "1",
  LOG_LEVEL: "warn",
  SENDGRID_API_KEY: "",
  SENTRY_DSN: "",
};

function run(command: string, args: string[]) {
  execFileSync(command, args, { stdio: "inherit", env: serverEnv });
}

/** An issued invoice of the demo organisation and its client link. */
async function clientLinkToken(): Promise<string> {
  const [{ getDbHandle, closeDb }, { and, eq, sql }, schema, { ensureDocumentLink }] = await Promise.all([
    import("@/db"),
    import("drizzle-orm"),
    import("@/db/schema"),
    import("@/lib/data/links"),
  ]);
  const { db } = await getDbHandle();
  const [row] = await db
    .select({ orgId: schema.documents.orgId, id: schema.documents.id, userId: schema.users.id })
    .from(schema.documents)
    .innerJoin(schema.memberships, eq(schema.memberships.orgId, schema.documents.orgId))
    .innerJoin(schema.users, and(eq(schema.users.id, schema.memberships.userId), eq(schema.users.email, "demo@smartinvoice.local")))
    .where(and(eq(schema.documents.kind, "invoice"), sql`${schema.documents.number} is not null`))
    .orderBy(schema.documents.issueDate)
    .limit(1);
  if (!row) throw new Error("No issued invoice in the demo organisation: run `npm run db:seed` first.");
  const token = await ensureDocumentLink({ orgId: row.orgId, userId: row.userId, role: "owner" }, row.id);
  await closeDb(); // PGlite allows one process at a time: the server opens it next.
  return token;
}

async function waitForHealth(timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${origin}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The server did not answer ${origin}/health in time.`);
}

export type HttpResult = { name: string; path: string; requestsPerSecond: number; p50: number; p97_5: number; p99: number; non2xx: number; errors: number };

if (!process.env.DATABASE_URL) run("npm", ["run", "db:seed"]);
const token = await clientLinkToken();
if (!existsSync(".next/BUILD_ID")) run("npm", ["run", "build"]);

const server = spawn("npm", ["start"], { stdio: ["ignore", "ignore", "inherit"], env: serverEnv, detached: true });
const stop = () => {
  try {
    process.kill(-server.pid!, "SIGTERM");
  } catch {
    // already gone
  }
};
process.on("exit", stop);

const results: HttpResult[] = [];
try {
  await waitForHealth();
  const targets = [
    { name: "health check", path: "/health" },
    { name: "client link page", path: `/i/${token}` },
    { name: "client link PDF", path: `/i/${token}/pdf` },
  ];
  for (const target of targets) {
    let n = 0;
    const r = await autocannon({
      url: origin + target.path,
      connections: 10,
      duration: seconds,
      requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n++ & 255}` } }) }],
    });
    results.push({
      name: target.name,
      path: target.path.replace(token, "<token>"),
      requestsPerSecond: r.requests.average,
      p50: r.latency.p50,
      p97_5: r.latency.p97_5,
      p99: r.latency.p99,
      non2xx: r.non2xx,
      errors: r.errors,
    });
  }
} finally {
  stop();
}

console.log(`\nHTTP throughput (autocannon, 10 connections, ${seconds} s per URL, ${origin})\n`);
console.log("| URL | req/s | p50 ms | p97.5 ms | p99 ms | non-2xx | errors |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const r of results) console.log(`| ${r.name} \`${r.path}\` | ${r.requestsPerSecond.toFixed(0)} | ${r.p50} | ${r.p97_5} | ${r.p99} | ${r.non2xx} | ${r.errors} |`);
mkdirSync(".bench", { recursive: true });
writeFileSync(".bench/http.json", JSON.stringify({ at: new Date().toISOString(), seconds, results }, null, 2));
if (results.some((r) => r.non2xx > 0 || r.errors > 0)) {
  console.error("Some requests failed: the figures above are not a clean measurement.");
  process.exitCode = 1;
}
