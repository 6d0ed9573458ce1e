/**
 * Sending a document to its customer: the email (template, client link, PDF attached) is composed
 * here and queued in the outbox; the queries are in lib/data (sending, links, email-templates).
 */
import "server-only";
import { type Executor, getDb } from "@/db";
import type { Email, EmailAttachment } from "@/db/schema/mail";
import { documentEmail } from "@/emails/document-email";
import { assertCan, type Member } from "@/lib/data/context";
import { getEInvoice } from "@/lib/data/einvoices";
import { getEmailTemplate } from "@/lib/data/email-templates";
import { ensureDocumentLink } from "@/lib/data/links";
import { countDocumentSends, findDocumentEmailByKey, lockDocumentForSending, recipientForDocument, recordDocumentSent } from "@/lib/data/sending";
import { formatDate } from "@/lib/dates";
import type { EmailTemplateKind, TemplateText } from "@/lib/email-templates";
import { badRequest, conflict } from "@/lib/errors";
import { emailDelivery, SEND_WITHOUT_EMAIL_MESSAGE } from "@/lib/mail/delivery";
import { formattingLocale } from "@/lib/i18n/languages";
import { formatMoney } from "@/lib/money";
import { absoluteUrl, logoUrl } from "@/lib/urls";
import { pdfFileName, xmlFileName } from "@/pdf/file-name";
import { pdfLanguage } from "@/pdf/format";
import { queueMail } from "./outbox";
import { loadPdfData, pdfOf } from "./document-pdf";

/** What the sender chose in the Review & send dialog; anything left out is the usual. */
export type SendChoices = {
  attachPdf?: boolean;
  /** Instead of the customer's billing address. */
  to?: string;
  cc?: readonly string[];
  /** This message's subject and text (placeholders allowed) instead of the organisation's template. */
  template?: TemplateText;
  /**
   * One per opening of the Review & send dialog: every request that submission turns into (a double
   * click, a retry after a lost answer) queues the one message, instead of counting as a resend.
   */
  submissionKey?: string;
};

/** What sendDocument queued; `repeat`: nothing new, this submission's message was already queued (the caller's send budget gets its point back). */
export type QueuedSend = Email & { repeat: boolean };

/** The outbox key of one Review & send submission: its every request queues this one message. */
function submissionIdempotencyKey(documentId: string, kind: EmailTemplateKind, submissionKey: string) {
  return `document:${documentId}:${kind}:review:${submissionKey}`;
}

const templateKindOf = (documentKind: string): EmailTemplateKind => (documentKind === "quote" ? "quote_sent" : "invoice_sent");

/**
 * The message this Review & send submission already queued, or null: its repeat (a double click, a
 * retry after a lost answer) is answered with that message, spends no send and renders nothing.
 */
export async function queuedSubmission(member: Member, documentId: string, documentKind: string, submissionKey: string): Promise<Email | null> {
  return findDocumentEmailByKey(member, documentId, submissionIdempotencyKey(documentId, templateKindOf(documentKind), submissionKey));
}

const SENDABLE: Record<string, string[]> = {
  invoice: ["issued", "sent", "viewed", "partially_paid", "paid"],
  quote: ["sent", "viewed", "accepted"],
};

/**
 * The document's PDF step: what the PDF shows (the email uses it too) and, when attached, its bytes
 * (stored ones for an issued document that hasn't changed: lib/services/document-pdf.ts).
 */
async function pdfAttachment(db: Executor, member: Member, documentId: string) {
  const data = await loadPdfData(member, documentId, db);
  const render = async (): Promise<EmailAttachment> => ({
    filename: pdfFileName(data.document.number),
    contentType: "application/pdf",
    contentBase64: (await pdfOf(member, data, db)).bytes.toString("base64"),
  });
  return { data, render };
}

/**
 * The e-invoice XML stored at issue (UBL or CII formats), attached beside the PDF. A Factur-X
 * document carries its XML inside the PDF instead (lib/services/document-pdf.ts).
 */
