/**
 * /health's jobs fields: "never" before any run finished, "ok" within three scheduler intervals of
 * the last run that finished without an error, "stale" after; the database status stays "ok".
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { jobRuns } from "@/db/schema";
import { createTestDb } from "@/tests/support/test-db";
import { unsafeLastCompletedJobRunAt } from "@/lib/data/job-runs";
import { checkHealth, jobsState } from "./health";

let handle: DbHandle;

beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => {
  await handle?.close();
});
beforeEach(async () => {
  await handle.db.delete(jobRuns).where(sql`true`);
});

const finished = new Date("2027-03-14T09:00:00Z");

describe("checkHealth", () => {
  it("says never before any run finished, even with one still running or failed", async () => {
    await handle.db.insert(jobRuns).values([
      { startedAt: new Date("2027-03-14T08:50:00Z") },
      { startedAt: new Date("2027-03-14T08:40:00Z"), finishedAt: new Date("2027-03-14T08:40:02Z"), ok: false, error: "boom" },
    ]);
    expect(await checkHealth(finished, 10)).toMatchObject({ status: "ok", db: "ok", jobs: "never", lastJobsRunAt: null });
  });

  it("is ok up to 30 minutes after the last completed run with a 10-minute interval, stale after", async () => {
    await handle.db.insert(jobRuns).values([
      { startedAt: new Date("2027-03-14T08:49:58Z"), finishedAt: new Date("2027-03-14T08:50:00Z"), ok: true },
      { startedAt: new Date("2027-03-14T08:59:58Z"), finishedAt: finished, ok: true },
      // A later failed run does not count as completed.
      { startedAt: new Date("2027-03-14T09:10:00Z"), finishedAt: new Date("2027-03-14T09:10:01Z"), ok: false },
    ]);
    const at = (iso: string, interval = 10) => checkHealth(new Date(iso), interval);
    expect(await at("2027-03-14T09:30:00Z")).toMatchObject({ status: "ok", db: "ok", jobs: "ok", lastJobsRunAt: "2027-03-14T09:00:00.000Z" });
    expect(await at("2027-03-14T09:30:01Z")).toMatchObject({ status: "ok", db: "ok", jobs: "stale", lastJobsRunAt: "2027-03-14T09:00:00.000Z" });
    // With JOBS_INTERVAL_MINUTES=60 the same run is fresh for three hours.
    expect(await at("2027-03-14T11:59:00Z", 60)).toMatchObject({ jobs: "ok" });
  });
});

describe("unsafeLastCompletedJobRunAt", () => {
  it("ignores runs started by Run jobs now unless asked (a press must not hide a dead cron)", async () => {
    await handle.db.insert(jobRuns).values([
      { startedAt: new Date("2027-03-14T08:00:00Z"), finishedAt: new Date("2027-03-14T08:00:01Z"), ok: true, summary: { trigger: "cron" } },
      { startedAt: new Date("2027-03-14T09:00:00Z"), finishedAt: new Date("2027-03-14T09:00:01Z"), ok: true, summary: { trigger: "manual" } },
    ]);
    expect(await unsafeLastCompletedJobRunAt()).toEqual(new Date("2027-03-14T08:00:01Z"));
    expect(await unsafeLastCompletedJobRunAt({ includeManual: true })).toEqual(new Date("2027-03-14T09:00:01Z"));
  });
});

describe("jobsState", () => {
  it("compares against three intervals", () => {
    expect(jobsState(null, finished, 10)).toBe("never");
    expect(jobsState(finished, new Date("2027-03-14T09:29:59Z"), 10)).toBe("ok");
    expect(jobsState(finished, new Date("2027-03-14T09:30:00.001Z"), 10)).toBe("stale");
  });
});
