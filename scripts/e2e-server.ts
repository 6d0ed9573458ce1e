/**
 * The server Playwright tests against: a production build on a fresh embedded database.
 * Builds first unless E2E_SKIP_BUILD=1 (CI builds once before running everything).
 */
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { E2E_ADMIN } from "../e2e/admin";
import { startFakeStripe } from "../tests/support/fake-stripe";

const port = process.env.E2E_PORT ?? "5055";
const dataDir = path.resolve(".data/e2e");
rmSync(dataDir, { recursive: true, force: true });

// Stripe cannot be reached from here: the app talks to a fake on the next-but-one port, which the
// e2e tests drive over its /__fake/ control routes (e2e/support/fake-stripe.ts).
process.env.FAKE_STRIPE_PORT ??= String(Number(port) + 2);
const fakeStripe = await startFakeStripe();

const env = {
  ...process.env,
  NODE_ENV: "production" as const,
  PORT: port,
  DATA_DIR: dataDir,
  APP_URL: `http://localhost:${port}`,
  SECRET_KEY: process.env.SECRET_KEY ?? randomBytes(32).toString("hex"),
  ENCRYPTION_SALT: process.env.ENCRYPTION_SALT ?? randomBytes(16).toString("hex"),
  // Never talk to real providers from tests.
  DATABASE_URL: "",
  SENDGRID_API_KEY: process.env.E2E_SENDGRID_API_KEY ?? "",
  SENTRY_DSN: "",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  // As behind Render's edge: tests give themselves a client address with X-Forwarded-For, so per-IP
  // rate limits in one test don't reach the others (requests without it share one key).
  TRUSTED_PROXY_HOPS: "1",
  REDIS_URL: "",
  STRIPE_API_BASE: fakeStripe.url,
};

if (process.env.E2E_SKIP_BUILD !== "1") execFileSync("npm", ["run", "build"], { stdio: "inherit", env });
// The platform administrator the tests read /dev/outbox as (in production nobody else may).
execFileSync("npm", ["run", "create-admin", "--", "--email", E2E_ADMIN.email], { stdio: "inherit", env: { ...env, ADMIN_PASSWORD: E2E_ADMIN.password } });
// Data in numbers the browser would take minutes to type (e2e/bulk-fixture.ts), while the database is still free.
execFileSync("npx", ["tsx", "--tsconfig", "tsconfig.scripts.json", "scripts/e2e-seed.ts"], { stdio: "inherit", env });
// DEBUG only for serving: Tailwind's build also reads DEBUG and would flood the log.
const server = spawn("npm", ["start"], { stdio: "inherit", env: { ...env, DEBUG: "true" } });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
