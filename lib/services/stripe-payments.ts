/**
 * Recording a successful Stripe payment on its invoice: the one place every path goes through
 * (checkout.session.completed paid at once, async_payment_succeeded days later, and
 * reconciliation's "record"). The payment is unique by its PaymentIntent id in the payments table,
 * so whichever path arrives first records it and the others change nothing.
 */
import "server-only";
import { type Executor, type Tx, getDb } from "@/db";
import type { OnlinePayment } from "@/db/schema";
import { todayIn } from "@/lib/dates";
import { systemContext } from "@/lib/data/context";
import { saveDraft } from "@/lib/data/documents/drafts";
import { issueWithEInvoice } from "./einvoice";
import { organizationRounding, taxSnapshots } from "@/lib/data/documents/totals";
import {
  canMoveTo,
  lockOnlinePayment,
  lockUnmatchedOnlinePayment,
  orgTimeZone,
  recordGatewayPayment,
  updateOnlinePayment,
} from "@/lib/data/stripe-ledger";
import { amountBeforeFee, computeDocument, formatMoney } from "@/lib/money";
import type { Stripe } from "@/lib/stripe/client";
import { type PaymentAttention, paymentAttentionInEnglish } from "@/lib/payment-attention";
import { enqueuePaymentEmails } from "./payment-emails";
import { applyWaitingChargeEvents } from "./stripe-charges";

export type Charged = {
  paymentIntentId: string;
  /** What Stripe collected (invoice amount + fee), minor units, and its currency (any case). */
  amount: number;
  currency: string;
  /** When it was paid (the event's or the PaymentIntent's time): paid_on is that day in the org's time zone. */
  at: Date;
  method?: string;
};

export type Recorded = { outcome: string; documentId: string; paymentId: string | null };

const money = (amount: number, currency: string) => formatMoney(amount, currency);

/** A flag for the owner: the English sentence (readable where it is stored) and its detail, which the invoice page words. */
const flag = (detail: PaymentAttention) => ({ attention: paymentAttentionInEnglish(detail), attentionDetail: detail });

/**
 * Stripe has the money even when the ledger cannot take it (flagged for the owner instead): the
 * online payment is no longer "processing", or the dashboard and the client page would say so for ever.
 */
const collected = (row: OnlinePayment) => (canMoveTo(row.status, "succeeded") ? { status: "succeeded" as const } : {});

/**
 * Records the payment for `row` (locked by the caller, in `tx`). Returns a human outcome for the
 * events log. Never throws for a business reason: a payment we cannot put on the ledger is flagged
 * on the online payment for the owner instead (Stripe must not retry it forever).
 */
export async function recordSucceeded(tx: Tx, orgId: string, row: OnlinePayment, charged: Charged): Promise<Recorded> {
  const base = { documentId: row.documentId, paymentId: row.paymentId };
  if (row.paymentIntentId !== charged.paymentIntentId) {
    await updateOnlinePayment(tx, orgId, row.id, { paymentIntentId: charged.paymentIntentId });
  }
  if (charged.currency.toUpperCase() !== row.currency.toUpperCase()) {
    const attention = flag({ code: "currency_mismatch", collected: charged.amount, collectedCurrency: charged.currency.toUpperCase(), invoiceCurrency: row.currency });
    await updateOnlinePayment(tx, orgId, row.id, { ...attention, ...collected(row) });
    return { ...base, outcome: "needs attention: currency mismatch" };
  }
  const paid = amountBeforeFee(charged.amount, row.feeAmount);
  if (paid <= 0) {
    await updateOnlinePayment(tx, orgId, row.id, flag({ code: "fee_not_covered", collected: charged.amount, currency: row.currency }));
    return { ...base, outcome: "needs attention: amount paid does not cover the fee" };
  }
  const paidOn = todayIn(await orgTimeZone(tx, orgId), charged.at);
  const result = await recordGatewayPayment(tx, orgId, {
    documentId: row.documentId,
    amount: paid,
    paidOn,
    method: charged.method ? `Stripe (${charged.method.replace(/_/g, " ")})` : "Stripe",
    reference: charged.paymentIntentId,
    externalId: charged.paymentIntentId,
  });
  if (result.kind === "duplicate") {
    if (canMoveTo(row.status, "succeeded")) await updateOnlinePayment(tx, orgId, row.id, { status: "succeeded" });
    return { ...base, outcome: "already recorded" };
  }
  if (result.kind === "not_payable") {
    await updateOnlinePayment(tx, orgId, row.id, { ...flag({ code: "invoice_not_payable", collected: charged.amount, currency: row.currency, status: result.status }), ...collected(row) });
    return { ...base, outcome: `needs attention: invoice is ${result.status}` };
  }
  await updateOnlinePayment(tx, orgId, row.id, { status: "succeeded", paymentId: result.payment.id });
  const notes: string[] = [];
  if (paid !== row.amount) notes.push(`paid ${money(paid, row.currency)} where Checkout asked for ${money(row.amount, row.currency)}`);
  if (result.overpaidBy > 0) notes.push(`overpaid by ${money(result.overpaidBy, row.currency)}`);
  if (row.feeAmount > 0) notes.push(await issueFeeInvoice(tx, orgId, row, { number: result.number, customerId: result.customerId, paidOn, paymentIntentId: charged.paymentIntentId }));
  // A refund or dispute of this payment that arrived first is applied now, in the same transaction.
  await applyWaitingChargeEvents(tx, orgId, charged.paymentIntentId);
  // The client's receipt and the team's notification, queued in this transaction (keyed on the
  // payment, so they exist exactly when the payment does), after the fee and any early refund so
  // the receipt states the balance as it now is.
  await enqueuePaymentEmails(tx, { orgId, paymentId: result.payment.id });
  return { documentId: row.documentId, paymentId: result.payment.id, outcome: [`recorded ${money(paid, row.currency)}`, ...notes].join("; ") };
}

