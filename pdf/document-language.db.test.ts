/**
 * Documents in the customer's language: the customer's language is saved and refused when it is
 * not a launch language, a document's own language wins over it, and the PDF prints its labels,
 * amounts and dates in that language. One line, 1 × 1,028.75 EUR with VAT 20 % (205.75): total
 * and balance 1,234.50, issued 2026-03-10.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import type { TaxRate } from "@/db/schema";
import type { Member } from "@/lib/data/context";
import { createCustomer as saveCustomer, type CustomerInput, getCustomer, updateCustomer } from "@/lib/data/customers";
import { saveDraft } from "@/lib/data/documents/drafts";
import { issueDocument } from "@/lib/data/documents/lifecycle";
import { getDocument } from "@/lib/data/documents/read";
import { loadPdfData } from "@/lib/services/document-pdf";
import { expectAppError } from "@/tests/support/accounts";
import { createCustomer, createInvoicingOrg, createTaxRate, draftInput } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import { renderDocumentPdfBuffer } from "./render";
import { pdfText, pdfTextItems } from "./testing";

let handle: DbHandle;
let db: Db;
let member: Member;
let vat: TaxRate;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  ({ member } = await createInvoicingOrg(db, "Lang", { country: "GB", locale: "en-GB" }));
  vat = await createTaxRate(db, member.orgId, { name: "VAT", rateE4: 200_000 });
});
afterAll(async () => {
  await handle?.close();
});

const customerInput = (language: string | null): CustomerInput => ({
  name: "Client Dupont",
  email: null,
  phone: null,
  addressLine1: null,
  addressLine2: null,
  city: null,
  postalCode: null,
  region: null,
  country: "FR",
  taxId: null,
  currency: null,
  language,
  paymentTermsDays: null,
  notes: null,
  contacts: [],
});

async function issuedInvoice(customerId: string, language?: string | null) {
  const draft = await saveDraft(member, { ...draftInput(customerId, { description: "Conseil", quantityE4: 10_000, unitPrice: 102_875, taxRateIds: [vat.id] }), language });
  await issueDocument(member, draft.id);
  return draft.id;
}

const render = async (id: string) => (await pdfText(await renderDocumentPdfBuffer(await loadPdfData(member, id)))).text;

describe("customer and document language", () => {
  it("saves the customer's language and refuses a code that is not a launch language", async () => {
    const saved = await saveCustomer(member, customerInput("fr"));
    expect((await getCustomer(member, saved.id)).language).toBe("fr");
    await updateCustomer(member, { ...customerInput("de"), id: saved.id });
    expect((await getCustomer(member, saved.id)).language).toBe("de");
    const error = await expectAppError(saveCustomer(member, customerInput("xx")), "BAD_REQUEST");
    expect(error.fieldErrors).toEqual({ language: "Choose a language from the list." });
    await expectAppError(updateCustomer(member, { ...customerInput("fr-FR"), id: saved.id }), "BAD_REQUEST");
    expect((await getCustomer(member, saved.id)).language).toBe("de");
  });

  it("stores a document's own language and refuses an unknown one", async () => {
    const customer = await createCustomer(db, member.orgId, { language: "fr" });
    const draft = await saveDraft(member, { ...draftInput(customer.id), language: "de" });
    expect((await getDocument(member, draft.id)).language).toBe("de");
    await expectAppError(saveDraft(member, { ...draftInput(customer.id), language: "klingon" }), "BAD_REQUEST");
  });
});

describe("PDF in the document's language", () => {
  it("prints a French customer's invoice in French, with French amounts and dates", async () => {
    const customer = await createCustomer(db, member.orgId, { name: "Client Dupont", language: "fr" });
    const text = await render(await issuedInvoice(customer.id));
    // Section labels print in capitals (pdf/styles.ts). pdfText normalises whitespace, so Intl's narrow no-break space (1 234,50) reads as a space.
    for (const expected of ["Facture", "FACTURÉ À", "DATE D’ÉMISSION 10 mars 2026", "Désignation", "Prix unitaire", "Sous-total 1 028,75 €", "VAT 20 % sur 1 028,75 €", "Total 1 234,50 €", "Reste à payer 1 234,50 €", "Page 1 sur 1"]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("Subtotal");
  });

  it("prints in German when the document says so, whatever the customer's language", async () => {
    const customer = await createCustomer(db, member.orgId, { language: "fr" });
    const text = await render(await issuedInvoice(customer.id, "de"));
    for (const expected of ["Rechnung", "RECHNUNGSEMPFÄNGER", "DATUM 10.03.2026", "Beschreibung", "Einzelpreis", "Zwischensumme 1.028,75 €", "VAT 20 % auf 1.028,75 €", "Gesamtbetrag 1.234,50 €", "Offener Betrag 1.234,50 €", "Seite 1 von 1"]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("Facture");
  });

  it("prints an English customer's invoice as before, in the organisation's locale (en-GB)", async () => {
    const customer = await createCustomer(db, member.orgId, { language: null });
    const text = await render(await issuedInvoice(customer.id));
    for (const expected of ["Invoice", "BILL TO", "ISSUE DATE 10 Mar 2026", "Subtotal €1,028.75", "VAT 20% on €1,028.75", "Total €1,234.50", "Balance due €1,234.50", "Page 1 of 1"]) {
      expect(text).toContain(expected);
    }
  });

  it("keeps an issued document's language when its customer's changes afterwards (the snapshot holds it)", async () => {
    const customer = await createCustomer(db, member.orgId, { language: "fr" });
    const id = await issuedInvoice(customer.id);
    await updateCustomer(member, { ...customerInput("de"), id: customer.id });
    expect(await render(id)).toContain("Total 1 234,50 €");
  });

  it("prints an Arabic customer's invoice right to left: description column on the right, amounts on the left", async () => {
    const customer = await createCustomer(db, member.orgId, { name: "شركة النور", language: "ar" });
    const items = await pdfTextItems(await renderDocumentPdfBuffer(await loadPdfData(member, await issuedInvoice(customer.id))));
    const x = (str: string) => {
      const item = items.find((i) => i.str === str);
      if (!item) throw new Error(`"${str}" is not on the page: ${items.map((i) => i.str).join(" | ")}`);
      return item.x;
    };
    expect(x("الوصف")).toBeGreaterThan(x("المبلغ"));
    expect(x("Conseil")).toBeGreaterThan(x("€ 1,028.75"));
    // The customer's name in the "billed to" block, the subtotal's label right of its amount.
    expect(x("شركة النور")).toBeGreaterThan(0);
    const subtotal = items.find((i) => i.str === "المجموع الفرعي")!;
    const amount = items.find((i) => i.y === subtotal.y && i.str === "€ 1,028.75")!;
    expect(subtotal.x).toBeGreaterThan(amount.x);
  });

  it("prints a Japanese customer and a Chinese line in the CJK font pack, with English labels and amounts", async () => {
    const customer = await createCustomer(db, member.orgId, { name: "株式会社テスト", language: null });
    const draft = await saveDraft(member, draftInput(customer.id, { description: "网站设计", quantityE4: 10_000, unitPrice: 102_875, taxRateIds: [vat.id] }));
    await issueDocument(member, draft.id);
    const bytes = await renderDocumentPdfBuffer(await loadPdfData(member, draft.id));
    const text = (await pdfText(bytes)).text;
    for (const expected of ["株式会社テスト", "网站设计 1 €1,028.75", "Total €1,234.50"]) expect(text).toContain(expected);
    expect(bytes.toString("latin1")).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansJP-/);
  });
});
