import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { documents, payments } from "@/db/schema";
import { badRequest, conflict, notFound } from "@/lib/errors";
import { applyPayment, reversePayment } from "@/lib/money";
import { assertCan, type Member, type RequestMeta } from "../context";
import { addEvent, auditDocument, isOpenInvoiceStatus, lockDocument, statusAfterPayment } from "./shared";

/** Payments on issued invoices: recording one and deleting one (a refund, or a mistake), each audited. */

export type PaymentInput = { paidOn: string; amount: number; method: string; reference?: string | null; note?: string | null };

export async function recordPayment(member: Member, documentId: string, input: PaymentInput, meta: RequestMeta = {}, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "documents.manage");
  return db.transaction(async (tx) => {
    const doc = await lockDocument(member, documentId, tx);
    if (doc.kind !== "invoice") throw badRequest("Payments are recorded against invoices.");
    if (!isOpenInvoiceStatus(doc.status)) {
      throw conflict(doc.status === "paid" ? "This invoice is already paid in full." : "Payments can only be recorded on issued, unpaid invoices.");
    }
    if (input.amount <= 0) throw badRequest("Enter an amount greater than zero.", { amount: "Enter an amount greater than zero." });
    if (input.amount > doc.balance) {
      throw badRequest("That is more than the balance due. Overpayments are not accepted.", { amount: "That is more than the balance due." });
    }
    const [payment] = await tx
      .insert(payments)
      .values({ orgId: member.orgId, documentId, currency: doc.currency, invoiceIssueDate: doc.issueDate, invoiceDueDate: doc.dueDate, createdById: member.userId, ...input })
      .returning();
    const { amountPaid, balance } = applyPayment(doc, input.amount);
    const lastPaidOn = doc.lastPaidOn && doc.lastPaidOn > payment!.paidOn ? doc.lastPaidOn : payment!.paidOn;
    await tx
      .update(documents)
      .set({ amountPaid, balance, lastPaidOn, status: statusAfterPayment(doc, amountPaid, balance), ...(balance === 0 ? { paidAt: new Date() } : {}) })
      .where(and(eq(documents.orgId, member.orgId), eq(documents.id, documentId)));
    await addEvent(member, documentId, { type: "payment_recorded", meta: { paymentId: payment!.id, amount: input.amount, method: input.method } }, tx);
    await auditDocument(member, "document.payment_recorded", documentId, meta, {
      paymentId: payment!.id,
      amount: input.amount,
      currency: doc.currency,
      paidOn: payment!.paidOn,
      number: doc.number,
    }, tx);
    return payment!;
  });
}

/** Deleting a payment restores the balance and is audited. */
export async function deletePayment(member: Member, paymentId: string, meta: RequestMeta = {}, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "documents.manage");
  return db.transaction(async (tx) => {
    const [payment] = await tx.select().from(payments).where(and(eq(payments.orgId, member.orgId), eq(payments.id, paymentId)));
    if (!payment) throw notFound("Payment");
    const doc = await lockDocument(member, payment.documentId, tx);
    if (doc.status === "void") throw conflict("Payments of a void invoice can't be changed.");
    await tx.delete(payments).where(and(eq(payments.orgId, member.orgId), eq(payments.id, paymentId)));
    const { amountPaid, balance } = reversePayment(doc, payment.amount);
    const [remaining] = await tx
      .select({ lastPaidOn: sql<string | null>`max(${payments.paidOn})::text` })
      .from(payments)
      .where(and(eq(payments.orgId, member.orgId), eq(payments.documentId, doc.id)));
    await tx
      .update(documents)
      .set({ amountPaid, balance, lastPaidOn: remaining?.lastPaidOn ?? null, status: statusAfterPayment(doc, amountPaid, balance), paidAt: null })
      .where(and(eq(documents.orgId, member.orgId), eq(documents.id, doc.id)));
    await addEvent(member, doc.id, { type: "payment_deleted", meta: { amount: payment.amount, paidOn: payment.paidOn } }, tx);
    await auditDocument(member, "document.payment_deleted", doc.id, meta, { amount: payment.amount, currency: payment.currency, paidOn: payment.paidOn, number: doc.number }, tx);
    return doc.id;
  });
}
