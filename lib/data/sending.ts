import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { customerContacts, customers, documentEvents, documents, emailEvents, emails } from "@/db/schema";
import { documentEmail } from "@/emails/document-email";
import { badRequest, conflict, notFound } from "@/lib/errors";
import type { EmailTemplateKind } from "@/lib/email-templates";
import { formatDate } from "@/lib/dates";
import { queueMail } from "@/lib/mail";
import { formatMoney } from "@/lib/money";
import { absoluteUrl, logoUrl } from "@/lib/urls";
import { loadPdfData, pdfOf } from "@/lib/services/document-pdf";
import { pdfFileName } from "@/pdf/file-name";
import { actorId, assertCan, type Member } from "./context";
import { getEmailTemplate } from "./email-templates";
import { ensureDocumentLink } from "./links";

const retryable = sql`(${emails.status} = 'failed' or (${emails.status} = 'unconfirmed' and ${emails.confirmedAt} is null and ${emails.nextAttemptAt} <= now()))`;

const SENDABLE: Record<string, string[]> = {
  invoice: ["issued", "sent", "viewed", "partially_paid", "paid"],
  quote: ["sent", "viewed", "accepted"],
};

/** Where a document's email goes: the customer's primary contact, else the customer's own address. */
export async function recipientFor(db: Executor, member: Member, customerId: string): Promise<string | null> {
  const [primary] = await db
    .select({ email: customerContacts.email })
    .from(customerContacts)
    .where(and(eq(customerContacts.orgId, member.orgId), eq(customerContacts.customerId, customerId), eq(customerContacts.isPrimary, true)));
  if (primary?.email) return primary.email;
  const [customer] = await db.select({ email: customers.email }).from(customers).where(and(eq(customers.orgId, member.orgId), eq(customers.id, customerId)));
  return customer?.email ?? null;
}

/**
 * Sends a document: the message (with its PDF and the client's link) is queued in the same
 * transaction as the status change, under an idempotency key, so it is never lost and never
 * queued twice; delivery happens after the response and from `npm run jobs` until it succeeds.
 */
export async function sendDocument(db: Executor, member: Member, documentId: string) {
  assertCan(member, "documents.manage");
  const data = await loadPdfData(db, member, documentId);
  const doc = data.document;
  if (!(SENDABLE[doc.kind] ?? []).includes(doc.status)) {
    throw conflict(doc.status === "draft" ? "Issue this document before sending it." : "This document can't be sent in its current state.");
  }
  const [{ customerId } = { customerId: "" }] = await db
    .select({ customerId: documents.customerId })
    .from(documents)
    .where(and(eq(documents.orgId, member.orgId), eq(documents.id, documentId)));
  const to = await recipientFor(db, member, customerId);
  if (!to) throw badRequest("This customer has no email address. Add one on the customer's page, then send again.");
  const { bytes: pdf } = await pdfOf(db, member, data);
  const kind: EmailTemplateKind = doc.kind === "quote" ? "quote_sent" : "invoice_sent";
  return db.transaction(async (tx) => {
    const [locked] = await tx.select().from(documents).where(and(eq(documents.orgId, member.orgId), eq(documents.id, documentId))).for("update");
    if (!locked) throw notFound("Document");
    const token = await ensureDocumentLink(tx, member, documentId);
    const link = absoluteUrl(`/i/${token}`);
    const template = await getEmailTemplate(tx, member, kind);
    const money = (minor: number) => formatMoney(minor, locked.currency, data.org.locale);
    const content = documentEmail({
      kind,
      template,
      link,
      org: { name: data.org.name, brandColor: data.org.brandColor, logoUrl: data.logo ? logoUrl(member.orgId, data.logo.version ?? 0) : null },
      values: {
        customer_name: doc.customerSnapshot?.name ?? doc.customer.name,
        number: locked.number ?? "",
        amount_due: money(locked.balance),
        total: money(locked.total),
        due_date: formatDate(locked.dueDate, data.org.locale),
      },
    });
    const [{ sends } = { sends: 0 }] = await tx
      .select({ sends: sql<number>`count(*)::int` })
      .from(emails)
      .where(and(eq(emails.orgId, member.orgId), eq(emails.documentId, documentId), eq(emails.kind, kind)));
    const email = await queueMail(tx, {
      kind,
      orgId: member.orgId,
      documentId,
      to,
      ...content,
      attachments: [{ filename: pdfFileName(locked.number), contentType: "application/pdf", contentBase64: pdf.toString("base64") }],
      // Send number n of this document: the key is fixed inside the transaction that holds the
      // document's row lock, so one request never stores two messages; a deliberate resend is n+1.
      idempotencyKey: `document:${documentId}:${kind}:${sends + 1}`,
      // The client link opens the document: never stored in the clear (lib/mail/secrets.ts).
      secrets: [token],
    });
    await tx
      .update(documents)
      .set({ sentAt: new Date(), ...(locked.status === "issued" ? { status: "sent" as const } : {}) })
      .where(and(eq(documents.orgId, member.orgId), eq(documents.id, documentId)));
    await tx.insert(documentEvents).values({ orgId: member.orgId, documentId, actorUserId: actorId(member), type: "sent", meta: { to, emailId: email.id } });
    return email;
  });
}

/** A document's messages and their delivery events, for its page. */
export async function listDocumentEmails(db: Executor, member: Member, documentId: string) {
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
export async function retryEmail(db: Executor, member: Member, emailId: string) {
  assertCan(member, "documents.manage");
  const [email] = await db
    .update(emails)
    .set({ status: "queued", attempts: 0, nextAttemptAt: new Date(), lastError: null })
    .where(and(eq(emails.orgId, member.orgId), eq(emails.id, emailId), retryable))
    .returning();
  if (!email) throw notFound("Failed message");
  return email;
}
