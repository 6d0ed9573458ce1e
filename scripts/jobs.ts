/**
 * `npm run jobs` (a Render cron job, every 10 minutes): queues due reminders, then delivers every
 * queued email that is due (retries with backoff included). Safe to run twice at once.
 */
import { closeDb } from "@/db";
import { describeDbError } from "@/lib/db-errors";
import { dispatchDueEmails } from "@/lib/services/outbox";
import { queueDueReminders } from "@/lib/services/reminders";

try {
  const reminders = await queueDueReminders();
  const dispatch = await dispatchDueEmails({ limit: 500 });
  console.log(JSON.stringify({ job: "jobs", reminders, dispatch }));
  await closeDb();
} catch (error) {
  console.error(`Jobs failed: ${describeDbError(error)}`);
  process.exit(1);
}
