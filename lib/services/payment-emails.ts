/**
 * The two "payment received" emails (issue 16 §7): a receipt to the client and a notification to
 * the organisation's owners and admins. Queued through the outbox inside the transaction that
 * records the payment, so a rollback queues nothing and a commit loses nothing.
 *
 * Exactly once by construction: every message's idempotency key names the payment (and, for the
 * team, the user), and the emails table's unique index on it makes a second call, in another
 * transaction or a replayed webhook, queue nothing more.
 *
 * Only money received sends anything: a refund (a negative payment row) sends nothing. A payment
 * recorded by hand sends a receipt only when the member ticks "Email a receipt to the client"
 * (recordPaymentWithReceipt), and never the team notification (they typed it in themselves).
 */
import "server-only";
import { type Executor, getDb } from "@/db";
import { documentEmail } from "@/emails/document-email";
import { type Member, type RequestMeta, systemContext } from "@/lib/data/context";
import { type PaymentInput, recordPayment, type RecordPaymentOptions } from "@/lib/data/documents/payments";
import { getEmailTemplate } from "@/lib/data/email-templates";
import { ensureDocumentLink } from "@/lib/data/links";
import { getPaymentEmailFacts, listPaymentNotificationRecipients, type PaymentEmailFacts } from "@/lib/data/payment-emails";
import { recipientFor } from "@/lib/data/sending";
import { formatDate } from "@/lib/dates";
import { moduleLogger } from "@/lib/logger";
import { emailDelivery } from "@/lib/mail/delivery";
import { documentLanguage, formattingLocale, type Language } from "@/lib/i18n/languages";
import { formatMoney } from "@/lib/money";
import { absoluteUrl, logoUrl } from "@/lib/urls";
import { queueMail } from "./outbox";

const log = moduleLogger("payment-emails");

export type PaymentEmailsResult = { receipt: string | null; notifications: string[] };

export const receiptKey = (paymentId: string) => `payment-receipt:${paymentId}`;
export const notificationKey = (paymentId: string, userId: string) => `payment-notification:${paymentId}:${userId}`;

/**
 * Queues the receipt (when the customer has an address) and one notification per owner or admin,
 * in the caller's transaction. Returns the ids of the email rows (an earlier call's rows when they
 * exist already). Nothing is queued where email cannot reach anyone (lib/mail/delivery.ts "none").
 */
export async function enqueuePaymentEmails(
  tx: Executor,
  { orgId, paymentId }: { orgId: string; paymentId: string },
  { notifyTeam = true }: { notifyTeam?: boolean } = {},
): Promise<PaymentEmailsResult> {
  const none: PaymentEmailsResult = { receipt: null, notifications: [] };
  if (emailDelivery() === "none") {
    log.info({ orgId, paymentId }, "email is not set up: no payment emails queued");
    return none;
  }
  const member = systemContext(orgId);
  const facts = await getPaymentEmailFacts(member, paymentId, tx);
  if (!facts || facts.amount <= 0) return none;

  // Money and dates as a reader of `locale` writes them.
  const valuesIn = (locale: string) => {
    const money = (minor: number) => formatMoney(minor, facts.currency, locale);
    return {
      customer_name: facts.customerName,
      number: facts.number ?? "",
      amount_paid: money(facts.amount),
      // An overpaid invoice (a client paid online after a payment by hand) owes nothing, not a negative amount.
      amount_due: money(Math.max(0, facts.balance)),
      total: money(facts.total),
      due_date: facts.dueDate ? formatDate(facts.dueDate, locale) : "",
    };
  };
  const org = { name: facts.orgName, brandColor: facts.brandColor, logoUrl: facts.logoUpdatedAt ? logoUrl(facts.orgId, facts.logoUpdatedAt.getTime()) : null };
  const base = { orgId, documentId: facts.documentId };

  let receipt: string | null = null;
  const to = await recipientFor(member, facts.customerId, tx);
  if (to) {
    const token = await ensureDocumentLink(member, facts.documentId, tx);
    // The client reads the receipt in the invoice's language, as its PDF and client page.
    const language = documentLanguage(facts.language, facts.customerLanguage, facts.locale);
    const content = documentEmail({
      kind: "payment_receipt",
      template: await getEmailTemplate(member, "payment_receipt", language, tx),
      language,
      link: absoluteUrl(`/i/${token}`),
      org,
      values: valuesIn(formattingLocale(language, facts.locale)),
    });
    const email = await queueMail({ ...base, kind: "payment_receipt", to, ...content, idempotencyKey: receiptKey(paymentId), secrets: [token] }, undefined, tx);
    receipt = email.id;
  }

  const notifications: string[] = [];
  const recipients = notifyTeam ? await listPaymentNotificationRecipients(member, tx) : [];
  if (recipients.length) {
    // The team reads the organisation's language, with its own locale's formats.
    const language = documentLanguage(null, null, facts.locale);
    const template = await getEmailTemplate(member, "payment_notification", language, tx);
    const content = notificationContent(facts, org, valuesIn(facts.locale), template, language);
    for (const r of recipients) {
      const email = await queueMail({ ...base, kind: "payment_notification", to: r.email, ...content, idempotencyKey: notificationKey(paymentId, r.userId) }, undefined, tx);
      notifications.push(email.id);
    }
  }
  return { receipt, notifications };
}

function notificationContent(
  facts: PaymentEmailFacts,
  org: { name: string; brandColor: string | null; logoUrl: string | null },
  values: Record<string, string>,
  template: { subject: string; body: string },
  language: Language,
) {
  // The team's link is the invoice in the app (sign-in required), never the client's token.
  const link = absoluteUrl(`/invoices/${facts.documentId}`);
  return documentEmail({
    kind: "payment_notification",
    template,
    link,
    org,
    values,
    language,
    toTeam: true,
  });
}

/**
 * The payment form's "Save payment": the payment and, when asked, the client's receipt, in one
 * transaction (a refused payment queues nothing). A repeated submission (same idempotency key)
 * finds the same payment, and the receipt's key finds the same email.
 */
export async function recordPaymentWithReceipt(
  member: Member,
  documentId: string,
  input: PaymentInput,
  { emailReceipt, ...options }: RecordPaymentOptions & { emailReceipt?: boolean },
  meta: RequestMeta = {},
  tx?: Executor,
) {
  const db = tx ?? (await getDb());
  return db.transaction(async (t) => {
    const payment = await recordPayment(member, documentId, input, meta, t, options);
    const receipt = emailReceipt ? (await enqueuePaymentEmails(t, { orgId: member.orgId, paymentId: payment.id }, { notifyTeam: false })).receipt : null;
    return { payment, receipt };
  });
}
