import "server-only";
import type Stripe from "stripe";
import { stripeWebhooks } from "./client";

export type WebhookSecrets = {
  webhookSecret: string | null;
  previousWebhookSecret: string | null;
  previousWebhookSecretUntil: Date | null;
};

export type Verified = { ok: true; event: Stripe.Event } | { ok: false; reason: "missing_signature" | "bad_signature" | "unreadable_secret" };

/**
 * Checks Stripe-Signature over the raw body with the SDK (its default tolerance: 5 minutes),
 * against the signing secret, then the previous one while it is still valid: after the owner rolls
 * the secret in Stripe, Stripe keeps signing with both for a while.
 */
export function verifyStripeEvent(rawBody: string, signature: string | null, secrets: WebhookSecrets, now = new Date()): Verified {
  if (!signature) return { ok: false, reason: "missing_signature" };
  const candidates = [secrets.webhookSecret];
  if (secrets.previousWebhookSecret && secrets.previousWebhookSecretUntil && secrets.previousWebhookSecretUntil > now) {
    candidates.push(secrets.previousWebhookSecret);
  }
  if (!candidates.some(Boolean)) return { ok: false, reason: "unreadable_secret" };
  for (const secret of candidates) {
    if (!secret) continue;
    try {
      return { ok: true, event: stripeWebhooks().constructEvent(rawBody, signature, secret) };
    } catch {
      // Not this secret (or not Stripe): try the next one.
    }
  }
  return { ok: false, reason: "bad_signature" };
}
