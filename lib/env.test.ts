import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const devSecret = (name: string) => `dev-${name}`.padEnd(32, "x");
const parse = (source: Record<string, string>) => parseEnv(source, { devSecret });

describe("configuration", () => {
  it("runs with nothing set: embedded database, port 5000, generated secrets", () => {
    const result = parse({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.env.PORT).toBe(5000);
    expect(result.env.DATABASE_URL).toBeUndefined();
    expect(result.env.DEBUG).toBe(false);
    expect(result.env.APP_URL).toBe("http://localhost:5000");
    expect(result.env.SECRET_KEY).toBe(devSecret("secret-key"));
    expect(result.env.ALLOWED_HOSTS).toContain("localhost");
  });

  it("schedules jobs every 10 minutes unless JOBS_INTERVAL_MINUTES says otherwise, and names a bad value", () => {
    const defaults = parse({});
    expect(defaults.ok && defaults.env.JOBS_INTERVAL_MINUTES).toBe(10);
    const hourly = parse({ JOBS_INTERVAL_MINUTES: "60" });
    expect(hourly.ok && hourly.env.JOBS_INTERVAL_MINUTES).toBe(60);
    for (const bad of ["0", "1441", "ten", "1.5"]) {
      const result = parse({ JOBS_INTERVAL_MINUTES: bad });
      expect(!result.ok && result.problems).toEqual(["JOBS_INTERVAL_MINUTES: expected a whole number from 1 to 1440"]);
    }
  });

  it("accepts the guide's Django-style values", () => {
    const result = parse({
      DEBUG: "False",
      EMAIL_USE_TLS: "True",
      EMAIL_PORT: "587",
      ALLOWED_HOSTS: "your-domain.com, www.your-domain.com",
      CSRF_TRUSTED_ORIGINS: "https://your-domain.com,https://www.your-domain.com",
      DATABASE_URL: "postgresql://u:p@db.example.com:5432/invoices",
    });
    expect(result.ok && result.env.ALLOWED_HOSTS).toEqual(["your-domain.com", "www.your-domain.com"]);
    expect(result.ok && result.env.EMAIL_USE_TLS).toBe(true);
    expect(result.ok && result.env.DEBUG).toBe(false);
  });

  it.each([
    [{ PORT: "abc" }, "PORT: expected a whole number from 1 to 65535"],
    [{ PORT: "70000" }, "PORT: expected a whole number from 1 to 65535"],
    [{ DATABASE_URL: "mysql://localhost/db" }, "DATABASE_URL: expected a URL such as postgres://"],
    [{ DATABASE_URL: "not a url" }, "DATABASE_URL: expected a URL such as postgres://"],
    [{ DEBUG: "maybe" }, "DEBUG: expected true or false"],
    [{ REDIS_URL: "http://x" }, "REDIS_URL: expected a URL such as redis://"],
    [{ CSRF_TRUSTED_ORIGINS: "your-domain.com" }, "CSRF_TRUSTED_ORIGINS: expected comma-separated origins"],
    [{ SECRET_KEY: "short" }, "SECRET_KEY: expected at least 32 characters"],
    [{ SENDGRID_API_KEY: "SG.x" }, "SENDGRID_FROM_EMAIL: required when SENDGRID_API_KEY is set"],
  ])("names the variable and what it expects: %o", (source, message) => {
    const result = parse(source);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toContain(message);
  });

  it("requires real secrets in production, but not while building", () => {
    const serving = parse({ NODE_ENV: "production" });
    expect(serving.ok).toBe(false);
    expect(!serving.ok && serving.problems.map((p) => p.split(":")[0])).toEqual(["SECRET_KEY", "ENCRYPTION_SALT"]);
    expect(parse({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" }).ok).toBe(true);
    const configured = parse({ NODE_ENV: "production", SECRET_KEY: "k".repeat(32), ENCRYPTION_SALT: "s".repeat(32) });
    expect(configured.ok && configured.env.SECRET_KEY).toBe("k".repeat(32));
  });

  it("encrypts with SECRET_KEY as key version 1 unless a dedicated key is configured", () => {
    const plain = parse({ SECRET_KEY: "k".repeat(32) });
    expect(plain.ok && [plain.env.ENCRYPTION_KEY, plain.env.ENCRYPTION_KEY_VERSION, plain.env.ENCRYPTION_KEYS_PREVIOUS]).toEqual(["k".repeat(32), 1, []]);
    const rotated = parse({ ENCRYPTION_KEY: "n".repeat(32), ENCRYPTION_KEY_VERSION: "3", ENCRYPTION_KEYS_PREVIOUS: `1:${"a".repeat(32)}, 2:${"b:c".repeat(11)}` });
    expect(rotated.ok && rotated.env.ENCRYPTION_KEYS_PREVIOUS).toEqual([
      { version: 1, secret: "a".repeat(32) },
      { version: 2, secret: "b:c".repeat(11) },
    ]);
    expect(rotated.ok && rotated.env.ENCRYPTION_KEY).toBe("n".repeat(32));
  });

  it.each([
    [{ ENCRYPTION_KEY: "short" }, "ENCRYPTION_KEY: expected at least 32 characters"],
    [{ ENCRYPTION_KEY_VERSION: "0" }, "ENCRYPTION_KEY_VERSION: expected a whole number from 1"],
    [{ ENCRYPTION_KEYS_PREVIOUS: "old-secret-without-version-xxxxxxxxxxxx" }, "ENCRYPTION_KEYS_PREVIOUS: expected comma-separated version:secret pairs"],
    [{ ENCRYPTION_KEYS_PREVIOUS: "1:short" }, "ENCRYPTION_KEYS_PREVIOUS: expected comma-separated version:secret pairs"],
    [{ ENCRYPTION_KEYS_PREVIOUS: `1:${"a".repeat(32)}` }, "ENCRYPTION_KEYS_PREVIOUS: each version must"],
    [{ ENCRYPTION_KEY_VERSION: "3", ENCRYPTION_KEYS_PREVIOUS: `1:${"a".repeat(32)},1:${"b".repeat(32)}` }, "ENCRYPTION_KEYS_PREVIOUS: each version must"],
  ])("rejects a key configuration that would lose data: %o", (source, message) => {
    const result = parse(source);
    expect(!result.ok && result.problems).toEqual([expect.stringContaining(message)]);
  });

  it("defaults public URL and hosts to Render's own when deployed there", () => {
    const result = parse({ RENDER_EXTERNAL_URL: "https://si.onrender.com", RENDER_EXTERNAL_HOSTNAME: "si.onrender.com" });
    expect(result.ok && result.env.APP_URL).toBe("https://si.onrender.com");
    expect(result.ok && result.env.ALLOWED_HOSTS).toContain("si.onrender.com");
  });

  it("keeps Render's host name allowed when ALLOWED_HOSTS is set, and trusts one proxy hop there", () => {
    const render = parse({ ALLOWED_HOSTS: "invoices.example.com", RENDER_EXTERNAL_HOSTNAME: "si.onrender.com" });
    expect(render.ok && render.env.ALLOWED_HOSTS).toEqual(["invoices.example.com", "si.onrender.com"]);
    expect(render.ok && render.env.TRUSTED_PROXY_HOPS).toBe(1);
    const local = parse({});
    expect(local.ok && local.env.TRUSTED_PROXY_HOPS).toBe(0);
    const set = parse({ TRUSTED_PROXY_HOPS: "2" });
    expect(set.ok && set.env.TRUSTED_PROXY_HOPS).toBe(2);
    expect(parse({ TRUSTED_PROXY_HOPS: "many" })).toMatchObject({ ok: false, problems: ["TRUSTED_PROXY_HOPS: expected a whole number from 0 to 9"] });
  });
});
