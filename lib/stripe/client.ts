import "server-only";
import Stripe from "stripe";

/**
 * The official SDK, one client per organisation's secret key. `STRIPE_API_BASE` (tests and local
 * development only: e.g. http://127.0.0.1:12111) points it at the fake Stripe API the tests start
 * (tests/support/fake-stripe.ts); production leaves it unset and talks to api.stripe.com.
 *
 * Retries: the SDK retries network failures twice with the same idempotency key, so a lost answer
 * never creates a second Checkout Session. A person waiting on a key check (Settings → Payments)
 * gets a shorter timeout and no retry instead.
 */
export function stripeClient(secretKey: string, { timeoutMs = 20_000, retries = 2 }: { timeoutMs?: number; retries?: number } = {}): Stripe {
  // Read when called rather than from the cached `env`: a test starts the fake on a free port
  // after the configuration was loaded. lib/env.ts still validates the value at start-up.
  const base = process.env.STRIPE_API_BASE ? new URL(process.env.STRIPE_API_BASE) : null;
  return new Stripe(secretKey, {
    maxNetworkRetries: retries,
    timeout: timeoutMs,
    telemetry: false,
    appInfo: { name: "Smart Invoice" },
    ...(base ? { host: base.hostname, port: base.port || (base.protocol === "https:" ? 443 : 80), protocol: base.protocol === "https:" ? "https" : "http" } : {}),
  });
}

/** Signature checks need no key: the static helper of the same SDK. */
export const stripeWebhooks = () => Stripe.webhooks;

export type { Stripe };
