import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { type Executor, type Tx, getDb } from "@/db";
import { documents, onlinePayments, type OnlinePayment, type OnlinePaymentStatus, organizations, type Payment, payments, stripeEvents } from "@/db/schema";
import { addAmounts, applyGatewayPayment, applyGatewayRefund } from "@/lib/money";
import { assertCan, type Member, systemContext } from "./context";
import { addEvent, auditDocument, lockDocument, statusAfterPayment } from "./documents/shared";

/**
 * The Stripe side of the ledger: events received, online payments' progress, and payments and
 * refunds recorded from Stripe. Every function acts for one organisation, the one whose webhook
 * URL (or reconciliation run) the caller resolved; they run inside the caller's transaction, so an
 * event's row and its effect commit together.
 */

// ---------------------------------------------------------------------------------------------
// Events

/** Inserts the event's row; false when it was already there (a duplicate: change nothing). */
export async function insertStripeEvent(tx: Tx, orgId: string, event: { id: string; type: string; created: number }): Promise<boolean> {
  const inserted = await tx
    .insert(stripeEvents)
    .values({ id: event.id, orgId, type: event.type, outcome: "received", stripeCreatedAt: new Date(event.created * 1000) })
    .onConflictDoNothing({ target: [stripeEvents.orgId, stripeEvents.id] })
    .returning({ id: stripeEvents.id });
  return inserted.length > 0;
}

export async function setStripeEventOutcome(tx: Tx, orgId: string, eventId: string, outcome: string, documentId: string | null): Promise<void> {
  await tx
    .update(stripeEvents)
    .set({ outcome, documentId })
    .where(and(eq(stripeEvents.orgId, orgId), eq(stripeEvents.id, eventId)));
}

/** Parks a refund or dispute until the payment it is about is recorded (see stripe_events.waiting_for). */
export async function setStripeEventWaiting(tx: Tx, orgId: string, eventId: string, paymentIntentId: string, payload: Record<string, unknown>): Promise<void> {
  await tx
    .update(stripeEvents)
    .set({ waitingFor: paymentIntentId, payload })
    .where(and(eq(stripeEvents.orgId, orgId), eq(stripeEvents.id, eventId)));
}

/** The events waiting for this PaymentIntent's payment, oldest first, locked; each is applied once, then cleared. */
export async function takeWaitingStripeEvents(tx: Tx, orgId: string, paymentIntentId: string) {
  const rows = await tx
    .select({ id: stripeEvents.id, type: stripeEvents.type, payload: stripeEvents.payload, stripeCreatedAt: stripeEvents.stripeCreatedAt })
    .from(stripeEvents)
    .where(and(eq(stripeEvents.orgId, orgId), eq(stripeEvents.waitingFor, paymentIntentId)))
    .orderBy(stripeEvents.stripeCreatedAt, stripeEvents.id)
    .for("update");
  if (rows.length) {
    await tx
      .update(stripeEvents)
      .set({ waitingFor: null, payload: null })
      .where(and(eq(stripeEvents.orgId, orgId), eq(stripeEvents.waitingFor, paymentIntentId)));
  }
  return rows;
}

export const STRIPE_EVENTS_PAGE = 100;

/** The "Stripe events" log (Settings → Payments → Events): newest first, with the invoice each was about. */
export async function listStripeEvents(member: Member, tx?: Executor) {
  assertCan(member, "settings.manage");
  const db = tx ?? (await getDb());
  return db
    .select({
      id: stripeEvents.id,
      type: stripeEvents.type,
      outcome: stripeEvents.outcome,
      receivedAt: stripeEvents.receivedAt,
      documentId: stripeEvents.documentId,
      documentNumber: documents.number,
    })
    .from(stripeEvents)
    .leftJoin(documents, and(eq(documents.orgId, stripeEvents.orgId), eq(documents.id, stripeEvents.documentId)))
    .where(eq(stripeEvents.orgId, member.orgId))
    .orderBy(desc(stripeEvents.receivedAt), desc(stripeEvents.id))
    .limit(STRIPE_EVENTS_PAGE);
}

// ---------------------------------------------------------------------------------------------
// Online payments (rows created by the checkout code in lib/data/online-payments.ts)

/** Locks our row for a Checkout Session, a PaymentIntent or an online payment id, in this organisation. */
export async function lockOnlinePayment(tx: Tx, orgId: string, by: { checkoutSessionId: string } | { paymentIntentId: string } | { id: string }): Promise<OnlinePayment | null> {
  const where =
    "checkoutSessionId" in by
      ? eq(onlinePayments.checkoutSessionId, by.checkoutSessionId)
      : "paymentIntentId" in by
        ? eq(onlinePayments.paymentIntentId, by.paymentIntentId)
        : sql`${onlinePayments.id}::text = ${by.id}`;
  const [row] = await tx
    .select()
    .from(onlinePayments)
    .where(and(eq(onlinePayments.orgId, orgId), where))
    .for("update");
  return row ?? null;
}

