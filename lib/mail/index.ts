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
 * `email_id` custom arg: lib/sendgrid-webhook.ts) and it ends `sent`; if no confirmation arrives
 * within UNCONFIRMED_WINDOW_MINUTES, EMAIL_UNCONFIRMED_RETRY decides whether it is sent again.
 *
 * Secrets: the stored html/text never hold a token (lib/mail/secrets.ts). A message that carries
 * one keeps its real body encrypted in `sealed_body` until a provider has it.
 *
 * Never call deliverEmail or sendMail with a transaction: the network call would hold it open,
 * and a rollback would forget an email that was already sent.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { type Email, type EmailAttachment, emails } from "@/db/schema/mail";
import { openEmailBody, sealEmailBody } from "@/lib/data/encrypted-fields";
import { env } from "@/lib/env";
import { moduleLogger } from "@/lib/logger";
import { redactSecrets, storedBody } from "./secrets";
import {
  type MailTransport,
  MailPermanentError,
  MailUnconfirmedError,
  safeMessage,
  transportConfigFromEnv,
  transportFromEnv,
} from "./transports";

export {
  createTransport,
  DEFAULT_FROM,
  MailPermanentError,
  MailRetryableError,
  MailUnconfirmedError,
  transportFromEnv,
  type MailTransport,
  type TransportConfig,
} from "./transports";
export type { Email, EmailAttachment };
export { unsafeGetEmail, unsafeListAllEmails, type EmailSummary } from "./outbox";

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

export type MailMessage = {
  /** What the message is for (password-reset, invitation, invoice...): shown in the outbox and logs. */
  kind: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  orgId?: string | null;
  /** The document this message is about (shown on its timeline; retried from its page). */
  documentId?: string | null;
  replyTo?: string;
  attachments?: EmailAttachment[];
  /**
   * Tokens the message carries (a reset or invitation token, a client link's token). They are never
   * stored in the clear: see lib/mail/secrets.ts.
   */
  secrets?: readonly string[];
  /** Queuing twice with the same key stores (and sends) one email. Defaults to a random uuid. */
  idempotencyKey?: string;
};

/** Wait before attempt n+1 after attempt n failed: 1 min, 2, 4, ... capped at 1 hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(BASE_BACKOFF_SECONDS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_SECONDS);
}

/**
 * Stores a message for delivery and returns its row. Safe inside a transaction (this is where
 * the outbox pattern wants it). With an idempotency key already used, returns that earlier row
 * unchanged.
 */
export async function queueMail(db: Executor, message: MailMessage, options: { from?: string } = {}): Promise<Email> {
  const idempotencyKey = message.idempotencyKey ?? randomUUID();
  // The id is made here because the sealed body is bound to it (lib/crypto).
  const id = randomUUID();
  const stored = storedBody(message, message.secrets);
  const [inserted] = await db
    .insert(emails)
    .values({
      id,
      orgId: message.orgId ?? null,
      documentId: message.documentId ?? null,
      kind: message.kind,
      toAddress: message.to.trim(),
      fromAddress: options.from ?? transportConfigFromEnv().from,
      replyTo: message.replyTo?.trim() || null,
      // A header cannot span lines; a stray newline from user input must not start a new one.
      subject: message.subject.replace(/[\r\n]+/g, " ").trim(),
      html: stored.html,
      text: stored.text,
      sealedBody: stored.redacted ? sealEmailBody(id, message) : null,
      attachments: message.attachments?.length ? message.attachments : null,
      idempotencyKey,
    })
    .onConflictDoNothing({ target: emails.idempotencyKey })
    .returning();
  if (inserted) return inserted;
  const [existing] = await db.select().from(emails).where(eq(emails.idempotencyKey, idempotencyKey));
  // The conflicting row was inserted by a transaction that has since rolled back: impossible to
  // see here, but say so rather than return undefined.
  if (!existing) throw new Error(`email with idempotency key ${idempotencyKey} vanished while queuing`);
  return existing;
}

/**
 * Tries to deliver one queued, due email. Returns the row as it ends (sent, queued for a retry,
 * or failed), or null when there was nothing to do: another worker holds it, it is already
 * sent or failed, or its next attempt is not due yet. Never throws for delivery errors.
 */
