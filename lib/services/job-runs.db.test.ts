/**
 * Job runs are recorded (started before the run, finished with ok and counts or the error), old
 * runs are pruned by a run, and two runs at once (two "Run jobs now" clicks, or cron overlapping a
 * click) still queue each reminder once.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { emails, jobRuns, reminderSettings } from "@/db/schema";
import type { Member } from "@/lib/data/context";
import { saveDraft } from "@/lib/data/documents/drafts";
import { issueDocument } from "@/lib/data/documents/lifecycle";
import { expectAppError } from "@/tests/support/accounts";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import { runJobsNow } from "./job-ledger";
import { type JobsResult, runJobsRecorded } from "./jobs";

let handle: DbHandle;
let db: Db;
let owner: Member;
let member: Member;

// A fake run's counts (the steps' own tests cover what they count); `as`: later steps add their own.
const result = {
  reminders: { candidates: 4, queued: 2 },
  dispatch: { rescued: 0, sent: 3, retrying: 1, unconfirmed: 0, failed: 0, skipped: 0 },
  stripeReconciliation: { organizations: 0, mismatches: 0, failed: 0 },
} as JobsResult;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  ({ owner, member } = await createInvoicingOrg(db, "Jobs"));
});
afterAll(async () => {
  await handle?.close();
});
beforeEach(async () => {
  // job_runs is global: each test starts from none.
  await db.delete(jobRuns).where(sql`true`);
});

describe("runJobsRecorded", () => {
  it("inserts the run before it starts and finishes it with ok and the counts", async () => {
    const now = new Date("2027-03-14T09:00:00Z");
    let seenWhileRunning: (typeof jobRuns.$inferSelect)[] = [];
    const run = await runJobsRecorded("cron", now, async () => {
      seenWhileRunning = await db.select().from(jobRuns);
      return result;
    });
    // While the steps ran, the row was there, started and not finished: a crash mid-run stays visible.
    expect(seenWhileRunning).toHaveLength(1);
    expect(seenWhileRunning[0]).toMatchObject({ startedAt: now, finishedAt: null, ok: null, summary: { trigger: "cron" } });
    expect(run).toMatchObject({ ok: true, pruned: 0 });
    const [row] = await db.select().from(jobRuns);
    expect(row).toMatchObject({ id: run.id, startedAt: now, ok: true, error: null });
    expect(row!.summary).toEqual({ trigger: "cron", ...result, pruned: 0 });
    expect(row!.finishedAt!.getTime()).toBeGreaterThanOrEqual(now.getTime());
  });

  it("records a failed run with its error and reports it without throwing", async () => {
    const now = new Date("2027-03-14T09:10:00Z");
    const run = await runJobsRecorded("manual", now, async () => {
      throw new Error("the reminders step broke");
    });
    expect(run).toEqual({ id: run.id, ok: false, error: "the reminders step broke" });
    const [row] = await db.select().from(jobRuns);
    expect(row).toMatchObject({ ok: false, error: "the reminders step broke", summary: { trigger: "manual" } });
    expect(row!.finishedAt).not.toBeNull();
  });

  it("prunes runs started more than 30 days before it, and keeps the rest", async () => {
    const now = new Date("2027-03-14T09:00:00Z");
    await db.insert(jobRuns).values([
      { startedAt: new Date("2027-02-11T08:59:00Z"), finishedAt: new Date("2027-02-11T08:59:01Z"), ok: true }, // 30 days 1 minute before: pruned
      { startedAt: new Date("2027-02-12T09:00:00Z"), finishedAt: new Date("2027-02-12T09:00:01Z"), ok: true }, // 30 days before to the minute: kept
      { startedAt: new Date("2027-03-01T00:00:00Z"), finishedAt: null, ok: null },
    ]);
    const run = await runJobsRecorded("cron", now, async () => result);
    expect(run).toMatchObject({ ok: true, pruned: 1 });
    const starts = (await db.select({ startedAt: jobRuns.startedAt }).from(jobRuns)).map((r) => r.startedAt.toISOString()).sort();
    expect(starts).toEqual(["2027-02-12T09:00:00.000Z", "2027-03-01T00:00:00.000Z", "2027-03-14T09:00:00.000Z"]);
  });

  it("the real jobs on an empty queue: a finished run with zero counts", async () => {
    const run = await runJobsRecorded("cron", new Date("2020-01-01T00:00:00Z"));
    expect(run.ok).toBe(true);
    if (run.ok) expect(run.result.reminders.queued).toBe(0);
  });
});

describe("two runs at once", () => {
  it("queue one reminder email for a due step, and both runs are recorded", async () => {
    await db.insert(reminderSettings).values({ orgId: member.orgId, enabled: true, steps: [7] });
    const customer = await createCustomer(db, member.orgId, { name: "Late Payer Ltd", email: "ap@late.test" });
    const draft = await saveDraft(member, { ...draftInput(customer.id, {}), issueDate: "2027-02-01", dueDate: "2027-03-01" });
    const invoice = await issueDocument(member, draft.id);
    // 9 March 2027 noon UTC: eight days after the due date, so step 7 is due.
    const now = new Date("2027-03-09T12:00:00Z");
    const [a, b] = await Promise.all([runJobsRecorded("manual", now), runJobsRecorded("cron", now)]);
    expect([a.ok, b.ok]).toEqual([true, true]);
    const sent = await db.select({ key: emails.idempotencyKey }).from(emails).where(eq(emails.documentId, invoice.id));
    expect(sent).toEqual([{ key: `reminder:${invoice.id}:7` }]);
    expect(await db.select().from(jobRuns)).toHaveLength(2);
  });

  it("a second Run jobs now while one is under way joins it", async () => {
    const now = new Date("2027-03-09T12:10:00Z");
    const [a, b] = await Promise.all([runJobsNow(owner, now), runJobsNow(owner, now)]);
    expect(a.id).toBe(b.id);
    expect(await db.select().from(jobRuns)).toHaveLength(1);
  });

  it("a member without settings.manage cannot run the jobs", async () => {
    await expectAppError(runJobsNow(member), "FORBIDDEN");
  });
});
