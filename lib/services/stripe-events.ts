/**
 * Handling one verified Stripe event for one organisation (the webhook route found it by its URL
 * and checked the signature). One transaction per event: the event's id goes into stripe_events
 * first (ON CONFLICT DO NOTHING) and its effect follows in the same transaction, so a replayed,
 * duplicated or concurrent delivery finds the row and changes nothing, and a failure stores
 * neither (Stripe retries). Business problems (not ours, currency mismatch, overpayment) are
 * recorded as the event's outcome and answered 2xx: retrying would not change them.
 */
import "server-only";
import { type Executor, type Tx, getDb } from "@/db";
import { canMoveTo, insertStripeEvent, lockOnlinePayment, setStripeEventOutcome, updateOnlinePayment } from "@/lib/data/stripe-ledger";
import type { Stripe } from "@/lib/stripe/client";
import { chargeRefunded, disputeCreated, type Effect } from "./stripe-charges";
import { recordSucceeded } from "./stripe-payments";

export const HANDLED_EVENTS = [
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "charge.refunded",
  "charge.dispute.created",
] as const;

export type EventResult = { duplicate: boolean; outcome: string; documentId: string | null };

const NOT_OURS = "ignored: not created by Smart Invoice";
const idOf = (value: string | { id: string } | null | undefined) => (typeof value === "string" ? value : (value?.id ?? null));

/**
 * `db`: another connection pool (tests stand in a second app instance with it); the app's by default.
 * `livemode`: the connected key's mode. An event of the other mode (a test payment reaching a live
 * connection through a test signing secret still valid after switching keys) is stored and ignored:
 * test money must never mark a real invoice paid.
 */
export async function handleStripeEvent(orgId: string, event: Stripe.Event, db?: Executor, livemode?: boolean): Promise<EventResult> {
  db ??= await getDb();
  return db.transaction(async (tx) => {
    if (!(await insertStripeEvent(tx, orgId, event))) return { duplicate: true, outcome: "duplicate", documentId: null };
    const effect: Effect =
      livemode !== undefined && event.livemode !== livemode
        ? { outcome: `ignored: a ${event.livemode ? "live" : "test"}-mode event, and Stripe is connected in ${livemode ? "live" : "test"} mode`, documentId: null }
        : await apply(tx, orgId, event);
    await setStripeEventOutcome(tx, orgId, event.id, effect.outcome, effect.documentId);
    return { duplicate: false, ...effect };
  });
}

async function apply(tx: Tx, orgId: string, event: Stripe.Event): Promise<Effect> {
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded":
    case "checkout.session.async_payment_failed":
      return checkoutSession(tx, orgId, event);
    case "charge.refunded":
      return chargeRefunded(tx, orgId, event.id, event.data.object, event.created);
    case "charge.dispute.created":
      return disputeCreated(tx, orgId, event.id, event.data.object);
    default:
      return { outcome: `ignored: ${event.type} is not used`, documentId: null };
  }
}

async function checkoutSession(
  tx: Tx,
  orgId: string,
  event: Stripe.CheckoutSessionCompletedEvent | Stripe.CheckoutSessionAsyncPaymentSucceededEvent | Stripe.CheckoutSessionAsyncPaymentFailedEvent,
): Promise<Effect> {
  const session = event.data.object;
  const row = await lockOnlinePayment(tx, orgId, { checkoutSessionId: session.id });
  if (!row) return { outcome: NOT_OURS, documentId: null };
  const paymentIntentId = idOf(session.payment_intent);
  const at = { documentId: row.documentId };
  if (paymentIntentId && row.paymentIntentId !== paymentIntentId) {
    await updateOnlinePayment(tx, orgId, row.id, { paymentIntentId });
  }
  const succeeded = event.type === "checkout.session.async_payment_succeeded" || (event.type === "checkout.session.completed" && session.payment_status !== "unpaid");
  if (succeeded) {
    if (!paymentIntentId) return { ...at, outcome: "needs attention: paid session without a PaymentIntent" };
    const method = session.payment_method_types?.length === 1 ? session.payment_method_types[0] : undefined;
    const { outcome } = await recordSucceeded(tx, orgId, row, {
      paymentIntentId,
      amount: session.amount_total ?? 0,
      currency: session.currency ?? "",
      at: new Date(event.created * 1000),
      ...(method ? { method } : {}),
    });
    return { ...at, outcome };
  }
  if (event.type === "checkout.session.async_payment_failed") {
    if (!canMoveTo(row.status, "failed")) return { ...at, outcome: `ignored: payment already ${row.status}` };
    await updateOnlinePayment(tx, orgId, row.id, { status: "failed", failureReason: "The bank declined the delayed payment." });
    return { ...at, outcome: "payment failed: the delayed payment was declined" };
  }
  // Completed but unpaid: a delayed method (SEPA Debit, ACH…). Never "paid", and never a step back
  // from succeeded or failed when this event arrives late.
  if (!canMoveTo(row.status, "processing")) return { ...at, outcome: `ignored: payment already ${row.status}` };
  await updateOnlinePayment(tx, orgId, row.id, { status: "processing" });
  return { ...at, outcome: "processing: waiting for the delayed payment to clear" };
}
