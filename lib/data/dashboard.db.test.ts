import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db";
import { saveDraft } from "@/lib/data/documents/drafts";
import { createCreditNote, issueDocument, voidDocument } from "@/lib/data/documents/lifecycle";
import { recordPayment } from "@/lib/data/documents/payments";
import { todayIn } from "@/lib/dates";
import { parsePeriod } from "@/lib/reporting-period";
import { createTestDb } from "@/tests/support/test-db";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { changePerMille } from "@/lib/money";
import { agingSummary, dashboardCurrencies, dashboardFigures, monthlySeries } from "./dashboard";
import { recentActivity, topCustomers, topOverdueCustomers, upcomingDue } from "./dashboard-lists";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => {
  await handle?.close();
});

/**
 * One organisation in New York, EUR and JPY. Hand-computed expectations below; amounts in cents.
 *   J   Acme    10.00  issued 2026-01-31 (23:30 local = 04:30 UTC on Feb 1), due 02-28, unpaid
 *   F1  Globex  40.00  issued 02-10, due 02-20, paid 40.00 on 03-05 (23 days)
 *   F2  Acme    20.00  issued 02-28, due 03-10, paid 20.00 on 02-28 (0 days)
 *   A   Acme   100.00  issued 03-31, due 04-30, paid 30.00 on 03-31, credit note 10.00 on 03-31
 *   B   Globex  50.00  issued 03-01, due 03-15, unpaid
 *   V   void 999.99 in March; D draft 777.77 in March; Y 5000 JPY in March; P 20.00 issued 04-01
 */
async function seed() {
  const { db } = handle;
  const { org, member } = await createInvoicingOrg(db, "Dash", { timeZone: "America/New_York" });
  const acme = await createCustomer(db, org.id, { name: "Acme" });
  const globex = await createCustomer(db, org.id, { name: "Globex" });
  const invoice = async (customerId: string, amount: number, issueDate: string, dueDate: string, currency = "EUR") => {
    const draft = await saveDraft(member, { ...draftInput(customerId, { quantityE4: 10000, unitPrice: amount, taxRateIds: [] }), currency, issueDate, dueDate });
    return issueDocument(member, draft.id);
  };
  // The editor dates a document with today in the organisation's time zone (todayIn).
  const lateJanuary = todayIn("America/New_York", new Date("2026-02-01T04:30:00Z"));
  const j = await invoice(acme.id, 1000, lateJanuary, "2026-02-28");
  const f1 = await invoice(globex.id, 4000, "2026-02-10", "2026-02-20");
  await recordPayment(member, f1.id, { paidOn: "2026-03-05", amount: 4000, method: "bank_transfer" });
  const f2 = await invoice(acme.id, 2000, "2026-02-28", "2026-03-10");
  await recordPayment(member, f2.id, { paidOn: "2026-02-28", amount: 2000, method: "card" });
  const a = await invoice(acme.id, 10000, "2026-03-31", "2026-04-30");
  await recordPayment(member, a.id, { paidOn: "2026-03-31", amount: 3000, method: "card" });
  const cn = await createCreditNote(member, a.id);
  await saveDraft(member, { id: cn.id, ...draftInput(acme.id, { quantityE4: 10000, unitPrice: 1000, taxRateIds: [] }), kind: "credit_note", issueDate: "2026-03-31" });
  await issueDocument(member, cn.id);
  const b = await invoice(globex.id, 5000, "2026-03-01", "2026-03-15");
  const v = await invoice(globex.id, 99999, "2026-03-05", "2026-04-05");
  await voidDocument(member, v.id, "mistake");
  await saveDraft(member, { ...draftInput(acme.id, { quantityE4: 10000, unitPrice: 77777, taxRateIds: [] }), issueDate: "2026-03-06" });
  await invoice(acme.id, 5000, "2026-03-10", "2026-04-10", "JPY");
  const p = await invoice(acme.id, 2000, "2026-04-01", "2026-05-01");
  return { org, member, acme, globex, j, a, b, p };
}
let fx: Awaited<ReturnType<typeof seed>>;

