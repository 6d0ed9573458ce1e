import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { documents, type Payment, payments } from "@/db/schema";
import { AppError, badRequest, conflict, notFound } from "@/lib/errors";
import { applyGatewayRefund, applyPayment, reversePayment } from "@/lib/money";
import { assertCan, type Member, type RequestMeta } from "../context";
import { addEvent, auditDocument, isOpenInvoiceStatus, lockDocument, statusAfterPayment } from "./shared";

/** Payments on issued invoices: recording one and deleting one (a refund, or a mistake), each audited. */

export type PaymentInput = { paidOn: string; amount: number; method: string; reference?: string | null; note?: string | null };

export type RecordPaymentOptions = {
  /**
   * The payment form's key for one submission: a second request with it (a double-click, a retried
   * request) answers with the payment the first one recorded instead of recording another.
   */
  idempotencyKey?: string;
  /** The user confirmed that an identical payment recorded moments ago was received twice ("Record it again"). */
  confirmDuplicate?: boolean;
};

/** How long an identical payment (amount, date, reference) on the same invoice counts as a likely repeat. */
export const DUPLICATE_PAYMENT_WINDOW_MINUTES = 10;

export const DUPLICATE_PAYMENT_MESSAGE =
  `A payment with this amount, date and reference was recorded on this invoice in the last ${DUPLICATE_PAYMENT_WINDOW_MINUTES} minutes. ` +
  "Record it again only if you received it twice.";

export async function recordPayment(
  member: Member,
  documentId: string,
  input: PaymentInput,
  meta: RequestMeta = {},
  tx?: Executor,
  options: RecordPaymentOptions = {},
) {
  const db = tx ?? (await getDb());
  assertCan(member, "documents.manage");
  if (input.amount <= 0) throw badRequest("Enter an amount greater than zero.", { amount: "Enter an amount greater than zero." });
  return db.transaction(async (tx) => {
    const doc = await lockDocument(member, documentId, tx);
    if (doc.kind !== "invoice") throw badRequest("Payments are recorded against invoices.");
    // The payment goes in first, under the submission's key: the unique index, not a lookup, decides
    // that one submission is one payment, even for requests that arrive at the same instant. Any
    // refusal below rolls it back with the rest of the transaction.
    const [payment] = await tx
      .insert(payments)
      .values({
        orgId: member.orgId,
        documentId,
        currency: doc.currency,
        invoiceIssueDate: doc.issueDate,
        invoiceDueDate: doc.dueDate,
        createdById: member.userId,
        idempotencyKey: options.idempotencyKey ?? null,
        ...input,
      })
      .onConflictDoNothing({ target: [payments.orgId, payments.documentId, payments.idempotencyKey] })
      .returning();
    if (!payment) return recordedUnder(member, documentId, options.idempotencyKey!, tx);
    if (!isOpenInvoiceStatus(doc.status)) {
      throw conflict(doc.status === "paid" ? "This invoice is already paid in full." : "Payments can only be recorded on issued, unpaid invoices.");
    }
    if (input.amount > doc.balance) {
      throw badRequest("That is more than the balance due. Overpayments are not accepted.", { amount: "That is more than the balance due." });
    }
    // Under the document's row lock, so two different submissions of the same payment can't both
    // pass this check: the second one waits for the first and then sees it.
    if (!options.confirmDuplicate && (await hasRecentTwin(member, payment, tx))) {
      throw new AppError("CONFLICT", DUPLICATE_PAYMENT_MESSAGE, { confirmDuplicate: DUPLICATE_PAYMENT_MESSAGE });
    }
    const { amountPaid, balance } = applyPayment(doc, input.amount);
    const lastPaidOn = doc.lastPaidOn && doc.lastPaidOn > payment.paidOn ? doc.lastPaidOn : payment.paidOn;
    await tx
      .update(documents)
      .set({ amountPaid, balance, lastPaidOn, status: statusAfterPayment(doc, amountPaid, balance), ...(balance === 0 ? { paidAt: new Date() } : {}) })
      .where(and(eq(documents.orgId, member.orgId), eq(documents.id, documentId)));
    await addEvent(member, documentId, { type: "payment_recorded", meta: { paymentId: payment.id, amount: input.amount, method: input.method } }, tx);
    await auditDocument(member, "document.payment_recorded", documentId, meta, {
      paymentId: payment.id,
      amount: input.amount,
      currency: doc.currency,
      paidOn: payment.paidOn,
      number: doc.number,
      ...(options.confirmDuplicate ? { confirmedDuplicate: true } : {}),
    }, tx);
    return payment;
  });
}

