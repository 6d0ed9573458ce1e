/**
 * The `emails` table as a durable outbox: the queries behind lib/services/outbox.ts (which holds
 * the policy — attempts, backoff, transports) and /dev/outbox. Every function here acts on a row by
 * id or on the whole queue, whichever organisation it belongs to (account emails belong to none),
 * hence `unsafe…`: the callers are the delivery job, the webhook and the debugging page.
 *
 * Times come from the database's clock so every app server agrees on what "due" means.
 */
import "server-only";
import { and, asc, desc, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { type Email, emails, type NewEmail } from "@/db/schema/mail";
import { isId } from "@/lib/ids";
import { moduleLogger } from "@/lib/logger";
import { openEmailBody } from "./encrypted-fields";

const log = moduleLogger("mail");

/** Which rows delivery may claim: queued ones, and unconfirmed ones when the policy sends them again. */
export type ClaimPolicy = { retryUnconfirmed: boolean; maxAttempts: number };

/**
 * Stores a message under its idempotency key and returns its row; with a key already used, the
 * earlier row unchanged. Safe inside a transaction.
 */
export async function unsafeInsertEmail(values: NewEmail & { id: string; idempotencyKey: string }, tx?: Executor): Promise<Email> {
  const db = tx ?? (await getDb());
  const [inserted] = await db.insert(emails).values(values).onConflictDoNothing({ target: emails.idempotencyKey }).returning();
  if (inserted) return inserted;
  const [existing] = await db.select().from(emails).where(eq(emails.idempotencyKey, values.idempotencyKey));
  // The conflicting row was inserted by a transaction that has since rolled back: impossible to
  // see here, but say so rather than return undefined.
  if (!existing) throw new Error(`email with idempotency key ${values.idempotencyKey} vanished while queuing`);
  return existing;
}

/** One row as stored (sealed body still sealed), or null. */
export async function unsafeGetStoredEmail(id: string, tx?: Executor): Promise<Email | null> {
  const db = tx ?? (await getDb());
  const [row] = await db.select().from(emails).where(eq(emails.id, id));
  return row ?? null;
}

function claimable({ retryUnconfirmed, maxAttempts }: ClaimPolicy) {
  return or(
    // A confirmed row is never sent again, whatever status a retry left it in.
    and(eq(emails.status, "queued"), isNull(emails.confirmedAt)),
    retryUnconfirmed ? and(eq(emails.status, "unconfirmed"), isNull(emails.confirmedAt), lt(emails.attempts, maxAttempts)) : undefined,
  );
}

/**
 * Claims one due row for delivery (`sending`, attempt counted). One statement, so of two
 * concurrent callers exactly one gets the row back; null when there is nothing to claim.
 */
export async function unsafeClaimEmail(id: string, policy: ClaimPolicy, tx?: Executor): Promise<Email | null> {
  const db = tx ?? (await getDb());
  const [claimed] = await db
    .update(emails)
    .set({ status: "sending", attempts: sql`${emails.attempts} + 1`, updatedAt: sql`now()` })
    .where(and(eq(emails.id, id), claimable(policy), lte(emails.nextAttemptAt, sql`now()`)))
    .returning();
  return claimed ?? null;
}

/** Ids of the rows due for delivery, oldest due first. */
export async function unsafeListDueEmailIds(policy: ClaimPolicy, limit: number, tx?: Executor): Promise<string[]> {
  const db = tx ?? (await getDb());
  const due = await db
    .select({ id: emails.id })
    .from(emails)
    .where(and(claimable(policy), lte(emails.nextAttemptAt, sql`now()`)))
    .orderBy(asc(emails.nextAttemptAt))
    .limit(limit);
  return due.map((r) => r.id);
}

/**
 * A claimed row the provider accepted. `purge` (the stored body without secrets) drops its
 * attachments and sealed body too; null keeps the row whole (the development outbox, where the
 * row is the message).
 */
export async function unsafeMarkEmailSent(
  id: string,
  sent: { transport: NonNullable<Email["transport"]>; providerMessageId: string | null; purge: { html: string; text: string } | null },
  tx?: Executor,
): Promise<Email | null> {
  const db = tx ?? (await getDb());
  const [row] = await db
    .update(emails)
    .set({
      status: "sent",
      transport: sent.transport,
      providerMessageId: sent.providerMessageId,
      sentAt: sql`now()`,
      lastError: null,
      updatedAt: sql`now()`,
      ...(sent.purge ? { attachments: null, sealedBody: null, html: sent.purge.html, text: sent.purge.text } : {}),
    })
    .where(and(eq(emails.id, id), eq(emails.status, "sending")))
    .returning();
  return row ?? null;
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

/** A claimed row whose delivery failed: `failed` when giving up, else queued again after `retryInSeconds`. */
export async function unsafeRecordEmailFailure(
  id: string,
  failure: { lastError: string; giveUp: boolean; retryInSeconds: number },
  tx?: Executor,
): Promise<Email | null> {
  const db = tx ?? (await getDb());
  const [row] = await db
    .update(emails)
    .set(
      failure.giveUp
        ? { status: orConfirmed("failed"), ...purgedIfConfirmed, lastError: failure.lastError, updatedAt: sql`now()` }
        : {
            status: orConfirmed("queued"),
            ...purgedIfConfirmed,
            lastError: failure.lastError,
            nextAttemptAt: sql`now() + ${`${failure.retryInSeconds} seconds`}::interval`,
            updatedAt: sql`now()`,
          },
    )
    .where(and(eq(emails.id, id), eq(emails.status, "sending")))
    .returning();
  return row ?? null;
}

/**
 * A claimed row whose provider may have it: it waits `waitMinutes` for the webhook's confirmation;
 * one that already arrived (while we were still waiting for the answer) makes it sent. The CASE
 * reads the row as it is when this update runs, so a confirmation committed just before is never
 * missed.
 */
export async function unsafeRecordEmailUnconfirmed(
  id: string,
  unconfirmed: { transport: NonNullable<Email["transport"]>; lastError: string; waitMinutes: number },
  tx?: Executor,
): Promise<Email | null> {
  const db = tx ?? (await getDb());
  const [row] = await db
    .update(emails)
    .set({
      status: orConfirmed("unconfirmed"),
      ...purgedIfConfirmed,
      transport: unconfirmed.transport,
      lastError: sql`case when ${emails.confirmedAt} is not null then null else ${unconfirmed.lastError} end`,
      nextAttemptAt: sql`now() + ${`${unconfirmed.waitMinutes} minutes`}::interval`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(emails.id, id), eq(emails.status, "sending")))
    .returning();
  return row ?? null;
}

/**
 * Puts back rows a crashed process left in `sending` for longer than `stuckAfter` (an interval);
 * returns how many.
 */
export async function unsafeRescueStuckEmails({ stuckAfter, maxAttempts }: { stuckAfter: string; maxAttempts: number }, tx?: Executor): Promise<number> {
  const db = tx ?? (await getDb());
  const rescued = await db
    .update(emails)
    .set({
      // Its attempt was counted when it was claimed; one that used the last attempt is done. One
      // the webhook confirmed meanwhile was sent.
      status: sql`case when ${emails.confirmedAt} is not null then 'sent' when ${emails.attempts} >= ${maxAttempts} then 'failed' else 'queued' end::email_status`,
      lastError: "delivery interrupted (the sending process stopped)",
      nextAttemptAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(emails.status, "sending"), lt(emails.updatedAt, sql`now() - ${stuckAfter}::interval`)))
    .returning({ id: emails.id });
  return rescued.length;
}

/**
 * Marks the emails as accepted by SendGrid. An event names a row only once a send of it reached
 * SendGrid, so one waiting for a (re)send (`unconfirmed`, `queued` or `failed` — a queued row
 * included, whose attempts the owner's Retry set back to 0) is sent: it is never sent again, and its
 * sealed body and attachments go. One still `sending` keeps its status (that send finishes it), but
 * the mark makes a timeout or failure there end as sent too (orConfirmed above).
 */
export async function unsafeConfirmEmails(ids: string[], tx?: Executor): Promise<void> {
  const db = tx ?? (await getDb());
  if (ids.length === 0) return;
  const wasUnconfirmed = sql`(${emails.status} in ('unconfirmed', 'queued', 'failed'))`;
  await db
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

export type EmailSummary = Pick<
  Email,
  "id" | "orgId" | "kind" | "toAddress" | "subject" | "status" | "transport" | "attempts" | "createdAt" | "sentAt"
>;

/**
 * Every organisation's email, newest first: /dev/outbox, the whole-instance debugging page
 * (app/dev/outbox), which itself decides who may see it (app/dev/outbox/access.ts).
 */
export async function unsafeListAllEmails(
  { limit = 50, offset = 0 }: { limit?: number; offset?: number } = {},
  tx?: Executor,
): Promise<EmailSummary[]> {
  const db = tx ?? (await getDb());
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

/**
 * Any email by id, whichever organisation it belongs to, with the message as it was sent: the
 * sealed body (with its links) when there still is one. /dev/outbox only.
 */
export async function unsafeGetEmail(id: string, tx?: Executor): Promise<Email | null> {
  const db = tx ?? (await getDb());
  // A malformed id in the URL is "not found", not a database error.
  if (!isId(id)) return null;
  const row = await unsafeGetStoredEmail(id, db);
  if (!row) return null;
  try {
    const body = openEmailBody(row);
    return body ? { ...row, ...body } : row;
  } catch (error) {
    // Keys changed since it was written: show the stored (redacted) copy rather than fail the page.
    log.warn({ emailId: row.id, err: error }, "sealed email body cannot be decrypted");
    return row;
  }
}