export async function deliverEmail(
  db: Executor,
  id: string,
  transport: MailTransport = transportFromEnv(),
  options: DeliveryOptions = {},
): Promise<Email | null> {
  // The claim: one statement, so of two concurrent callers exactly one gets the row back.
  // Times come from the database's clock so every app server agrees on what "due" means.
  const [claimed] = await db
    .update(emails)
    .set({ status: "sending", attempts: sql`${emails.attempts} + 1`, updatedAt: sql`now()` })
    .where(and(eq(emails.id, id), claimable(options), lte(emails.nextAttemptAt, sql`now()`)))
    .returning();
  if (!claimed) return null;

  const context = { emailId: claimed.id, kind: claimed.kind, transport: transport.name, attempt: claimed.attempts };
  let providerMessageId: string | null;
  try {
    ({ providerMessageId } = await transport.send(asSent(claimed)));
  } catch (error) {
    return recordFailure(db, claimed, error, context, options);
  }

  const [sent] = await db
    .update(emails)
    .set({
      status: "sent",
      transport: transport.name,
      providerMessageId,
      sentAt: sql`now()`,
      lastError: null,
      updatedAt: sql`now()`,
      // An attached PDF shows tax ids and bank details: once the provider has it, no copy stays
      // here (the document renders it again on demand). The development outbox is the message
      // itself, so there it stays, and so does the sealed body (encrypted) that shows its links.
      // Rows queued before bodies were redacted lose their tokens here.
      ...(transport.name === "outbox"
        ? {}
        : { attachments: null, sealedBody: null, html: redactSecrets(claimed.html), text: redactSecrets(claimed.text) }),
    })
    .where(and(eq(emails.id, claimed.id), eq(emails.status, "sending")))
    .returning();
  log.info({ ...context, providerMessageId }, "email sent");
  return sent ?? null;
}

/** Queued rows, and unconfirmed ones when the policy sends them again after the window. */
function claimable({ unconfirmedRetry = env.EMAIL_UNCONFIRMED_RETRY }: DeliveryOptions) {
  return or(
    // A confirmed row is never sent again, whatever status a retry left it in.
    and(eq(emails.status, "queued"), isNull(emails.confirmedAt)),
    unconfirmedRetry === "after-window"
      ? and(eq(emails.status, "unconfirmed"), isNull(emails.confirmedAt), lt(emails.attempts, MAX_ATTEMPTS))
      : undefined,
  );
}

/**
 * `status`, unless SendGrid's webhook confirmed an earlier attempt of this row meanwhile (its
 * answer had been lost): then the provider has the message and the row is sent.
 */
function orConfirmed(status: "queued" | "failed" | "unconfirmed") {
  return sql`case when ${emails.confirmedAt} is not null then 'sent' else ${status} end::email_status`;
}

/** A confirmed row is sent: like any sent row, it keeps no sealed body and no attachment. */
const purgedIfConfirmed = {
  sealedBody: sql`case when ${emails.confirmedAt} is not null then null else ${emails.sealedBody} end`,
  attachments: sql`case when ${emails.confirmedAt} is not null then null else ${emails.attachments} end`,
  sentAt: sql`case when ${emails.confirmedAt} is not null then now() else ${emails.sentAt} end`,
};

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
  context: Record<string, unknown>,
  options: DeliveryOptions,
): Promise<Email | null> {
  if (error instanceof MailUnconfirmedError) return recordUnconfirmed(db, claimed, error, context, options);
  const permanent = error instanceof MailPermanentError;
  const lastError = error instanceof Error ? safeMessage(error.message) : safeMessage(String(error));
  const giveUp = permanent || claimed.attempts >= MAX_ATTEMPTS;
  const delay = backoffSeconds(claimed.attempts);
  const [row] = await db
    .update(emails)
    .set(
      giveUp
        ? { status: orConfirmed("failed"), ...purgedIfConfirmed, lastError, updatedAt: sql`now()` }
        : {
            status: orConfirmed("queued"),
            ...purgedIfConfirmed,
            lastError,
            nextAttemptAt: sql`now() + ${`${delay} seconds`}::interval`,
            updatedAt: sql`now()`,
          },
    )
    .where(and(eq(emails.id, claimed.id), eq(emails.status, "sending")))
    .returning();
  if (giveUp) {
    log.error({ ...context, error: lastError, permanent }, "email delivery failed; giving up");
  } else {
    log.warn({ ...context, error: lastError, retryInSeconds: delay }, "email delivery failed; will retry");
  }
  return row ?? null;
}

