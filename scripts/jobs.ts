/**
 * `npm run jobs` (a Render cron job, every 10 minutes): one run of lib/services/jobs.ts (reminders,
 * recurring invoices, email delivery, Stripe reconciliation). Safe to run twice at once.
 */
import { closeDb } from "@/db";
import { describeDbError } from "@/lib/db-errors";
import { runJobs } from "@/lib/services/jobs";

try {
  const result = await runJobs();
  console.log(JSON.stringify({ job: "jobs", ...result }));
  await closeDb();
} catch (error) {
  console.error(`Jobs failed: ${describeDbError(error)}`);
  process.exit(1);
}
