"use client";

import { ActionButton } from "@/components/payments/reconciliation-actions";
import { useAppMessages } from "@/components/i18n/app-language";
import { runJobsNowAction } from "@/lib/actions/jobs";
import { catalogs } from "@/lib/i18n/catalogs/app/jobs";

/** Runs one recorded jobs run in the server's process (what a laptop on the embedded database uses instead of cron). */
export function RunJobsNowButton() {
  const t = useAppMessages(catalogs);
  return (
    <ActionButton variant="primary" action={() => runJobsNowAction({})}>
      {t("runNow")}
    </ActionButton>
  );
}
