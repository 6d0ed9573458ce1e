/**
 * SendGrid's Signed Event Webhook: delivery events (delivered, bounce, open...) for the emails
 * we sent through SendGrid, matched back to our `emails` rows by the `email_id` custom arg the
 * transport attaches (lib/mail/transports.ts).
 *
 * SendGrid signs `timestamp + raw body` with ECDSA P-256 / SHA-256 and sends the DER signature in
 * base64; the verification key (Settings → Mail Settings → Event Webhook) is base64 DER SPKI.
 * https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/getting-started-event-webhook-security-features
 */
import "server-only";
import { createHash, createPublicKey, type KeyObject, verify } from "node:crypto";
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db";
import { customers, documents } from "@/db/schema";
import { emailEvents } from "@/db/schema/delivery";
import { emails } from "@/db/schema/mail";
import { isId } from "@/lib/ids";

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
/** After these, mail to the address is not getting through: the customer gets a "bounced" flag. */
const UNDELIVERABLE = new Set<string>(["bounce", "dropped", "spamreport"]);

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

export type RecordResult = { recorded: number; duplicates: number; unmatched: number; customersFlagged: number };

/**
 * Stores the events that belong to one of our emails; events for mail we cannot match (sent by
 * another system on the same SendGrid account, or an email row since deleted) are skipped: they
 * would belong to no organisation and nobody could see them.
 *
 * Unscoped by nature: the signature proved the request came from SendGrid, and each event names
 * its own email, whose organisation is taken from the row. Redelivered events (same sg_event_id, or same eventKey)
 * are stored once. A bounce, drop or spam report flags the document's customer, but only when the
 * email went to the customer's current address.
 */
export async function unsafeRecordSendGridEvents(db: Executor, events: readonly SendGridEvent[]): Promise<RecordResult> {
  const result: RecordResult = { recorded: 0, duplicates: 0, unmatched: 0, customersFlagged: 0 };
  if (events.length === 0) return result;

  const ids = [...new Set(events.map((e) => e.email_id).filter((id): id is string => !!id && isId(id)))];
  // Without our custom arg, SendGrid's message id (x-message-id plus a ".filter…" suffix) still
  // matches what the transport stored as providerMessageId.
  const messageIds = [
    ...new Set(events.filter((e) => !(e.email_id && isId(e.email_id)) && e.sg_message_id).map((e) => e.sg_message_id!.split(".")[0]!)),
  ].filter(Boolean);
  if (ids.length === 0 && messageIds.length === 0) return { ...result, unmatched: events.length };

  return db.transaction(async (tx) => {
    const matchers = [ids.length ? inArray(emails.id, ids) : undefined, messageIds.length ? inArray(emails.providerMessageId, messageIds) : undefined].filter(
      (m) => m !== undefined,
    );
    const rows = await tx
      .select({
        id: emails.id,
        orgId: emails.orgId,
        toAddress: emails.toAddress,
        providerMessageId: emails.providerMessageId,
        // emails.document_id has no foreign key: only a document that still exists, in the same
        // organisation, is linked (email_events.document_id does have one).
        documentId: documents.id,
        customerId: documents.customerId,
      })
      .from(emails)
      .leftJoin(documents, and(eq(documents.id, emails.documentId), eq(documents.orgId, emails.orgId)))
      .where(matchers.length === 1 ? matchers[0] : sql.join(matchers, sql` or `));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const byMessageId = new Map(rows.filter((r) => r.providerMessageId).map((r) => [r.providerMessageId!, r]));

    const toFlag = new Map<string, { customerId: string; orgId: string; toAddress: string }>();
    const confirmed = new Set<string>();
    for (const event of events) {
      const email =
        event.email_id && isId(event.email_id) ? byId.get(event.email_id) : event.sg_message_id ? byMessageId.get(event.sg_message_id.split(".")[0]!) : undefined;
      if (!email) {
        result.unmatched++;
        continue;
      }
      const reason = event.reason ?? event.response ?? (event.type ? `type: ${event.type}` : undefined);
      const inserted = await tx
        .insert(emailEvents)
        .values({
          emailId: email.id,
          orgId: email.orgId,
          documentId: email.documentId,
          event: event.event,
          providerEventId: eventKey(event),
          reason: reason ? reason.slice(0, 1000) : null,
          occurredAt: event.timestamp !== undefined ? new Date(event.timestamp * 1000) : new Date(),
        })
        // Only the partial unique index on provider_event_id can conflict.
        .onConflictDoNothing()
        .returning({ id: emailEvents.id });
      // Any event (processed, delivered, deferred, bounce, even open) proves SendGrid accepted the
      // message: an unconfirmed send (lib/mail) is confirmed, replayed events included.
      confirmed.add(email.id);
      if (inserted.length === 0) {
        result.duplicates++;
        continue;
      }
      result.recorded++;
      // A "blocked" bounce is the receiving server refusing us (reputation, rate), not a bad address.
      const undeliverable = UNDELIVERABLE.has(event.event) && !(event.event === "bounce" && event.type === "blocked");
      if (undeliverable && email.customerId && email.orgId) {
        toFlag.set(email.customerId, { customerId: email.customerId, orgId: email.orgId, toAddress: email.toAddress });
      }
    }

    if (confirmed.size) await confirmEmails(tx, [...confirmed]);

    for (const { customerId, orgId, toAddress } of toFlag.values()) {
      const flagged = await tx
        .update(customers)
        .set({ emailBouncedAt: sql`now()` })
        .where(
          and(
            eq(customers.orgId, orgId),
            eq(customers.id, customerId),
            // The customer may have fixed their address since: a bounce from the old one says nothing about it.
            sql`lower(trim(${customers.email})) = lower(trim(${toAddress}))`,
          ),
        )
        .returning({ id: customers.id });
      result.customersFlagged += flagged.length;
    }
    return result;
  });
}

/**
 * Marks the emails as accepted by SendGrid. An event names a row only once a send of it reached
 * SendGrid, so one waiting for a (re)send (`unconfirmed`, `queued` or `failed` — a queued row
 * included, whose attempts the owner's Retry set back to 0) is sent: it is never sent again, and its
 * sealed body and attachments go. One still `sending` keeps its status (that send finishes it), but
 * the mark makes a timeout or failure there end as sent too (lib/mail/index.ts).
 */
async function confirmEmails(tx: Executor, ids: string[]) {
  const wasUnconfirmed = sql`(${emails.status} in ('unconfirmed', 'queued', 'failed'))`;
  await tx
    .update(emails)
    .set({
      confirmedAt: sql`coalesce(${emails.confirmedAt}, now())`,
      status: sql`case when ${wasUnconfirmed} then 'sent' else ${emails.status} end::email_status`,
      sentAt: sql`case when ${wasUnconfirmed} then coalesce(${emails.sentAt}, now()) else ${emails.sentAt} end`,
      lastError: sql`case when ${wasUnconfirmed} then null else ${emails.lastError} end`,
      sealedBody: sql`case when ${wasUnconfirmed} then null else ${emails.sealedBody} end`,
      attachments: sql`case when ${wasUnconfirmed} then null else ${emails.attachments} end`,
      updatedAt: sql`now()`,
    })
    .where(and(inArray(emails.id, ids), or(isNull(emails.confirmedAt), wasUnconfirmed)));
}
