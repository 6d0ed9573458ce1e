import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { onlinePayments, taxRates, type OnlinePayment } from "@/db/schema";
import { assertReadsDocument, type Reader } from "./context";

/**
 * Checkout Sessions created for an invoice (online_payments), as the client's link and the
 * invoice page see them. Only the Pay route creates rows here; what becomes of them (succeeded,
 * processing, failed) is written by the webhook handling (lib/data/stripe-ledger.ts). Every
 * query is scoped to the reader's organisation and, for a client link, to its one document.
 */

export type NewCheckout = {
  id: string;
  documentId: string;
  checkoutSessionId: string;
  amount: number;
  feeAmount: number;
  feeTax: number;
  feeTaxRateId: string | null;
  currency: string;
};

/**
 * Records the Checkout Session the client is being sent to. The row id is derived from the
 * Stripe idempotency key, so a second press that got the same session back from Stripe inserts
 * nothing (the primary key and the session id are both unique). Returns whether a row was added.
 */
export async function recordCheckoutSession(reader: Reader, checkout: NewCheckout, tx?: Executor): Promise<boolean> {
  assertReadsDocument(reader, checkout.documentId);
  const db = tx ?? (await getDb());
  const inserted = await db
    .insert(onlinePayments)
    .values({ ...checkout, orgId: reader.orgId, status: "open" })
    .onConflictDoNothing()
    .returning({ id: onlinePayments.id });
  return inserted.length > 0;
}

/** The latest Checkout created for this invoice, amount and fee: the one a new press may reuse, or the one after which a new one starts. */
export async function findLatestCheckout(reader: Reader, documentId: string, amount: number, feeAmount: number, tx?: Executor): Promise<OnlinePayment | null> {
  assertReadsDocument(reader, documentId);
  const db = tx ?? (await getDb());
  const [row] = await db
    .select()
    .from(onlinePayments)
    .where(and(eq(onlinePayments.orgId, reader.orgId), eq(onlinePayments.documentId, documentId), eq(onlinePayments.amount, amount), eq(onlinePayments.feeAmount, feeAmount)))
    .orderBy(desc(onlinePayments.createdAt), desc(onlinePayments.id))
    .limit(1);
  return row ?? null;
}

/** Stripe says the session expired (24 hours, or expired by hand): only an open row changes, a payment that raced it is left alone. */
export async function markCheckoutExpired(reader: Reader, documentId: string, checkoutSessionId: string, tx?: Executor): Promise<void> {
  assertReadsDocument(reader, documentId);
  const db = tx ?? (await getDb());
  await db
    .update(onlinePayments)
    .set({ status: "expired", updatedAt: sql`now()` })
    .where(and(eq(onlinePayments.orgId, reader.orgId), eq(onlinePayments.documentId, documentId), eq(onlinePayments.checkoutSessionId, checkoutSessionId), eq(onlinePayments.status, "open")));
}

/** The client's return from Checkout (/i/<token>?checkout=<session id>): that session, if it is this invoice's. */
export async function findCheckoutBySession(reader: Reader, documentId: string, checkoutSessionId: string, tx?: Executor): Promise<OnlinePayment | null> {
  assertReadsDocument(reader, documentId);
  const db = tx ?? (await getDb());
  const [row] = await db
    .select()
    .from(onlinePayments)
    .where(and(eq(onlinePayments.orgId, reader.orgId), eq(onlinePayments.documentId, documentId), eq(onlinePayments.checkoutSessionId, checkoutSessionId)));
  return row ?? null;
}

/** Payments made with a delayed method and not settled yet: shown as processing, never as paid. */
export async function listProcessingPayments(reader: Reader, documentId: string, tx?: Executor): Promise<Pick<OnlinePayment, "id" | "amount" | "currency" | "updatedAt">[]> {
  assertReadsDocument(reader, documentId);
  const db = tx ?? (await getDb());
  return db
    .select({ id: onlinePayments.id, amount: onlinePayments.amount, currency: onlinePayments.currency, updatedAt: onlinePayments.updatedAt })
    .from(onlinePayments)
    .where(and(eq(onlinePayments.orgId, reader.orgId), eq(onlinePayments.documentId, documentId), eq(onlinePayments.status, "processing")))
    .orderBy(onlinePayments.updatedAt);
}

/** The rate the pass-through fee is taxed at (an archived rate still applies until the owner picks another). */
export async function findFeeTaxRate(reader: Reader, taxRateId: string, tx?: Executor): Promise<{ id: string; name: string; rateE4: number } | null> {
  const db = tx ?? (await getDb());
  const [row] = await db
    .select({ id: taxRates.id, name: taxRates.name, rateE4: taxRates.rateE4 })
    .from(taxRates)
    // Only a rate added on top: the fee's maths assumes one (see savePaymentOptions).
    .where(and(eq(taxRates.orgId, reader.orgId), eq(taxRates.id, taxRateId), eq(taxRates.inclusive, false), eq(taxRates.compound, false)));
  return row ?? null;
}
