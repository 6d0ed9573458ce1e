/**
 * Occurrences that cannot be created stay visible and are retried: the whole occurrence rolls back,
 * a failed row says why (attempts growing on every run), later dates wait behind it, and once the
 * owner fixes the cause the next run creates it, once. An email that fails in delivery is the
 * outbox's retry, never a second invoice.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { customers, documents, organizations, taxRates } from "@/db/schema";
import { saveDraft } from "@/lib/data/documents/drafts";
import { issueDocument } from "@/lib/data/documents/lifecycle";
import { MailRetryableError } from "@/lib/mail/transports";
import { NO_EMAIL_PROVIDER, withEnv } from "@/tests/support/env";
import { createTaxRate, draftInput } from "@/tests/support/invoicing";
import { emailsOfOrg, invoicesOf, local, occurrencesOf, pauseAllProfiles, profileAt, profileRow, recurringOrg } from "@/tests/support/recurring-jobs";
import { createTestDb } from "@/tests/support/test-db";
import { deliverEmail } from "./outbox";
import { runRecurring, UNEXPECTED_FAILURE } from "./recurring";

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

const zone = "UTC";
const failedOnce = { profiles: 1, created: 0, missed: 0, failed: 1 };
const rowsOf = async (profileId: string) => (await occurrencesOf(db, profileId)).map((o) => ({ date: o.occurrenceDate, state: o.state, attempts: o.attempts, lastError: o.lastError }));

describe("failed occurrences", () => {
  it("an archived customer: failed with the reason, retried every run, later dates wait; restored, each date is created once", async () => {
    const { member, customer } = await recurringOrg(db, zone);
    const profile = await profileAt(member, customer, local(zone, 2026, 12, 20), { dayOfMonth: 1, startDate: "2027-01-01" });
    await db.update(customers).set({ archivedAt: new Date() }).where(eq(customers.id, customer.id));
    const reason = "The customer is archived. Restore the customer, or choose another one on this profile; the next run creates the invoice.";

    expect(await runRecurring(local(zone, 2027, 1, 1, 0, 1))).toEqual(failedOnce);
    expect(await rowsOf(profile.id)).toEqual([{ date: "2027-01-01", state: "failed", attempts: 1, lastError: reason }]);
    expect(await runRecurring(local(zone, 2027, 1, 1, 0, 11))).toEqual(failedOnce);
    // A month later two dates are due; the second waits behind the first, so invoices stay in date order.
    expect(await runRecurring(local(zone, 2027, 2, 1, 0, 1))).toEqual(failedOnce);
    expect(await rowsOf(profile.id)).toEqual([{ date: "2027-01-01", state: "failed", attempts: 3, lastError: reason }]);
    expect(await invoicesOf(db, profile.id)).toEqual([]);
    expect(await db.select().from(documents).where(eq(documents.orgId, member.orgId))).toEqual([]);
    expect(await profileRow(db, profile.id)).toMatchObject({ nextDate: "2027-01-01", occurrenceCount: 0 });

    await db.update(customers).set({ archivedAt: null }).where(eq(customers.id, customer.id));
    // January failed on its day (the jobs did run): not missed, so issued as the profile says once
    // fixed, like February on its day.
    expect(await runRecurring(local(zone, 2027, 2, 1, 0, 11))).toEqual({ profiles: 1, created: 2, missed: 0, failed: 0 });
    expect(await rowsOf(profile.id)).toEqual([
      { date: "2027-01-01", state: "created", attempts: 4, lastError: null },
      { date: "2027-02-01", state: "created", attempts: 1, lastError: null },
    ]);
    expect((await invoicesOf(db, profile.id)).map((i) => [i.issueDate, i.status])).toEqual([
      ["2027-01-01", "issued"],
      ["2027-02-01", "issued"],
    ]);
    expect(await runRecurring(local(zone, 2027, 2, 1, 0, 21))).toEqual({ profiles: 0, created: 0, missed: 0, failed: 0 });
    expect(await invoicesOf(db, profile.id)).toHaveLength(2);
  });

  it("the customer's currency changed, a tax rate was archived: each named, until fixed", async () => {
    const { member, customer } = await recurringOrg(db, zone);
    const vat = await createTaxRate(db, member.orgId, { name: "VAT 20%", rateE4: 200_000 });
    const lines = [{ description: "Support", quantityE4: 10_000, unitPrice: 10_000, taxRateIds: [vat.id] }];
    const profile = await profileAt(member, customer, local(zone, 2026, 12, 20), { dayOfMonth: 1, startDate: "2027-01-01" }, { lines });
    await db.update(customers).set({ currency: "USD" }).where(eq(customers.id, customer.id));
    await db.update(taxRates).set({ archivedAt: new Date() }).where(eq(taxRates.id, vat.id));

    expect(await runRecurring(local(zone, 2027, 1, 1, 0, 1))).toEqual(failedOnce);
    expect((await rowsOf(profile.id))[0]!.lastError).toBe(
      "The customer now bills in USD but this profile bills in EUR. Change the profile's currency or the customer's; the next run creates the invoice.",
    );
    await db.update(customers).set({ currency: "EUR" }).where(eq(customers.id, customer.id));
    expect(await runRecurring(local(zone, 2027, 1, 1, 0, 11))).toEqual(failedOnce);
    expect(await rowsOf(profile.id)).toEqual([
      { date: "2027-01-01", state: "failed", attempts: 2, lastError: `The tax rate "VAT 20%" on this profile is archived. Choose current rates on the profile's lines; the next run creates the invoice.` },
    ]);
    await db.update(taxRates).set({ archivedAt: null }).where(eq(taxRates.id, vat.id));
    expect((await runRecurring(local(zone, 2027, 1, 1, 0, 21))).created).toBe(1);
    // 100.00 + 20 % VAT
    expect((await invoicesOf(db, profile.id)).map((i) => [i.status, i.total])).toEqual([["issued", 12_000]]);
  });

  it("'issue and email' without an address or without email set up: failed, nothing issued or numbered", async () => {
    const { member, customer } = await recurringOrg(db, zone);
    await db.update(customers).set({ email: null }).where(eq(customers.id, customer.id));
    const profile = await profileAt(member, customer, local(zone, 2026, 12, 20), { dayOfMonth: 1, startDate: "2027-01-01" }, { action: "send" });

    expect(await runRecurring(local(zone, 2027, 1, 1, 0, 1))).toEqual(failedOnce);
    expect((await rowsOf(profile.id))[0]!.lastError).toBe(
      "The customer has no email address, so this invoice can't be emailed. Add one on the customer's page; the next run creates the invoice.",
    );
    await db.update(customers).set({ email: "ap@acme.test" }).where(eq(customers.id, customer.id));
    expect(await withEnv(NO_EMAIL_PROVIDER, () => runRecurring(local(zone, 2027, 1, 1, 0, 11)))).toEqual(failedOnce);
    expect((await rowsOf(profile.id))[0]).toEqual({
      date: "2027-01-01",
      state: "failed",
      attempts: 2,
      lastError: "Email is not set up on this server, so this invoice can't be emailed. Set up email delivery, or change the profile to issue without emailing; the next run creates the invoice.",
    });
    expect(await db.select().from(documents).where(eq(documents.orgId, member.orgId))).toEqual([]);

    expect((await runRecurring(local(zone, 2027, 1, 1, 0, 21))).created).toBe(1);
    const [invoice] = await invoicesOf(db, profile.id);
    expect(invoice).toMatchObject({ status: "sent", number: "INV-2027-0001" });
    expect(await emailsOfOrg(db, member.orgId)).toHaveLength(1);
  });

  it("an unexpected error is stored as a generic reason and the occurrence is retried", async () => {
    // A number format without a sequence (only possible by editing the database) repeats a number:
    // the unique index refuses the second invoice with a database error, not an AppError.
    const { member, customer } = await recurringOrg(db, zone);
    await db.update(organizations).set({ invoiceNumberFormat: "FIXED-1" }).where(eq(organizations.id, member.orgId));
    await issueDocument(member, (await saveDraft(member, draftInput(customer.id, {}))).id);
    const profile = await profileAt(member, customer, local(zone, 2026, 12, 20), { dayOfMonth: 1, startDate: "2027-01-01" });

    expect(await runRecurring(local(zone, 2027, 1, 1, 0, 1))).toEqual(failedOnce);
    expect(await rowsOf(profile.id)).toEqual([{ date: "2027-01-01", state: "failed", attempts: 1, lastError: UNEXPECTED_FAILURE }]);
    // The draft saved before the error (a savepoint inside the occurrence's transaction) went with it.
    expect(await db.select().from(documents).where(eq(documents.orgId, member.orgId))).toHaveLength(1);
    await db.update(organizations).set({ invoiceNumberFormat: "INV-{YYYY}-{SEQ:4}" }).where(eq(organizations.id, member.orgId));
    expect((await runRecurring(local(zone, 2027, 1, 1, 0, 11))).created).toBe(1);
    expect((await rowsOf(profile.id))[0]).toMatchObject({ state: "created", attempts: 2, lastError: null });
    // 2027's first number: the one the failed attempt took was rolled back with it.
    expect((await invoicesOf(db, profile.id)).map((i) => i.number)).toEqual(["INV-2027-0001"]);
  });

  it("an email that fails in delivery leaves the invoice sent and the email queued for a retry; no second invoice", async () => {
    const { member, customer } = await recurringOrg(db, zone);
    const profile = await profileAt(member, customer, local(zone, 2026, 12, 20), { dayOfMonth: 1, startDate: "2027-01-01" }, { action: "send" });
    expect((await runRecurring(local(zone, 2027, 1, 1, 0, 1))).created).toBe(1);
    const [email] = await emailsOfOrg(db, member.orgId);
    const refused = { name: "smtp" as const, send: async () => Promise.reject(new MailRetryableError("421 try again later")) };
    expect(await deliverEmail(email!.id, refused)).toMatchObject({ status: "queued", attempts: 1 });

    expect(await runRecurring(local(zone, 2027, 1, 1, 0, 11))).toEqual({ profiles: 0, created: 0, missed: 0, failed: 0 });
    expect((await invoicesOf(db, profile.id)).map((i) => i.status)).toEqual(["sent"]);
    expect((await occurrencesOf(db, profile.id)).map((o) => [o.state, o.emailId])).toEqual([["created", email!.id]]);
    expect(await emailsOfOrg(db, member.orgId)).toHaveLength(1);
  });
});
