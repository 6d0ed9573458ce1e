"use client";

import { useAppMessages } from "@/components/i18n/app-language";
import { recordStripePayment } from "@/lib/actions/stripe-reconciliation";
import { catalogs } from "@/lib/i18n/catalogs/app/payments-settings";
import { ActionButton } from "./reconciliation-actions";

/**
 * "Record" on a payment Stripe has and we don't: recorded through the webhook's own path
 * (recordSucceededPaymentIntent), so a double click or a late webhook records it once.
 */
export function RecordMissingPayment({ paymentIntentId, label }: { paymentIntentId: string; label: string }) {
  const t = useAppMessages(catalogs);
  return (
    <ActionButton action={() => recordStripePayment({ paymentIntentId })} label={label}>
      {t("recon.record")}
    </ActionButton>
  );
}
