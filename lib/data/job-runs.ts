/**
 * job_runs: one row per run of the scheduled jobs (`npm run jobs` or "Run jobs now"). The table is
 * global (a run works for every organisation), hence `unsafe…`: its rows hold start and finish
 * times and organisation-agnostic counts only, never an organisation's data.
 */
import "server-only";
import { and, desc, eq, isNotNull, lt, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { type JobRunSummary, jobRuns } from "@/db/schema";

export type JobRun = typeof jobRuns.$inferSelect;

/** A started run: its row exists (finished_at null) before any step runs, so a crash mid-run stays visible. */
export async function unsafeStartJobRun(startedAt: Date, summary: JobRunSummary, tx?: Executor): Promise<string> {
  const db = tx ?? (await getDb());
  const [row] = await db.insert(jobRuns).values({ startedAt, summary }).returning({ id: jobRuns.id });
  return row!.id;
}

export async function unsafeFinishJobRun(id: string, outcome: { finishedAt: Date; ok: boolean; summary: JobRunSummary; error?: string | null }, tx?: Executor) {
  const db = tx ?? (await getDb());
  await db
    .update(jobRuns)
    .set({ finishedAt: outcome.finishedAt, ok: outcome.ok, summary: outcome.summary, error: outcome.error ?? null })
    .where(eq(jobRuns.id, id));
}

/** Deletes runs started before `before` (the ledger keeps JOB_RUNS_KEEP_DAYS); returns how many. */
export async function unsafePruneJobRuns(before: Date, tx?: Executor): Promise<number> {
  const db = tx ?? (await getDb());
  const deleted = await db.delete(jobRuns).where(lt(jobRuns.startedAt, before)).returning({ id: jobRuns.id });
  return deleted.length;
}

/** The latest runs, newest first (Settings → Jobs "Last runs"). */
export async function unsafeListJobRuns(limit: number, tx?: Executor): Promise<JobRun[]> {
  const db = tx ?? (await getDb());
  return db.select().from(jobRuns).orderBy(desc(jobRuns.startedAt), desc(jobRuns.id)).limit(limit);
}

/**
 * When the last run that finished without an error finished, or null (never). Without
 * `includeManual`, runs started by "Run jobs now" do not count: a press in any organisation must
 * not hide a dead cron from /health.
 */
export async function unsafeLastCompletedJobRunAt(options: { includeManual: boolean } = { includeManual: false }, tx?: Executor): Promise<Date | null> {
  const db = tx ?? (await getDb());
  const [row] = await db
    .select({ finishedAt: jobRuns.finishedAt })
    .from(jobRuns)
    .where(and(isNotNull(jobRuns.finishedAt), eq(jobRuns.ok, true), options.includeManual ? undefined : sql`(${jobRuns.summary}->>'trigger') is distinct from 'manual'`))
    .orderBy(desc(jobRuns.finishedAt))
    .limit(1);
  return row?.finishedAt ?? null;
}
