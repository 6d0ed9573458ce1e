import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { items } from "@/db/schema";
import { saveDraft } from "@/lib/data/documents/drafts";
import { createCreditNote, issueDocument, voidDocument } from "@/lib/data/documents/lifecycle";
import { recordPayment } from "@/lib/data/documents/payments";
import { reportCsvStream, type ReportKind } from "@/lib/reports-csv";
import { createTestDb } from "@/tests/support/test-db";
import { createCustomer, createInvoicingOrg, createTaxRate, draftInput } from "@/tests/support/invoicing";
import { agingByCustomer, paymentsReceived, paymentsTotal, salesByCustomer, salesByItem, taxSummary } from "./reports";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => {
  await handle?.close();
});

/**
 * USD unless said otherwise; amounts in cents.
 *   I1 Acme   03-05 due 03-15: 2 × Consulting hour 100.00 + VAT 20% (240.00), Books 50.00 + 5% (52.50) = 292.50;
 *             paid 100.00 on 03-10; the Books line credited on 03-25 (52.50)
 *   I2 Globex 03-20 due 04-19: 1 × Consulting hour 100.00 + VAT = 120.00, paid in full on 04-05
 *   I3 Acme   04-02 due 05-02: 1 × Consulting hour + VAT = 120.00
 *   void, draft (USD, March) and E1 (EUR 70.00, March) never appear in USD reports.
 */
async function seed() {
  const { db } = handle;
  const { org, member } = await createInvoicingOrg(db, "Reports");
  const acme = await createCustomer(db, org.id, { name: "Acme" });
  const globex = await createCustomer(db, org.id, { name: "=Globex" });
  const vat = await createTaxRate(db, org.id, { name: "VAT", rateE4: 200000 });
  const reduced = await createTaxRate(db, org.id, { name: "Reduced", rateE4: 50000 });
  const [hour] = await db.insert(items).values({ orgId: org.id, name: "Consulting hour", unitPrice: 10000, currency: "USD" }).returning();
  const consulting = (quantityE4: number) => ({ itemId: hour!.id, description: "Consulting", quantityE4, unitPrice: 10000, taxRateIds: [vat.id] });
  const books = { description: "Books", quantityE4: 10000, unitPrice: 5000, taxRateIds: [reduced.id] };
  const issue = async (customerId: string, issueDate: string, dueDate: string, lines: object[], currency = "USD") => {
    const draft = await saveDraft(member, { ...draftInput(customerId), lines: lines.map((l) => ({ description: "", quantityE4: 10000, unitPrice: 0, taxRateIds: [], ...l })), currency, issueDate, dueDate });
    return issueDocument(member, draft.id);
  };
  const i1 = await issue(acme.id, "2026-03-05", "2026-03-15", [consulting(20000), books]);
  await recordPayment(member, i1.id, { paidOn: "2026-03-10", amount: 10000, method: "bank_transfer", reference: "TRX-1" });
  const cn = await createCreditNote(member, i1.id);
  await saveDraft(member, { id: cn.id, ...draftInput(acme.id, books), kind: "credit_note", currency: "USD", issueDate: "2026-03-25" });
  await issueDocument(member, cn.id);
  const i2 = await issue(globex.id, "2026-03-20", "2026-04-19", [consulting(10000)]);
  await recordPayment(member, i2.id, { paidOn: "2026-04-05", amount: 12000, method: "card" });
  await issue(acme.id, "2026-04-02", "2026-05-02", [consulting(10000)]);
  const v = await issue(globex.id, "2026-03-06", "2026-04-06", [consulting(90000)]);
  await voidDocument(member, v.id, "wrong customer");
  await saveDraft(member, { ...draftInput(acme.id, consulting(50000)), currency: "USD", issueDate: "2026-03-07" });
  await issue(acme.id, "2026-03-08", "2026-04-08", [{ description: "Setup", unitPrice: 7000 }], "EUR");
  return { org, member, acme, globex, i1, i2 };
}
let fx: Awaited<ReturnType<typeof seed>>;
const march = { from: "2026-03-01", to: "2026-03-31" };
const spring = { from: "2026-03-01", to: "2026-04-30" };

async function csv(report: ReportKind, period = march) {
  const bytes = await new Response(reportCsvStream(fx.member, report, { currency: "USD", period, today: "2026-04-20" })).arrayBuffer();
  // Keep the byte-order mark that spreadsheet apps need to read UTF-8.
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  expect(text.startsWith("\uFEFF")).toBe(true);
  return text.slice(1).split("\r\n").filter(Boolean);
}