/** The payment an earlier request with this key recorded (the insert above found it). */
async function recordedUnder(member: Member, documentId: string, idempotencyKey: string, tx: Executor) {
  const [payment] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.orgId, member.orgId), eq(payments.documentId, documentId), eq(payments.idempotencyKey, idempotencyKey)));
  if (!payment) throw conflict("This payment was already recorded and has since been deleted. Reload the page to see the invoice as it is.");
  return payment;
}

/** Another payment on the same invoice with the same amount, date and reference, recorded within the window. */
async function hasRecentTwin(member: Member, payment: Payment, tx: Executor): Promise<boolean> {
  const [twin] = await tx
    .select({ id: payments.id })
    .from(payments)
    .where(
      and(
        eq(payments.orgId, member.orgId),
        eq(payments.documentId, payment.documentId),
        ne(payments.id, payment.id),
        eq(payments.amount, payment.amount),
        eq(payments.paidOn, payment.paidOn),
        sql`${payments.reference} is not distinct from ${payment.reference}`,
        sql`${payments.createdAt} > now() - make_interval(mins => ${DUPLICATE_PAYMENT_WINDOW_MINUTES})`,
      ),
    )
    .limit(1);
  return !!twin;
}

/** Deleting a payment restores the balance and is audited. */
export async function deletePayment(member: Member, paymentId: string, meta: RequestMeta = {}, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "documents.manage");
  return db.transaction(async (tx) => {
    const [payment] = await tx.select().from(payments).where(and(eq(payments.orgId, member.orgId), eq(payments.id, paymentId)));
    if (!payment) throw notFound("Payment");
    // Stripe's payments and refunds mirror money that moved at Stripe (and their rows are what keeps
    // a replayed event from recording them again): they change only through Stripe.
    if (payment.externalId) throw conflict("This payment was recorded from Stripe. Refund it in Stripe; the refund is recorded here.");
    const doc = await lockDocument(member, payment.documentId, tx);
    if (doc.status === "void") throw conflict("Payments of a void invoice can't be changed.");
    await tx.delete(payments).where(and(eq(payments.orgId, member.orgId), eq(payments.id, paymentId)));
    // On an invoice an online payment overpaid, taking back a manual payment settles (part of) the
    // overpayment: the balance may stay below zero until it is settled in full.
    const { amountPaid, balance } = doc.gatewayOverpaid ? applyGatewayRefund(doc, payment.amount) : reversePayment(doc, payment.amount);
    const [remaining] = await tx
      .select({ lastPaidOn: sql<string | null>`max(${payments.paidOn})::text` })
      .from(payments)
      .where(and(eq(payments.orgId, member.orgId), eq(payments.documentId, doc.id)));
    await tx
      .update(documents)
      .set({
        amountPaid,
        balance,
        lastPaidOn: remaining?.lastPaidOn ?? null,
        gatewayOverpaid: balance < 0,
        ...(balance < 0 ? { status: "paid" as const } : { status: statusAfterPayment(doc, amountPaid, balance), paidAt: balance === 0 ? doc.paidAt : null }),
      })
      .where(and(eq(documents.orgId, member.orgId), eq(documents.id, doc.id)));
    await addEvent(member, doc.id, { type: "payment_deleted", meta: { amount: payment.amount, paidOn: payment.paidOn } }, tx);
    await auditDocument(member, "document.payment_deleted", doc.id, meta, { amount: payment.amount, currency: payment.currency, paidOn: payment.paidOn, number: doc.number }, tx);
    return doc.id;
  });
}
