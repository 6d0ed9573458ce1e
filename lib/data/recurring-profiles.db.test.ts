/**
 * Recurring profiles: saving computes the total with lib/money.ts and the first date from today in
 * the organisation's zone; edits change future dates only; pause, resume and end.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { eq } from "drizzle-orm";
import { type Customer, type TaxRate, taxRates } from "@/db/schema";
import { expectAppError } from "@/tests/support/accounts";
import { createCustomer, createInvoicingOrg, createTaxRate } from "@/tests/support/invoicing";
import { profileInput } from "@/tests/support/recurring";
import { createTestDb } from "@/tests/support/test-db";
import type { Member } from "./context";
import { getProfile, nextDateAfterEdit, saveProfile, setProfileStatus } from "./recurring-profiles";
import { updateTaxRate } from "./tax-rates";

let handle: DbHandle;
let member: Member;
let owner: Member;
let customer: Customer;
let vat: TaxRate;

beforeAll(async () => {
  handle = await createTestDb();
  ({ member, owner } = await createInvoicingOrg(handle.db, "Recurring", { timeZone: "Australia/Sydney" }));
  customer = await createCustomer(handle.db, member.orgId, { name: "Acme Pty" });
  vat = await createTaxRate(handle.db, member.orgId, { name: "GST 10%", rateE4: 100_000 });
});
afterAll(async () => {
  await handle?.close();
});

describe("saveProfile", () => {
  it("stores the total and the first date on or after today in the organisation's zone", async () => {
    // 2026-12-02T14:30Z is 01:30 on 3 December in Sydney: a profile on the 3rd starts that day.
    const now = new Date("2026-12-02T14:30:00Z");
    const input = profileInput(customer.id, { dayOfMonth: 3, startDate: "2026-12-01" }, { lines: [{ description: "Hosting", quantityE4: 30_000, unitPrice: 1_999, taxRateIds: [vat.id] }] });
    const profile = await saveProfile(member, input, {}, undefined, now);
    // 3 × 19.99 = 59.97 + 10 % GST 6.00 (5.997 rounded) = 65.97
    expect(profile.total).toBe(6_597);
    expect(profile.nextDate).toBe("2026-12-03");
    expect((await getProfile(member, profile.id))!.lines.map((l) => l.description)).toEqual(["Hosting"]);
  });

  it("refuses an archived customer or tax rate (every occurrence would fail)", async () => {
    const gone = await createCustomer(handle.db, member.orgId, { name: "Gone Ltd", archivedAt: new Date() });
    expect((await expectAppError(saveProfile(member, profileInput(gone.id)), "BAD_REQUEST")).fieldErrors).toMatchObject({ customerId: "This customer is archived. Restore them, or choose another customer." });
    const old = await createTaxRate(handle.db, member.orgId, { name: "Old VAT", rateE4: 190_000 });
    await handle.db.update(taxRates).set({ archivedAt: new Date() }).where(eq(taxRates.id, old.id));
    const input = profileInput(customer.id, {}, { lines: [{ description: "Hosting", quantityE4: 10_000, unitPrice: 1_000, taxRateIds: [old.id] }] });
    expect((await expectAppError(saveProfile(member, input), "BAD_REQUEST")).message).toBe('The tax rate "Old VAT" is archived. Choose a current rate on the lines.');
  });

  it("a tax rate's new percentage updates the stored total of the profiles that use it, and only theirs", async () => {
    const rate = await createTaxRate(handle.db, member.orgId, { name: "VAT", rateE4: 200_000 });
    const taxed = await saveProfile(member, profileInput(customer.id, {}, { lines: [{ description: "Support", quantityE4: 10_000, unitPrice: 10_000, taxRateIds: [rate.id] }] }));
    const untaxed = await saveProfile(member, profileInput(customer.id));
    // 100.00 + 20 % = 120.00; untaxed 100.00.
    expect([taxed.total, untaxed.total]).toEqual([12_000, 10_000]);
    await updateTaxRate(owner, { id: rate.id, name: "VAT", rateE4: 210_000, inclusive: false, compound: false });
    // 100.00 + 21 % = 121.00.
    expect([(await getProfile(member, taxed.id))!.total, (await getProfile(member, untaxed.id))!.total]).toEqual([12_100, 10_000]);
  });

  it("refuses an end date before the start", async () => {
    await expectAppError(saveProfile(member, profileInput(customer.id, { startDate: "2027-01-01", endType: "on", endDate: "2026-12-31" })), "BAD_REQUEST");
  });

  it("an edit moves only future dates; a resumed profile skips the paused dates", async () => {
    const now = new Date("2026-12-02T00:00:00Z"); // 11:00 on 2 December in Sydney
    const profile = await saveProfile(member, profileInput(customer.id, { dayOfMonth: 15, startDate: "2026-12-01" }), {}, undefined, now);
    expect(profile.nextDate).toBe("2026-12-15");
    const edited = await saveProfile(member, { ...profileInput(customer.id, { dayOfMonth: 1, startDate: "2026-12-01" }), id: profile.id }, {}, undefined, now);
    expect(edited.nextDate).toBe("2027-01-01");
    await setProfileStatus(member, profile.id, "paused", {}, undefined, now);
    const resumed = await setProfileStatus(member, profile.id, "active", {}, undefined, new Date("2027-02-10T00:00:00Z"));
    expect(resumed.nextDate).toBe("2027-03-01");
    const ended = await setProfileStatus(member, profile.id, "ended");
    expect([ended.status, ended.nextDate]).toEqual(["ended", null]);
    await expectAppError(setProfileStatus(member, profile.id, "active"), "CONFLICT");
  });
});

describe("nextDateAfterEdit", () => {
  const s = { frequency: "monthly" as const, interval: 1, dayOfMonth: 1, startDate: "2026-01-01", endType: "never" as const };
  it("keeps an occurrence that was due and not created (jobs down, or failed)", () => {
    expect(nextDateAfterEdit(s, { lastCreated: "2026-10-01", pending: "2026-11-01", created: 10, today: "2026-12-02" })).toBe("2026-11-01");
  });
  it("otherwise starts after the last created date, not before today", () => {
    expect(nextDateAfterEdit(s, { lastCreated: "2026-12-01", pending: "2027-01-01", created: 12, today: "2026-12-02" })).toBe("2027-01-01");
    expect(nextDateAfterEdit({ ...s, dayOfMonth: 2 }, { lastCreated: "2026-11-01", pending: "2026-12-01", created: 11, today: "2026-12-02" })).toBe("2026-12-02");
  });
});
