/**
 * Two app instances sharing Redis: each is a separate Node process with its own connection, as two
 * Render instances would be. Together they may only make as many sign-in attempts against one
 * account as one instance alone. Needs Redis: REDIS_TEST_URL (CI sets it).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { LIMITS } from "@/lib/rate-limit";

const redisUrl = process.env.REDIS_TEST_URL;
const root = path.resolve(import.meta.dirname, "..");
const children: ChildProcess[] = [];

type Outcome = { allowed: number; refused: number; retryAfterS: number };

function startInstance(prefix: string, key: string, attempts: number): { ready: Promise<void>; go: () => void; done: Promise<Outcome> } {
  const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["--tsconfig", "tsconfig.scripts.json", "tests/support/limiter-worker.ts", redisUrl!, prefix, key, String(attempts)], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "test" },
    stdio: ["pipe", "pipe", "inherit"],
  });
  children.push(child);
  let out = "";
  let markReady: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const done = new Promise<Outcome>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("ready\n")) markReady();
      const last = out.trim().split("\n").at(-1)!;
      if (last.startsWith("{")) resolve(JSON.parse(last) as Outcome);
    });
    child.on("exit", (code) => (code === 0 ? undefined : reject(new Error(`limiter worker exited with ${code}`))));
  });
  return { ready, go: () => child.stdin!.write("go\n"), done };
}

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill();
});

describe.skipIf(!redisUrl)("rate limits shared through Redis", () => {
  it("two instances together allow the login limit once, not once each", async () => {
    const prefix = `si:test:${randomUUID()}`;
    const key = "owner@example.com";
    const { points } = LIMITS.loginAccount;
    // Each instance alone would stay within the limit in memory (points attempts each).
    const a = startInstance(prefix, key, points);
    const b = startInstance(prefix, key, points);
    await Promise.all([a.ready, b.ready]);
    a.go();
    b.go();
    const [ra, rb] = await Promise.all([a.done, b.done]);

    expect(ra.allowed + rb.allowed).toBe(points);
    expect(ra.refused + rb.refused).toBe(points);
    expect(Math.max(ra.retryAfterS, rb.retryAfterS)).toBeGreaterThan(0);
    expect(Math.max(ra.retryAfterS, rb.retryAfterS)).toBeLessThanOrEqual(LIMITS.loginAccount.durationS);

    // The count is Redis's, not a per-process fallback.
    const redis = new Redis(redisUrl!);
    try {
      expect(Number(await redis.get(`${prefix}:loginAccount:${key}`))).toBe(2 * points);
      await redis.del(`${prefix}:loginAccount:${key}`);
    } finally {
      redis.disconnect();
    }
  }, 60_000);
});
