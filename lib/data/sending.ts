import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { customerContacts, customers, type Document, documentEvents, documents, emailEvents, emails } from "@/db/schema";
import { conflict, notFound } from "@/lib/errors";
import { actorId, assertCan, type Member } from "./context";

const retryable = sql`(${emails.status} = 'failed' or (${emails.status} = 'unconfirmed' and ${emails.confirmedAt} is null and ${emails.nextAttemptAt} <= now()))`;

/** Where a document's email goes: the customer's primary contact, else the customer's own address. */
export async function recipientFor(member: Member, customerId: string, tx?: Executor): Promise<string | null> {
  const db = tx ?? (await getDb());
  const [primary] = await db
    .select({ email: customerContacts.email })
    .from(customerContacts)
    .where(and(eq(customerContacts.orgId, member.orgId), eq(customerContacts.customerId, customerId), eq(customerContacts.isPrimary, true)));
  if (primary?.email) return primary.email;
  const [customer] = await db.select({ email: customers.email }).from(customers).where(and(eq(customers.orgId, member.orgId), eq(customers.id, customerId)));
  return customer?.email ?? null;
}

/** Where the document's email goes (recipientFor its customer); null when the customer has no address. */
export async function recipientForDocument(member: Member, documentId: string, tx?: Executor): Promise<string | null> {
  const db = tx ?? (await getDb());
  const [doc] = await db
    .select({ customerId: documents.customerId })
    .from(documents)
    .where(and(eq(documents.orgId, member.orgId), eq(documents.id, documentId)));
  return doc ? recipientFor(member, doc.customerId, db) : null;
}

/** The document's row, locked until the transaction ends: one send at a time per document. */
export async function lockDocumentForSending(member: Member, documentId: string, executor?: Executor): Promise<Document> {
  const tx = executor ?? (await getDb());
  const [locked] = await tx.select().from(documents).where(and(eq(documents.orgId, member.orgId), eq(documents.id, documentId))).for("update");
  if (!locked) throw notFound("Document");
  return locked;
}

/** How many messages of this kind the document has had queued (the next send is number n+1). */
export async function countDocumentSends(member: Member, documentId: string, kind: string, tx?: Executor): Promise<number> {
  const db = tx ?? (await getDb());
  const [{ sends } = { sends: 0 }] = await db
    .select({ sends: sql<number>`count(*)::int` })
    .from(emails)
    .where(and(eq(emails.orgId, member.orgId), eq(emails.documentId, documentId), eq(emails.kind, kind)));
  return sends;
}

/** The document's email queued under `idempotencyKey`, if any (a Review & send submission that arrives twice). */
export async function findDocumentEmailByKey(member: Member, documentId: string, idempotencyKey: string, tx?: Executor) {
  const db = tx ?? (await getDb());
  const [email] = await db
    .select()
    .from(emails)
    .where(and(eq(emails.orgId, member.orgId), eq(emails.documentId, documentId), eq(emails.idempotencyKey, idempotencyKey)));
  return email ?? null;
}

/** After its message is queued: the document is sent (an issued one changes status) and its timeline says so. */
export async function recordDocumentSent(member: Member, documentId: string, sent: { to: string; emailId: string }, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "documents.manage");
  await db
    .update(documents)
    .set({ sentAt: new Date(), status: sql`case when ${documents.status} = 'issued' then 'sent' else ${documents.status} end::document_status` })
    .where(and(eq(documents.orgId, member.orgId), eq(documents.id, documentId)));
  await db.insert(documentEvents).values({ orgId: member.orgId, documentId, actorUserId: actorId(member), type: "sent", meta: sent });
}

/**
 * "Mark as sent": the owner delivered an issued invoice themselves (the client link, a printout).
 * Only an issued invoice changes; the timeline says it was marked by hand, not emailed.
 */
export async function markDocumentSent(member: Member, documentId: string, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "documents.manage");
  return db.transaction(async (tx) => {
    const [doc] = await tx
      .update(documents)
      .set({ sentAt: new Date(), status: "sent" })
      .where(and(eq(documents.orgId, member.orgId), eq(documents.id, documentId), eq(documents.kind, "invoice"), eq(documents.status, "issued")))
      .returning();
    if (!doc) throw conflict("Only an issued invoice that hasn't been sent can be marked as sent.");
    await tx.insert(documentEvents).values({ orgId: member.orgId, documentId, actorUserId: actorId(member), type: "marked_sent" });
    return doc;
  });
}

/** A document's messages and their delivery events, for its page. */
export async function listDocumentEmails(member: Member, documentId: string, tx?: Executor) {
  const db = tx ?? (await getDb());
  const rows = await db
    .select({
      id: emails.id,
      kind: emails.kind,
      to: emails.toAddress,
      status: emails.status,
      attempts: emails.attempts,
      lastError: emails.lastError,
      sentAt: emails.sentAt,
      createdAt: emails.createdAt,
      providerMessageId: emails.providerMessageId,
      canRetry: sql<boolean>`${retryable}`,
    })
    .from(emails)
    .where(and(eq(emails.orgId, member.orgId), eq(emails.documentId, documentId)))
    .orderBy(desc(emails.createdAt));
  const events = await db
    .select({ emailId: emailEvents.emailId, event: emailEvents.event, occurredAt: emailEvents.occurredAt, reason: emailEvents.reason })
    .from(emailEvents)
    .where(and(eq(emailEvents.orgId, member.orgId), eq(emailEvents.documentId, documentId)))
    .orderBy(asc(emailEvents.occurredAt));
  return rows.map((r) => ({ ...r, events: events.filter((e) => e.emailId === r.id) }));
}

/**
 * "Retry" on a failed message, or on an unconfirmed one whose confirmation window has passed
 * without a word from SendGrid (it may not have arrived; the owner decides to send it again):
 * back in the queue with a fresh set of attempts.
 */
export async function retryEmail(member: Member, emailId: string, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "documents.manage");
  const [email] = await db
    .update(emails)
    .set({ status: "queued", attempts: 0, nextAttemptAt: new Date(), lastError: null })
    .where(and(eq(emails.orgId, member.orgId), eq(emails.id, emailId), retryable))
    .returning();
  if (!email) throw notFound("Failed message");
  return email;
}
