/**
 * Rate limits. With REDIS_URL the counters live in Redis, so a limit holds across every instance
 * (Render autoscales to several); without it each process counts in memory. If Redis stops
 * answering, each instance falls back to its own memory counters (the insurance limiter) rather
 * than failing open or refusing everyone.
 *
 * Used by proxy.ts (the general per-IP ceiling), server actions (sign-in, registration, password
 * reset) and route handlers (client links, PDFs). Keys are client IPs (lib/request-meta.ts) or
 * lower-cased email addresses.
 */
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "@/lib/env";

export type LimitName = keyof typeof LIMITS;
export type Limit = { points: number; durationS: number };

/** The numbers the README documents. Each counts requests in a fixed window of `durationS`. */
export const LIMITS = {
  /** Sign-in attempts against one account, from anywhere (a successful sign-in resets it). */
  loginAccount: { points: 10, durationS: 15 * 60 },
  /** Sign-in attempts from one client address, any account. */
  loginIp: { points: 50, durationS: 15 * 60 },
  /** Accounts created from one client address. */
  register: { points: 20, durationS: 60 * 60 },
  /** Password-reset requests and reset submissions from one client address. */
  resetIp: { points: 10, durationS: 60 * 60 },
  /** Password-reset emails to one address. */
  resetEmail: { points: 3, durationS: 60 * 60 },
  /** Client-link lookups (/i/<token>, its PDF and answer) from one address: token guessing stops here. */
  clientLink: { points: 60, durationS: 60 },
  /** Pay presses on client links from one address: each may create a Checkout Session at Stripe. */
  checkout: { points: 10, durationS: 60 },
  /** PDF renders per signed-in user or client address: each costs tens of milliseconds of CPU. */
  pdf: { points: 30, durationS: 60 },
  /** "Run jobs now" presses per organisation: each runs every organisation's jobs in the web process. */
  jobsNow: { points: 5, durationS: 60 },
  /** E-invoice viewer uploads per organisation: each is parsed and validated (0.1–1 s of CPU). */
  einvoiceView: { points: 20, durationS: 60 },
  /** Command-menu searches per signed-in user: one per pause in typing, so a fast typist stays far below. */
  commandSearch: { points: 120, durationS: 60 },
  /**
   * Bulk actions started per organisation: each may render or email up to 500 documents, so a
   * team gets a handful every few minutes, not an endless queue on a 2-core instance.
   */
  bulk: { points: 10, durationS: 10 * 60 },
  /**
   * Documents sent by hand (Send, Review & send) per organisation. Review & send chooses the
   * recipient, five copies and every word: without a limit, any account (registration is open)
   * could use the server as a mail relay. Thirty in ten minutes is more than a team types; bulk
   * send has its own limits (`bulk`, `bulkSendUser`). A repeat the outbox deduplicates (one Review & send
   * submission arriving twice) is given its point back: it queues nothing.
   */
  send: { points: 30, durationS: 10 * 60 },
  /** The same per signed-in user: one person with several organisations gets no more. */
  sendUser: { points: 30, durationS: 10 * 60 },
  /**
   * Documents a signed-in user sends by bulk send or resend, one point per document queued
   * (lib/services/bulk-jobs.ts). Its own budget, not `sendUser`: a month-end run of a small business's
   * invoices must go through, yet bulk send (customers' addresses, the organisation's own wording)
   * must not become the way around the limit on sends by hand.
   */
  bulkSendUser: { points: 200, durationS: 60 * 60 },
  /**
   * Organisations a signed-in user creates: each one is a fresh `send` budget, so they are counted
   * too. Five an hour is more than anyone sets up by hand.
   */
  newOrganization: { points: 5, durationS: 60 * 60 },
  /** Bulk ZIP downloads per signed-in user: a ZIP renders its drafts again (issued PDFs come from the cache). */
  bulkZip: { points: 10, durationS: 10 * 60 },
  /** Every request the proxy sees from one address. */
  general: { points: 1200, durationS: 60 },
} satisfies Record<string, Limit>;

export type Decision = { ok: true } | { ok: false; name: LimitName; limit: Limit; retryAfterS: number };

export type RateLimiter = {
  consume(name: LimitName, key: string): Promise<Decision>;
  /** Whether one more request would pass, spending nothing (Redis unreachable: yes; consume still limits). */
  peek(name: LimitName, key: string): Promise<Decision>;
  reset(name: LimitName, key: string): Promise<void>;
  /** Gives back one point consumed for work that turned out to do nothing (a deduplicated repeat). */
  refund(name: LimitName, key: string): Promise<void>;
  close(): Promise<void>;
};

