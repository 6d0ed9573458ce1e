import "server-only";
import { unsafeLastCompletedJobRunAt } from "@/lib/data/job-runs";
import { env } from "@/lib/env";
import { moduleLogger } from "@/lib/logger";
import pkg from "@/package.json" with { type: "json" };

const log = moduleLogger("health");
export const HEALTH_TIMEOUT_MS = 2000;
/** A jobs run older than this many scheduler intervals means the cron is not running. */
export const STALE_AFTER_INTERVALS = 3;

/**
 * "never": no run has finished without an error yet; "stale": the last one is older than
 * STALE_AFTER_INTERVALS × JOBS_INTERVAL_MINUTES. Either way the web service itself is healthy (200).
 */
export type JobsState = "ok" | "stale" | "never";

type Base = { version: string; uptimeS: number };
export type Health =
  | ({ status: "ok"; db: "ok"; jobs: JobsState; lastJobsRunAt: string | null } & Base)
  | ({ status: "error"; db: "unreachable" } & Base);

/** Pure: the jobs state for the last completed run seen at `now`. */
export function jobsState(lastRunAt: Date | null, now: Date, intervalMinutes: number): JobsState {
  if (!lastRunAt) return "never";
  return now.getTime() - lastRunAt.getTime() > STALE_AFTER_INTERVALS * intervalMinutes * 60_000 ? "stale" : "ok";
}

/**
 * One database round trip (the last completed jobs run, which also proves the database answers),
 * bounded so the platform's probe never waits on a dead connection.
 */
export async function checkHealth(now = new Date(), intervalMinutes = env.JOBS_INTERVAL_MINUTES): Promise<Health> {
  const base = { version: env.RENDER_GIT_COMMIT?.slice(0, 7) ?? pkg.version, uptimeS: Math.round(process.uptime()) };
  let timer: NodeJS.Timeout | undefined;
  try {
    const lastRunAt = await Promise.race([
      // On the embedded database there is no cron: "Run jobs now" is how jobs run there.
      unsafeLastCompletedJobRunAt({ includeManual: !env.DATABASE_URL }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`database ping exceeded ${HEALTH_TIMEOUT_MS} ms`)), HEALTH_TIMEOUT_MS);
      }),
    ]);
    return { status: "ok", db: "ok", jobs: jobsState(lastRunAt, now, intervalMinutes), lastJobsRunAt: lastRunAt?.toISOString() ?? null, ...base };
  } catch (error) {
    log.warn({ err: error }, "health check failed");
    return { status: "error", db: "unreachable", ...base };
  } finally {
    clearTimeout(timer);
  }
}
