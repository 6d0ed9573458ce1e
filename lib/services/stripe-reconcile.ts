/**
 * Reconciliation with Stripe (issue 16 §4): the fix for "the gateway says paid, the app says
 * unpaid". For a connected organisation, every PaymentIntent of the last RECONCILE_DAYS days that
 * succeeded at Stripe is compared with ours, and three kinds of mismatch are listed:
 *
 * - missing: Stripe has the money, we recorded nothing (a webhook never arrived or failed). The
 *   owner records it with one click; the job never does (the owner decides).
 * - amount: we recorded it, but Stripe received another amount or currency than our payment (plus
 *   its pass-through fee payment, "<pi>:fee") says.
 * - not_succeeded: we count a payment Stripe does not show as succeeded (looked up one by one).
 *
 * Stripe is read with the official SDK's list + auto-pagination; the result is stored on the
 * connection so the settings page shows the job's last run.
 */
import "server-only";
import type Stripe from "stripe";
import type { StoredMismatch, StoredReconciliation } from "@/db/schema";
import { assertCan, systemContext, type Member } from "@/lib/data/context";
import { findStripeConnection } from "@/lib/data/stripe-connections";
import {
  findInvoiceNumber,
  findOnlinePaymentsForIntents,
  findPaymentsForIntents,
  listStripePaymentsSince,
  saveReconciliationResult,
  unsafeListOrgsToReconcile,
} from "@/lib/data/stripe-reconciliation";
import { badRequest, conflict, notFound } from "@/lib/errors";
import { moduleLogger } from "@/lib/logger";
import { stripeClient } from "@/lib/stripe/client";
import { recordSucceededPaymentIntent } from "./stripe-payments";

const log = moduleLogger("stripe-reconcile");

export const RECONCILE_DAYS = 30;
/** `npm run jobs` runs every 10 minutes; reading 30 days of Stripe that often is pointless. */
export const RECONCILE_EVERY_MS = 60 * 60 * 1000;
const DAY_MS = 86_400_000;

export type ReconciliationResult = StoredReconciliation;
export type Mismatch = StoredMismatch;


/** Stripe's message for a refused call, without anything secret (Stripe never echoes the full key). */
function stripeProblem(error: unknown): string {
  const e = error as { type?: string; message?: string };
  if (e?.type === "StripeAuthenticationError" || e?.type === "StripePermissionError") {
    return "Stripe refused the saved key. Check that it is still valid and may read PaymentIntents (Settings → Payments).";
  }
  if (e?.type === "StripeConnectionError") return "Stripe could not be reached. Nothing was checked; try again later.";
  return `Stripe answered with an error: ${(e?.message ?? "unknown error").slice(0, 200)}`;
}

/**
 * Compares and stores the result. Returns null when the organisation has no Stripe connection.
 * A Stripe error is part of the result (stored and shown), never thrown.
 */
export async function reconcileStripe(orgId: string, now = new Date()): Promise<ReconciliationResult | null> {
  const member = systemContext(orgId);
  const connection = await findStripeConnection(member);
  if (!connection) return null;
  const since = new Date(now.getTime() - RECONCILE_DAYS * DAY_MS);
  const base = { since: since.toISOString(), checkedAt: now.toISOString() };
  let result: ReconciliationResult;
  if (!connection.secretKey) {
    // Encrypted with keys this server no longer has (see "Field encryption" in the README).
    result = { ...base, stripeSucceeded: 0, matched: 0, mismatches: [], error: "The saved Stripe key can't be decrypted with this server's keys. Connect Stripe again in Settings → Payments." };
  } else {
    try {
      result = { ...base, ...(await compare(member, stripeClient(connection.secretKey), since)) };
    } catch (error) {
      log.warn({ orgId, err: error }, "stripe reconciliation could not read Stripe");
      result = { ...base, stripeSucceeded: 0, matched: 0, mismatches: [], error: stripeProblem(error) };
    }
  }
  await saveReconciliationResult(member, result);
  if (result.mismatches.length) {
    log.warn({ orgId, mismatches: result.mismatches.map((m) => ({ kind: m.kind, paymentIntentId: m.paymentIntentId })) }, "stripe reconciliation found mismatches");
  } else if (!result.error) {
    log.info({ orgId, stripeSucceeded: result.stripeSucceeded }, "stripe reconciliation: everything matches");
  }
  return result;
}

