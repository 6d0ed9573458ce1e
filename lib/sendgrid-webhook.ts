/**
 * SendGrid's Signed Event Webhook, the protocol: the signature check, the events' shape and their
 * idempotency keys. Pure (no database): lib/services/provider-events.ts records what they say,
 * matched back to our `emails` rows by the `email_id` custom arg the transport attaches
 * (lib/mail/transports.ts).
 *
 * SendGrid signs `timestamp + raw body` with ECDSA P-256 / SHA-256 and sends the DER signature in
 * base64; the verification key (Settings → Mail Settings → Event Webhook) is base64 DER SPKI.
 * https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/getting-started-event-webhook-security-features
 */
import "server-only";
import { createHash, createPublicKey, type KeyObject, verify } from "node:crypto";
import { z } from "zod";

export const SIGNATURE_HEADER = "x-twilio-email-event-webhook-signature";
export const TIMESTAMP_HEADER = "x-twilio-email-event-webhook-timestamp";
/** A captured request replayed later than this (or stamped this far ahead) is refused. */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

export type VerifyResult = { ok: true } | { ok: false; reason: "missing_headers" | "bad_timestamp" | "bad_key" | "bad_signature" };

/**
 * Checks one webhook request. Pure: `now` (ms) is passed in. Every failure is a plain result,
 * never a throw, so the route answers 401 whatever is wrong with the input.
 */
export function verifySendGridSignature({
  publicKey,
  signature,
  timestamp,
  rawBody,
  now = Date.now(),
}: {
  publicKey: string;
  signature: string | null | undefined;
  timestamp: string | null | undefined;
  rawBody: string | Uint8Array;
  now?: number;
}): VerifyResult {
  if (!signature || !timestamp) return { ok: false, reason: "missing_headers" };
  const ts = timestamp.trim();
  if (!/^\d{1,12}$/.test(ts)) return { ok: false, reason: "bad_timestamp" };
  if (Math.abs(now / 1000 - Number(ts)) > TIMESTAMP_TOLERANCE_SECONDS) return { ok: false, reason: "bad_timestamp" };

  const key = publicKeyOf(publicKey);
  if (!key) return { ok: false, reason: "bad_key" };
  const body = typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : Buffer.from(rawBody);
  const payload = Buffer.concat([Buffer.from(ts, "utf8"), body]);
  try {
    const ok = verify("sha256", payload, { key, dsaEncoding: "der" }, Buffer.from(signature.trim(), "base64"));
    return ok ? { ok: true } : { ok: false, reason: "bad_signature" };
  } catch {
    // Malformed DER throws rather than returning false.
    return { ok: false, reason: "bad_signature" };
  }
}

const keyCache = new Map<string, KeyObject | null>();

/** SendGrid shows the key as base64 DER; a PEM pasted instead works too. Null when unusable. */
function publicKeyOf(configured: string): KeyObject | null {
  const cached = keyCache.get(configured);
  if (cached !== undefined) return cached;
  let key: KeyObject | null;
  try {
    key = configured.includes("-----BEGIN")
      ? createPublicKey(configured)
      : createPublicKey({ key: Buffer.from(configured.replace(/\s+/g, ""), "base64"), format: "der", type: "spki" });
    if (key.asymmetricKeyType !== "ec") key = null;
  } catch {
    key = null;
  }
  if (keyCache.size > 10) keyCache.clear();
  keyCache.set(configured, key);
  return key;
}

/** The event types stored; SendGrid also sends processed-like group and unsubscribe events we do not use. */
export const RECORDED_EVENTS = ["processed", "delivered", "deferred", "bounce", "dropped", "spamreport", "open", "click"] as const;
export type RecordedEvent = (typeof RECORDED_EVENTS)[number];

const eventSchema = z.object({
  event: z.enum(RECORDED_EVENTS),
  sg_event_id: z.string().min(1).max(200).optional(),
  sg_message_id: z.string().max(500).optional(),
  timestamp: z.number().int().nonnegative().optional(),
  reason: z.string().optional(),
  response: z.string().optional(),
  /** For bounces: "bounce" (the address is bad) or "blocked" (the receiving server refused, often temporarily). */
  type: z.string().optional(),
  /** For clicks: which link. Part of the replay key of an event without sg_event_id. */
  url: z.string().optional(),
  email_id: z.string().optional(),
});

export type SendGridEvent = z.infer<typeof eventSchema>;

/**
 * The events of a parsed webhook body worth recording. Null when the body is not an array (the
 * route answers 400); entries of other types or shapes are skipped one by one.
 */
export function parseSendGridEvents(json: unknown): SendGridEvent[] | null {
  if (!Array.isArray(json)) return null;
  const out: SendGridEvent[] = [];
  for (const item of json) {
    const parsed = eventSchema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

/**
 * The idempotency key stored under email_events' unique index: SendGrid's sg_event_id, or, for an
 * event without one, a hash of what makes it this event (its message, type, time and details).
 * A replay carries the same fields, so it hits the same key and is recorded once.
 */
export function eventKey(event: SendGridEvent): string {
  if (event.sg_event_id) return event.sg_event_id;
  const parts = [event.email_id, event.sg_message_id, event.event, event.timestamp, event.type, event.reason, event.response, event.url];
  // JSON of an array: no choice of field values can make two different events collide.
  return `derived:${createHash("sha256").update(JSON.stringify(parts.map((p) => p ?? null))).digest("hex")}`;
}
