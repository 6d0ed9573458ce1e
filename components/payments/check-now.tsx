"use client";

import { checkStripeReconciliation } from "@/lib/actions/stripe-reconciliation";
import { ActionButton } from "./reconciliation-actions";

export function CheckNowButton() {
  return (
    <ActionButton variant="primary" action={() => checkStripeReconciliation({})}>
      Check now
    </ActionButton>
  );
}
