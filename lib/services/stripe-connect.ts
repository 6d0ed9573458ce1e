import "server-only";
import { assertCan, type Member, type RequestMeta } from "@/lib/data/context";
import { saveStripeConnection, type PaymentOptions, updateStripePaymentOptions } from "@/lib/data/stripe-connections";
import { getTaxRate } from "@/lib/data/tax-rates";
import { badRequest } from "@/lib/errors";
import { moduleLogger } from "@/lib/logger";
import { MAX_FEE_RATE_BP, MoneyError, parseMoney, parseRate } from "@/lib/money";
import { stripeClient } from "@/lib/stripe/client";
import type { PaymentOptionsInput } from "@/lib/validation/stripe";

const log = moduleLogger("stripe-connect");

/** How long the settings page waits for Stripe before saying it could not be reached (one try: the owner is waiting). */
const VALIDATE_TIMEOUT_MS = 10_000;

/**
 * Connects (or replaces the keys of) the organisation's Stripe account. The key is checked with
 * one call a restricted key needs anyway — listing one Checkout Session (Checkout Sessions
 * permission) — and nothing is saved unless Stripe accepts it. The account's id and name are
 * read too when the key may (a restricted key usually may not; they are optional).
 */
export async function connectStripe(member: Member, keys: { secretKey: string; webhookSecret: string }, meta: RequestMeta = {}, timeoutMs = VALIDATE_TIMEOUT_MS) {
  // Before anything is sent to Stripe: a member may not even try keys.
  assertCan(member, "settings.manage");
  const stripe = stripeClient(keys.secretKey, { timeoutMs, retries: 0 });
  try {
    await stripe.checkout.sessions.list({ limit: 1 });
  } catch (error) {
    throw refusal(error);
  }
  const account = await stripe.accounts.retrieveCurrent().catch(() => null);
  const livemode = keys.secretKey.includes("_live_");
  await saveStripeConnection(
    member,
    { secretKey: keys.secretKey, webhookSecret: keys.webhookSecret, accountId: account?.id ?? null, accountName: account?.settings?.dashboard?.display_name ?? account?.business_profile?.name ?? null, livemode },
    meta,
  );
  return { livemode };
}

function refusal(error: unknown) {
  const type = (error as { type?: unknown }).type;
  if (type === "StripeAuthenticationError") {
    return badRequest("Stripe did not accept this key. Nothing was saved.", {
      secretKey: "Stripe did not accept this key: it may be mistyped, rolled or deleted. Copy it again from Stripe → Developers → API keys.",
    });
  }
  if (type === "StripePermissionError") {
    return badRequest("This key may not use Checkout. Nothing was saved.", {
      secretKey: "This restricted key lacks the Checkout Sessions permission. In Stripe, edit the key and give Checkout Sessions “Write” (see the list below).",
    });
  }
  if (type === "StripeConnectionError" || type === "StripeAPIError" || type === "StripeRateLimitError") {
    return badRequest("Stripe could not be reached to check the key. Nothing was saved; please try again in a moment.");
  }
  log.warn({ err: error, stripeType: type }, "stripe connect: unexpected answer");
  return badRequest("Stripe refused the key check. Nothing was saved; check the key and try again.");
}

/** Part payments and the fee, typed in the organisation's default currency. */
export async function savePaymentOptions(member: Member, input: PaymentOptionsInput, currency: string, meta: RequestMeta = {}) {
  const errors: Record<string, string> = {};
  const money = (field: "partPaymentMinimum" | "feeFixed", text: string): number | null => {
    if (!text) return null;
    try {
      const value = parseMoney(text, currency);
      if (value >= 0) return value;
      errors[field] = "Enter an amount of zero or more.";
    } catch (error) {
      if (!(error instanceof MoneyError)) throw error;
      errors[field] = error.message;
    }
    return null;
  };
  const minimum = money("partPaymentMinimum", input.partPaymentMinimum);
  if (input.partPaymentsEnabled && minimum === 0) errors.partPaymentMinimum = "Enter an amount greater than zero.";
  const fixed = money("feeFixed", input.feeFixed) ?? 0;
  let rateBp = 0;
  if (input.feeRate) {
    try {
      const rateE4 = parseRate(input.feeRate);
      // Basis points: a rate with at most two decimals (2.9 %, 1.25 %).
      if (rateE4 % 100 !== 0) errors.feeRate = "Use at most two decimals (for example 2.9 or 1.25).";
      else if (rateE4 / 100 > MAX_FEE_RATE_BP) errors.feeRate = "A processing fee rate is at most 20%.";
      else rateBp = rateE4 / 100;
    } catch (error) {
      if (!(error instanceof MoneyError)) throw error;
      errors.feeRate = error.message;
    }
  }
  if (input.feeTaxRateId) {
    const rate = await getTaxRate(member, input.feeTaxRateId).catch(() => null);
    if (!rate) errors.feeTaxRateId = "Choose a tax rate from the list.";
    // The fee is grossed up with its tax added on top (passThroughFee); an inclusive or compound
    // rate would give its own invoice another tax than the client was charged.
    else if (rate.inclusive || rate.compound) errors.feeTaxRateId = "Choose a tax rate that is added on top (not inclusive or compound) for the fee.";
  }
  if (Object.keys(errors).length) throw badRequest("Please correct the highlighted fields.", errors);
  const options: PaymentOptions = {
    partPaymentsEnabled: input.partPaymentsEnabled,
    partPaymentMinimum: input.partPaymentsEnabled ? minimum : null,
    feeEnabled: input.feeEnabled,
    feeRateBp: rateBp,
    feeFixed: fixed,
    feeTaxRateId: input.feeTaxRateId || null,
  };
  const saved = await updateStripePaymentOptions(member, options, meta);
  if (!saved) throw badRequest("Connect Stripe first: these options apply to online payments.");
  return options;
}
