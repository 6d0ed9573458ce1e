import { describe, expect, it } from "vitest";
import { createRateLimiter, rateLimitHeaders, tooManyMessage, tooManyResponse } from "./rate-limit";

const small = { points: 3, durationS: 60 };
const limits = { loginAccount: small, loginIp: small, register: small, resetIp: small, resetEmail: small, clientLink: small, checkout: small, pdf: small, jobsNow: small, einvoiceView: small, commandSearch: small, bulk: small, send: small, sendUser: small, bulkSendUser: small, newOrganization: small, bulkZip: small, general: small };

describe("createRateLimiter (memory)", () => {
  it("allows the limit, then refuses with the time until the window ends", async () => {
    const limiter = createRateLimiter({ limits });
    for (let i = 0; i < 3; i++) expect((await limiter.consume("loginAccount", "a@example.com")).ok).toBe(true);
    const refused = await limiter.consume("loginAccount", "a@example.com");
    expect(refused).toMatchObject({ ok: false, name: "loginAccount" });
    if (!refused.ok) expect(refused.retryAfterS).toBeGreaterThan(0);
    // Other keys and other limits count separately.
    expect((await limiter.consume("loginAccount", "b@example.com")).ok).toBe(true);
    expect((await limiter.consume("loginIp", "a@example.com")).ok).toBe(true);
    await limiter.reset("loginAccount", "a@example.com");
    expect((await limiter.consume("loginAccount", "a@example.com")).ok).toBe(true);
  });

  it("peek tells whether one more would pass, without spending a point", async () => {
    const limiter = createRateLimiter({ limits });
    expect(await limiter.peek("loginIp", "198.51.100.1")).toEqual({ ok: true });
    for (let i = 0; i < 3; i++) {
      expect((await limiter.peek("loginIp", "198.51.100.1")).ok).toBe(true);
      expect((await limiter.consume("loginIp", "198.51.100.1")).ok).toBe(true);
    }
    const peeked = await limiter.peek("loginIp", "198.51.100.1");
    expect(peeked).toMatchObject({ ok: false, name: "loginIp", limit: small });
    if (!peeked.ok) expect(peeked.retryAfterS).toBeGreaterThan(0);
    // Peeking spent nothing: another address still has all three.
    for (let i = 0; i < 5; i++) await limiter.peek("loginIp", "198.51.100.2");
    for (let i = 0; i < 3; i++) expect((await limiter.consume("loginIp", "198.51.100.2")).ok).toBe(true);
  });

  it("refund gives one consumed point back: 3 consumed, 1 refunded, exactly 1 more passes", async () => {
    const limiter = createRateLimiter({ limits });
    for (let i = 0; i < 3; i++) expect((await limiter.consume("send", "org-1")).ok).toBe(true);
    await limiter.refund("send", "org-1");
    expect((await limiter.consume("send", "org-1")).ok).toBe(true);
    expect((await limiter.consume("send", "org-1")).ok).toBe(false);
  });

  it("keeps limiting in memory when Redis cannot be reached", async () => {
    const limiter = createRateLimiter({ limits, redisUrl: "redis://127.0.0.1:1", prefix: "si:test:down" });
    try {
      for (let i = 0; i < 3; i++) expect((await limiter.consume("register", "203.0.113.9")).ok).toBe(true);
      expect((await limiter.consume("register", "203.0.113.9")).ok).toBe(false);
    } finally {
      await limiter.close();
    }
  }, 20_000);
});

describe("answers over the limit", () => {
  const decision = { ok: false as const, name: "loginIp" as const, limit: { points: 50, durationS: 900 }, retryAfterS: 125 };

  it("a 429 with Retry-After and the RateLimit fields", async () => {
    const response = tooManyResponse(decision);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("125");
    expect(response.headers.get("ratelimit-policy")).toBe('"loginIp";q=50;w=900');
    expect(response.headers.get("ratelimit")).toBe('"loginIp";r=0;t=125');
    expect(await response.text()).toContain("Too many requests");
    expect(rateLimitHeaders(decision)["Retry-After"]).toBe("125");
  });

  it("a form message in minutes, or seconds when under one", () => {
    expect(tooManyMessage(125)).toBe("Too many attempts. Try again in 3 minutes.");
    expect(tooManyMessage(60)).toBe("Too many attempts. Try again in 1 minute.");
    expect(tooManyMessage(1)).toBe("Too many attempts. Try again in 1 second.");
  });
});
