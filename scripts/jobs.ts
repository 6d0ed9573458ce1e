/**
 * `npm run jobs` (a Render cron job, every 10 minutes): queues due reminders, then delivers every
 * queued email that is due (retries with backoff included), then reconciles each connected Stripe
 * account not checked in the last hour (lists mismatches, logs them, records nothing). Safe to run
 * twice at once.
 */
import { closeDb } from "@/db";
import { describeDbError } from "@/lib/db-errors";
import { dispatchDueEmails } from "@/lib/services/outbox";
import { queueDueReminders } from "@/lib/services/reminders";
import { reconcileAllStripeAccounts } from "@/lib/services/stripe-reconcile";

try {
  const reminders = await queueDueReminders();
  const dispatch = await dispatchDueEmails({ limit: 500 });
  const stripeReconciliation = await reconcileAllStripeAccounts();
  console.log(JSON.stringify({ job: "jobs", reminders, dispatch, stripeReconciliation }));
  await closeDb();
} catch (error) {
  console.error(`Jobs failed: ${describeDbError(error)}`);
  process.exit(1);
}