/**
 * The provider may have the message. It waits for the webhook's confirmation; one that already
 * arrived (while we were still waiting for the answer) makes it sent. The CASE reads the row as it
 * is when this update runs, so a confirmation committed just before is never missed.
 */
async function recordUnconfirmed(
  db: Executor,
  claimed: Email,
  error: MailUnconfirmedError,
  context: Record<string, unknown>,
  { unconfirmedRetry = env.EMAIL_UNCONFIRMED_RETRY }: DeliveryOptions,
): Promise<Email | null> {
  const then =
    unconfirmedRetry === "after-window"
      ? `unless it confirms it within ${UNCONFIRMED_WINDOW_MINUTES} minutes, it is sent again.`
      : "it is not sent again automatically: retry it if it did not arrive.";
  const lastError = safeMessage(`${error.message}: SendGrid may have accepted the message; ${then}`);
  const [row] = await db
    .update(emails)
    .set({
      status: orConfirmed("unconfirmed"),
      ...purgedIfConfirmed,
      transport: context.transport as Email["transport"],
      lastError: sql`case when ${emails.confirmedAt} is not null then null else ${lastError} end`,
      nextAttemptAt: sql`now() + ${`${UNCONFIRMED_WINDOW_MINUTES} minutes`}::interval`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(emails.id, claimed.id), eq(emails.status, "sending")))
    .returning();
  log.warn({ ...context, status: row?.status, unconfirmedRetry }, "email send unconfirmed: the provider's answer was lost");
  return row ?? null;
}

/**
 * Queues and immediately tries to deliver. Returns the row whatever happened: `sent`, `queued`
 * (will be retried by dispatchDueEmails) or `failed`. Pass the database, not a transaction.
 */
export async function sendMail(
  db: Executor,
  message: MailMessage,
  transport: MailTransport = transportFromEnv(),
  options: DeliveryOptions = {},
): Promise<Email> {
  const queued = await queueMail(db, message, transport.from ? { from: transport.from } : {});
  const delivered = await deliverEmail(db, queued.id, transport, options);
  if (delivered) return delivered;
  // Someone else delivered or holds it (a repeated idempotency key): report where it stands now.
  const [current] = await db.select().from(emails).where(eq(emails.id, queued.id));
  return current ?? queued;
}

export type DispatchResult = { rescued: number; sent: number; retrying: number; unconfirmed: number; failed: number; skipped: number };

/**
 * One pass of the delivery job: puts back rows a crashed process left in `sending`, then
 * delivers up to `limit` due emails, oldest due first, one at a time.
 */
export async function dispatchDueEmails(
  db: Executor,
  { limit = 50, transport = transportFromEnv(), ...options }: { limit?: number; transport?: MailTransport } & DeliveryOptions = {},
): Promise<DispatchResult> {
  const rescued = await db
    .update(emails)
    .set({
      // Its attempt was counted when it was claimed; one that used the last attempt is done. One
      // the webhook confirmed meanwhile was sent.
      status: sql`case when ${emails.confirmedAt} is not null then 'sent' when ${emails.attempts} >= ${MAX_ATTEMPTS} then 'failed' else 'queued' end::email_status`,
      lastError: "delivery interrupted (the sending process stopped)",
      nextAttemptAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(emails.status, "sending"), lt(emails.updatedAt, sql`now() - ${STUCK_AFTER}::interval`)))
    .returning({ id: emails.id });
  if (rescued.length) log.warn({ count: rescued.length }, "rescued emails stuck in sending");

  const due = await db
    .select({ id: emails.id })
    .from(emails)
    .where(and(claimable(options), lte(emails.nextAttemptAt, sql`now()`)))
    .orderBy(asc(emails.nextAttemptAt))
    .limit(limit);

  const result: DispatchResult = { rescued: rescued.length, sent: 0, retrying: 0, unconfirmed: 0, failed: 0, skipped: 0 };
  for (const { id } of due) {
    const row = await deliverEmail(db, id, transport, options);
    if (!row) result.skipped++;
    else if (row.status === "sent") result.sent++;
    else if (row.status === "failed") result.failed++;
    else if (row.status === "unconfirmed") result.unconfirmed++;
    else result.retrying++;
  }
  return result;
}

