"use client";

import { useAppMessages } from "@/components/i18n/app-language";
import { checkStripeReconciliation } from "@/lib/actions/stripe-reconciliation";
import { catalogs } from "@/lib/i18n/catalogs/app/payments-settings";
import { ActionButton } from "./reconciliation-actions";

export function CheckNowButton() {
  const t = useAppMessages(catalogs);
  return (
    <ActionButton variant="primary" action={() => checkStripeReconciliation({})}>
      {t("recon.checkNow")}
    </ActionButton>
  );
}
