import "server-only";
import type { PayOnlineView, ReturnState } from "@/components/documents/pay-online";
import type { LinkPrincipal } from "@/lib/data/context";
import type { ClientPageKey } from "@/lib/i18n/catalogs/client-page";
import type { Translate } from "@/lib/i18n/messages";
import { findCheckoutBySession } from "@/lib/data/online-payments";
import { addAmounts, currencyExponent, formatMoney, formatRate } from "@/lib/money";
import { type CheckoutProblem, feeFor, loadCheckoutOffer } from "@/lib/services/checkout-offer";

/** What the page says for each problem the pay route reports (?pay_error=…), in the page's language. */
const problemKeys: Record<CheckoutProblem, ClientPageKey> = {
  not_payable: "problem.not_payable",
  void: "problem.void",
  paid: "problem.paid",
  processing: "problem.processing",
  unavailable: "problem.unavailable",
  currency: "problem.currency",
  amount: "problem.amount",
  stripe: "problem.stripe",
};

/** Stop reloading after about a minute (20 × 3 s): the message then says to come back later. */
const MAX_WAITS = 20;

type Doc = { id: string; kind: string; status: string; balance: number; currency: string; number: string | null };
type Query = { checkout?: string; pay_error?: string; amount?: string; wait?: string };

/**
 * The client page's payment state: the return from Checkout (?checkout=<session id>) and the
 * Pay panel with its last problem (?pay_error=…), worded by `p` in the page's language. Null parts are not shown.
 */
export async function clientPayment(link: LinkPrincipal, token: string, doc: Doc, defaultCurrency: string, locale: string, query: Query, p: Translate<ClientPageKey>) {
  const money = (minor: number) => formatMoney(minor, doc.currency, locale);
  let returned: { state: ReturnState; refreshUrl: string | null } | null = null;
  const sessionId = query.checkout && /^cs_\w{1,250}$/.test(query.checkout) ? query.checkout : null;
  if (sessionId) {
    const row = await findCheckoutBySession(link, doc.id, sessionId);
    const waits = Math.min(Number.parseInt(query.wait ?? "0", 10) || 0, MAX_WAITS);
    if (row?.status === "succeeded" || row?.status === "processing" || row?.status === "failed") returned = { state: row.status, refreshUrl: null };
    else if (row?.status === "open" && waits < MAX_WAITS) returned = { state: "confirming", refreshUrl: `/i/${token}?checkout=${sessionId}&wait=${waits + 1}` };
    else if (row?.status === "open") returned = { state: "still-confirming", refreshUrl: null };
  }
  if (doc.kind !== "invoice" || doc.status === "draft") return { returned, pay: null, processing: 0 };
  const offer = await loadCheckoutOffer(link, doc, defaultCurrency);
  // Everything owed is already on its way by a delayed method: say so rather than offering Pay.
  if (offer === "processing") return { returned: returned ?? { state: "processing" as const, refreshUrl: null }, pay: null, processing: doc.balance };
  if (typeof offer === "string") return { returned, pay: null, processing: 0 };
  // While a payment just made is being confirmed, no second Pay button.
  if (returned && returned.state !== "failed") return { returned, pay: null, processing: offer.processing };

  const problem = query.pay_error && query.pay_error in problemKeys ? (query.pay_error as CheckoutProblem) : null;
  const error =
    problem === "amount" && offer.part ? p("pay.amountRange", { minimum: money(offer.part.minimum), maximum: money(offer.payable) }) : problem ? p(problemKeys[problem]) : null;
  const fullFee = feeFor(offer, offer.payable);
  const tax = offer.fee?.taxRate;
  const feeRule = offer.fee ? [offer.fee.rateBp ? formatRate(offer.fee.rateBp * 100, locale) : null, offer.fee.fixed ? money(offer.fee.fixed) : null].filter(Boolean).join(" + ") : "";
  const pay: PayOnlineView = {
    action: `/i/${token}/pay`,
    payable: money(offer.payable),
    fee:
      offer.fee && fullFee.amount > 0
        ? {
            amount: money(fullFee.amount),
            taxText: tax && tax.rateE4 > 0 ? `${tax.name} ${formatRate(tax.rateE4, locale)}` : null,
            total: money(addAmounts(offer.payable, fullFee.amount)),
            partText: tax && tax.rateE4 > 0 ? p("pay.partFeeTax", { rule: feeRule, tax: tax.name }) : p("pay.partFee", { rule: feeRule }),
          }
        : null,
    part: offer.part
      ? { minimum: money(offer.part.minimum), maximum: money(offer.payable), decimals: currencyExponent(doc.currency), typed: problem === "amount" ? (query.amount?.slice(0, 40) ?? null) : null }
      : null,
    error,
  };
  return { returned, pay, processing: offer.processing };
}