/**
 * The pass-through fee is not part of the invoice (issued invoices never change): it gets its own
 * invoice to the same customer, issued and paid in the same transaction as the payment. Its tax
 * must come out at exactly what Checkout charged (fee_tax), computed by lib/money.ts as any
 * invoice is; if it would not (the rate was changed or deleted since), the fee is flagged instead.
 */
async function issueFeeInvoice(tx: Tx, orgId: string, row: OnlinePayment, ctx: { number: string | null; customerId: string; paidOn: string; paymentIntentId: string }): Promise<string> {
  const system = systemContext(orgId);
  const net = amountBeforeFee(row.feeAmount, row.feeTax);
  const taxRateIds = row.feeTaxRateId ? [row.feeTaxRateId] : [];
  const taxes = await taxSnapshots(system, taxRateIds, tx).catch(() => null);
  const totals = taxes
    ? computeDocument({ currency: row.currency, rounding: await organizationRounding(orgId, tx), lines: [{ quantityE4: 10_000, unitPrice: net, taxes: taxRateIds.map((id) => taxes.get(id)!) }] })
    : null;
  if (!totals || totals.taxTotal !== row.feeTax || totals.total !== row.feeAmount) {
    await updateOnlinePayment(tx, orgId, row.id, flag({ code: "fee_invoice_not_issued", fee: row.feeAmount, feeTax: row.feeTax, currency: row.currency }));
    return "needs attention: fee invoice not issued (tax rate changed)";
  }
  const draft = await saveDraft(
    system,
    {
      kind: "invoice",
      customerId: ctx.customerId,
      currency: row.currency,
      issueDate: ctx.paidOn,
      dueDate: ctx.paidOn,
      lines: [{ description: `Payment fee for ${ctx.number ?? "invoice"}`, quantityE4: 10_000, unitPrice: net, taxRateIds }],
    },
    tx,
  );
  // Best effort: the fee was charged already; a missing e-invoice is recorded on its timeline.
  const fee = await issueWithEInvoice(system, draft.id, {}, tx, "best-effort");
  await recordGatewayPayment(tx, orgId, {
    documentId: fee.id,
    amount: row.feeAmount,
    paidOn: ctx.paidOn,
    method: "Stripe",
    reference: ctx.paymentIntentId,
    externalId: `${ctx.paymentIntentId}:fee`,
  });
  return `fee invoice ${fee.number} issued and paid (${money(row.feeAmount, row.currency)})`;
}

/**
 * For reconciliation: records a PaymentIntent Stripe says succeeded, if it was one of ours and is
 * not recorded yet. Finds our online payment by the PaymentIntent id, else by the metadata the
 * checkout put on it (online_payment_id, or document_id with the same amount). Returns the outcome.
 * `db`: another connection pool (tests stand in a second app instance with it); the app's by default.
 */
export async function recordSucceededPaymentIntent(orgId: string, paymentIntent: Stripe.PaymentIntent, db?: Executor): Promise<string> {
  if (paymentIntent.status !== "succeeded") return `not recorded: the payment is ${paymentIntent.status}`;
  db ??= await getDb();
  return db.transaction(async (tx) => {
    const charged = paymentIntent.amount_received || paymentIntent.amount;
    const metadata = paymentIntent.metadata ?? {};
    const row =
      (await lockOnlinePayment(tx, orgId, { paymentIntentId: paymentIntent.id })) ??
      (metadata.online_payment_id ? await lockOnlinePayment(tx, orgId, { id: metadata.online_payment_id }) : null) ??
      (metadata.document_id ? await lockUnmatchedOnlinePayment(tx, orgId, metadata.document_id, charged) : null);
    if (!row) return "ignored: not created by Smart Invoice";
    const method = paymentIntent.payment_method_types?.length === 1 ? paymentIntent.payment_method_types[0] : undefined;
    const { outcome } = await recordSucceeded(tx, orgId, row, {
      paymentIntentId: paymentIntent.id,
      amount: charged,
      currency: paymentIntent.currency,
      at: new Date(paymentIntent.created * 1000),
      ...(method ? { method } : {}),
    });
    return outcome;
  });
}
