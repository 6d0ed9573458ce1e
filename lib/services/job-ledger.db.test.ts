/**
 * Settings → Jobs forecast: the next 30 days in the organisation's zone, hand-worked. Sydney,
 * seen at 08:00 on 10 February 2027 local (still 9 February in UTC): today is 2027-02-10 and the
 * forecast runs to 2027-03-12 inclusive.
 */
import { TZDate } from "@date-fns/tz";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { reminderSends, reminderSettings } from "@/db/schema";
import type { Member } from "@/lib/data/context";
import { saveDraft } from "@/lib/data/documents/drafts";
import { issueDocument } from "@/lib/data/documents/lifecycle";
import { saveProfile, setProfileStatus } from "@/lib/data/recurring-profiles";
import { setInvoiceRemindersPaused } from "@/lib/data/reminders";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { profileInput } from "@/tests/support/recurring";
import { createTestDb } from "@/tests/support/test-db";
import { getForecast, getJobLedger, runView } from "./job-ledger";

let handle: DbHandle;
let db: Db;
let owner: Member;
let other: Member;
const now = new TZDate(2027, 1, 10, 8, 0, "Australia/Sydney");

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  ({ owner } = await createInvoicingOrg(db, "Sydney", { timeZone: "Australia/Sydney" }));
  ({ owner: other } = await createInvoicingOrg(db, "Elsewhere", { timeZone: "Australia/Sydney" }));
  const customer = await createCustomer(db, owner.orgId, { name: "Harbour Pty", email: "ap@harbour.test" });
  const at = (s: Parameters<typeof profileInput>[1], name: string) => saveProfile(owner, { ...profileInput(customer.id, s), name }, {}, undefined, now);
  await at({ dayOfMonth: 31, startDate: "2027-01-01" }, "Last day");
  await at({ dayOfMonth: 12, startDate: "2027-01-01" }, "On the 12th");
  await at({ dayOfMonth: 13, startDate: "2027-01-01" }, "On the 13th");
  const paused = await at({ dayOfMonth: 20, startDate: "2027-01-01" }, "Paused");
  await setProfileStatus(owner, paused.id, "paused", {}, undefined, now);

  await db.insert(reminderSettings).values({ orgId: owner.orgId, enabled: true, steps: [-3, 0, 7] });
  const issue = async (issueDate: string, dueDate: string) => issueDocument(owner, (await saveDraft(owner, { ...draftInput(customer.id, {}), issueDate, dueDate })).id);
  const upcoming = await issue("2027-01-21", "2027-02-20");
  const overdue = await issue("2027-01-06", "2027-02-05");
  await db.insert(reminderSends).values({ orgId: owner.orgId, documentId: overdue.id, step: 0 });
  const quiet = await issue("2027-02-01", "2027-03-03");
  await setInvoiceRemindersPaused(owner, quiet.id, true);
  // Another organisation's profile and invoice never appear.
  const theirs = await createCustomer(db, other.orgId, { name: "Not ours", email: "ap@theirs.test" });
  await saveProfile(other, { ...profileInput(theirs.id, { dayOfMonth: 15, startDate: "2027-01-01" }), name: "Theirs" }, {}, undefined, now);
  expect(upcoming.number).not.toBeNull();
});
afterAll(async () => {
  await handle?.close();
});

describe("getForecast", () => {
  it("lists each recurring date and reminder from today to today + 30 in the organisation's zone", async () => {
    const forecast = await getForecast(owner, now);
    expect([forecast.today, forecast.until]).toEqual(["2027-02-10", "2027-03-12"]);
    expect(forecast.items.map((f) => [f.date, f.kind, f.kind === "reminder" ? f.step : f.name, f.amount, f.currency])).toEqual([
      // The 12th: 12 February and 12 March (the last day of the window, included).
      ["2027-02-12", "recurring", "On the 12th", 10_000, "EUR"],
      // The overdue invoice (due 5 February) already had its due-date reminder: the 7-day one on the 12th.
      ["2027-02-12", "reminder", 7, 10_000, "EUR"],
      // The 13th: 13 February only (13 March is past the window).
      ["2027-02-13", "recurring", "On the 13th", 10_000, "EUR"],
      // Due 20 February: 3 days before, on the day, 7 days after.
      ["2027-02-17", "reminder", -3, 10_000, "EUR"],
      ["2027-02-20", "reminder", 0, 10_000, "EUR"],
      ["2027-02-27", "reminder", 7, 10_000, "EUR"],
      // Monthly on the 31st, in February: the 28th.
      ["2027-02-28", "recurring", "Last day", 10_000, "EUR"],
      ["2027-03-12", "recurring", "On the 12th", 10_000, "EUR"],
    ]);
  });

  it("another organisation sees only its own", async () => {
    const forecast = await getForecast(other, now);
    // On the 15th: 15 February; 15 March is past the window.
    expect(forecast.items.map((f) => [f.date, f.kind === "recurring" ? f.name : f.number])).toEqual([["2027-02-15", "Theirs"]]);
  });
});

describe("getJobLedger", () => {
  it("shows a run's times, outcome and trigger, never its counts (they cover every organisation)", () => {
    const startedAt = new Date("2027-03-14T09:00:00Z");
    const view = runView({ id: "r", startedAt, finishedAt: new Date("2027-03-14T09:00:01.5Z"), ok: true, summary: { trigger: "cron", reminders: { candidates: 4, queued: 2 } }, error: null });
    expect(view).toEqual({ id: "r", startedAt, finishedAt: new Date("2027-03-14T09:00:01.5Z"), ok: true, durationMs: 1500, trigger: "cron", error: null });
  });

  it("gathers every section for the organisation", async () => {
    const ledger = await getJobLedger(owner, now);
    expect(ledger.forecast.items).toHaveLength(8);
    expect(ledger.reminders.map((r) => r.step)).toEqual([0]);
    expect(ledger.occurrences).toEqual([]);
  });
});