describe(`reports (${process.env.TEST_DB})`, () => {
  beforeAll(async () => {
    fx = await seed();
  });

  it("ages open balances by customer", async () => {
    // I1: 292.50 − 100.00 − 52.50 = 140.00, 36 days overdue; I3 120.00 not yet due; I2 is paid.
    expect(await agingByCustomer(fx.member, "USD", "2026-04-20")).toEqual([
      { customerId: fx.acme.id, name: "Acme", buckets: [12000n, 0n, 14000n, 0n, 0n], total: 26000n },
    ]);
    expect(await csv("aging")).toEqual(["Customer,Currency,Not yet due,1-30 days,31-60 days,61-90 days,Over 90 days,Total", "Acme,USD,120.00,0.00,140.00,0.00,0.00,260.00"]);
  });

  it("sums sales by customer net of credit notes", async () => {
    expect(await salesByCustomer(fx.member, "USD", march)).toEqual([
      { customerId: fx.acme.id, name: "Acme", invoices: 1, creditNotes: 1, net: 25000n - 5000n, tax: 4250n - 250n, total: 29250n - 5250n },
      { customerId: fx.globex.id, name: "=Globex", invoices: 1, creditNotes: 0, net: 10000n, tax: 2000n, total: 12000n },
    ]);
    // A customer named like a formula is written as text.
    expect(await csv("sales-by-customer")).toEqual(["Customer,Currency,Invoices,Credit notes,Net,Tax,Total", "Acme,USD,1,1,200.00,40.00,240.00", "'=Globex,USD,1,0,100.00,20.00,120.00"]);
  });

  it("sums sales by item, lines without an item by description", async () => {
    const rows = await salesByItem(fx.member, "USD", march);
    expect(rows.map((r) => [r.name, r.quantityE4, r.net, r.tax, r.total])).toEqual([
      ["Consulting hour", 30000n, 30000n, 6000n, 36000n],
      ["Books", 0n, 0n, 0n, 0n],
    ]);
    expect(await csv("sales-by-item", spring)).toEqual(["Item,Currency,Quantity,Net,Tax,Total", "Consulting hour,USD,4,400.00,80.00,480.00", "Books,USD,0,0.00,0.00,0.00"]);
  });

  it("summarises tax per rate and month from the stored breakdown", async () => {
    expect(await taxSummary(fx.member, "USD", spring)).toEqual([
      { month: "2026-03", name: "Reduced", rateE4: 50000, inclusive: false, documents: 2, base: 0n, amount: 0n },
      { month: "2026-03", name: "VAT", rateE4: 200000, inclusive: false, documents: 2, base: 30000n, amount: 6000n },
      { month: "2026-04", name: "VAT", rateE4: 200000, inclusive: false, documents: 1, base: 10000n, amount: 2000n },
    ]);
    expect(await csv("tax", spring)).toEqual([
      "Month,Tax,Rate %,Inclusive,Documents,Currency,Taxable base,Tax amount",
      "2026-03,Reduced,5,no,2,USD,0.00,0.00",
      "2026-03,VAT,20,no,2,USD,300.00,60.00",
      "2026-04,VAT,20,no,1,USD,100.00,20.00",
    ]);
  });

  it("lists payments received in the period, in pages", async () => {
    expect((await paymentsReceived(fx.member, "USD", march)).map((p) => [p.paidOn, p.number, p.amount])).toEqual([["2026-03-10", fx.i1.number, 10000]]);
    expect(await paymentsTotal(fx.member, "USD", spring)).toEqual({ count: 2, amount: 22000n });
    const [first] = await paymentsReceived(fx.member, "USD", spring, undefined, 1);
    const next = await paymentsReceived(fx.member, "USD", spring, { paidOn: first!.paidOn, id: first!.id }, 1);
    expect(next.map((p) => p.number)).toEqual([fx.i2.number]);
    expect(await csv("payments", spring)).toEqual([
      "Date,Invoice,Customer,Method,Reference,Currency,Amount",
      `2026-03-10,${fx.i1.number},Acme,bank_transfer,TRX-1,USD,100.00`,
      `2026-04-05,${fx.i2.number},'=Globex,card,,USD,120.00`,
    ]);
  });

  it("shows another organisation nothing", async () => {
    const other = await createInvoicingOrg(handle.db, "Stranger");
    expect(await salesByCustomer(other.member, "USD", spring)).toEqual([]);
    expect(await agingByCustomer(other.member, "USD", "2026-04-20")).toEqual([]);
    expect(await taxSummary(other.member, "USD", spring)).toEqual([]);
    expect(await paymentsTotal(other.member, "USD", spring)).toEqual({ count: 0, amount: 0n });
  });
});
