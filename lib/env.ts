/**
 * The one place that reads process.env. Every variable is validated here once;
 * the rest of the code imports `env`. Imported by next.config.ts so a bad
 * production configuration fails `next build` / `next start` before serving.
 *
 * Names follow the original deployment guide (SECRET_KEY, DEBUG, ALLOWED_HOSTS,
 * EMAIL_HOST...) so an existing Render environment keeps working.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import nextEnv from "@next/env";
import { z } from "zod";

type Source = Record<string, string | undefined>;

const truthy = new Set(["true", "1", "yes", "on"]);
const falsy = new Set(["false", "0", "no", "off", ""]);

const bool = (fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return fallback;
      const s = v.trim().toLowerCase();
      if (truthy.has(s)) return true;
      if (falsy.has(s)) return false;
      ctx.addIssue({ code: "custom", message: "expected true or false" });
      return z.NEVER;
    });

const int = (fallback: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === "") return fallback;
      if (!/^\d+$/.test(v.trim()) || Number(v) < min || Number(v) > max) {
        ctx.addIssue({ code: "custom", message: `expected a whole number from ${min} to ${max}` });
        return z.NEVER;
      }
      return Number(v);
    });

const list = z
  .string()
  .optional()
  .transform((v) => (v ?? "").split(",").map((s) => s.trim()).filter(Boolean));

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

const urlWithScheme = (schemes: string[], hint: string) =>
  optionalString.refine(
    (v) => {
      if (v === undefined) return true;
      try {
        return schemes.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { message: hint },
  );

const origin = z.string().refine(
  (v) => {
    try {
      const u = new URL(v);
      return (u.protocol === "https:" || u.protocol === "http:") && u.origin === v.replace(/\/$/, "");
    } catch {
      return false;
    }
  },
  { message: "expected comma-separated origins such as https://invoices.example.com" },
);

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    SECRET_KEY: optionalString.refine((v) => v === undefined || v.length >= 32, {
      message: "expected at least 32 characters (generate one with: openssl rand -hex 32)",
    }),
    DEBUG: bool(false),
    ALLOWED_HOSTS: list,
    CSRF_TRUSTED_ORIGINS: list.pipe(z.array(origin)),
    DATABASE_URL: urlWithScheme(
      ["postgres:", "postgresql:"],
      "expected a URL such as postgres://user:password@host:5432/dbname",
    ),
    DATABASE_POOL_MAX: int(10, 1, 200),
    DATA_DIR: optionalString,
    SENDGRID_API_KEY: optionalString,
    SENDGRID_FROM_EMAIL: optionalString.pipe(z.email({ message: "expected an email address" }).optional()),
    SENDGRID_WEBHOOK_PUBLIC_KEY: optionalString,
    SENDGRID_API_URL: urlWithScheme(["https:", "http:"], "expected an http(s) URL"),
    // Tests and local development only: the fake Stripe API (tests/support/fake-stripe.ts).
    STRIPE_API_BASE: urlWithScheme(["https:", "http:"], "expected an http(s) URL such as http://127.0.0.1:12111"),
    // A SendGrid send whose answer was lost (timeout) may have been accepted. After the
    // confirmation window without a signed webhook event: send again (a copy possible, never lost)
    // or never (never a copy; the owner sees "unconfirmed" and can retry by hand).
    EMAIL_UNCONFIRMED_RETRY: z.enum(["after-window", "never"]).default("after-window"),
    EMAIL_HOST: optionalString,
    EMAIL_PORT: int(587, 1, 65535),
    EMAIL_USE_TLS: bool(true),
    EMAIL_HOST_USER: optionalString,
    EMAIL_HOST_PASSWORD: optionalString,
    ENCRYPTION_SALT: optionalString.refine((v) => v === undefined || v.length >= 16, {
      message: "expected at least 16 characters (generate one with: openssl rand -hex 32)",
    }),
    // Field encryption keys (lib/crypto). ENCRYPTION_KEY defaults to SECRET_KEY; a dedicated key
    // lets the encryption key rotate without signing everyone out or breaking emailed client links.
    ENCRYPTION_KEY: optionalString.refine((v) => v === undefined || v.length >= 32, {
      message: "expected at least 32 characters (generate one with: openssl rand -hex 32)",
    }),
    ENCRYPTION_KEY_VERSION: int(1, 1, 999_999),
    ENCRYPTION_KEYS_PREVIOUS: list.transform((entries, ctx) =>
      entries.map((entry) => {
        const m = /^(\d{1,6}):(.{32,})$/s.exec(entry);
        if (!m) {
          ctx.addIssue({ code: "custom", message: "expected comma-separated version:secret pairs, each secret at least 32 characters (e.g. 1:<old key>)" });
          return { version: 0, secret: "" };
        }
        return { version: Number(m[1]), secret: m[2]! };
      }),
    ),
    SENTRY_DSN: urlWithScheme(["https:", "http:"], "expected a Sentry DSN such as https://key@o0.ingest.sentry.io/0"),
    // How many proxies in front of the app append to X-Forwarded-For (Render's edge: 1). Decides which entry is the client.
    TRUSTED_PROXY_HOPS: optionalString.pipe(z.string().regex(/^\d$/, "expected a whole number from 0 to 9").optional()),
    REDIS_URL: urlWithScheme(["redis:", "rediss:"], "expected a URL such as redis://127.0.0.1:6379"),
    APP_URL: urlWithScheme(["https:", "http:"], "expected the public base URL such as https://invoices.example.com"),
    PORT: int(5000, 1, 65535),
    // How often the scheduler runs `npm run jobs`: /health reports "jobs":"stale" after three intervals without a finished run.
    JOBS_INTERVAL_MINUTES: int(10, 1, 1440),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    // Set by Render on every service; used as defaults so a blueprint deploy needs no host settings.
    RENDER_EXTERNAL_URL: optionalString,
    RENDER_EXTERNAL_HOSTNAME: optionalString,
    RENDER_GIT_COMMIT: optionalString,
    // Next sets this while `next build` imports modules; secrets are only required to serve.
    NEXT_PHASE: optionalString,
  })
  .superRefine((v, ctx) => {
    const serving = v.NODE_ENV === "production" && v.NEXT_PHASE !== "phase-production-build";
    if (serving && !v.SECRET_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["SECRET_KEY"],
        message: "required in production: at least 32 random characters (generate one with: openssl rand -hex 32)",
      });
    }
    if (serving && !v.ENCRYPTION_SALT) {
      ctx.addIssue({
        code: "custom",
        path: ["ENCRYPTION_SALT"],
        message: "required in production: at least 16 random characters (generate one with: openssl rand -hex 32)",
      });
    }
    const versions = v.ENCRYPTION_KEYS_PREVIOUS.map((k) => k.version);
    if (versions.includes(v.ENCRYPTION_KEY_VERSION) || new Set(versions).size !== versions.length || versions.includes(0)) {
      ctx.addIssue({
        code: "custom",
        path: ["ENCRYPTION_KEYS_PREVIOUS"],
        message: "each version must be a whole number from 1, appear once, and differ from ENCRYPTION_KEY_VERSION",
      });
    }
    if (v.SENDGRID_API_KEY && !v.SENDGRID_FROM_EMAIL) {
      ctx.addIssue({
        code: "custom",
        path: ["SENDGRID_FROM_EMAIL"],
        message: "required when SENDGRID_API_KEY is set: the sender address verified in SendGrid",
      });
    }
  });

/** Every variable the schema reads, by name: tests/render-blueprint.test.ts checks render.yaml, README and .env.example against them. */
export const ENV_KEYS = Object.keys(schema.shape) as (keyof typeof schema.shape)[];

