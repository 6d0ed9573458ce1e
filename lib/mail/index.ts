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
 * Never call deliverEmail or sendMail with a transaction: the network call would hold it open,
 * and a rollback would forget an email that was already sent.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, lt, lte, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { type Email, type EmailAttachment, emails } from "@/db/schema/mail";
import { isId } from "@/lib/ids";
import { moduleLogger } from "@/lib/logger";
import {
  type MailTransport,
  MailPermanentError,
  safeMessage,
  transportConfigFromEnv,
  transportFromEnv,
} from "./transports";

export {
  createTransport,
  DEFAULT_FROM,
  MailPermanentError,
  MailRetryableError,
  transportFromEnv,
  type MailTransport,
  type TransportConfig,
} from "./transports";
export type { Email, EmailAttachment };

const log = moduleLogger("mail");

/** After this many attempts a message is marked failed (about two hours of retries in all). */
export const MAX_ATTEMPTS = 8;
const BASE_BACKOFF_SECONDS = 60;
const MAX_BACKOFF_SECONDS = 60 * 60;
/** A row still `sending` this long after it was claimed belongs to a process that died. */
const STUCK_AFTER = "10 minutes";

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
  const [inserted] = await db
    .insert(emails)
    .values({
      orgId: message.orgId ?? null,
      documentId: message.documentId ?? null,
      kind: message.kind,
      toAddress: message.to.trim(),
      fromAddress: options.from ?? transportConfigFromEnv().from,
      replyTo: message.replyTo?.trim() || null,
      // A header cannot span lines; a stray newline from user input must not start a new one.
      subject: message.subject.replace(/[\r\n]+/g, " ").trim(),
      html: message.html,
      text: message.text,
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
export async function deliverEmail(db: Executor, id: string, transport: MailTransport = transportFromEnv()): Promise<Email | null> {
  // The claim: one statement, so of two concurrent callers exactly one gets the row back.
  // Times come from the database's clock so every app server agrees on what "due" means.
  const [claimed] = await db
    .update(emails)
    .set({ status: "sending", attempts: sql`${emails.attempts} + 1`, updatedAt: sql`now()` })
    .where(and(eq(emails.id, id), eq(emails.status, "queued"), lte(emails.nextAttemptAt, sql`now()`)))
    .returning();
  if (!claimed) return null;

  const context = { emailId: claimed.id, kind: claimed.kind, transport: transport.name, attempt: claimed.attempts };
  let providerMessageId: string | null;
  try {
    ({ providerMessageId } = await transport.send(claimed));
  } catch (error) {
    return recordFailure(db, claimed, error, context);
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
      // itself, so there it stays.
      ...(transport.name === "outbox" ? {} : { attachments: null }),
    })
    .where(and(eq(emails.id, claimed.id), eq(emails.status, "sending")))
    .returning();
  log.info({ ...context, providerMessageId }, "email sent");
  return sent ?? null;
}

async function recordFailure(
  db: Executor,
  claimed: Email,
  error: unknown,
  context: Record<string, unknown>,
): Promise<Email | null> {
  const permanent = error instanceof MailPermanentError;
  const lastError = error instanceof Error ? safeMessage(error.message) : safeMessage(String(error));
  const giveUp = permanent || claimed.attempts >= MAX_ATTEMPTS;
  const delay = backoffSeconds(claimed.attempts);
  const [row] = await db
    .update(emails)
    .set(
      giveUp
        ? { status: "failed", lastError, updatedAt: sql`now()` }
        : {
            status: "queued",
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
 * Queues and immediately tries to deliver. Returns the row whatever happened: `sent`, `queued`
 * (will be retried by dispatchDueEmails) or `failed`. Pass the database, not a transaction.
 */
export async function sendMail(db: Executor, message: MailMessage, transport: MailTransport = transportFromEnv()): Promise<Email> {
  const queued = await queueMail(db, message, transport.from ? { from: transport.from } : {});
  const delivered = await deliverEmail(db, queued.id, transport);
  if (delivered) return delivered;
  // Someone else delivered or holds it (a repeated idempotency key): report where it stands now.
  const [current] = await db.select().from(emails).where(eq(emails.id, queued.id));
  return current ?? queued;
}

export type DispatchResult = { rescued: number; sent: number; retrying: number; failed: number; skipped: number };

/**
 * One pass of the delivery job: puts back rows a crashed process left in `sending`, then
 * delivers up to `limit` due emails, oldest due first, one at a time.
 */
export async function dispatchDueEmails(
  db: Executor,
  { limit = 50, transport = transportFromEnv() }: { limit?: number; transport?: MailTransport } = {},
): Promise<DispatchResult> {
  const rescued = await db
    .update(emails)
    .set({
      // Its attempt was counted when it was claimed; one that used the last attempt is done.
      status: sql`case when ${emails.attempts} >= ${MAX_ATTEMPTS} then 'failed' else 'queued' end::email_status`,
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
    .where(and(eq(emails.status, "queued"), lte(emails.nextAttemptAt, sql`now()`)))
    .orderBy(asc(emails.nextAttemptAt))
    .limit(limit);

  const result: DispatchResult = { rescued: rescued.length, sent: 0, retrying: 0, failed: 0, skipped: 0 };
  for (const { id } of due) {
    const row = await deliverEmail(db, id, transport);
    if (!row) result.skipped++;
    else if (row.status === "sent") result.sent++;
    else if (row.status === "failed") result.failed++;
    else result.retrying++;
  }
  return result;
}

export type EmailSummary = Pick<
  Email,
  "id" | "orgId" | "kind" | "toAddress" | "subject" | "status" | "transport" | "attempts" | "createdAt" | "sentAt"
>;

/**
 * Every organisation's email, newest first. Deliberately unscoped: only for /dev/outbox, a
 * whole-instance debugging page that exists only in development or with DEBUG on.
 */
export async function unsafeListAllEmails(
  db: Executor,
  { limit = 50, offset = 0 }: { limit?: number; offset?: number } = {},
): Promise<EmailSummary[]> {
  return db
    .select({
      id: emails.id,
      orgId: emails.orgId,
      kind: emails.kind,
      toAddress: emails.toAddress,
      subject: emails.subject,
      status: emails.status,
      transport: emails.transport,
      attempts: emails.attempts,
      createdAt: emails.createdAt,
      sentAt: emails.sentAt,
    })
    .from(emails)
    .orderBy(desc(emails.createdAt), desc(emails.id))
    .limit(limit)
    .offset(offset);
}

/** Any email by id, whichever organisation it belongs to. Unscoped: /dev/outbox only. */
export async function unsafeGetEmail(db: Executor, id: string): Promise<Email | null> {
  // A malformed id in the URL is "not found", not a database error.
  if (!isId(id)) return null;
  const [row] = await db.select().from(emails).where(eq(emails.id, id));
  return row ?? null;
}
