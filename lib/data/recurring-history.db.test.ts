/**
 * A profile's history as its page shows it (occurrences with their invoice numbers, newest first,
 * the missed and failed counts, scoped to the organisation), and the form's preview starting where
 * saveProfile starts: the browser and the server must show and store the same next date.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { type Customer, recurringOccurrences, recurringProfiles } from "@/db/schema";
import { eq } from "drizzle-orm";
import { previewDates } from "@/components/recurring/preview-dates";
import { issueInvoice } from "@/tests/support/documents";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { profileInput } from "@/tests/support/recurring";
import { createTestDb } from "@/tests/support/test-db";
import type { Member } from "./context";
import { customerNames, listOccurrences, occurrenceSummary } from "./recurring-history";
import { saveProfile } from "./recurring-profiles";

let handle: DbHandle;
let member: Member;
let other: Member;
let customer: Customer;

beforeAll(async () => {
  handle = await createTestDb();
  ({ member } = await createInvoicingOrg(handle.db, "History", { timeZone: "Pacific/Chatham" }));
  ({ member: other } = await createInvoicingOrg(handle.db, "Other"));
  customer = await createCustomer(handle.db, member.orgId, { name: "Kiwi Ltd" });
});
afterAll(async () => {
  await handle?.close();
});

describe("listOccurrences and occurrenceSummary", () => {
  it("lists occurrences newest first with their invoice numbers, and counts the missed, the missed drafts and the failed", async () => {
    const profile = await saveProfile(member, profileInput(customer.id, { dayOfMonth: 1, startDate: "2027-01-01" }), {}, handle.db, new Date("2026-12-20T00:00:00Z"));
    const invoice = await issueInvoice(handle.db, member, draftInput(customer.id, { description: "Retainer January" }));
    const row = { orgId: member.orgId, profileId: profile.id };
    await handle.db.insert(recurringOccurrences).values([
      { ...row, occurrenceDate: "2027-01-01", state: "created", documentId: invoice.id, action: "issue", attempts: 1 },
      { ...row, occurrenceDate: "2027-02-01", state: "created", missed: true, action: "draft", attempts: 1 },
      { ...row, occurrenceDate: "2027-03-01", state: "created", missed: true, action: "send", attempts: 1 },
      { ...row, occurrenceDate: "2027-04-01", state: "failed", attempts: 3, lastError: "The customer is archived" },
    ]);

    const history = await listOccurrences(member, profile.id, handle.db);
    expect(history.map((o) => [o.occurrenceDate, o.state, o.missed, o.number])).toEqual([
      ["2027-04-01", "failed", false, null],
      ["2027-03-01", "created", true, null],
      ["2027-02-01", "created", true, null],
      ["2027-01-01", "created", false, invoice.number],
    ]);
    expect(history[0]).toMatchObject({ attempts: 3, lastError: "The customer is archived", documentId: null });
    expect(history[3]).toMatchObject({ documentId: invoice.id, action: "issue" });

    // The last created is 1 March: the failed 1 April is still to create.
    expect(await occurrenceSummary(member, profile.id, handle.db)).toEqual({ missed: 2, missedDrafts: 1, failed: 1, lastCreated: "2027-03-01" });
  });

  it("another organisation sees nothing of them, nor the customer's name", async () => {
    const profile = await saveProfile(member, profileInput(customer.id, { dayOfMonth: 5, startDate: "2027-01-01" }), {}, handle.db, new Date("2026-12-20T00:00:00Z"));
    await handle.db.insert(recurringOccurrences).values({ orgId: member.orgId, profileId: profile.id, occurrenceDate: "2027-01-05", state: "created", action: "issue", attempts: 1 });
    expect(await listOccurrences(other, profile.id, handle.db)).toEqual([]);
    expect(await occurrenceSummary(other, profile.id, handle.db)).toEqual({ missed: 0, missedDrafts: 0, failed: 0, lastCreated: null });
    expect([...(await customerNames(other, [customer.id], handle.db))]).toEqual([]);
    expect([...(await customerNames(member, [customer.id, customer.id], handle.db))]).toEqual([[customer.id, "Kiwi Ltd"]]);
  });
});

describe("the form's preview starts where saveProfile starts", () => {
  // 2027-03-14T10:30Z is 00:15 on 15 March in Chatham (UTC+13:45): today there is already the 15th.
  const now = new Date("2027-03-14T10:30:00Z");
  const today = "2027-03-15";

  it("a new profile: the first preview date is the stored next date", async () => {
    for (const schedule of [
      { dayOfMonth: 15, startDate: "2027-01-01" },
      { dayOfMonth: 14, startDate: "2027-03-01" },
      { dayOfMonth: 31, startDate: "2027-04-02" },
      { frequency: "weekly" as const, weekday: 1, dayOfMonth: null, startDate: "2027-03-10", interval: 2 },
    ]) {
      const input = profileInput(customer.id, schedule);
      const saved = await saveProfile(member, input, {}, handle.db, now);
      expect(previewDates(input.schedule, today, null, 1)).toEqual([saved.nextDate]);
    }
  });

  it("an edited profile: the preview continues after the last created occurrence, as the stored next date does", async () => {
    const input = profileInput(customer.id, { dayOfMonth: 1, startDate: "2027-01-01" });
    const profile = await saveProfile(member, input, {}, handle.db, new Date("2026-12-20T00:00:00Z"));
    // The job created 1 January and 1 February and 1 March (the last while the jobs were down).
    await handle.db.insert(recurringOccurrences).values(
      ["2027-01-01", "2027-02-01", "2027-03-01"].map((occurrenceDate) => ({ orgId: member.orgId, profileId: profile.id, occurrenceDate, state: "created" as const, action: "issue" as const, attempts: 1 })),
    );
    await handle.db.update(recurringProfiles).set({ occurrenceCount: 3, nextDate: "2027-04-01" }).where(eq(recurringProfiles.id, profile.id));
    const edited = { ...input, schedule: { ...input.schedule, dayOfMonth: 20, endType: "after" as const, endAfterCount: 5 } };
    const edit = { lastCreated: "2027-03-01", pending: "2027-04-01", created: 3 };
    const saved = await saveProfile(member, { ...edited, id: profile.id }, {}, handle.db, now);
    expect(saved.nextDate).toBe("2027-03-20");
    expect(previewDates(edited.schedule, today, edit)).toEqual(["2027-03-20", "2027-04-20"]);
  });
});
