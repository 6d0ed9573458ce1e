import "server-only";
import { findStripeConnection, type OpenStripeConnection } from "@/lib/data/stripe-connections";
import type { LinkPrincipal } from "@/lib/data/context";
import { findFeeTaxRate, listProcessingPayments } from "@/lib/data/online-payments";
import { addAmounts, passThroughFee, toStripeAmount, type PassThroughFee } from "@/lib/money";

/**
 * What the client's link offers to pay online, and why not when it offers nothing. Shared by the
 * page (to show "Pay …") and the Pay route (to check the same things again at the moment of paying).
 */

export type CheckoutProblem = "not_payable" | "void" | "paid" | "processing" | "unavailable" | "currency" | "amount" | "stripe";

/** The problems a client is told about on the page (?pay_error=<problem>): what happened and what to do, never a stack trace. */
export const checkoutProblemMessages: Record<CheckoutProblem, string> = {
  not_payable: "This document cannot be paid online.",
  void: "This invoice has been voided and can no longer be paid.",
  paid: "This invoice is already paid — nothing is owed.",
  processing: "Your payment is processing. Nothing more is owed while it completes.",
  unavailable: "Online payment is not available for this invoice right now. Please use the payment details on this page, or contact the sender.",
  currency: "This amount cannot be paid online in this currency. Please use the payment details on this page.",
  amount: "Please enter an amount within the range shown.",
  stripe: "The payment service could not be reached. Nothing was charged; please try again in a moment.",
};

export class CheckoutError extends Error {
  constructor(readonly problem: CheckoutProblem) {
    super(checkoutProblemMessages[problem]);
    this.name = "CheckoutError";
  }
}

export type FeeSettings = { rateBp: number; fixed: number; taxRate: { id: string; name: string; rateE4: number } | null };

export type CheckoutOffer = {
  currency: string;
  /** The balance less payments still processing: what may be paid now. */
  payable: number;
  processing: number;
  /** Part payments: from `minimum` up to `payable`. */
  part: { minimum: number } | null;
  fee: FeeSettings | null;
  connection: OpenStripeConnection;
};

type PayableDocument = { id: string; kind: string; status: string; balance: number; currency: string; number: string | null };

/**
 * The offer, or the reason there is none. The part-payment minimum and the fee's fixed part are
 * amounts in the organisation's default currency, so both apply to invoices in that currency
 * only; others are paid in full, without a fee.
 */
export async function loadCheckoutOffer(link: LinkPrincipal, doc: PayableDocument, defaultCurrency: string): Promise<CheckoutOffer | CheckoutProblem> {
  if (doc.kind !== "invoice" || doc.status === "draft" || !doc.number) return "not_payable";
  if (doc.status === "void") return "void";
  if (doc.balance <= 0) return "paid";
  const [connection, processingRows] = await Promise.all([findStripeConnection(link), listProcessingPayments(link, doc.id)]);
  if (!connection || connection.secretKey == null) return "unavailable";
  const processing = addAmounts(0, ...processingRows.map((p) => p.amount));
  const payable = addAmounts(doc.balance, -processing);
  if (payable <= 0) return "processing";
  if (toStripeAmount(payable, doc.currency) === null) return "currency";
  const home = doc.currency === defaultCurrency;
  const minimum = connection.partPaymentMinimum ?? 1;
  const part = home && connection.partPaymentsEnabled && minimum < payable ? { minimum } : null;
  let fee: FeeSettings | null = null;
  if (home && connection.feeEnabled && (connection.feeRateBp > 0 || connection.feeFixed > 0)) {
    const taxRate = connection.feeTaxRateId ? await findFeeTaxRate(link, connection.feeTaxRateId) : null;
    fee = { rateBp: connection.feeRateBp, fixed: connection.feeFixed, taxRate };
  }
  return { currency: doc.currency, payable, processing, part, fee, connection };
}

const NO_FEE: PassThroughFee = { net: 0, tax: 0, amount: 0 };

/** The fee on top of paying `amount` under this offer. */
export function feeFor(offer: Pick<CheckoutOffer, "fee">, amount: number): PassThroughFee {
  return offer.fee ? passThroughFee(amount, offer.fee.rateBp, offer.fee.fixed, offer.fee.taxRate?.rateE4 ?? 0) : NO_FEE;
}