/**
 * For reconciliation, when a PaymentIntent names only the invoice: the latest online payment for
 * that document not yet tied to a PaymentIntent, whose amount plus fee is what was charged.
 */
export async function lockUnmatchedOnlinePayment(tx: Tx, orgId: string, documentId: string, charged: number): Promise<OnlinePayment | null> {
  const [row] = await tx
    .select()
    .from(onlinePayments)
    .where(
      and(
        eq(onlinePayments.orgId, orgId),
        sql`${onlinePayments.documentId}::text = ${documentId}`,
        sql`${onlinePayments.paymentIntentId} is null`,
        sql`${onlinePayments.amount} + ${onlinePayments.feeAmount} = ${charged}`,
      ),
    )
    .orderBy(desc(onlinePayments.createdAt))
    .limit(1)
    .for("update");
  return row ?? null;
}

/** Statuses only move forward: open → processing → succeeded | failed (an expired session may still be paid). */
const ALLOWED_FROM: Record<OnlinePaymentStatus, OnlinePaymentStatus[]> = {
  open: [],
  expired: ["open"],
  processing: ["open", "expired"],
  succeeded: ["open", "expired", "processing"],
  failed: ["open", "expired", "processing"],
};

export function canMoveTo(from: OnlinePaymentStatus, to: OnlinePaymentStatus): boolean {
  return ALLOWED_FROM[to].includes(from);
}

export async function updateOnlinePayment(
  tx: Tx,
  orgId: string,
  id: string,
  set: Partial<Pick<OnlinePayment, "paymentIntentId" | "status" | "paymentId" | "failureReason" | "attention" | "attentionDetail">>,
): Promise<void> {
  await tx
    .update(onlinePayments)
    .set({ ...set, updatedAt: sql`now()` })
    .where(and(eq(onlinePayments.orgId, orgId), eq(onlinePayments.id, id)));
}

/** Online payments of an invoice that need the owner (currency mismatch, fee invoice not issued…), for the invoice page. */
export async function onlinePaymentsNeedingAttention(member: Member, documentId: string, tx?: Executor) {
  const db = tx ?? (await getDb());
  return db
    .select({ id: onlinePayments.id, attention: onlinePayments.attention, attentionDetail: onlinePayments.attentionDetail, paymentIntentId: onlinePayments.paymentIntentId, createdAt: onlinePayments.createdAt })
    .from(onlinePayments)
    .where(and(eq(onlinePayments.orgId, member.orgId), eq(onlinePayments.documentId, documentId), sql`${onlinePayments.attention} is not null`))
    .orderBy(desc(onlinePayments.createdAt));
}

export async function orgTimeZone(tx: Tx, orgId: string): Promise<string> {
  const [org] = await tx.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, orgId));
  return org?.timeZone ?? "UTC";
}

// ---------------------------------------------------------------------------------------------
// Payments and refunds from Stripe

export type GatewayPaymentInput = {
  documentId: string;
  amount: number;
  paidOn: string;
  method: string;
  reference: string;
  /** Unique across the payments table: the PaymentIntent id, or "<pi>:fee". */
  externalId: string;
};

export type GatewayPaymentResult =
  | { kind: "recorded"; payment: Payment; overpaidBy: number; number: string | null; currency: string; customerId: string }
  | { kind: "duplicate" }
  | { kind: "not_payable"; status: string };

/**
 * Records money Stripe collected on an issued invoice. The payment row goes in first under its
 * external id (ON CONFLICT DO NOTHING): whichever event or reconciliation gets here first records
 * it, the others find nothing inserted and change nothing. Unlike a manual payment it is never
 * refused for being more than the balance (the client has paid): the balance goes below zero and
 * the invoice is flagged overpaid.
 */
