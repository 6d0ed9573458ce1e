/**
 * Outgoing email. Every message is first written to `emails` (queueMail), then delivered
 * (deliverEmail) by whichever transport the configuration chooses. The row is the source of
 * truth, which makes this a durable outbox:
 *
 * - queue inside the transaction that causes the email (an invitation, an issued invoice) and
 *   deliver after it commits: a rollback then sends nothing, and a crash loses nothing;
 * - a failed delivery goes back to `queued` with exponential backoff; dispatchDueEmails (run by a
 *   job) picks it up again, and rescues rows a crashed process left in `sending`;
 * - claiming a row is one conditional UPDATE, so two workers never send the same row at once.
 *
 * Delivery is at least once: if the process dies after the provider accepted a message but
 * before the row says `sent`, the rescue sends it again. The idempotency key (SendGrid
 * custom_args) and the stable Message-ID (SMTP) let that rare copy be recognised.
 *
 * A SendGrid request whose answer never came (timeout) may have been accepted: the row becomes
 * `unconfirmed`, not `queued`. SendGrid's signed event webhook confirms it (any event naming its
 * `email_id` custom arg: lib/services/provider-events.ts) and it ends `sent`; if no confirmation
 * arrives within UNCONFIRMED_WINDOW_MINUTES, EMAIL_UNCONFIRMED_RETRY decides whether it is sent again.
 *
 * Secrets: the stored html/text never hold a token (lib/mail/secrets.ts). A message that carries
 * one keeps its real body encrypted in `sealed_body` until a provider has it.
 *
 * This module is the policy (attempts, backoff, which transport); the statements are in
 * lib/data/outbox.ts. Never call deliverEmail or sendMail with a transaction: the network call
 * would hold it open, and a rollback would forget an email that was already sent.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { type Executor, getDb } from "@/db";
import type { Email } from "@/db/schema/mail";
import { openEmailBody, sealEmailBody } from "@/lib/data/encrypted-fields";
import {
  type ClaimPolicy,
  unsafeClaimEmail,
  unsafeGetStoredEmail,
  unsafeInsertEmail,
  unsafeListDueEmailIds,
  unsafeMarkEmailSent,
  unsafeRecordEmailFailure,
  unsafeRecordEmailUnconfirmed,
  unsafeRescueStuckEmails,
} from "@/lib/data/outbox";
import { env } from "@/lib/env";
import { moduleLogger } from "@/lib/logger";
import { emailDelivery } from "@/lib/mail/delivery";
import type { MailMessage } from "@/lib/mail/message";
import { redactSecrets, storedBody } from "@/lib/mail/secrets";
import {
  type MailTransport,
  MailPermanentError,
  MailUnconfirmedError,
  safeMessage,
  transportConfigFromEnv,
  transportFromEnv,
} from "@/lib/mail/transports";

export type { MailMessage };

const log = moduleLogger("mail");

/** After this many attempts a message is marked failed (about two hours of retries in all). */
export const MAX_ATTEMPTS = 8;
const BASE_BACKOFF_SECONDS = 60;
const MAX_BACKOFF_SECONDS = 60 * 60;
/** A row still `sending` this long after it was claimed belongs to a process that died. */
const STUCK_AFTER = "10 minutes";
/**
 * How long an unconfirmed message waits for SendGrid's event before EMAIL_UNCONFIRMED_RETRY
 * applies. SendGrid posts events within seconds to a minute; this leaves room for its retries.
 */
export const UNCONFIRMED_WINDOW_MINUTES = 15;

export type UnconfirmedRetry = "after-window" | "never";
type DeliveryOptions = { unconfirmedRetry?: UnconfirmedRetry };

/** Wait before attempt n+1 after attempt n failed: 1 min, 2, 4, ... capped at 1 hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(BASE_BACKOFF_SECONDS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_SECONDS);
}

/** Queued rows, and unconfirmed ones when the policy sends them again after the window. */
function claimPolicy({ unconfirmedRetry = env.EMAIL_UNCONFIRMED_RETRY }: DeliveryOptions): ClaimPolicy {
  return { retryUnconfirmed: unconfirmedRetry === "after-window", maxAttempts: MAX_ATTEMPTS };
}

