/**
 * The recurring job (runRecurring) against a real database, at explicit local wall-clock instants:
 * the organisation's date decides (23:59 and 00:01 local, both DST changes, 28/29 February), edits
 * change only future invoices, a stopped scheduler's occurrences come back as drafts in date order
 * (or as scheduled when the organisation chose that), placeholders name the occurrence's period,
 * and "issue and email" issues, numbers and queues one email.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { customers, recurringProfiles } from "@/db/schema";
import { saveMissedPolicy } from "@/lib/data/recurring-settings";
import { saveProfile, setProfileStatus } from "@/lib/data/recurring-profiles";
import { profileInput } from "@/tests/support/recurring";
import { emailsOfOrg, invoicesOf, local, occurrencesOf, pauseAllProfiles, profileAt, profileRow, recurringOrg } from "@/tests/support/recurring-jobs";
import { createTestDb } from "@/tests/support/test-db";
import { runRecurring } from "./recurring";

let handle: DbHandle;
let db: Db;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
});
afterAll(async () => {
  await handle?.close();
});
beforeEach(async () => {
  await pauseAllProfiles(db);
});

const nothing = { profiles: 0, created: 0, missed: 0, failed: 0 };
const dates = async (profileId: string) => (await occurrencesOf(db, profileId)).map((o) => o.occurrenceDate);

describe("the organisation's local date decides", () => {
  it("Sydney: not at 23:59 the day before, at 00:01 on the day (still the day before in UTC)", async () => {
    const zone = "Australia/Sydney";
    const { member, customer } = await recurringOrg(db, zone);
    const profile = await profileAt(member, customer, local(zone, 2027, 3, 1, 9), { dayOfMonth: 15, startDate: "2027-03-01" });
    expect(profile.nextDate).toBe("2027-03-15");

    expect(await runRecurring(local(zone, 2027, 3, 14, 23, 59))).toEqual(nothing);
    expect(await dates(profile.id)).toEqual([]);

    const midnight = local(zone, 2027, 3, 15, 0, 1);
    expect(new Date(midnight.getTime()).toISOString()).toBe("2027-03-14T13:01:00.000Z"); // AEDT, UTC+11
    expect(await runRecurring(midnight)).toEqual({ profiles: 1, created: 1, missed: 0, failed: 0 });

    const [occurrence] = await occurrencesOf(db, profile.id);
    expect(occurrence).toMatchObject({ occurrenceDate: "2027-03-15", state: "created", missed: false, action: "issue", attempts: 1, lastError: null });
    const [invoice] = await invoicesOf(db, profile.id);
    expect(invoice).toMatchObject({ id: occurrence!.documentId, kind: "invoice", status: "issued", number: "INV-2027-0001", issueDate: "2027-03-15", dueDate: "2027-03-29", total: 10_000, balance: 10_000 });
    expect(invoice!.lines.map((l) => l.description)).toEqual(["Retainer March 2027"]);
    expect(await profileRow(db, profile.id)).toMatchObject({ nextDate: "2027-04-15", occurrenceCount: 1, status: "active" });

    // Later runs that day create nothing more.
    expect(await runRecurring(local(zone, 2027, 3, 15, 0, 11))).toEqual(nothing);
    expect(await runRecurring(local(zone, 2027, 3, 15, 23, 59))).toEqual(nothing);
    expect(await dates(profile.id)).toEqual(["2027-03-15"]);
  });

  it("Los Angeles: not at 23:59 the day before (already the day in UTC), at 00:01 on the day", async () => {
    const zone = "America/Los_Angeles";
    const { member, customer } = await recurringOrg(db, zone);
    const profile = await profileAt(member, customer, local(zone, 2027, 6, 1, 9), { dayOfMonth: 15, startDate: "2027-06-01" });
    const late = local(zone, 2027, 6, 14, 23, 59);
    expect(new Date(late.getTime()).toISOString()).toBe("2027-06-15T06:59:00.000Z"); // PDT, UTC−7
    expect(await runRecurring(late)).toEqual(nothing);
    expect((await runRecurring(local(zone, 2027, 6, 15, 0, 1))).created).toBe(1);
    expect(await dates(profile.id)).toEqual(["2027-06-15"]);
  });

  it("New York, March: across the change to daylight saving time (14 March 2027)", async () => {
    const zone = "America/New_York";
    const { member, customer } = await recurringOrg(db, zone);
    const profile = await profileAt(member, customer, local(zone, 2027, 3, 1, 9), { frequency: "weekly", weekday: 7, startDate: "2027-03-01" });
    expect(profile.nextDate).toBe("2027-03-07");
    expect((await runRecurring(local(zone, 2027, 3, 7, 0, 1))).created).toBe(1);
    expect(await runRecurring(local(zone, 2027, 3, 13, 23, 59))).toEqual(nothing);
    expect((await runRecurring(local(zone, 2027, 3, 14, 0, 1))).created).toBe(1); // EST, two hours before the change
    expect(await runRecurring(local(zone, 2027, 3, 14, 3, 30))).toEqual(nothing); // EDT, after it
    expect(await runRecurring(local(zone, 2027, 3, 20, 23, 59))).toEqual(nothing);
    expect((await runRecurring(local(zone, 2027, 3, 21, 0, 1))).created).toBe(1);
    expect(await dates(profile.id)).toEqual(["2027-03-07", "2027-03-14", "2027-03-21"]);
    expect((await invoicesOf(db, profile.id)).map((i) => i.issueDate)).toEqual(["2027-03-07", "2027-03-14", "2027-03-21"]);
    expect((await occurrencesOf(db, profile.id)).every((o) => !o.missed)).toBe(true);
  });

  it("New York, November: across the change back (7 November 2027), the repeated hour included", async () => {
    const zone = "America/New_York";
    const { member, customer } = await recurringOrg(db, zone);
    const profile = await profileAt(member, customer, local(zone, 2027, 10, 25, 9), { frequency: "weekly", weekday: 7, startDate: "2027-10-25" });
    expect((await runRecurring(local(zone, 2027, 10, 31, 0, 1))).created).toBe(1);
    expect(await runRecurring(local(zone, 2027, 11, 6, 23, 59))).toEqual(nothing);
    const first = local(zone, 2027, 11, 7, 1, 30); // 01:30 EDT; an hour later it is 01:30 EST again
    expect((await runRecurring(local(zone, 2027, 11, 7, 0, 1))).created).toBe(1);
    expect(await runRecurring(first)).toEqual(nothing);
    expect(await runRecurring(new Date(first.getTime() + 3_600_000))).toEqual(nothing);
    expect(await runRecurring(local(zone, 2027, 11, 13, 23, 59))).toEqual(nothing);
    expect((await runRecurring(local(zone, 2027, 11, 14, 0, 1))).created).toBe(1);
    expect(await dates(profile.id)).toEqual(["2027-10-31", "2027-11-07", "2027-11-14"]);
  });

  it("monthly on the 31st: 31 January, 28 February, 31 March, each on its day", async () => {
    const zone = "Europe/Berlin";
    const { member, customer } = await recurringOrg(db, zone);
    const profile = await profileAt(member, customer, local(zone, 2027, 1, 1, 9), { dayOfMonth: 31, startDate: "2027-01-01" });
    expect((await runRecurring(local(zone, 2027, 1, 31, 0, 1))).created).toBe(1);
    expect(await runRecurring(local(zone, 2027, 2, 27, 23, 59))).toEqual(nothing);
    expect(await runRecurring(local(zone, 2027, 2, 28, 0, 1))).toEqual({ profiles: 1, created: 1, missed: 0, failed: 0 });
    expect(await runRecurring(local(zone, 2027, 3, 30, 23, 59))).toEqual(nothing);
    expect((await runRecurring(local(zone, 2027, 3, 31, 0, 1))).created).toBe(1);
    expect(await dates(profile.id)).toEqual(["2027-01-31", "2027-02-28", "2027-03-31"]);
    expect((await invoicesOf(db, profile.id)).map((i) => [i.issueDate, i.dueDate])).toEqual([
      ["2027-01-31", "2027-02-14"],
      ["2027-02-28", "2027-03-14"],
      ["2027-03-31", "2027-04-14"],
    ]);
  });

  it("in a leap year: monthly on the 31st on 29 February; yearly on 29 February on the 28th the year after", async () => {
    const zone = "Europe/Berlin";
    const { member, customer } = await recurringOrg(db, zone);
    const monthly = await profileAt(member, customer, local(zone, 2028, 2, 1, 9), { dayOfMonth: 31, startDate: "2028-02-01" });
    expect(await runRecurring(local(zone, 2028, 2, 28, 0, 1))).toEqual(nothing);
    expect((await runRecurring(local(zone, 2028, 2, 29, 0, 1))).created).toBe(1);
    expect(await dates(monthly.id)).toEqual(["2028-02-29"]);

    await setProfileStatus(member, monthly.id, "ended");
    const yearly = await profileAt(member, customer, local(zone, 2028, 3, 1, 9), { frequency: "yearly", monthOfYear: 2, dayOfMonth: 29, startDate: "2028-03-01" });
    expect(yearly.nextDate).toBe("2029-02-28");
    expect(await runRecurring(local(zone, 2029, 2, 27, 23, 59))).toEqual(nothing);
    expect((await runRecurring(local(zone, 2029, 2, 28, 0, 1))).created).toBe(1);
    expect(await dates(yearly.id)).toEqual(["2029-02-28"]);
  });
});

describe("edits, downtime, placeholders, email", () => {
  it("an edit mid-period changes the next invoices, never the ones already made", async () => {
    const zone = "Asia/Kolkata";
    const { member, customer } = await recurringOrg(db, zone);
    const profile = await profileAt(member, customer, local(zone, 2026, 12, 20, 9), { dayOfMonth: 1, startDate: "2027-01-01" });
    expect((await runRecurring(local(zone, 2027, 1, 1, 0, 1))).created).toBe(1);

    const edit = profileInput(customer.id, { dayOfMonth: 15, startDate: "2027-01-01" }, { lines: [{ description: "Retainer (new rate) {month}", quantityE4: 10_000, unitPrice: 15_000, taxRateIds: [] }] });
    const edited = await saveProfile(member, { ...edit, id: profile.id }, {}, undefined, local(zone, 2027, 1, 10, 12));
    expect(edited.nextDate).toBe("2027-01-15");
    expect((await runRecurring(local(zone, 2027, 1, 15, 0, 1))).created).toBe(1);

    const invoices = await invoicesOf(db, profile.id);
    expect(invoices.map((i) => [i.issueDate, i.total, i.lines[0]!.description])).toEqual([
      ["2027-01-01", 10_000, "Retainer January 2027"],
      ["2027-01-15", 15_000, "Retainer (new rate) January"],
    ]);
    expect(await dates(profile.id)).toEqual(["2027-01-01", "2027-01-15"]);
  });

  it("a profile pointing at a date already created (moved back by hand) moves past it without a second invoice", async () => {
    const zone = "UTC";
    const { member, customer } = await recurringOrg(db, zone);
    const profile = await profileAt(member, customer, local(zone, 2027, 7, 20), { dayOfMonth: 1, startDate: "2027-08-01" });
    expect((await runRecurring(local(zone, 2027, 8, 1, 0, 1))).created).toBe(1);
    await db.update(recurringProfiles).set({ nextDate: "2027-08-01" }).where(eq(recurringProfiles.id, profile.id));

    expect(await runRecurring(local(zone, 2027, 8, 1, 0, 11))).toEqual({ profiles: 1, created: 0, missed: 0, failed: 0 });
    expect(await profileRow(db, profile.id)).toMatchObject({ nextDate: "2027-09-01", occurrenceCount: 1 });
    expect((await invoicesOf(db, profile.id)).map((i) => i.issueDate)).toEqual(["2027-08-01"]);
  });

  it("the scheduler stopped for three weeks: the missed occurrences come back as drafts, in date order, with no email", async () => {
    const zone = "Australia/Sydney";
    const { member, customer } = await recurringOrg(db, zone);
    const profile = await profileAt(member, customer, local(zone, 2027, 2, 20, 9), { frequency: "weekly", weekday: 1, startDate: "2027-03-01" }, { action: "send" });
    expect((await runRecurring(local(zone, 2027, 3, 1, 0, 1))).created).toBe(1);
    // Nothing ran from 1 March 00:01 until Tuesday 23 March: Mondays 8, 15 and 22 were missed.
    expect(await runRecurring(local(zone, 2027, 3, 23, 10))).toEqual({ profiles: 1, created: 3, missed: 3, failed: 0 });

    const rows = await occurrencesOf(db, profile.id);
    expect(rows.map((o) => [o.occurrenceDate, o.missed, o.action, o.emailId === null])).toEqual([
      ["2027-03-01", false, "send", false],
      ["2027-03-08", true, "draft", true],
      ["2027-03-15", true, "draft", true],
      ["2027-03-22", true, "draft", true],
    ]);
    const invoices = await invoicesOf(db, profile.id);
    expect(invoices.map((i) => [i.issueDate, i.status, i.number])).toEqual([
      ["2027-03-01", "sent", "INV-2027-0001"],
      ["2027-03-08", "draft", null],
      ["2027-03-15", "draft", null],
      ["2027-03-22", "draft", null],
    ]);
    expect(await emailsOfOrg(db, member.orgId)).toHaveLength(1);
    expect(await profileRow(db, profile.id)).toMatchObject({ nextDate: "2027-03-29", occurrenceCount: 4 });
  });

  it("with 'issue and send anyway', missed occurrences are issued and emailed, numbered in date order", async () => {
    const zone = "Australia/Sydney";
    const { owner, member, customer } = await recurringOrg(db, zone);
    await saveMissedPolicy(owner, "as_scheduled");
    const profile = await profileAt(member, customer, local(zone, 2027, 2, 20, 9), { frequency: "weekly", weekday: 1, startDate: "2027-03-01" }, { action: "send" });
    expect(await runRecurring(local(zone, 2027, 3, 16, 10))).toEqual({ profiles: 1, created: 3, missed: 3, failed: 0 });

    const invoices = await invoicesOf(db, profile.id);
    expect(invoices.map((i) => [i.issueDate, i.status, i.number])).toEqual([
      ["2027-03-01", "sent", "INV-2027-0001"],
      ["2027-03-08", "sent", "INV-2027-0002"],
      ["2027-03-15", "sent", "INV-2027-0003"],
    ]);
    const rows = await occurrencesOf(db, profile.id);
    expect(rows.map((o) => [o.missed, o.action])).toEqual([
      [true, "send"],
      [true, "send"],
      [true, "send"],
    ]);
    const emails = await emailsOfOrg(db, member.orgId);
    expect(emails.map((e) => e.idempotencyKey).sort()).toEqual(invoices.map((i) => `document:${i.id}:invoice_sent:1`).sort());
    expect(emails.map((e) => e.id).sort()).toEqual(rows.map((o) => o.emailId).sort());
  });

  it("placeholders name the occurrence's period in the organisation's language, not the day the job ran", async () => {
    const zone = "Europe/London";
    const texts = { lines: [{ description: "Hosting {period}", quantityE4: 10_000, unitPrice: 5_000, taxRateIds: [] }], notes: "Service for {month} {year}, {period_start} to {period_end}." };
    const en = await recurringOrg(db, zone);
    const profile = await profileAt(en.member, en.customer, local(zone, 2027, 1, 20, 9), { dayOfMonth: 1, startDate: "2027-02-01" }, texts);
    const de = await recurringOrg(db, zone, "Recurring DE", { locale: "de-DE" });
    const german = await profileAt(de.member, de.customer, local(zone, 2027, 1, 20, 9), { dayOfMonth: 1, startDate: "2027-02-01" }, texts);
    // The job runs on 5 March: February's occurrence (missed) and March's.
    expect(await runRecurring(local(zone, 2027, 3, 5, 12))).toMatchObject({ created: 4, missed: 4 });

    const invoices = await invoicesOf(db, profile.id);
    expect(invoices.map((i) => [i.lines[0]!.description, i.notes])).toEqual([
      ["Hosting Feb 1\u2009–\u200928, 2027", "Service for February 2027, Feb 1, 2027 to Feb 28, 2027."],
      ["Hosting Mar 1\u2009–\u200931, 2027", "Service for March 2027, Mar 1, 2027 to Mar 31, 2027."],
    ]);
    expect((await invoicesOf(db, german.id)).map((i) => [i.lines[0]!.description, i.notes])).toEqual([
      ["Hosting 01.–28.02.2027", "Service for Februar 2027, 01.02.2027 to 28.02.2027."],
      ["Hosting 01.–31.03.2027", "Service for März 2027, 01.03.2027 to 31.03.2027."],
    ]);
  });

  it("an occurrence is written in the profile's language, else its customer's: the invoice and its placeholders", async () => {
    const zone = "Europe/London";
    const texts = { lines: [{ description: "Hosting {month}", quantityE4: 10_000, unitPrice: 5_000, taxRateIds: [] }], notes: "Service for {month} {year}." };
    const org = await recurringOrg(db, zone, "Recurring languages", { locale: "en-GB" });
    await db.update(customers).set({ language: "fr" }).where(eq(customers.id, org.customer.id));
    const french = await profileAt(org.member, org.customer, local(zone, 2027, 1, 20, 9), { dayOfMonth: 1, startDate: "2027-02-01" }, texts);
    const german = await profileAt(org.member, org.customer, local(zone, 2027, 1, 20, 9), { dayOfMonth: 1, startDate: "2027-02-01" }, { ...texts, language: "de" });
    expect(await profileRow(db, german.id)).toMatchObject({ language: "de" });
    expect(await runRecurring(local(zone, 2027, 2, 1, 12))).toMatchObject({ created: 2 });

    // No language on the profile: the invoice follows its customer (French), placeholders included.
    const [forCustomer] = await invoicesOf(db, french.id);
    expect(forCustomer).toMatchObject({ language: null, notes: "Service for février 2027." });
    expect(forCustomer!.lines[0]!.description).toBe("Hosting février");
    // The profile's own language wins over the customer's, and stays on the invoice.
    const [chosen] = await invoicesOf(db, german.id);
    expect(chosen).toMatchObject({ language: "de", notes: "Service for Februar 2027." });
    expect(chosen!.lines[0]!.description).toBe("Hosting Februar");
  });

  it("a profile's language must be one of the launch languages", async () => {
    const org = await recurringOrg(db, "Europe/London", "Recurring bad language");
    await expect(profileAt(org.member, org.customer, local("Europe/London", 2027, 1, 20, 9), { startDate: "2027-02-01" }, { language: "xx" })).rejects.toMatchObject({
      message: "Choose a language from the list.",
    });
  });

  it("'issue and email': the invoice is issued, numbered and sent, one email queued under its idempotency key, the PDF as chosen", async () => {
    const zone = "UTC";
    const { member, customer } = await recurringOrg(db, zone);
    const withPdf = await profileAt(member, customer, local(zone, 2027, 4, 20), { dayOfMonth: 1, startDate: "2027-05-01" }, { action: "send", attachPdf: true });
    const withoutPdf = await profileAt(member, customer, local(zone, 2027, 4, 20), { dayOfMonth: 1, startDate: "2027-05-01" }, { action: "send", attachPdf: false });
    expect(await runRecurring(local(zone, 2027, 5, 1, 0, 1))).toEqual({ profiles: 2, created: 2, missed: 0, failed: 0 });
    expect(await runRecurring(local(zone, 2027, 5, 1, 0, 11))).toEqual(nothing);

    const emails = await emailsOfOrg(db, member.orgId);
    expect(emails).toHaveLength(2);
    for (const [profile, attachments] of [
      [withPdf, 1],
      [withoutPdf, 0],
    ] as const) {
      const [invoice] = await invoicesOf(db, profile.id);
      const [occurrence] = await occurrencesOf(db, profile.id);
      expect(invoice).toMatchObject({ status: "sent", issueDate: "2027-05-01", dueDate: "2027-05-15" });
      expect(invoice!.number).toMatch(/^INV-2027-000[12]$/);
      const email = emails.find((e) => e.documentId === invoice!.id)!;
      expect(email).toMatchObject({ id: occurrence!.emailId, kind: "invoice_sent", toAddress: "ap@acme.test", status: "queued", idempotencyKey: `document:${invoice!.id}:invoice_sent:1` });
      expect(email.attachments?.length ?? 0).toBe(attachments);
      if (attachments) expect(email.attachments![0]).toMatchObject({ filename: `${invoice!.number}.pdf`, contentType: "application/pdf" });
    }
  });
});
