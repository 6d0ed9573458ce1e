/**
 * One run of the scheduled jobs, in order: queue due reminders, create due recurring occurrences,
 * resume interrupted bulk actions (lib/services/bulk-jobs.ts), deliver every due email (those just queued included), reconcile Stripe accounts. `npm run jobs`
 * (the Render cron job) calls it. Every step is idempotent by construction, so two overlapping
 * runs, a retried one or several instances do each thing once.
 */
import "server-only";
import { describeDbError } from "@/lib/db-errors";
import { unsafeFinishJobRun, unsafePruneJobRuns, unsafeStartJobRun } from "@/lib/data/job-runs";
import { moduleLogger } from "@/lib/logger";
import { resumeBulkJobs } from "./bulk-jobs";
import { dispatchDueEmails } from "./outbox";
import { runRecurring } from "./recurring";
import { queueDueReminders } from "./reminders";
import { reconcileAllStripeAccounts } from "./stripe-reconcile";

const log = moduleLogger("jobs");

export async function runJobs(now = new Date()) {
  const reminders = await queueDueReminders(now);
  const recurring = await runRecurring(now);
  const bulk = await resumeBulkJobs();
  const dispatch = await dispatchDueEmails({ limit: 500 });
  const stripeReconciliation = await reconcileAllStripeAccounts(now);
  return { reminders, recurring, bulk, dispatch, stripeReconciliation };
}

export type JobsResult = Awaited<ReturnType<typeof runJobs>>;

/** How long job_runs keeps a run: the ledger's "Last runs" and /health need only the latest. */
export const JOB_RUNS_KEEP_DAYS = 30;

/** Who started a run: the cron job (`npm run jobs`) or an owner's "Run jobs now". */
export type JobTrigger = "cron" | "manual";

export type RecordedRun = { id: string; ok: true; result: JobsResult; pruned: number } | { id: string; ok: false; error: string };

/**
 * runJobs with its job_runs row: inserted (started) before the run, finished with ok and the
 * counts or the error after it. Each write is its own short statement, never a transaction held
 * open across the run. Runs older than JOB_RUNS_KEEP_DAYS are pruned by every successful run.
 * A failed run is recorded and reported, not thrown: the caller decides the exit code.
 */
export async function runJobsRecorded(trigger: JobTrigger, now = new Date(), run: (now: Date) => Promise<JobsResult> = runJobs): Promise<RecordedRun> {
  const id = await unsafeStartJobRun(now, { trigger });
  // The finish time on the run's own clock (now + elapsed): real time in production, consistent in tests.
  const started = performance.now();
  const finishedAt = () => new Date(now.getTime() + Math.round(performance.now() - started));
  try {
    const result = await run(now);
    const pruned = await unsafePruneJobRuns(new Date(now.getTime() - JOB_RUNS_KEEP_DAYS * 86_400_000));
    await unsafeFinishJobRun(id, { finishedAt: finishedAt(), ok: true, summary: { trigger, ...result, pruned } });
    return { id, ok: true, result, pruned };
  } catch (error) {
    const message = describeDbError(error);
    log.error({ err: error, runId: id }, "jobs run failed");
    await unsafeFinishJobRun(id, { finishedAt: finishedAt(), ok: false, summary: { trigger }, error: message.slice(0, 2000) }).catch((e: unknown) =>
      log.error({ err: e, runId: id }, "could not record the failed jobs run"),
    );
    return { id, ok: false, error: message };
  }
}
