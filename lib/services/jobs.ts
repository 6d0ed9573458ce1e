/**
 * One run of the scheduled jobs, in order: queue due reminders, create due recurring occurrences,
 * deliver every due email (those just queued included), reconcile Stripe accounts. `npm run jobs`
 * (the Render cron job) calls it. Every step is idempotent by construction, so two overlapping
 * runs, a retried one or several instances do each thing once.
 */
import "server-only";
import { dispatchDueEmails } from "./outbox";
import { runRecurring } from "./recurring";
import { queueDueReminders } from "./reminders";
import { reconcileAllStripeAccounts } from "./stripe-reconcile";

export async function runJobs(now = new Date()) {
  const reminders = await queueDueReminders(now);
  const recurring = await runRecurring(now);
  const dispatch = await dispatchDueEmails({ limit: 500 });
  const stripeReconciliation = await reconcileAllStripeAccounts(now);
  return { reminders, recurring, dispatch, stripeReconciliation };
}

export type JobsResult = Awaited<ReturnType<typeof runJobs>>;