/**
 * Stores a message for delivery and returns its row. Safe inside a transaction (this is where
 * the outbox pattern wants it). With an idempotency key already used, returns that earlier row
 * unchanged.
 */
export async function queueMail(message: MailMessage, options: { from?: string } = {}, tx?: Executor): Promise<Email> {
  const db = tx ?? (await getDb());
  // The id is made here because the sealed body is bound to it (lib/crypto).
  const id = randomUUID();
  const stored = storedBody(message, message.secrets);
  return unsafeInsertEmail({
    id,
    orgId: message.orgId ?? null,
    documentId: message.documentId ?? null,
    kind: message.kind,
    toAddress: message.to.trim(),
    fromAddress: options.from ?? transportConfigFromEnv().from,
    replyTo: message.replyTo?.trim() || null,
    ccAddresses: message.cc?.length ? message.cc.map((a) => a.trim()) : null,
    // A header cannot span lines; a stray newline from user input must not start a new one.
    subject: message.subject.replace(/[\r\n]+/g, " ").trim(),
    html: stored.html,
    text: stored.text,
    sealedBody: stored.redacted ? sealEmailBody(id, message) : null,
    attachments: message.attachments?.length ? message.attachments : null,
    idempotencyKey: message.idempotencyKey ?? randomUUID(),
  }, db);
}

/**
 * Tries to deliver one queued, due email. Returns the row as it ends (sent, queued for a retry,
 * or failed), or null when there was nothing to do: another worker holds it, it is already
 * sent or failed, or its next attempt is not due yet. Never throws for delivery errors.
 */
export async function deliverEmail(
  id: string,
  transport: MailTransport = transportFromEnv(),
  options: DeliveryOptions = {},
  tx?: Executor,
): Promise<Email | null> {
  // Where nobody reads the development outbox (production, no provider, DEBUG off), "delivering"
  // to it would mark the email sent though nothing left the server: it stays queued instead.
  if (transport.name === "outbox" && emailDelivery() === "none") return null;
  const db = tx ?? (await getDb());
  const claimed = await unsafeClaimEmail(id, claimPolicy(options), db);
  if (!claimed) return null;

  const context = { emailId: claimed.id, kind: claimed.kind, transport: transport.name, attempt: claimed.attempts };
  let providerMessageId: string | null;
  try {
    ({ providerMessageId } = await transport.send(asSent(claimed)));
  } catch (error) {
    return recordFailure(db, claimed, error, context, options);
  }

  const sent = await unsafeMarkEmailSent(claimed.id, {
    transport: transport.name,
    providerMessageId,
    // An attached PDF shows tax ids and bank details: once the provider has it, no copy stays
    // here (the document renders it again on demand). The development outbox is the message
    // itself, so there it stays, and so does the sealed body (encrypted) that shows its links.
    // Rows queued before bodies were redacted lose their tokens here.
    purge: transport.name === "outbox" ? null : { html: redactSecrets(claimed.html), text: redactSecrets(claimed.text) },
  }, db);
  log.info({ ...context, providerMessageId }, "email sent");
  return sent;
}

/** The row as the transport must send it: with its real body when that is sealed. */
function asSent(row: Email): Email {
  let body: { html: string; text: string } | null;
  try {
    body = openEmailBody(row);
  } catch (error) {
    // Keys changed since it was queued: the same keys will fail the same way next time.
    throw new MailPermanentError(`the stored message cannot be decrypted (${error instanceof Error ? error.name : "error"})`);
  }
  return body ? { ...row, ...body } : row;
}

