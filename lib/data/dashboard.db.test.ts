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

  it("computes March's key figures and February's, net of credit notes, without voids, drafts or other currencies", async () => {
    const march = parsePeriod({ period: "month" }, "2026-03-15");
    const figures = await dashboardFigures(fx.member, "EUR", march, "2026-04-20");
    expect(figures.previous).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(figures.current).toEqual({
      invoiced: 10000n + 5000n - 1000n,
      invoiceCount: 2,
      collected: 3000n + 4000n,
      // On 03-31: J 10.00 + A 100.00 − 30.00 − 10.00 + B 50.00 (F1 and F2 are paid).
      outstanding: 1000n + 6000n + 5000n,
      overdue: 1000n + 5000n,
      averageDaysToPay: 23,
      // 120.00 × 31 days ÷ 140.00 = 26.57…
      dso: 26.6,
    });
    expect(figures.before).toEqual({
      invoiced: 6000n,
      invoiceCount: 2,
      collected: 2000n,
      // On 02-28: J 10.00 + F1 40.00 (paid only in March); F1 is overdue since 02-20, J is due that day.
      outstanding: 5000n,
      overdue: 4000n,
      averageDaysToPay: 0,
      dso: 23.3,
    });
    expect(changePerMille(figures.current.invoiced, figures.before.invoiced)).toBe(1333);
    expect(changePerMille(figures.current.collected, figures.before.collected)).toBe(2500);
    expect(changePerMille(1000n, 0n)).toBeNull();
    expect(changePerMille(-1n, 3n)).toBe(-1333);
  });

  it("keeps each currency apart", async () => {
    expect(await dashboardCurrencies(fx.member)).toEqual(["EUR", "JPY"]);
    const jpy = await dashboardFigures(fx.member, "JPY", { from: "2026-03-01", to: "2026-03-31" }, "2026-04-20");
    expect(jpy.current).toMatchObject({ invoiced: 5000n, collected: 0n, outstanding: 5000n });
  });

  it("groups months by the calendar date written in the organisation's time zone", async () => {
    const series = await monthlySeries(fx.member, "EUR", "2026-03-31");
    expect(series.map((m) => m.month)).toEqual(["2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"]);
    expect(series.filter((m) => m.invoiced !== 0n || m.collected !== 0n)).toEqual([
      // J, written at 23:30 on January 31 in New York, is January's even though it was February in UTC.
      { month: "2026-01", invoiced: 1000n, collected: 0n },
      { month: "2026-02", invoiced: 6000n, collected: 2000n },
      { month: "2026-03", invoiced: 14000n, collected: 7000n },
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
    // The 80.00 invoice and its full credit cancel out in January (dated February 1, the credit
    // would leave January at +80.00 and February at −80.00).
    expect(series.slice(-2)).toEqual([
      { month: "2026-01", invoiced: 0n, collected: 0n },
      { month: "2026-02", invoiced: 0n, collected: 0n },
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
