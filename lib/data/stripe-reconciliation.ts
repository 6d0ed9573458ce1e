import "server-only";
import { and, eq, gt, gte, inArray, isNotNull, isNull, lt, not, or, type SQL, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { documents, onlinePayments, payments, stripeConnections, type StoredReconciliation } from "@/db/schema";
import { isId } from "@/lib/ids";
import type { Member } from "./context";

/**
 * Reconciliation's reads and its one write (the last result). Ours is the payments table: a
 * PaymentIntent is recorded when a payment carries its id as external_id (the pass-through fee,
 * when there is one, is a second payment under "<pi>:fee", on the fee's own invoice). Refunds
 * (negative rows, refund_of_id set) are not payments Stripe lists as succeeded and are left out.
 * online_payments tells which invoice an unrecorded PaymentIntent was for.
 * (lib/services/stripe-reconcile.ts compares.)
 */

const stripePayments = {
  externalId: sql<string>`${payments.externalId}`,
  amount: payments.amount,
  currency: payments.currency,
  documentId: payments.documentId,
  number: documents.number,
};

function recordedPayments(db: Executor, member: Member, where: SQL | undefined) {
  return db
    .select(stripePayments)
    .from(payments)
    .innerJoin(documents, and(eq(documents.orgId, payments.orgId), eq(documents.id, payments.documentId)))
    .where(and(eq(payments.orgId, member.orgId), isNull(payments.refundOfId), where));
}

export type RecordedStripePayment = Awaited<ReturnType<typeof recordedPayments>>[number];

/** Our payments recorded for these PaymentIntents, and their fees ("<pi>:fee"). */
export async function findPaymentsForIntents(member: Member, paymentIntentIds: string[], tx?: Executor): Promise<RecordedStripePayment[]> {
  if (!paymentIntentIds.length) return [];
  const db = tx ?? (await getDb());
  return recordedPayments(db, member, inArray(payments.externalId, paymentIntentIds.flatMap((id) => [id, `${id}:fee`])));
}

/** Payments we recorded from Stripe since `since` (not fees): each must be a succeeded intent at Stripe. */
export async function listStripePaymentsSince(member: Member, since: Date, tx?: Executor): Promise<RecordedStripePayment[]> {
  const db = tx ?? (await getDb());
  return recordedPayments(db, member, and(isNotNull(payments.externalId), not(sql`${payments.externalId} like '%:fee'`), gt(payments.amount, 0), gte(payments.createdAt, since)));
}

const ourColumns = {
  id: onlinePayments.id,
  documentId: onlinePayments.documentId,
  number: documents.number,
  paymentIntentId: onlinePayments.paymentIntentId,
  status: onlinePayments.status,
  amount: onlinePayments.amount,
  feeAmount: onlinePayments.feeAmount,
  currency: onlinePayments.currency,
  paymentId: onlinePayments.paymentId,
};

function ours(db: Executor, member: Member, where: SQL | undefined) {
  return db
    .select(ourColumns)
    .from(onlinePayments)
    .innerJoin(documents, and(eq(documents.orgId, onlinePayments.orgId), eq(documents.id, onlinePayments.documentId)))
    .where(and(eq(onlinePayments.orgId, member.orgId), where));
}

export type OurOnlinePayment = Awaited<ReturnType<typeof ours>>[number];

/**
 * Our rows for these PaymentIntents: by the intent's id, or by the online_payments id the Checkout
 * Session carried in its metadata (a completed event that never arrived left payment_intent_id empty).
 */
export async function findOnlinePaymentsForIntents(member: Member, intents: { paymentIntentIds: string[]; onlinePaymentIds: string[] }, tx?: Executor) {
  const db = tx ?? (await getDb());
  const ids = intents.onlinePaymentIds.filter(isId);
  if (!intents.paymentIntentIds.length && !ids.length) return [];
  return ours(
    db,
    member,
    or(
      intents.paymentIntentIds.length ? inArray(onlinePayments.paymentIntentId, intents.paymentIntentIds) : undefined,
      ids.length ? inArray(onlinePayments.id, ids) : undefined,
    ),
  );
}

/** The document number of an invoice of this organisation (a PaymentIntent's metadata names it), or null. */
export async function findInvoiceNumber(member: Member, documentId: string, tx?: Executor): Promise<string | null> {
  if (!isId(documentId)) return null;
  const db = tx ?? (await getDb());
  const [row] = await db.select({ number: documents.number }).from(documents).where(and(eq(documents.orgId, member.orgId), eq(documents.id, documentId)));
  return row?.number ?? null;
}

export async function saveReconciliationResult(member: Member, result: StoredReconciliation, tx?: Executor): Promise<void> {
  const db = tx ?? (await getDb());
  await db
    .update(stripeConnections)
    .set({ lastReconciliation: result, lastReconciledAt: new Date(result.checkedAt) })
    .where(eq(stripeConnections.orgId, member.orgId));
}

export async function getReconciliationResult(member: Member, tx?: Executor): Promise<{ connected: boolean; result: StoredReconciliation | null }> {
  const db = tx ?? (await getDb());
  const [row] = await db.select({ result: stripeConnections.lastReconciliation }).from(stripeConnections).where(eq(stripeConnections.orgId, member.orgId));
  return { connected: !!row, result: row?.result ?? null };
}

/**
 * Every connected organisation not reconciled since `before` (the job's round). Unscoped: the job
 * then acts for each organisation with its own context.
 */
export async function unsafeListOrgsToReconcile(before: Date, tx?: Executor): Promise<string[]> {
  const db = tx ?? (await getDb());
  const rows = await db
    .select({ orgId: stripeConnections.orgId })
    .from(stripeConnections)
    .where(or(sql`${stripeConnections.lastReconciledAt} is null`, lt(stripeConnections.lastReconciledAt, before)));
  return rows.map((r) => r.orgId);
}