async function xmlAttachment(db: Executor, member: Member, documentId: string, number: string | null): Promise<EmailAttachment | null> {
  const stored = await getEInvoice(member, documentId, db);
  if (!stored || stored.format === "factur-x") return null;
  return { filename: xmlFileName(number), contentType: "application/xml", contentBase64: Buffer.from(stored.xml, "utf8").toString("base64") };
}

/**
 * Sends a document: the message (with its PDF and the client's link) is queued in the same
 * transaction as the status change, under an idempotency key, so it is never lost and never
 * queued twice; delivery happens after the response and from `npm run jobs` until it succeeds.
 * `attachPdf: false` (a recurring profile's choice) sends the link without the PDF. An e-invoice
 * XML goes along either way: a buyer who asked for one needs it in the message that bills them.
 * The Review & send dialog may also choose the recipient, copies and wording (`SendChoices`); the
 * idempotency key is the same either way, so what it sends is still queued exactly once.
 */
export async function sendDocument(member: Member, documentId: string, tx?: Executor, options: SendChoices = {}): Promise<QueuedSend> {
  const db = tx ?? (await getDb());
  assertCan(member, "documents.manage");
  // Queued where nobody reads it, the message would still mark the document sent: refuse instead.
  if (emailDelivery() === "none") throw conflict(SEND_WITHOUT_EMAIL_MESSAGE);
  const { data, render } = await pdfAttachment(db, member, documentId);
  const doc = data.document;
  if (!(SENDABLE[doc.kind] ?? []).includes(doc.status)) {
    throw conflict(doc.status === "draft" ? "Issue this document before sending it." : "This document can't be sent in its current state.");
  }
  const to = options.to?.trim() || (await recipientForDocument(member, documentId, db));
  if (!to) throw badRequest("This customer has no email address. Add one on the customer's page, then send again.");
  const xml = await xmlAttachment(db, member, documentId, doc.number);
  const attachments = [...(options.attachPdf === false ? [] : [await render()]), ...(xml ? [xml] : [])];
  const kind = templateKindOf(doc.kind);
  return db.transaction(async (tx) => {
    const locked = await lockDocumentForSending(member, documentId, tx);
    const token = await ensureDocumentLink(member, documentId, tx);
    const link = absoluteUrl(`/i/${token}`);
    // The language its PDF and client page use (the document's, its customer's as issued, the organisation's).
    const language = pdfLanguage(data);
    const locale = formattingLocale(language, data.org.locale);
    const template = options.template ?? (await getEmailTemplate(member, kind, language, tx));
    const money = (minor: number) => formatMoney(minor, locked.currency, locale);
    const content = documentEmail({
      kind,
      template,
      language,
      link,
      org: { name: data.org.name, brandColor: data.org.brandColor, logoUrl: data.logo ? logoUrl(member.orgId, data.logo.version ?? 0) : null },
      values: {
        customer_name: doc.customerSnapshot?.name ?? doc.customer.name,
        number: locked.number ?? "",
        amount_due: money(locked.balance),
        total: money(locked.total),
        due_date: formatDate(locked.dueDate, locale),
      },
    });
    let idempotencyKey: string;
    if (options.submissionKey) {
      idempotencyKey = submissionIdempotencyKey(documentId, kind, options.submissionKey);
      // Read under the document's row lock (lockDocumentForSending), so two requests of one
      // submission cannot both miss it; the unique key stays the backstop. The repeat gets the
      // message the first one queued, and the timeline records the send once.
      const queued = await findDocumentEmailByKey(member, documentId, idempotencyKey, tx);
      if (queued) return { ...queued, repeat: true };
    } else {
      // Send number n of this document: the key is fixed inside the transaction that holds the
      // document's row lock, so one request never stores two messages; a deliberate resend is n+1.
      idempotencyKey = `document:${documentId}:${kind}:${(await countDocumentSends(member, documentId, kind, tx)) + 1}`;
    }
    const email = await queueMail({
      kind,
      orgId: member.orgId,
      documentId,
      to,
      cc: options.cc,
      ...content,
      attachments,
      idempotencyKey,
      // The client link opens the document: never stored in the clear (lib/mail/secrets.ts).
      secrets: [token],
    }, undefined, tx);
    await recordDocumentSent(member, documentId, { to, emailId: email.id }, tx);
    return { ...email, repeat: false };
  });
}