export async function recordGatewayPayment(tx: Tx, orgId: string, input: GatewayPaymentInput): Promise<GatewayPaymentResult> {
  const system = systemContext(orgId);
  const doc = await lockDocument(system, input.documentId, tx);
  if (doc.kind !== "invoice" || doc.status === "draft" || doc.status === "void") return { kind: "not_payable", status: doc.status };
  const [payment] = await tx
    .insert(payments)
    .values({
      orgId,
      documentId: doc.id,
      paidOn: input.paidOn,
      invoiceIssueDate: doc.issueDate,
      invoiceDueDate: doc.dueDate,
      amount: input.amount,
      currency: doc.currency,
      method: input.method,
      reference: input.reference,
      externalId: input.externalId,
    })
    .onConflictDoNothing({ target: [payments.orgId, payments.externalId] })
    .returning();
  if (!payment) return { kind: "duplicate" };
  const ledger = applyGatewayPayment(doc, input.amount);
  const overpaid = ledger.balance < 0;
  const lastPaidOn = doc.lastPaidOn && doc.lastPaidOn > payment.paidOn ? doc.lastPaidOn : payment.paidOn;
  await tx
    .update(documents)
    .set({
      amountPaid: ledger.amountPaid,
      balance: ledger.balance,
      lastPaidOn,
      gatewayOverpaid: overpaid,
      status: ledger.balance <= 0 ? "paid" : statusAfterPayment(doc, ledger.amountPaid, ledger.balance),
      ...(ledger.balance <= 0 && !doc.paidAt ? { paidAt: new Date() } : {}),
    })
    .where(and(eq(documents.orgId, orgId), eq(documents.id, doc.id)));
  const overpaidBy = overpaid ? -ledger.balance : 0;
  await addEvent(system, doc.id, { type: "payment_recorded", meta: { paymentId: payment.id, amount: input.amount, method: input.method, online: true, ...(overpaid ? { overpaidBy } : {}) } }, tx);
  await auditDocument(system, "document.payment_recorded", doc.id, {}, { paymentId: payment.id, amount: input.amount, currency: doc.currency, paidOn: payment.paidOn, number: doc.number, stripe: input.externalId }, tx);
  return { kind: "recorded", payment, overpaidBy, number: doc.number, currency: doc.currency, customerId: doc.customerId };
}

/** Locks an invoice of this organisation (refunds of one charge queue on it). */
export async function lockPaidDocument(tx: Tx, orgId: string, documentId: string): Promise<void> {
  await lockDocument(systemContext(orgId), documentId, tx);
}

/** The payment recorded under an external id (a PaymentIntent id, or "<pi>:fee"), if any. */
export async function findPaymentByExternalId(tx: Tx, orgId: string, externalId: string): Promise<Payment | null> {
  const [row] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.orgId, orgId), eq(payments.externalId, externalId)));
  return row ?? null;
}

/** Σ of the refunds recorded against each of these payments (as positive amounts). */
export async function refundedSoFar(tx: Tx, orgId: string, paymentIds: string[]): Promise<Map<string, number>> {
  const rows = paymentIds.length
    ? await tx
        .select({ id: payments.refundOfId, amount: payments.amount })
        .from(payments)
        .where(and(eq(payments.orgId, orgId), inArray(payments.refundOfId, paymentIds)))
    : [];
  const totals = new Map(paymentIds.map((id) => [id, 0]));
  for (const row of rows) totals.set(row.id!, addAmounts(totals.get(row.id!) ?? 0, -row.amount));
  return totals;
}

/**
 * Records `amount` (> 0) refunded from `original` as a negative payment under its own external id,
 * and re-opens the balance. Null when that external id was already recorded.
 */
export async function recordGatewayRefund(tx: Tx, orgId: string, original: Payment, input: { amount: number; paidOn: string; externalId: string; reference: string }): Promise<Payment | null> {
  const system = systemContext(orgId);
  const doc = await lockDocument(system, original.documentId, tx);
  const [refund] = await tx
    .insert(payments)
    .values({
      orgId,
      documentId: doc.id,
      paidOn: input.paidOn,
      invoiceIssueDate: doc.issueDate,
      invoiceDueDate: doc.dueDate,
      amount: -input.amount,
      currency: doc.currency,
      method: "Stripe refund",
      reference: input.reference,
      externalId: input.externalId,
      refundOfId: original.id,
    })
    .onConflictDoNothing({ target: [payments.orgId, payments.externalId] })
    .returning();
  if (!refund) return null;
  const ledger = applyGatewayRefund(doc, input.amount);
  await tx
    .update(documents)
    .set({
      amountPaid: ledger.amountPaid,
      balance: ledger.balance,
      gatewayOverpaid: ledger.balance < 0,
      status: ledger.balance <= 0 ? "paid" : statusAfterPayment(doc, ledger.amountPaid, ledger.balance),
      ...(ledger.balance > 0 ? { paidAt: null } : {}),
    })
    .where(and(eq(documents.orgId, orgId), eq(documents.id, doc.id)));
  await addEvent(system, doc.id, { type: "payment_refunded", meta: { paymentId: refund.id, amount: input.amount, refundOf: original.id } }, tx);
  await auditDocument(system, "document.payment_recorded", doc.id, {}, { paymentId: refund.id, amount: -input.amount, currency: doc.currency, paidOn: refund.paidOn, number: doc.number, stripe: input.externalId }, tx);
  return refund;
}

/** A client disputed a payment of this invoice: flag it (once) and put it on the timeline. */
export async function flagDisputed(tx: Tx, orgId: string, documentId: string, meta: { disputeId: string; amount: number; reason: string | null }): Promise<void> {
  const system = systemContext(orgId);
  await lockDocument(system, documentId, tx);
  await tx
    .update(documents)
    .set({ disputedAt: sql`coalesce(${documents.disputedAt}, now())` })
    .where(and(eq(documents.orgId, orgId), eq(documents.id, documentId)));
  await addEvent(system, documentId, { type: "payment_disputed", meta }, tx);
}
