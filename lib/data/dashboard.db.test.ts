import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { createCreditNote, issueDocument, recordPayment, saveDraft, voidDocument } from "@/lib/data/documents";
import { createTestDb } from "@/tests/support/test-db";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { dashboardCurrencies, dashboardFigures, periodFor, topCustomers } from "./dashboard";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => {
  await handle?.close();
});

describe(`dashboard figures (${process.env.TEST_DB})`, () => {
  it("counts issued invoices net of credit notes, payments by date, and never mixes currencies", async () => {
    const { db } = handle;
    const { org, member } = await createInvoicingOrg(db, "Dash");
    const acme = await createCustomer(db, org.id, { name: "Acme" });
    const globex = await createCustomer(db, org.id, { name: "Globex" });
    const invoice = async (customerId: string, amount: number, issueDate: string, dueDate: string, currency = "EUR") => {
      const draft = await saveDraft(db, member, { ...draftInput(customerId, { quantityE4: 10000, unitPrice: amount, taxRateIds: [] }), currency, issueDate, dueDate });
      return issueDocument(db, member, draft.id);
    };
    // March 2026 in EUR: 100.00 partly paid and partly credited, 50.00 open and overdue, one void, one draft.
    const a = await invoice(acme.id, 10000, "2026-03-31", "2026-04-30");
    await recordPayment(db, member, a.id, { paidOn: "2026-03-31", amount: 3000, method: "card" });
    const cn = await createCreditNote(db, member, a.id);
    await saveDraft(db, member, { id: cn.id, ...draftInput(acme.id, { quantityE4: 10000, unitPrice: 1000, taxRateIds: [] }), kind: "credit_note", issueDate: "2026-03-20" });
    await issueDocument(db, member, cn.id);
    await invoice(globex.id, 5000, "2026-03-01", "2026-03-15");
    const v = await invoice(globex.id, 99999, "2026-03-05", "2026-04-05");
    await voidDocument(db, member, v.id, "mistake");
    await saveDraft(db, member, { ...draftInput(acme.id, { quantityE4: 10000, unitPrice: 77777, taxRateIds: [] }), issueDate: "2026-03-06" });
    // A JPY invoice and one in April: in neither March EUR figure.
    await invoice(acme.id, 5000, "2026-03-10", "2026-04-10", "JPY");
    await invoice(acme.id, 2000, "2026-04-01", "2026-05-01");

    expect(await dashboardCurrencies(db, member)).toEqual(["EUR", "JPY"]);
    const march = { from: "2026-03-01", to: "2026-03-31" };
    const figures = await dashboardFigures(db, member, "EUR", march, "2026-04-20");
    expect(figures.invoiced).toBe(10000 + 5000 - 1000);
    expect(figures.collected).toBe(3000);
    // Open today (2026-04-20): 100.00 − 30.00 paid − 10.00 credited, 50.00, and April's 20.00.
    expect(figures.outstanding).toBe(6000 + 5000 + 2000);
    expect(figures.overdue).toBe(5000);
    expect(figures.aging).toEqual([
      { bucket: "current", amount: 8000, count: 2 },
      { bucket: "1-30", amount: 0, count: 0 },
      { bucket: "31-60", amount: 5000, count: 1 },
      { bucket: "61-90", amount: 0, count: 0 },
      { bucket: "90+", amount: 0, count: 0 },
    ]);
    expect((await dashboardFigures(db, member, "JPY", march, "2026-04-20")).invoiced).toBe(5000);
    expect(await topCustomers(db, member, "EUR", march)).toEqual([
      { customerId: acme.id, name: "Acme", revenue: 10000 },
      { customerId: globex.id, name: "Globex", revenue: 5000 },
    ]);
  });

  it("an invoice dated the last day of the month belongs to that month", () => {
    expect(periodFor("month", "2026-03-31")).toMatchObject({ from: "2026-03-01", to: "2026-03-31" });
    expect(periodFor("quarter", "2026-05-02")).toMatchObject({ from: "2026-04-01", to: "2026-06-30" });
    expect(periodFor("12m", "2026-03-15")).toMatchObject({ from: "2025-04-01", to: "2026-03-15" });
  });
});
