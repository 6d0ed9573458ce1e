/**
 * Exactly once under real concurrency (real Postgres only: PGlite is one connection in one
 * process, so nothing there can overlap). Two job runs at once on separate connections, and two
 * real `npm run jobs` processes started together, make one invoice, one email and one occurrence
 * row per profile and date.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Db, type DbHandle, openPostgres } from "@/db";
import { saveMissedPolicy } from "@/lib/data/recurring-settings";
import { todayIn } from "@/lib/dates";
import { env } from "@/lib/env";
import { emailsOfOrg, invoicesOf, local, occurrencesOf, pauseAllProfiles, profileAt, recurringOrg } from "@/tests/support/recurring-jobs";
import { createTestDb } from "@/tests/support/test-db";
import { runJobs } from "./jobs";
import { runRecurring } from "./recurring";

const onPostgres = process.env.TEST_DB === "postgres";
let handle: DbHandle;
let db: Db;
let url: string;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  if (onPostgres) {
    // This file's own database (a copy of TEST_DATABASE_URL's), for other connections and processes.
    const [row] = (await db.execute(sql`select current_database() as name`)) as unknown as { name: string }[];
    const own = new URL(process.env.TEST_DATABASE_URL!);
    own.pathname = `/${row!.name}`;
    url = own.toString();
  }
});
afterAll(async () => {
  await handle?.close();
});
beforeEach(async () => {
  await pauseAllProfiles(db);
});

/** Each profile's dates have one created occurrence, one invoice and (for "send") one email each. */
async function expectOncePerDate(profileId: string, orgId: string, dates: string[], emailed: boolean) {
  const rows = await occurrencesOf(db, profileId);
  expect(rows.map((r) => [r.occurrenceDate, r.state])).toEqual(dates.map((d) => [d, "created"]));
  const invoices = await invoicesOf(db, profileId);
  expect(invoices.map((i) => i.issueDate)).toEqual(dates);
  expect(new Set(invoices.map((i) => i.number)).size).toBe(dates.length);
  if (emailed) {
    const emails = (await emailsOfOrg(db, orgId)).filter((e) => invoices.some((i) => i.id === e.documentId));
    expect(emails.map((e) => e.documentId).sort()).toEqual(invoices.map((i) => i.id).sort());
  }
}

describe.skipIf(!onPostgres)("concurrent job runners (real Postgres)", () => {
  it("two runRecurring at once, each on its own connection pool: one invoice, one email, one row per date", { timeout: 120_000 }, async () => {
    const zone = "Australia/Sydney";
    const [a, b] = [await openPostgres(url, 4), await openPostgres(url, 4)];
    try {
      for (let round = 0; round < 5; round++) {
        await pauseAllProfiles(db);
        const { owner, member, customer } = await recurringOrg(db, zone, `Race ${round}`);
        await saveMissedPolicy(owner, "as_scheduled");
        const saved = local(zone, 2027, 2, 20, 9);
        const weekly = await profileAt(member, customer, saved, { frequency: "weekly", weekday: 1, startDate: "2027-03-01" }, { action: "send", attachPdf: false });
        const monthly = await profileAt(member, customer, saved, { dayOfMonth: 1, startDate: "2027-03-01" }, { action: "issue" });
        // Monday 15 March: two missed Mondays and today's, and the 1st of the month.
        const now = local(zone, 2027, 3, 15, 0, 1);
        const results = await Promise.all([runRecurring(now, a.db), runRecurring(now, b.db)]);

        expect(results[0]!.created + results[1]!.created).toBe(4);
        expect(results[0]!.failed + results[1]!.failed).toBe(0);
        await expectOncePerDate(weekly.id, member.orgId, ["2027-03-01", "2027-03-08", "2027-03-15"], true);
        await expectOncePerDate(monthly.id, member.orgId, ["2027-03-01"], false);
        expect(await emailsOfOrg(db, member.orgId)).toHaveLength(3);
      }
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("two runJobs at once: one invoice and one email", { timeout: 120_000 }, async () => {
    const zone = "America/New_York";
    const { member, customer } = await recurringOrg(db, zone, "Jobs race");
    const profile = await profileAt(member, customer, local(zone, 2027, 5, 20, 9), { dayOfMonth: 1, startDate: "2027-06-01" }, { action: "send", attachPdf: false });
    const now = local(zone, 2027, 6, 1, 0, 1);
    const [first, second] = await Promise.all([runJobs(now), runJobs(now)]);
    expect(first.recurring.created + second.recurring.created).toBe(1);
    await expectOncePerDate(profile.id, member.orgId, ["2027-06-01"], true);
  });

  it("two `npm run jobs` processes started together against a profile due today: one invoice, one email", { timeout: 180_000 }, async () => {
    const zone = "UTC";
    const { owner, member, customer } = await recurringOrg(db, zone, "Processes");
    // If the two runs straddle midnight the occurrence is a day late: still emailed, so the test holds.
    await saveMissedPolicy(owner, "as_scheduled");
    const now = new Date();
    const today = todayIn(zone, now);
    const profile = await profileAt(member, customer, now, { frequency: "monthly", dayOfMonth: Number(today.slice(8)), startDate: today }, { action: "send", attachPdf: false });
    expect(profile.nextDate).toBe(today);

    const root = process.cwd();
    // The test process's keys (field encryption), this file's database; NODE_ENV=test keeps email
    // in the development outbox (lib/mail/delivery.ts): no network.
    const childEnv = { ...process.env, NODE_ENV: "test" as const, DATABASE_URL: url, SECRET_KEY: env.SECRET_KEY, ENCRYPTION_SALT: env.ENCRYPTION_SALT, ENCRYPTION_KEY: env.ENCRYPTION_KEY };
    const run = () => promisify(execFile)(path.join(root, "node_modules/.bin/tsx"), ["--tsconfig", "tsconfig.scripts.json", "scripts/jobs.ts"], { cwd: root, env: childEnv, timeout: 150_000 });
    const outputs = await Promise.all([run(), run()]);

    const results = outputs.map((o) => JSON.parse(o.stdout.trim().split("\n").at(-1)!) as { job: string; recurring: { created: number; failed: number } });
    expect(results.map((r) => r.job)).toEqual(["jobs", "jobs"]);
    expect(results[0]!.recurring.created + results[1]!.recurring.created).toBe(1);
    expect(results[0]!.recurring.failed + results[1]!.recurring.failed).toBe(0);
    const [row] = await occurrencesOf(db, profile.id);
    await expectOncePerDate(profile.id, member.orgId, [row!.occurrenceDate], true);
    expect(row!.occurrenceDate).toBe(today);
  });
});
