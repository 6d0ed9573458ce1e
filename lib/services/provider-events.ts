/**
 * Handling the email provider's delivery events (SendGrid's event webhook, already verified and
 * parsed by lib/sendgrid-webhook.ts): each is stored once against the email it names, confirms an
 * unconfirmed send (lib/services/outbox.ts) and, for a bounce, flags the customer. The queries are
 * in lib/data/email-events.ts and lib/data/outbox.ts.
 */
import "server-only";
import { type Executor, getDb } from "@/db";
import { type EventEmail, unsafeFindEventEmails, unsafeFlagBouncedCustomer, unsafeInsertEmailEvent } from "@/lib/data/email-events";
import { unsafeConfirmEmails } from "@/lib/data/outbox";
import { isId } from "@/lib/ids";
import { eventKey, type SendGridEvent } from "@/lib/sendgrid-webhook";

/** After these, mail to the address is not getting through: the customer gets a "bounced" flag. */
const UNDELIVERABLE = new Set<string>(["bounce", "dropped", "spamreport"]);

/** accountMail: events of mail sent for no organisation (password resets, invitations): they confirm the send, and are not stored. */
export type RecordResult = { recorded: number; duplicates: number; unmatched: number; accountMail: number; customersFlagged: number };

/** SendGrid's message id is the x-message-id we stored plus a ".filter…" suffix. */
const baseMessageId = (sgMessageId: string) => sgMessageId.split(".")[0]!;

/**
 * Stores the events that belong to one of our emails; events for mail we cannot match (sent by
 * another system on the same SendGrid account, or an email row since deleted) are skipped: they
 * would belong to no organisation and nobody could see them. Events of account mail (an email row
 * with no organisation: password resets, invitations) confirm the send but are not stored either:
 * email_events.org_id is NOT NULL (migration 0026), since every reader of events is an
 * organisation's page.
 *
 * Unscoped by nature: the signature proved the request came from SendGrid, and each event names
 * its own email, whose organisation is taken from the row. Redelivered events (same sg_event_id, or same eventKey)
 * are stored once. A bounce, drop or spam report flags the document's customer, but only when the
 * email went to the customer's current address.
 */
export async function unsafeRecordSendGridEvents(events: readonly SendGridEvent[], tx?: Executor): Promise<RecordResult> {
  const db = tx ?? (await getDb());
  const result: RecordResult = { recorded: 0, duplicates: 0, unmatched: 0, accountMail: 0, customersFlagged: 0 };
  if (events.length === 0) return result;

  const ids = [...new Set(events.map((e) => e.email_id).filter((id): id is string => !!id && isId(id)))];
  // Without our custom arg, SendGrid's message id still matches what the transport stored as providerMessageId.
  const providerMessageIds = [
    ...new Set(events.filter((e) => !(e.email_id && isId(e.email_id)) && e.sg_message_id).map((e) => baseMessageId(e.sg_message_id!))),
  ].filter(Boolean);
  if (ids.length === 0 && providerMessageIds.length === 0) return { ...result, unmatched: events.length };

  return db.transaction(async (tx) => {
    const rows = await unsafeFindEventEmails({ ids, providerMessageIds }, tx);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const byMessageId = new Map(rows.filter((r) => r.providerMessageId).map((r) => [r.providerMessageId!, r]));
    const emailOf = (event: SendGridEvent): EventEmail | undefined =>
      event.email_id && isId(event.email_id) ? byId.get(event.email_id) : event.sg_message_id ? byMessageId.get(baseMessageId(event.sg_message_id)) : undefined;

    const toFlag = new Map<string, { customerId: string; orgId: string; toAddress: string }>();
    const confirmed = new Set<string>();
    for (const event of events) {
      const email = emailOf(event);
      if (!email) {
        result.unmatched++;
        continue;
      }
      // Any event (processed, delivered, deferred, bounce, even open) proves SendGrid accepted the
      // message: an unconfirmed send is confirmed, replayed events included.
      confirmed.add(email.id);
      if (!email.orgId) {
        result.accountMail++;
        continue;
      }
      const reason = event.reason ?? event.response ?? (event.type ? `type: ${event.type}` : undefined);
      const inserted = await unsafeInsertEmailEvent({ ...email, orgId: email.orgId }, {
        event: event.event,
        providerEventId: eventKey(event),
        reason: reason ? reason.slice(0, 1000) : null,
        occurredAt: event.timestamp !== undefined ? new Date(event.timestamp * 1000) : new Date(),
      }, tx);
      if (!inserted) {
        result.duplicates++;
        continue;
      }
      result.recorded++;
      // A "blocked" bounce is the receiving server refusing us (reputation, rate), not a bad address.
      const undeliverable = UNDELIVERABLE.has(event.event) && !(event.event === "bounce" && event.type === "blocked");
      if (undeliverable && email.customerId) {
        toFlag.set(email.customerId, { customerId: email.customerId, orgId: email.orgId, toAddress: email.toAddress });
      }
    }

    await unsafeConfirmEmails([...confirmed], tx);
    for (const customer of toFlag.values()) {
      if (await unsafeFlagBouncedCustomer(customer, tx)) result.customersFlagged++;
    }
    return result;
  });
}
