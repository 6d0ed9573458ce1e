"use client";

import { Button } from "@/components/ui/button";

/**
 * "Record" on a payment Stripe has and we don't. Recording goes through the webhook's own
 * recording (recordSucceededPaymentIntent, lib/services/stripe-payments.ts), which is not on this
 * branch yet: until then the button is shown disabled, with the reason.
 */
export function RecordMissingPayment({ paymentIntentId, label }: { paymentIntentId: string; label: string }) {
  const note = `record-note-${paymentIntentId}`;
  return (
    <div className="space-y-1">
      <Button type="button" variant="secondary" disabled aria-label={label} aria-describedby={note}>
        Record
      </Button>
      <p id={note} className="text-xs text-slate-600">
        Recording from here is not available yet: record it on the invoice with the Stripe payment id as reference.
      </p>
    </div>
  );
}
