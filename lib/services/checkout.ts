import "server-only";
import { createHash } from "node:crypto";
import type { LinkPrincipal } from "@/lib/data/context";
import { findLatestCheckout, markCheckoutExpired, recordCheckoutSession } from "@/lib/data/online-payments";
import { loadPublicDocument } from "@/lib/data/public-documents";
import { env } from "@/lib/env";
import { moduleLogger } from "@/lib/logger";
import { decimalMarkOf, normalizeDecimalInput } from "@/lib/decimal-input";
import { clientDocumentLanguage, formattingLocale } from "@/lib/i18n/languages";
import { MoneyError, parseMoney, toStripeAmount } from "@/lib/money";
import { type Stripe, stripeClient } from "@/lib/stripe/client";
import { CheckoutError, type CheckoutOffer, feeFor, loadCheckoutOffer } from "./checkout-offer";

const log = moduleLogger("checkout");

export type ClientLink = LinkPrincipal & { linkId: string };

/**
 * The client pressed Pay on /i/<token>: a Stripe Checkout Session for the balance (or the part
 * they chose), and where to send the browser. Everything the client may have changed since the
 * page was drawn (paid meanwhile, voided, Stripe disconnected) is checked again here.
 *
 * Exactly one session per press-and-retry, by construction: the Stripe idempotency key is
 * checkout:<invoice>:<amount>:<fee>:<link>[:after:<the previous session>], so a double press or a
 * retried request gets the same session back from Stripe, and the online_payments row id is a
 * hash of that key (inserted with ON CONFLICT DO NOTHING). A session that expired (Stripe keeps
 * keys 24 hours and sessions at most 24 hours) is replaced under a new key that names it, which
 * two simultaneous presses compute alike.
 */
export async function startCheckout(link: ClientLink, token: string, amountInput: string | null): Promise<string> {
  const loaded = await loadPublicDocument(link);
  if (!loaded) throw new CheckoutError("not_payable");
  const { document: doc, org } = loaded;
  const offer = await loadCheckoutOffer(link, doc, org.defaultCurrency);
  if (typeof offer === "string") throw new CheckoutError(offer);
  // The client typed the amount as their page writes numbers ("1.234,50" on a German page).
  const mark = decimalMarkOf(formattingLocale(clientDocumentLanguage(doc, org.locale), org.locale));
  const amount = chosenAmount(offer, amountInput === null ? null : normalizeDecimalInput(amountInput, mark));
  const fee = feeFor(offer, amount);
  const unitAmount = toStripeAmount(amount, doc.currency);
  const feeUnitAmount = toStripeAmount(fee.amount, doc.currency);
  if (unitAmount === null || feeUnitAmount === null) throw new CheckoutError("currency");

  const stripe = stripeClient(offer.connection.secretKey!);
  const returnUrl = (sessionId: string) => `${env.APP_URL}/i/${token}?checkout=${encodeURIComponent(sessionId)}`;
  return withStripe(async () => {
    const latest = await findLatestCheckout(link, doc.id, amount, fee.amount);
    if (latest?.status === "open") {
      // Gone (the owner connected another Stripe account since) counts as expired.
      const current = await stripe.checkout.sessions.retrieve(latest.checkoutSessionId).catch((error: unknown) => {
        if ((error as { code?: unknown }).code === "resource_missing") return null;
        throw error;
      });
      if (current?.status === "open" && current.url) return current.url;
      if (current?.status === "complete") return returnUrl(current.id);
      await markCheckoutExpired(link, doc.id, latest.checkoutSessionId);
    }
    const key = [`checkout:${doc.id}:${amount}:${fee.amount}:${link.linkId}`, ...(latest ? [`after:${latest.checkoutSessionId}`] : [])].join(":");
    const onlinePaymentId = uuidFromKey(key);
    const metadata = { org_id: link.orgId, document_id: doc.id, online_payment_id: onlinePaymentId, invoice_number: doc.number! };
    const currency = doc.currency.toLowerCase();
    const params: Stripe.Checkout.SessionCreateParams = {
      mode: "payment",
      line_items: [
        { quantity: 1, price_data: { currency, unit_amount: unitAmount, product_data: { name: `Invoice ${doc.number}` } } },
        ...(fee.amount > 0 ? [{ quantity: 1, price_data: { currency, unit_amount: feeUnitAmount, product_data: { name: "Payment fee" } } }] : []),
      ],
      client_reference_id: doc.id,
      // The client pays in the invoice's currency: with Adaptive Pricing Stripe could charge (and
      // report, in events and reconciliation) another one, which the ledger cannot record.
      adaptive_pricing: { enabled: false },
      metadata,
      payment_intent_data: { metadata, description: `Invoice ${doc.number}` },
      // Stripe fills in the placeholder; our page then shows what the webhook has recorded.
      success_url: `${env.APP_URL}/i/${token}?checkout={CHECKOUT_SESSION_ID}`,
      cancel_url: `${env.APP_URL}/i/${token}`,
    };
    const session = await stripe.checkout.sessions.create(params, { idempotencyKey: key });
    await recordCheckoutSession(link, {
      id: onlinePaymentId,
      documentId: doc.id,
      checkoutSessionId: session.id,
      amount,
      feeAmount: fee.amount,
      feeTax: fee.tax,
      feeTaxRateId: fee.amount > 0 ? (offer.fee?.taxRate?.id ?? null) : null,
      currency: doc.currency,
    });
    if (session.url) return session.url;
    throw new CheckoutError("stripe");
  });
}

/** The full payable amount, or the part the client typed when part payments are on (minimum ≤ part ≤ payable). */
function chosenAmount(offer: CheckoutOffer, input: string | null): number {
  const text = input?.trim();
  if (!offer.part || !text) return offer.payable;
  let amount: number;
  try {
    amount = parseMoney(text, offer.currency);
  } catch (error) {
    if (error instanceof MoneyError) throw new CheckoutError("amount");
    throw error;
  }
  if (amount < offer.part.minimum || amount > offer.payable) throw new CheckoutError("amount");
  return amount;
}

/** Stripe's failures become a message for the client; a revoked key means online payment is off until the owner reconnects. */
async function withStripe<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof CheckoutError) throw error;
    const type = (error as { type?: unknown }).type;
    if (typeof type !== "string" || !type.startsWith("Stripe")) throw error;
    log.warn({ err: error, stripeType: type }, "checkout: Stripe refused or did not answer");
    throw new CheckoutError(type === "StripeAuthenticationError" || type === "StripePermissionError" ? "unavailable" : "stripe");
  }
}

/** A stable UUID (version 5 layout) for a key: the same press names the same row, and Stripe sees the same metadata. */
export function uuidFromKey(key: string): string {
  const hex = createHash("sha256").update(key).digest("hex").slice(0, 32).split("");
  hex[12] = "5";
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
