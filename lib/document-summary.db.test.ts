/**
 * Issue 15 §1: a line's Amount is its net amount (quantity × price − its own discount), the
 * document discount is its own summary row, and each tax rate says what it was charged on — the
 * same in the PDF and in both CSV exports, from the stored integers. Expected values worked by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import type { Customer, TaxRate } from "@/db/schema";
import type { Member } from "@/lib/data/context";
import { type DraftInput, saveDraft } from "@/lib/data/documents/drafts";
import { issueDocument } from "@/lib/data/documents/lifecycle";
import { openDocumentsCsv } from "@/lib/documents-csv";
import { loadPdfData } from "@/lib/services/document-pdf";
import { renderDocumentPdfBuffer } from "@/pdf/render";
import { pdfText } from "@/pdf/testing";
import { createCustomer, createInvoicingOrg, createTaxRate, draftInput } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";

let handle: DbHandle;
let db: Db;
let member: Member;
let customer: Customer;
let vat: TaxRate;
let vatIncluded: TaxRate;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  ({ member } = await createInvoicingOrg(db, "Line amounts", { country: "US", locale: "en-US" }));
  customer = await createCustomer(db, member.orgId, { name: "Client Co" });
  vat = await createTaxRate(db, member.orgId, { name: "VAT", rateE4: 200_000 });
  vatIncluded = await createTaxRate(db, member.orgId, { name: "VAT", rateE4: 200_000, inclusive: true });
});
afterAll(async () => {
  await handle?.close();
});

async function issued(input: DraftInput) {
  const draft = await saveDraft(member, { ...input, currency: "USD", issueDate: "2026-03-10" });
  return issueDocument(member, draft.id);
}

const pdf = async (id: string) => (await pdfText(await renderDocumentPdfBuffer(await loadPdfData(member, id)))).text;

async function csv(lines: boolean) {
  const text = await new Response(await openDocumentsCsv(member, { kind: "invoice" }, undefined, { lines })).text();
  return text.split("\r\n").slice(0, -1);
}

describe("line amounts and the summary", () => {
  // 10 h × $120.00 at 20% VAT, 5% off the whole invoice: the line is $1,200.00; the summary is
  // subtotal 1,200.00, discount −60.00 (5% of 1,200), VAT 20% on 1,140.00 = 228.00, total 1,368.00.
  const consulting = { description: "Consulting", unit: "h", quantityE4: 100_000, unitPrice: 12_000, taxRateIds: [] as string[] };

  it("prints $1,200.00 as the line's amount in the PDF, the document discount and VAT in the summary", async () => {
    const doc = await issued({ ...draftInput(customer.id, { ...consulting, taxRateIds: [vat.id] }), discount: { type: "percent", rateE4: 50_000 } });
    const text = await pdf(doc.id);
    expect(text).toContain("Description Quantity Unit price Taxes Amount ");
    expect(text).toContain("Consulting 10 h $120.00 VAT 20% $1,200.00");
    expect(text).toContain("Subtotal $1,200.00 Discount 5% −$60.00 VAT 20% on $1,140.00 $228.00 Total $1,368.00 Balance due $1,368.00");

    const [header, ...rows] = await csv(true);
    expect(header).toBe("Number,Status,Customer,Issue date,Currency,Description,Quantity,Unit,Unit price,Discount %,Discount,Amount,Taxes");
    expect(rows).toEqual([`${doc.number},Issued,Client Co,2026-03-10,USD,Consulting,10,h,120.00,,0.00,1200.00,VAT 20%`]);
    const [, documentRow] = await csv(false);
    expect(documentRow).toBe(`${doc.number},Issued,Client Co,2026-03-10,,USD,1200.00,60.00,228.00,0.00,1368.00,0.00,0.00,1368.00,0.00,`);
  });

  it("shows a line's own discount on its line: 4 × $50.00 − 10% = $180.00", async () => {
    const doc = await issued(draftInput(customer.id, { description: "Workshop seats", quantityE4: 40_000, unitPrice: 5000, discount: { type: "percent", rateE4: 100_000 } }));
    const text = await pdf(doc.id);
    expect(text).toContain("Workshop seats 4 $50.00 $180.00 Discount −10% (−$20.00)");
    expect(text).toContain("Subtotal $180.00 Total $180.00");
    expect(text).not.toContain("Discount 10%");
    const rows = await csv(true);
    expect(rows).toContain(`${doc.number},Issued,Client Co,2026-03-10,USD,Workshop seats,4,,50.00,10,20.00,180.00,`);
  });

  it("says the amounts include tax when prices do", async () => {
    // $120.00 including 20% VAT: base 120 / 1.2 = 100.00, VAT 20.00.
    const doc = await issued(draftInput(customer.id, { ...consulting, quantityE4: 10_000, taxRateIds: [vatIncluded.id] }));
    const text = await pdf(doc.id);
    expect(text).toContain("Description Quantity Unit price Taxes Amount (incl. tax)");
    expect(text).toContain("Consulting 1 h $120.00 VAT 20% $120.00");
    expect(text).toContain("Subtotal $120.00 VAT 20% (included) on $100.00 $20.00 Total $120.00");
  });
});

describe("withholding in the CSV", () => {
  // Invoice Ninja #10774: 1 × 1,393.50 with 21% VAT (292.635 → 292.64) and 15% IRPF withheld
  // (209.025 → 209.03): total 1,393.50 + 292.64 − 209.03 = 1,477.11. The Tax column is the VAT
  // charged; the withholding has its own column, so a VAT return read from the CSV is right.
  it("shows VAT in Tax and the IRPF deducted in Withholding", async () => {
    const iva = await createTaxRate(db, member.orgId, { name: "IVA", rateE4: 210_000 });
    const irpf = await createTaxRate(db, member.orgId, { name: "IRPF", rateE4: -150_000 });
    const doc = await issued(draftInput(customer.id, { description: "Servicios", quantityE4: 10_000, unitPrice: 139_350, taxRateIds: [iva.id, irpf.id] }));
    expect(doc.total).toBe(147_711);
    const rows = await csv(false);
    expect(rows).toContain(`${doc.number},Issued,Client Co,2026-03-10,,USD,1393.50,0.00,292.64,-209.03,1477.11,0.00,0.00,1477.11,0.00,`);
  });
});
