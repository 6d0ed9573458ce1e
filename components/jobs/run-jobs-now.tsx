"use client";

import { ActionButton } from "@/components/payments/reconciliation-actions";
import { runJobsNowAction } from "@/lib/actions/jobs";

/** Runs one recorded jobs run in the server's process (what a laptop on the embedded database uses instead of cron). */
export function RunJobsNowButton() {
  return (
    <ActionButton variant="primary" action={() => runJobsNowAction({})}>
      Run jobs now
    </ActionButton>
  );
}