export type RateLimiterOptions = {
  /** redis:// URL; memory when absent. */
  redisUrl?: string;
  /** Prefix of every Redis key (tests use a unique one per run). */
  prefix?: string;
  limits?: Record<LimitName, Limit>;
};

export function createRateLimiter({ redisUrl, prefix = "si:rl", limits = LIMITS }: RateLimiterOptions = {}): RateLimiter {
  const redis = redisUrl
    ? new Redis(redisUrl, {
        // Fail fast to the insurance limiter instead of queueing a request behind a dead connection.
        maxRetriesPerRequest: 1,
        connectTimeout: 2_000,
        commandTimeout: 1_000,
      })
    : null;
  redis?.on("error", () => {
    // Reconnects by itself; each failed call is answered by the insurance limiter meanwhile.
  });
  const limiters = new Map<LimitName, RateLimiterAbstract>();
  const limiterFor = (name: LimitName): RateLimiterAbstract => {
    let limiter = limiters.get(name);
    if (!limiter) {
      const { points, durationS } = limits[name];
      const memory = new RateLimiterMemory({ points, duration: durationS, keyPrefix: `${prefix}:${name}` });
      limiter = redis
        ? new RateLimiterRedis({ storeClient: redis, points, duration: durationS, keyPrefix: `${prefix}:${name}`, insuranceLimiter: memory })
        : memory;
      limiters.set(name, limiter);
    }
    return limiter;
  };
  return {
    async consume(name, key) {
      try {
        await limiterFor(name).consume(key);
        return { ok: true };
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        return { ok: false, name, limit: limits[name], retryAfterS: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
      }
    },
    async peek(name, key) {
      const state = await limiterFor(name)
        .get(key)
        .catch(() => null);
      if (!state || state.consumedPoints < limits[name].points) return { ok: true };
      return { ok: false, name, limit: limits[name], retryAfterS: Math.max(1, Math.ceil(state.msBeforeNext / 1000)) };
    },
    async reset(name, key) {
      await limiterFor(name).delete(key).catch(() => undefined);
    },
    async refund(name, key) {
      // Best effort: a point not given back only shortens this window's budget by one.
      await limiterFor(name).reward(key, 1).catch(() => undefined);
    },
    async close() {
      await redis?.quit().catch(() => redis.disconnect());
    },
  };
}

const globalForLimiter = globalThis as unknown as { __smartInvoiceRateLimiter?: RateLimiter };

/** The process's limiter, configured from the environment on first use. */
export function rateLimiter(): RateLimiter {
  return (globalForLimiter.__smartInvoiceRateLimiter ??= createRateLimiter({ redisUrl: env.REDIS_URL }));
}

/** Consumes one point of each limit in turn; the first one exhausted is the answer. */
export async function consumeAll(checks: readonly (readonly [LimitName, string | null | undefined])[]): Promise<Decision> {
  const limiter = rateLimiter();
  for (const [name, key] of checks) {
    const decision = await limiter.consume(name, key ?? "unknown");
    if (!decision.ok) return decision;
  }
  return { ok: true };
}

/** Gives back the point consumeAll took from each of these limits. */
export async function refundAll(checks: readonly (readonly [LimitName, string])[]): Promise<void> {
  const limiter = rateLimiter();
  for (const [name, key] of checks) await limiter.refund(name, key);
}

/** Like consumeAll, spending nothing: for a check that must come before an irreversible step. */
export async function peekAll(checks: readonly (readonly [LimitName, string])[]): Promise<Decision> {
  const limiter = rateLimiter();
  for (const [name, key] of checks) {
    const decision = await limiter.peek(name, key);
    if (!decision.ok) return decision;
  }
  return { ok: true };
}

/** IETF RateLimit fields (draft-ietf-httpapi-ratelimit-headers) and Retry-After for a refusal. */
export function rateLimitHeaders(decision: Extract<Decision, { ok: false }>): Record<string, string> {
  return {
    "Retry-After": String(decision.retryAfterS),
    "RateLimit-Policy": `"${decision.name}";q=${decision.limit.points};w=${decision.limit.durationS}`,
    RateLimit: `"${decision.name}";r=0;t=${decision.retryAfterS}`,
  };
}

/** What a form shows when a limit is reached. */
export function tooManyMessage(retryAfterS: number): string {
  if (retryAfterS < 60) return `Too many attempts. Try again in ${retryAfterS} second${retryAfterS === 1 ? "" : "s"}.`;
  const minutes = Math.ceil(retryAfterS / 60);
  return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** The 429 a route handler or the proxy answers with. */
export function tooManyResponse(decision: Extract<Decision, { ok: false }>): Response {
  return new Response(`Too many requests. Try again in ${decision.retryAfterS} seconds.\n`, {
    status: 429,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...rateLimitHeaders(decision) },
  });
}
