import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { duplicateDocument, saveDraft } from "@/lib/data/documents/drafts";
import { issueDocument, voidDocument } from "@/lib/data/documents/lifecycle";
import { recordPayment } from "@/lib/data/documents/payments";
import { getDocument } from "@/lib/data/documents/read";
import { todayIn } from "@/lib/dates";
import { createTestDb } from "@/tests/support/test-db";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { customerBalances, lastInvoiceOf } from "./customer-balances";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => {
  await handle?.close();
});

describe(`customer balances (${process.env.TEST_DB})`, () => {
  /**
   * Acme, on 2026-03-20 (amounts in minor units):
   *   A  EUR 100.00 due 03-15, 30.00 paid → 70.00 outstanding, all overdue
   *   B  EUR  50.00 due 03-31           → 50.00 outstanding, not yet due
   *   C  JPY   5000 due 03-01           → 5000 outstanding and overdue
   *   V  EUR 999.99 void; D EUR 777.77 draft; G Globex EUR 40.00 overdue: none count for Acme
   * EUR: outstanding 70.00 + 50.00 = 120.00, overdue 70.00. JPY: 5000 and 5000.
   */
  it("sums open invoices per currency, with the part past due", async () => {
    const { db } = handle;
    const { org, member } = await createInvoicingOrg(db, "Balances");
    const acme = await createCustomer(db, org.id, { name: "Acme" });
    const globex = await createCustomer(db, org.id, { name: "Globex" });
    const invoice = async (customerId: string, amount: number, dueDate: string, currency = "EUR") => {
      const draft = await saveDraft(member, { ...draftInput(customerId, { quantityE4: 10000, unitPrice: amount, taxRateIds: [] }), currency, issueDate: "2026-03-01", dueDate });
      return issueDocument(member, draft.id);
    };
    const a = await invoice(acme.id, 10000, "2026-03-15");
    await recordPayment(member, a.id, { paidOn: "2026-03-16", amount: 3000, method: "bank_transfer" });
    await invoice(acme.id, 5000, "2026-03-31");
    await invoice(acme.id, 5000, "2026-03-01", "JPY");
    const v = await invoice(acme.id, 99999, "2026-03-02");
    await voidDocument(member, v.id, "mistake");
    await saveDraft(member, { ...draftInput(acme.id, { quantityE4: 10000, unitPrice: 77777, taxRateIds: [] }), issueDate: "2026-03-01", dueDate: "2026-03-02" });
    await invoice(globex.id, 4000, "2026-03-02");

    expect(await customerBalances(member, acme.id, "2026-03-20")).toEqual([
      { currency: "EUR", outstanding: 12000, overdue: 7000 },
      { currency: "JPY", outstanding: 5000, overdue: 5000 },
    ]);
    // The day a due date falls on is not overdue yet (isOverdue's rule): on 03-15, A is still due.
    expect(await customerBalances(member, acme.id, "2026-03-15")).toEqual([
      { currency: "EUR", outstanding: 12000, overdue: 0 },
      { currency: "JPY", outstanding: 5000, overdue: 5000 },
    ]);
    // Another organisation sees nothing of Acme's.
    const other = await createInvoicingOrg(db, "Other");
    expect(await customerBalances(other.member, acme.id, "2026-03-20")).toEqual([]);
    expect(await lastInvoiceOf(other.member, acme.id)).toBeNull();
  });

  it("Invoice again copies the last invoice dated today, due after the same term", async () => {
    const { db } = handle;
    const { org, member } = await createInvoicingOrg(db, "Again");
    const acme = await createCustomer(db, org.id, { name: "Acme" });
    // Issued 2026-01-10, due 2026-02-09: a 30-day term. A later void one is not "the last invoice".
    const draft = await saveDraft(member, { ...draftInput(acme.id, { quantityE4: 20000, unitPrice: 1250, taxRateIds: [] }), issueDate: "2026-01-10", dueDate: "2026-02-09" });
    const issued = await issueDocument(member, draft.id);
    const later = await issueDocument(member, (await saveDraft(member, { ...draftInput(acme.id, { quantityE4: 10000, unitPrice: 100, taxRateIds: [] }), issueDate: "2026-01-20", dueDate: "2026-01-25" })).id);
    await voidDocument(member, later.id, "mistake");

    const last = await lastInvoiceOf(member, acme.id);
    expect(last).toEqual({ id: issued.id, number: issued.number });
    const copy = await duplicateDocument(member, last!.id, undefined, { rollDates: true });
    const today = todayIn(org.timeZone);
    const thirtyDaysOn = new Date(`${today}T00:00:00Z`);
    thirtyDaysOn.setUTCDate(thirtyDaysOn.getUTCDate() + 30);
    const copied = await getDocument(member, copy.id);
    expect(copied).toMatchObject({ status: "draft", number: null, customerId: acme.id, issueDate: today, dueDate: thirtyDaysOn.toISOString().slice(0, 10), total: 2500 });
    expect(copied.lines.map((l) => [l.description, l.quantityE4, l.unitPrice])).toEqual([["Line 1", 20000, 1250]]);
  });
});
