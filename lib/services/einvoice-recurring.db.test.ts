/**
 * A recurring profile that issues for a customer who needs an e-invoice: an occurrence whose
 * e-invoice can't be made fails whole (nothing issued or numbered) with the missing terms as its
 * reason, and is created once they are filled in.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { customers, documentEinvoices, documents } from "@/db/schema";
import { createTaxRate } from "@/tests/support/invoicing";
import { GERMAN_ORG, LEITWEG_ID } from "@/tests/support/german-einvoice";
import { local, occurrencesOf, profileAt, recurringOrg } from "@/tests/support/recurring-jobs";
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

describe("recurring occurrences that issue an e-invoice", () => {
  it("fails with the missing business terms as the reason, issues nothing, and succeeds once they are filled in", async () => {
    const zone = "UTC";
    // The customer has an address but no Leitweg-ID or electronic address.
    const { member, customer } = await recurringOrg(db, zone, "Recurring-einvoice", { ...GERMAN_ORG });
    const vat = await createTaxRate(db, member.orgId, { name: "USt", rateE4: 190_000 });
    const lines = [{ description: "Wartung {month} {year}", quantityE4: 10_000, unitPrice: 10_000, taxRateIds: [vat.id] }];
    const profile = await profileAt(member, customer, local(zone, 2026, 12, 20), { dayOfMonth: 1, startDate: "2027-01-01" }, { lines });

    expect(await runRecurring(local(zone, 2027, 1, 1, 0, 1))).toEqual({ profiles: 1, created: 0, missed: 0, failed: 1 });
    const [failed] = await occurrencesOf(db, profile.id);
    expect(failed).toMatchObject({ occurrenceDate: "2027-01-01", state: "failed" });
    expect(failed!.lastError).toContain("can't be issued as XRechnung 3.0 (UBL)");
    expect(failed!.lastError).toContain("Buyer reference (Leitweg-ID) is required for XRechnung.");
    expect(failed!.lastError).toMatch(/electronic address/);
    const made = await db.select().from(documents).where(eq(documents.orgId, member.orgId));
    expect(made).toEqual([]);

    await db.update(customers).set({ buyerReference: LEITWEG_ID, electronicAddress: LEITWEG_ID, electronicAddressScheme: "0204" }).where(eq(customers.id, customer.id));
    expect((await runRecurring(local(zone, 2027, 1, 1, 0, 11))).created).toBe(1);
    const [invoice] = await db.select().from(documents).where(eq(documents.orgId, member.orgId));
    // 100.00 + 19 % VAT
    // It bills January 2027 (the invoicing period BG-14, which XRechnung asks for).
    expect(invoice).toMatchObject({ status: "issued", total: 11_900, einvoiceFormat: "xrechnung-ubl", periodStart: "2027-01-01", periodEnd: "2027-01-31" });
    expect(await db.select({ format: documentEinvoices.format }).from(documentEinvoices).where(eq(documentEinvoices.documentId, invoice!.id))).toEqual([{ format: "xrechnung-ubl" }]);
  });
});
