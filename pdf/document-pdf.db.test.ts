/**
 * Invoice PDFs from stored documents: every amount printed is the stored integer through
 * formatMoney, the lines table repeats its header on each page, stamps, scripts, and scale.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import type { Customer, TaxRate } from "@/db/schema";
import type { Member } from "@/lib/data/context";
import { type DraftLine, saveDraft } from "@/lib/data/documents/drafts";
import { issueDocument, voidDocument } from "@/lib/data/documents/lifecycle";
import { recordPayment } from "@/lib/data/documents/payments";
import { getDocument } from "@/lib/data/documents/read";
import { formatMoney, rateToString } from "@/lib/money";
import { expectAppError } from "@/tests/support/accounts";
import { createCustomer, createInvoicingOrg, createTaxRate, draftInput } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import { loadPdfData } from "@/lib/services/document-pdf";
import { renderDocumentPdfBuffer } from "./render";
import { normalise, pdfText } from "./testing";

let handle: DbHandle;
let db: Db;
let member: Member;
let customer: Customer;
let vat: TaxRate;
let reduced: TaxRate;
const LOCALE = "en-US";

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  ({ member } = await createInvoicingOrg(db, "Pdf", { country: "DE", locale: LOCALE, bankDetails: "IBAN DE89 3704 0044 0532 0130 00" }));
  customer = await createCustomer(db, member.orgId, { name: "Acme GmbH" });
  vat = await createTaxRate(db, member.orgId, { name: "VAT", rateE4: 200_000 });
  reduced = await createTaxRate(db, member.orgId, { name: "Reduced VAT", rateE4: 70_000 });
});
afterAll(async () => {
  await handle?.close();
});

async function issuedInvoice(lines: Partial<DraftLine>[], customerId = customer.id) {
  const draft = await saveDraft(member, draftInput(customerId, ...lines));
  await issueDocument(member, draft.id);
  return draft.id;
}

async function render(id: string) {
  return pdfText(await renderDocumentPdfBuffer(await loadPdfData(member, id)));
}

describe("invoice PDF", () => {
  it("prints the number, customer, every line and the stored totals exactly as formatMoney shows them", async () => {
    const id = await issuedInvoice([
      { description: "Design workshop", quantityE4: 15_000, unitPrice: 12_345, taxRateIds: [vat.id] },
      { description: "Printed brochures", quantityE4: 30_000, unitPrice: 3_333, taxRateIds: [reduced.id] },
      { description: "Travel expenses", quantityE4: 10_000, unitPrice: 9_999, taxRateIds: [vat.id] },
    ]);
    const doc = await getDocument(member, id);
    const pdf = await render(id);
    const money = (minor: number) => formatMoney(minor, doc.currency, LOCALE);

    expect(doc.number).toMatch(/^INV-/);
    expect(pdf.text).toContain(doc.number!);
    expect(pdf.text).toContain("Acme GmbH");
    for (const line of doc.lines) {
      expect(pdf.text).toContain(line.description);
      // The line's net amount; the taxes are in the summary (lib/document-summary.db.test.ts).
      expect(pdf.text).toContain(money(line.amount));
    }
    expect(doc.taxes).toHaveLength(2);
    expect(pdf.text).toContain(`Subtotal ${money(doc.lineAmountTotal)}`);
    for (const tax of doc.taxes) {
      expect(pdf.text).toContain(`${tax.name} ${rateToString(tax.rateE4)}% on ${money(tax.base)} ${money(tax.amount)}`);
    }
    expect(pdf.text).toContain(`Total ${money(doc.total)}`);
    expect(pdf.text).toContain(`Balance due ${money(doc.balance)}`);
    expect(pdf.text).toContain("Page 1 of 1");
    expect(pdf.pageSize).toEqual([595, 842]); // A4 for a German organisation
    expect(pdf.info).toMatchObject({ Title: `Invoice ${doc.number}`, Language: LOCALE });
    expect(pdf.text).not.toMatch(/\bPAID\b|\bVOID\b/);
  });

  it("spreads 60 lines over several pages, repeating the table header and numbering every page", async () => {
    const lines = Array.from({ length: 60 }, (_, i) => ({
      description: `Line ${i + 1}: implementation and review of the reporting module, including documentation and handover`,
      taxRateIds: [vat.id],
    }));
    const id = await issuedInvoice(lines);
    const pdf = await render(id);
    expect(pdf.totalPages).toBeGreaterThanOrEqual(3);
    pdf.pages.forEach((page, i) => {
      expect(page).toContain("Description Quantity Unit price Taxes Amount");
      expect(page).toContain(`Page ${i + 1} of ${pdf.totalPages}`);
    });
    expect(pdf.text).toContain(`Page 2 of ${pdf.totalPages}`);
    // No row is split: each line's description is whole on exactly one page.
    for (const line of lines) expect(pdf.pages.filter((p) => p.includes(normalise(line.description)))).toHaveLength(1);
  });

  it("stamps a paid invoice PAID and a void one VOID", async () => {
    const paidId = await issuedInvoice([{ description: "Paid work", taxRateIds: [vat.id] }]);
    const doc = await getDocument(member, paidId);
    await recordPayment(member, paidId, { paidOn: "2026-03-15", amount: doc.total, method: "bank_transfer", reference: "TX-42" });
    const paid = await render(paidId);
    expect(paid.text).toContain("PAID");
    expect(paid.text).toContain(`Paid −${formatMoney(doc.total, doc.currency, LOCALE)}`);
    expect(paid.text).toContain(`Balance due ${formatMoney(0, doc.currency, LOCALE)}`);

    const voidId = await issuedInvoice([{ description: "Cancelled work" }]);
    await voidDocument(member, voidId, "Issued by mistake");
    const voided = await render(voidId);
    expect(voided.text).toContain("VOID");
    expect(voided.text).toContain("Issued by mistake");
    expect(voided.text).not.toContain("PAID");
  });

  it("prints Greek and Cyrillic names with the bundled font", async () => {
    for (const name of ["Ελληνική Εταιρεία", "ООО Ромашка"]) {
      const c = await createCustomer(db, member.orgId, { name });
      const pdf = await render(await issuedInvoice([{ description: `Υπηρεσίες / Услуги для ${name}` }], c.id));
      expect(pdf.text).toContain(name);
      expect(pdf.text).toContain(`Υπηρεσίες / Услуги для ${name}`);
    }
  });

  it("renders 2,000-character descriptions, right-to-left and CJK text without failing", async () => {
    const rtl = await createCustomer(db, member.orgId, { name: "شركة الاختبار" });
    const id = await issuedInvoice(
      [
        { description: "word ".repeat(400) },
        { description: "x".repeat(2_000) },
        { description: "شركة للخدمات التقنية" },
        { description: "株式会社テスト 設計業務" },
        { description: "Emoji 🎉 and combining é" },
      ],
      rtl.id,
    );
    const pdf = await render(id);
    expect(pdf.totalPages).toBeGreaterThanOrEqual(1);
    expect(pdf.text).toContain("Emoji");
  });

  it("renders 500 lines", { timeout: 120_000 }, async () => {
    const id = await issuedInvoice(Array.from({ length: 500 }, (_, i) => ({ description: `Item ${i + 1}`, taxRateIds: [i % 2 ? vat.id : reduced.id] })));
    const pdf = await render(id);
    expect(pdf.totalPages).toBeGreaterThan(10);
    expect(pdf.text).toContain(`Page ${pdf.totalPages} of ${pdf.totalPages}`);
  });

  it("prints a draft with the live customer and a DRAFT stamp", async () => {
    const draft = await saveDraft(member, draftInput(customer.id, { description: "Not yet issued" }));
    const pdf = await render(draft.id);
    expect(pdf.text).toContain("DRAFT");
    expect(pdf.text).toContain("Acme GmbH");
    expect(pdf.info.Title).toBe("Invoice (draft)");
  });

  it("won't load another organisation's document", async () => {
    const id = await issuedInvoice([{ description: "Private" }]);
    const { member: stranger } = await createInvoicingOrg(db, "PdfStranger");
    await expectAppError(loadPdfData(stranger, id), "NOT_FOUND");
  });
});
