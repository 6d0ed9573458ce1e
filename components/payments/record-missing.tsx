"use client";

import { recordStripePayment } from "@/lib/actions/stripe-reconciliation";
import { ActionButton } from "./reconciliation-actions";

/**
 * "Record" on a payment Stripe has and we don't: recorded through the webhook's own path
 * (recordSucceededPaymentIntent), so a double click or a late webhook records it once.
 */
export function RecordMissingPayment({ paymentIntentId, label }: { paymentIntentId: string; label: string }) {
  return (
    <ActionButton action={() => recordStripePayment({ paymentIntentId })} label={label}>
      Record
    </ActionButton>
  );
}