async function compare(member: Member, stripe: Stripe, since: Date) {
  const succeeded: Stripe.PaymentIntent[] = [];
  // The SDK's auto-pagination follows has_more with starting_after, 100 a page.
  for await (const pi of stripe.paymentIntents.list({ created: { gte: Math.floor(since.getTime() / 1000) }, limit: 100 })) {
    if (pi.status === "succeeded") succeeded.push(pi);
  }
  const ids = succeeded.map((pi) => pi.id);
  const recorded = new Map((await findPaymentsForIntents(member, ids)).map((p) => [p.externalId, p]));
  // For the ones we never recorded: which invoice they were for (our online payment row).
  const unrecorded = succeeded.filter((pi) => !recorded.has(pi.id));
  const rows = await findOnlinePaymentsForIntents(member, {
    paymentIntentIds: unrecorded.map((pi) => pi.id),
    onlinePaymentIds: unrecorded.map((pi) => pi.metadata?.online_payment_id ?? "").filter(Boolean),
  });
  const byIntent = new Map(rows.filter((r) => r.paymentIntentId).map((r) => [r.paymentIntentId!, r]));
  const byId = new Map(rows.map((r) => [r.id, r]));

  const mismatches: Mismatch[] = [];
  let matched = 0;
  for (const pi of succeeded) {
    const payment = recorded.get(pi.id);
    if (!payment) {
      const op = byIntent.get(pi.id) ?? byId.get(pi.metadata?.online_payment_id ?? "");
      const documentId = op?.documentId ?? pi.metadata?.document_id ?? null;
      // The metadata is Stripe's copy of what we sent: a document id names an invoice only if it is this organisation's.
      const number = op ? op.number : documentId ? await findInvoiceNumber(member, documentId) : null;
      mismatches.push({
        kind: "missing",
        paymentIntentId: pi.id,
        amount: pi.amount_received,
        currency: pi.currency.toUpperCase(),
        created: new Date(pi.created * 1000).toISOString(),
        documentId: op?.documentId ?? (number !== null ? documentId : null),
        number,
      });
      continue;
    }
    // What Stripe collected is the invoice's payment plus the fee's, when the fee was passed on.
    const ours = payment.amount + (recorded.get(`${pi.id}:fee`)?.amount ?? 0);
    if (pi.amount_received !== ours || pi.currency.toUpperCase() !== payment.currency.toUpperCase()) {
      mismatches.push({
        kind: "amount",
        paymentIntentId: pi.id,
        stripeAmount: pi.amount_received,
        stripeCurrency: pi.currency.toUpperCase(),
        ourAmount: ours,
        ourCurrency: payment.currency,
        documentId: payment.documentId,
        number: payment.number,
      });
    } else matched++;
  }

  // Ours the other way round: each Stripe payment recorded in the window that Stripe did not list
  // as succeeded (its intent may have been created before the window: then it is looked up).
  const listed = new Set(ids);
  for (const p of await listStripePaymentsSince(member, since)) {
    if (listed.has(p.externalId)) continue;
    const status = await stripe.paymentIntents.retrieve(p.externalId).then(
      (pi) => pi.status as string,
      (error: { code?: string }) => {
        if (error?.code === "resource_missing") return "not found at Stripe";
        throw error;
      },
    );
    if (status === "succeeded") continue;
    mismatches.push({ kind: "not_succeeded", paymentIntentId: p.externalId, stripeStatus: status, ourAmount: p.amount, ourCurrency: p.currency, documentId: p.documentId, number: p.number });
  }
  return { stripeSucceeded: succeeded.length, matched, mismatches };
}

/**
 * The job's round (`npm run jobs`): every connected organisation not checked within
 * RECONCILE_EVERY_MS, one at a time, each failure logged and the round carried on. Never records.
 */
export async function reconcileAllStripeAccounts(now = new Date()): Promise<{ organizations: number; mismatches: number; failed: number }> {
  const orgIds = await unsafeListOrgsToReconcile(new Date(now.getTime() - RECONCILE_EVERY_MS));
  const summary = { organizations: 0, mismatches: 0, failed: 0 };
  for (const orgId of orgIds) {
    try {
      const result = await reconcileStripe(orgId, now);
      if (!result) continue;
      summary.organizations++;
      summary.mismatches += result.mismatches.length;
      if (result.error) summary.failed++;
    } catch (error) {
      summary.failed++;
      log.error({ orgId, err: error }, "stripe reconciliation failed");
    }
  }
  return summary;
}

/** "Check now" on the reconciliation page: admins only, for their own organisation. */
export async function checkStripeNow(member: Member): Promise<ReconciliationResult> {
  assertCan(member, "settings.manage");
  const result = await reconcileStripe(member.orgId);
  if (!result) throw conflict("Stripe is not connected. Connect it in Settings → Payments first.");
  return result;
}

const PAYMENT_INTENT_ID = /^pi_[A-Za-z0-9_]{6,200}$/;

/**
 * "Record" on a payment Stripe has and we don't: the PaymentIntent is read again from Stripe (the
 * page's copy is not trusted) and recorded by the webhook's own path (recordSucceededPaymentIntent,
 * unique by the intent's id: a double click, or the webhook arriving meanwhile, records it once).
 * Then the check runs again so the page shows what is left. Returns the message for the owner.
 */
export async function recordMissingStripePayment(member: Member, paymentIntentId: string): Promise<string> {
  assertCan(member, "settings.manage");
  if (!PAYMENT_INTENT_ID.test(paymentIntentId)) throw badRequest("That is not a Stripe payment id.");
  const connection = await findStripeConnection(member);
  if (!connection?.secretKey) throw conflict("Stripe is not connected. Connect it in Settings → Payments first.");
  const intent = await stripeClient(connection.secretKey)
    .paymentIntents.retrieve(paymentIntentId)
    .catch((error: { code?: string }) => {
      if (error?.code === "resource_missing") throw notFound("That Stripe payment");
      throw conflict(stripeProblem(error));
    });
  const outcome = await recordSucceededPaymentIntent(member.orgId, intent);
  log.info({ orgId: member.orgId, paymentIntentId, outcome }, "reconciliation: record");
  await reconcileStripe(member.orgId);
  if (outcome.startsWith("recorded")) return `Recorded: ${outcome.slice("recorded ".length)}.`;
  if (outcome === "already recorded") return "This payment was already recorded.";
  if (outcome.startsWith("ignored")) throw conflict("This payment was not made through an invoice link of this app, so it can't be matched to an invoice. Record it by hand on its invoice.");
  throw conflict(`Not recorded: ${outcome.replace(/^(needs attention|not recorded): /, "")}. See the invoice for what to do.`);
}