export type Env = ReturnType<typeof finish>;

function finish(v: z.output<typeof schema>, dataDir: string, devSecret: (name: string) => string) {
  const port = v.PORT;
  const appUrl = (v.APP_URL ?? v.RENDER_EXTERNAL_URL ?? `http://localhost:${port}`).replace(/\/$/, "");
  // Render's own name for the service always answers: its health probe and the .onrender.com URL use it.
  const allowedHosts = [
    ...new Set([...(v.ALLOWED_HOSTS.length ? v.ALLOWED_HOSTS : ["localhost", "127.0.0.1", "[::1]"]), v.RENDER_EXTERNAL_HOSTNAME]),
  ].filter((h): h is string => !!h);
  const secretKey = v.SECRET_KEY ?? devSecret("secret-key");
  return {
    ...v,
    isProduction: v.NODE_ENV === "production",
    DATA_DIR: dataDir,
    APP_URL: appUrl,
    ALLOWED_HOSTS: allowedHosts,
    TRUSTED_PROXY_HOPS: v.TRUSTED_PROXY_HOPS === undefined ? (v.RENDER_EXTERNAL_HOSTNAME ? 1 : 0) : Number(v.TRUSTED_PROXY_HOPS),
    SECRET_KEY: secretKey,
    ENCRYPTION_SALT: v.ENCRYPTION_SALT ?? devSecret("encryption-salt"),
    ENCRYPTION_KEY: v.ENCRYPTION_KEY ?? secretKey,
  };
}

export type EnvResult = { ok: true; env: Env } | { ok: false; problems: string[] };

/** Pure parse: returns one human line per problem, each naming the variable. */
export function parseEnv(source: Source, options: { devSecret?: (name: string) => string } = {}): EnvResult {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${String(i.path[0] ?? "environment")}: ${i.message}`);
    return { ok: false, problems: [...new Set(problems)] };
  }
  const dataDir = path.resolve(/*turbopackIgnore: true*/ parsed.data.DATA_DIR ?? ".data");
  const building = parsed.data.NEXT_PHASE === "phase-production-build";
  // Nothing is signed or encrypted while building, so the build never writes secrets to disk.
  const devSecret =
    options.devSecret ?? ((name: string) => (building ? `unused-at-build-${name}`.padEnd(32, "-") : persistedDevSecret(dataDir, name)));
  return { ok: true, env: finish(parsed.data, dataDir, devSecret) };
}

/**
 * Development only: a secret generated on first use and kept under DATA_DIR so
 * sessions survive restarts without anyone having to configure anything.
 */
function persistedDevSecret(dataDir: string, name: string): string {
  const file = path.join(dataDir, name);
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString("hex");
    try {
      writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
      return secret;
    } catch {
      // Another process (next dev spawns several) created it first: use theirs.
      return readFileSync(file, "utf8").trim();
    }
  }
}

function load(): Env {
  // Next loads .env files for the server itself; command-line scripts get the same files here.
  if (!process.env.NEXT_RUNTIME) nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production", { info: () => {}, error: () => {} });
  const result = parseEnv(process.env);
  if (result.ok) return result.env;
  // One line per problem and no stack trace: this is read by an operator, not a developer.
  for (const p of result.problems) process.stderr.write(`Configuration error: ${p}\n`);
  process.exit(1);
}

const globalForEnv = globalThis as unknown as { __smartInvoiceEnv?: Env };

/** Validates on first use (not at import, so next.config.ts can set the build phase first). */
export function loadEnv(): Env {
  return (globalForEnv.__smartInvoiceEnv ??= load());
}

export const env: Env = new Proxy({} as Env, {
  get: (_, key) => loadEnv()[key as keyof Env],
});
