/**
 * `npm run jobs` (a Render cron job, every 10 minutes): one recorded run of lib/services/jobs.ts
 * (reminders, recurring invoices, email delivery, Stripe reconciliation), written to job_runs so
 * /health and Settings → Jobs can tell when the jobs last ran. Safe to run twice at once.
 */
import { closeDb } from "@/db";
import { describeDbError } from "@/lib/db-errors";
import { runJobsRecorded } from "@/lib/services/jobs";

try {
  const run = await runJobsRecorded("cron");
  await closeDb();
  if (run.ok) {
    console.log(JSON.stringify({ job: "jobs", runId: run.id, ...run.result, pruned: run.pruned }));
  } else {
    console.error(`Jobs failed: ${run.error}`);
    process.exit(1);
  }
} catch (error) {
  // The run could not even be recorded (the database is unreachable).
  console.error(`Jobs failed: ${describeDbError(error)}`);
  process.exit(1);
}
