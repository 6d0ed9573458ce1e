/**
 * Refunds and disputes: Stripe events about a charge whose payment we recorded. One may arrive
 * before the payment it is about (Stripe does not promise order, and retries a failed delivery
 * hours later): it is then parked on its stripe_events row and applied in the transaction that
 * records the payment, so the end state does not depend on the order of arrival.
 */
import "server-only";
import type { Tx } from "@/db";
import {
  findPaymentByExternalId,
  flagDisputed,
  lockOnlinePayment,
  lockPaidDocument,
  orgTimeZone,
  recordGatewayRefund,
  refundedSoFar,
  setStripeEventOutcome,
  setStripeEventWaiting,
  takeWaitingStripeEvents,
} from "@/lib/data/stripe-ledger";
import { todayIn } from "@/lib/dates";
import { addAmounts, formatMoney, refundStillToRecord } from "@/lib/money";
import type { Stripe } from "@/lib/stripe/client";

export type Effect = { outcome: string; documentId: string | null };

const idOf = (value: string | { id: string } | null | undefined) => (typeof value === "string" ? value : (value?.id ?? null));

const WAITING = "waiting: the payment is not recorded yet (ignored if it was not made through Smart Invoice)";

/**
 * Stripe sends the charge with its cumulative amount_refunded. What is still to record is that
 * total minus the refunds recorded for this charge, under an id naming the total: a duplicate
 * finds its id taken, and an older, smaller total arriving late finds nothing left to record.
 * The refund goes against the invoice's payment first, then the fee invoice's.
 */
export async function chargeRefunded(tx: Tx, orgId: string, eventId: string, charge: Stripe.Charge, created: number): Promise<Effect> {
  const paymentIntentId = idOf(charge.payment_intent);
  if (!paymentIntentId) return { outcome: "ignored: not created by Smart Invoice", documentId: null };
  const main = await findPaymentByExternalId(tx, orgId, paymentIntentId);
  if (!main) {
    await setStripeEventWaiting(tx, orgId, eventId, paymentIntentId, charge as unknown as Record<string, unknown>);
    return { outcome: WAITING, documentId: null };
  }
  const fee = await findPaymentByExternalId(tx, orgId, `${paymentIntentId}:fee`);
  const originals = fee ? [main, fee] : [main];
  // Lock the invoice before reading the refunds, so refund events of one charge queue here.
  await lockPaidDocument(tx, orgId, main.documentId);
  const paidOn = todayIn(await orgTimeZone(tx, orgId), new Date(created * 1000));
  const recorded: number[] = [];
  for (const original of originals) {
    const refunded = await refundedSoFar(tx, orgId, originals.map((p) => p.id));
    const left = refundStillToRecord(charge.amount_refunded, addAmounts(...refunded.values()));
    const room = refundStillToRecord(original.amount, refunded.get(original.id) ?? 0);
    const amount = Math.min(left, room);
    if (amount <= 0) continue;
    const suffix = original === main ? "" : ":fee";
    const refund = await recordGatewayRefund(tx, orgId, original, { amount, paidOn, externalId: `${charge.id}:refund:${charge.amount_refunded}${suffix}`, reference: charge.id });
    if (refund) recorded.push(amount);
  }
  if (!recorded.length) return { outcome: "nothing to record: refunds up to this amount are already recorded", documentId: main.documentId };
  return { outcome: `refund of ${formatMoney(addAmounts(...recorded), main.currency)} recorded; the balance is open again`, documentId: main.documentId };
}

export async function disputeCreated(tx: Tx, orgId: string, eventId: string, dispute: Stripe.Dispute): Promise<Effect> {
  const paymentIntentId = idOf(dispute.payment_intent);
  if (!paymentIntentId) return { outcome: "ignored: not created by Smart Invoice", documentId: null };
  const row = await lockOnlinePayment(tx, orgId, { paymentIntentId });
  if (!row) {
    await setStripeEventWaiting(tx, orgId, eventId, paymentIntentId, dispute as unknown as Record<string, unknown>);
    return { outcome: WAITING, documentId: null };
  }
  await flagDisputed(tx, orgId, row.documentId, { disputeId: dispute.id, amount: dispute.amount, reason: dispute.reason ?? null });
  return { outcome: `dispute opened (${formatMoney(dispute.amount, row.currency)}): respond in Stripe`, documentId: row.documentId };
}

/** Applies the refunds and disputes that arrived before this PaymentIntent's payment was recorded (called right after recording it). */
export async function applyWaitingChargeEvents(tx: Tx, orgId: string, paymentIntentId: string): Promise<void> {
  for (const event of await takeWaitingStripeEvents(tx, orgId, paymentIntentId)) {
    const created = Math.floor(event.stripeCreatedAt.getTime() / 1000);
    const effect =
      event.type === "charge.refunded"
        ? await chargeRefunded(tx, orgId, event.id, event.payload as unknown as Stripe.Charge, created)
        : await disputeCreated(tx, orgId, event.id, event.payload as unknown as Stripe.Dispute);
    await setStripeEventOutcome(tx, orgId, event.id, effect.outcome, effect.documentId);
  }
}