async function recordFailure(
  db: Executor,
  claimed: Email,
  error: unknown,
  context: { transport: MailTransport["name"] } & Record<string, unknown>,
  options: DeliveryOptions,
): Promise<Email | null> {
  if (error instanceof MailUnconfirmedError) return recordUnconfirmed(db, claimed, error, context, options);
  const permanent = error instanceof MailPermanentError;
  const lastError = error instanceof Error ? safeMessage(error.message) : safeMessage(String(error));
  const giveUp = permanent || claimed.attempts >= MAX_ATTEMPTS;
  const delay = backoffSeconds(claimed.attempts);
  const row = await unsafeRecordEmailFailure(claimed.id, { lastError, giveUp, retryInSeconds: delay }, db);
  if (giveUp) {
    log.error({ ...context, error: lastError, permanent }, "email delivery failed; giving up");
  } else {
    log.warn({ ...context, error: lastError, retryInSeconds: delay }, "email delivery failed; will retry");
  }
  return row;
}

/** The provider may have the message: it waits for the webhook's confirmation (lib/data/outbox.ts). */
async function recordUnconfirmed(
  db: Executor,
  claimed: Email,
  error: MailUnconfirmedError,
  context: { transport: MailTransport["name"] } & Record<string, unknown>,
  { unconfirmedRetry = env.EMAIL_UNCONFIRMED_RETRY }: DeliveryOptions,
): Promise<Email | null> {
  const then =
    unconfirmedRetry === "after-window"
      ? `unless it confirms it within ${UNCONFIRMED_WINDOW_MINUTES} minutes, it is sent again.`
      : "it is not sent again automatically: retry it if it did not arrive.";
  const lastError = safeMessage(`${error.message}: SendGrid may have accepted the message; ${then}`);
  const row = await unsafeRecordEmailUnconfirmed(claimed.id, { transport: context.transport, lastError, waitMinutes: UNCONFIRMED_WINDOW_MINUTES }, db);
  log.warn({ ...context, status: row?.status, unconfirmedRetry }, "email send unconfirmed: the provider's answer was lost");
  return row;
}

/**
 * Queues and immediately tries to deliver. Returns the row whatever happened: `sent`, `queued`
 * (will be retried by dispatchDueEmails) or `failed`. Pass the database, not a transaction.
 */
export async function sendMail(
  message: MailMessage,
  transport: MailTransport = transportFromEnv(),
  options: DeliveryOptions = {},
  tx?: Executor,
): Promise<Email> {
  const db = tx ?? (await getDb());
  const queued = await queueMail(message, transport.from ? { from: transport.from } : {}, db);
  const delivered = await deliverEmail(queued.id, transport, options, db);
  if (delivered) return delivered;
  // Someone else delivered or holds it (a repeated idempotency key): report where it stands now.
  return (await unsafeGetStoredEmail(queued.id, db)) ?? queued;
}

export type DispatchResult = { rescued: number; sent: number; retrying: number; unconfirmed: number; failed: number; skipped: number };

/**
 * One pass of the delivery job (every organisation's mail): puts back rows a crashed process left
 * in `sending`, then delivers up to `limit` due emails, oldest due first, one at a time.
 */
export async function dispatchDueEmails(
  { limit = 50, transport = transportFromEnv(), ...options }: { limit?: number; transport?: MailTransport } & DeliveryOptions = {},
  tx?: Executor,
): Promise<DispatchResult> {
  const db = tx ?? (await getDb());
  const rescued = await unsafeRescueStuckEmails({ stuckAfter: STUCK_AFTER, maxAttempts: MAX_ATTEMPTS }, db);
  if (rescued) log.warn({ count: rescued }, "rescued emails stuck in sending");

  const due = await unsafeListDueEmailIds(claimPolicy(options), limit, db);
  const result: DispatchResult = { rescued, sent: 0, retrying: 0, unconfirmed: 0, failed: 0, skipped: 0 };
  for (const id of due) {
    const row = await deliverEmail(id, transport, options, db);
    if (!row) result.skipped++;
    else if (row.status === "sent") result.sent++;
    else if (row.status === "failed") result.failed++;
    else if (row.status === "unconfirmed") result.unconfirmed++;
    else result.retrying++;
  }
  return result;
}