describe(`dashboard (${process.env.TEST_DB})`, () => {
  beforeAll(async () => {
    fx = await seed();
  });

  it("computes March's key figures and February's: invoiced and credited apart, without voids, drafts or other currencies", async () => {
    const march = parsePeriod({ period: "custom", from: "2026-03-01", to: "2026-03-31" }, "2026-03-15");
    const figures = await dashboardFigures(fx.member, "EUR", march, "2026-04-20");
    expect(figures.previous).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(figures.current).toEqual({
      // A 100.00 + B 50.00; the 10.00 credit note on A is credited, not taken off.
      invoiced: 15000n,
      invoiceCount: 2,
      credited: 1000n,
      creditNoteCount: 1,
      collected: 3000n + 4000n,
      // On 03-31: J 10.00 + A 100.00 − 30.00 − 10.00 + B 50.00 (F1 and F2 are paid).
      outstanding: 1000n + 6000n + 5000n,
      overdue: 1000n + 5000n,
      averageDaysToPay: 23,
      // 90 days to 03-31 start on 01-01: J, F1, F2, A, B (5 invoices) = 220.00, less the 10.00
      // credit note = 210.00 of sales; 120.00 ÷ 210.00 × 90 = 51.43 days.
      dso: 51.4,
      dsoBasis: { from: "2026-01-01", to: "2026-03-31", invoices: 5, sales: 21000n },
    });
    expect(figures.before).toEqual({
      invoiced: 6000n,
      invoiceCount: 2,
      credited: 0n,
      creditNoteCount: 0,
      collected: 2000n,
      // On 02-28: J 10.00 + F1 40.00 (paid only in March); F1 is overdue since 02-20, J is due that day.
      outstanding: 5000n,
      overdue: 4000n,
      averageDaysToPay: 0,
      // 90 days to 02-28 start on 2025-12-01 and hold J, F1 and F2 only: too few to mean anything.
      dso: null,
      dsoBasis: { from: "2025-12-01", to: "2026-02-28", invoices: 3, sales: 7000n },
    });
    expect(changePerMille(figures.current.invoiced, figures.before.invoiced)).toBe(1500);
    expect(changePerMille(figures.current.collected, figures.before.collected)).toBe(2500);
    expect(changePerMille(1000n, 0n)).toBeNull();
    expect(changePerMille(-1n, 3n)).toBe(-1333);
  });

  it("by default shows the 30 days to today, against the 30 days before", async () => {
    const period = parsePeriod({}, "2026-04-20");
    const figures = await dashboardFigures(fx.member, "EUR", period, "2026-04-20");
    expect(figures.period).toMatchObject({ from: "2026-03-22", to: "2026-04-20" });
    expect(figures.previous).toEqual({ from: "2026-02-20", to: "2026-03-21" });
    // 03-22 to 04-20: A 100.00 and P 20.00; the credit note on A (03-31) apart.
    expect(figures.current).toMatchObject({ invoiced: 12000n, invoiceCount: 2, credited: 1000n, creditNoteCount: 1, collected: 3000n });
    // 02-20 to 03-21: F2 20.00 and B 50.00; F2's 20.00 (02-28) and F1's 40.00 (03-05) paid.
    expect(figures.before).toMatchObject({ invoiced: 7000n, invoiceCount: 2, credited: 0n, creditNoteCount: 0, collected: 6000n });
  });

  it("keeps credit notes that exceed the period's invoices out of invoiced, out of top customers and out of DSO", async () => {
    const { db } = handle;
    const { org, member } = await createInvoicingOrg(db, "Refunds", { timeZone: "Europe/Paris" });
    const acme = await createCustomer(db, org.id, { name: "Acme" });
    const initech = await createCustomer(db, org.id, { name: "Initech" });
    const issue = async (customerId: string, amount: number, issueDate: string, dueDate: string) => {
      const draft = await saveDraft(member, { ...draftInput(customerId, { quantityE4: 10000, unitPrice: amount, taxRateIds: [] }), issueDate, dueDate });
      return issueDocument(member, draft.id);
    };
    const old = await issue(acme.id, 20000, "2026-01-15", "2026-02-14");
    for (const day of ["01", "02", "03", "04", "05"]) await issue(initech.id, 1000, `2026-06-${day}`, "2026-07-15");
    const cn = await createCreditNote(member, old.id);
    await saveDraft(member, { id: cn.id, ...draftInput(acme.id, { quantityE4: 10000, unitPrice: 10000, taxRateIds: [] }), kind: "credit_note", issueDate: "2026-06-20" });
    await issueDocument(member, cn.id);

    const june = { from: "2026-06-01", to: "2026-06-30" };
    const figures = await dashboardFigures(member, "EUR", june, "2026-07-01");
    expect(figures.current).toEqual({
      invoiced: 5000n,
      invoiceCount: 5,
      credited: 10000n,
      creditNoteCount: 1,
      collected: 0n,
      // 200.00 − 100.00 still owed on the January invoice (overdue) + 5 × 10.00 not yet due.
      outstanding: 15000n,
      overdue: 10000n,
      averageDaysToPay: null,
      // 5 invoices in the 90 days from 04-02, but 50.00 − 100.00 of sales: no ratio to speak of.
      dso: null,
      dsoBasis: { from: "2026-04-02", to: "2026-06-30", invoices: 5, sales: -5000n },
    });
    // Acme's June is −100.00: a refund, not revenue.
    expect(await topCustomers(member, "EUR", june)).toEqual([{ customerId: initech.id, name: "Initech", amount: 5000n }]);
    const series = await monthlySeries(member, "EUR", "2026-06-30");
    expect(series.at(-1)).toEqual({ month: "2026-06", invoiced: 5000n, credited: 10000n, collected: 0n });
  });

  it("keeps each currency apart", async () => {
    expect(await dashboardCurrencies(fx.member)).toEqual(["EUR", "JPY"]);
    const jpy = await dashboardFigures(fx.member, "JPY", { from: "2026-03-01", to: "2026-03-31" }, "2026-04-20");
    expect(jpy.current).toMatchObject({ invoiced: 5000n, collected: 0n, outstanding: 5000n });
  });

  it("groups months by the calendar date written in the organisation's time zone", async () => {
    const series = await monthlySeries(fx.member, "EUR", "2026-03-31");
    expect(series.map((m) => m.month)).toEqual(["2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"]);
    expect(series.filter((m) => m.invoiced !== 0n || m.credited !== 0n || m.collected !== 0n)).toEqual([
      // J, written at 23:30 on January 31 in New York, is January's even though it was February in UTC.
      { month: "2026-01", invoiced: 1000n, credited: 0n, collected: 0n },
      { month: "2026-02", invoiced: 6000n, credited: 0n, collected: 2000n },
      { month: "2026-03", invoiced: 15000n, credited: 1000n, collected: 7000n },
    ]);
    const january = await dashboardFigures(fx.member, "EUR", parsePeriod({ period: "month" }, "2026-01-31"), "2026-04-20");
    expect(january.current.invoiced).toBe(1000n);
  });

  it("ages open balances and ranks customers by revenue and by amount overdue", async () => {
    expect(await agingSummary(fx.member, "EUR", "2026-04-20")).toEqual([
      { bucket: "current", amount: 6000n + 2000n, count: 2 },
      { bucket: "1-30", amount: 0n, count: 0 },
      { bucket: "31-60", amount: 1000n + 5000n, count: 2 },
      { bucket: "61-90", amount: 0n, count: 0 },
      { bucket: "90+", amount: 0n, count: 0 },
    ]);
    expect(await topCustomers(fx.member, "EUR", { from: "2026-03-01", to: "2026-03-31" })).toEqual([
      { customerId: fx.acme.id, name: "Acme", amount: 9000n },
      { customerId: fx.globex.id, name: "Globex", amount: 5000n },
    ]);
    expect(await topOverdueCustomers(fx.member, "EUR", "2026-04-20")).toEqual([
      { customerId: fx.globex.id, name: "Globex", amount: 5000n, count: 1 },
      { customerId: fx.acme.id, name: "Acme", amount: 1000n, count: 1 },
    ]);
    expect((await upcomingDue(fx.member, "EUR", "2026-04-20")).map((u) => [u.number, u.balance])).toEqual([
      [fx.a.number, 6000],
      [fx.p.number, 2000],
    ]);
  });

  it("dates a credit note written at 23:30 on January 31 in New York in January, and counts it there", async () => {
    const { db } = handle;
    const { org, member } = await createInvoicingOrg(db, "Late", { timeZone: "America/New_York" });
    const customer = await createCustomer(db, org.id, { name: "Initech" });
    const draft = await saveDraft(member, { ...draftInput(customer.id, { quantityE4: 10000, unitPrice: 8000, taxRateIds: [] }), issueDate: "2026-01-15", dueDate: "2026-02-14" });
    const invoice = await issueDocument(member, draft.id);
    // Only Date is faked: 04:30 UTC on February 1 is 23:30 on January 31 in New York.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-02-01T04:30:00Z") });
    let creditNote;
    try {
      creditNote = await createCreditNote(member, invoice.id);
    } finally {
      vi.useRealTimers();
    }
    expect(creditNote.issueDate).toBe("2026-01-31");
    await issueDocument(member, creditNote.id);
    const series = await monthlySeries(member, "EUR", "2026-02-28");
    // The 80.00 invoice and its full credit are both January's (dated February 1, the credit
    // would have shown in February).
    expect(series.slice(-2)).toEqual([
      { month: "2026-01", invoiced: 8000n, credited: 8000n, collected: 0n },
      { month: "2026-02", invoiced: 0n, credited: 0n, collected: 0n },
    ]);
  });

  it("lists the organisation's latest document events and nobody else's", async () => {
    const other = await createInvoicingOrg(handle.db, "Other");
    const activity = await recentActivity(fx.member, 3);
    expect(activity).toHaveLength(3);
    expect(activity[0]).toMatchObject({ type: "issued", number: fx.p.number, documentId: fx.p.id });
    expect(await recentActivity(other.member)).toEqual([]);
  });
});
