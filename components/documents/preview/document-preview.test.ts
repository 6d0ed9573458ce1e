/**
 * The editor's HTML preview says what the PDF says: the same draft data (built from form values as
 * the editor builds it) rendered through the React-PDF document and through the preview
 * component, then every label and amount compared. Hand-worked totals pin the figures themselves.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { LineTaxSnapshot } from "@/db/schema";
import type { DocumentFormValues, DocumentLineValues } from "@/lib/validation/documents";
import { renderDocumentPdfBuffer } from "@/pdf/render";
import { sampleOrg } from "@/pdf/sample-data";
import { normalise, pdfText } from "@/pdf/testing";
import { DocumentPreview } from "./document-preview";
import { type PreviewContext, type PreviewData, previewData } from "./draft-data";

const CUSTOMER_ID = "00000000-0000-4000-8000-0000000000c1";
const tax = (id: string, name: string, rateE4: number, extra: Partial<LineTaxSnapshot> = {}): LineTaxSnapshot => ({ id, name, rateE4, inclusive: false, compound: false, vatCategory: "S", ...extra });
const TAXES = [
  tax("vat", "VAT", 200_000),
  tax("reduced", "Reduced VAT", 70_000),
  tax("vat-incl", "VAT", 200_000, { id: "vat-incl", inclusive: true }),
  tax("iva", "IVA", 210_000),
  tax("irpf", "IRPF", -150_000),
  tax("ct", "Consumption tax", 100_000),
  tax("rc", "Reverse charge", 0, { vatCategory: "AE", exemptionReason: "Reverse charge: VAT to be accounted for by the recipient (Art. 196 VAT Directive)." }),
];

const context = (overrides: Partial<PreviewContext> = {}): PreviewContext => ({
  org: sampleOrg,
  logoUrl: null,
  parties: new Map([[CUSTOMER_ID, { name: "Acme Corporation", email: "ap@acme.test", addressLines: ["1 Main Street", "12345 Springfield", "US"], taxId: "US-998877" }]]),
  taxes: new Map(TAXES.map((t) => [t.id, t])),
  rounding: "line",
  ...overrides,
});

const line = (description: string, quantity: string, unitPrice: string, taxRateIds: string[], more: Partial<DocumentLineValues> = {}): DocumentLineValues => ({
  itemId: null,
  description,
  unit: "",
  quantity,
  unitPrice,
  discountType: "none",
  discountValue: "",
  taxRateIds,
  ...more,
});

const form = (lines: DocumentLineValues[], more: Partial<DocumentFormValues> = {}): DocumentFormValues => ({
  kind: "invoice",
  customerId: CUSTOMER_ID,
  currency: "EUR",
  issueDate: "2026-03-10",
  dueDate: "2026-04-09",
  discountType: "none",
  discountValue: "",
  depositType: "none",
  depositValue: "",
  notes: "Thank you for your business.",
  terms: "Payment within 30 days.",
  footer: "",
  deliveryDate: "",
  periodStart: "",
  periodEnd: "",
  purchaseOrderRef: "",
  buyerReference: "",
  paymentMeansCode: "",
  lines,
  ...more,
});

const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, "&");
const textOf = (html: string) => normalise(decode(html.replace(/<[^>]+>/g, " ")));

/** The preview's text, its label/value pairs (totals rows and details) and its line rows, as a reader sees them. */
function renderPreview(data: PreviewData) {
  const html = renderToStaticMarkup(createElement(DocumentPreview, { data }));
  const pairs = [...html.matchAll(/<dt[^>]*>(.*?)<\/dt><dd[^>]*>(.*?)<\/dd>/g)].map((m) => `${textOf(m[1]!)} ${textOf(m[2]!)}`);
  const rows = [...html.matchAll(/<tr[^>]*data-testid="preview-line"[^>]*>(.*?)<\/tr>/g)].map((m) => textOf(m[1]!));
  return { html, text: textOf(html), pairs, rows };
}

/** Every amount in a text, in order: a currency sign with its figures (and the sign of a deduction). */
const amounts = (text: string, sign: string) => text.match(new RegExp(`[−+]?${sign}[\\d,]+(?:\\.\\d+)?`, "g")) ?? [];

async function both(values: DocumentFormValues, ctx = context()) {
  const data = previewData(values, ctx);
  if (!data) throw new Error("The draft's totals could not be computed.");
  const pdf = await pdfText(await renderDocumentPdfBuffer({ ...data, logo: null }));
  return { data, pdf: pdf.text, preview: renderPreview(data) };
}

/** The preview and the PDF print the same amounts in the same order, each label beside its value, and each line alike. */
function expectSame({ pdf, preview }: Awaited<ReturnType<typeof both>>, sign: string) {
  expect(amounts(preview.text, sign).length).toBeGreaterThan(3);
  expect(amounts(preview.text, sign)).toEqual(amounts(pdf, sign));
  // Section labels are upper-cased in the PDF (styles.sectionLabel) and by CSS in the preview.
  const pdfLower = pdf.toLowerCase();
  for (const pair of preview.pairs) expect(pdfLower).toContain(pair.toLowerCase());
  for (const row of preview.rows) expect(pdf).toContain(row);
  for (const heading of ["Description", "Quantity", "Unit price", "Taxes"]) expect(preview.text).toContain(heading);
}

describe("the editor's preview matches the PDF", () => {
  // The first PDF render in a process loads the bundled fonts: seconds on a loaded machine.
  it("line and document discounts, two VAT rates: hand-worked totals", { timeout: 60_000 }, async () => {
    const result = await both(
      form(
        [
          line("Design work", "10", "120.00", ["vat"], { unit: "h", discountType: "percent", discountValue: "10" }),
          line("Printing", "3", "45.50", ["reduced"]),
        ],
        { discountType: "percent", discountValue: "5" },
      ),
    );
    expectSame(result, "€");
    // 10 h × €120.00 = €1,200.00 − 10% = €1,080.00; 3 × €45.50 = €136.50; subtotal €1,216.50.
    // 5% of it, €60.83 (60.825 rounded away from zero), shared €54.00 / €6.83 by amount:
    // VAT 20% on €1,026.00 = €205.20; 7% on €129.67 = €9.08 (9.0769); total €1,369.95.
    const rows = result.preview.pairs;
    expect(rows).toEqual(
      expect.arrayContaining(["Subtotal €1,216.50", "Discount 5% −€60.83", "VAT 20% on €1,026.00 €205.20", "Reduced VAT 7% on €129.67 €9.08", "Total €1,369.95"]),
    );
    expect(result.preview.rows[0]).toBe("Design work 10 h €120.00 VAT 20% €1,080.00 Discount −10% (−€120.00)");
    expect(result.pdf).toContain("Total €1,369.95");
    expect(result.data.document.total).toBe(136_995);
  });

  it("prices that include VAT", { timeout: 30_000 }, async () => {
    const result = await both(form([line("Workshop ticket", "2", "120.00", ["vat-incl"]), line("Lunch", "2", "15.00", ["vat-incl"], { discountType: "amount", discountValue: "5.00" })]));
    expectSame(result, "€");
    expect(result.preview.text).toContain("Amount (incl. tax)");
    // €240.00 + €30.00 − €5.00 = €265.00 with VAT inside: 265 / 1.2 = €220.83, VAT €44.17.
    expect(result.preview.pairs).toEqual(expect.arrayContaining(["Total €265.00"]));
    expect(result.pdf).toContain("Total €265.00");
  });

  it("a withholding tax is deducted, after the VAT", { timeout: 30_000 }, async () => {
    const result = await both(form([line("Consulting", "1", "1000.00", ["iva", "irpf"])]));
    expectSame(result, "€");
    // €1,000.00 + IVA 21% €210.00 − IRPF 15% €150.00 = €1,060.00.
    expect(result.preview.pairs).toEqual(["Invoice number Draft", "Issue date Mar 10, 2026", "Due date Apr 9, 2026", "Status Draft", "Subtotal €1,000.00", "IVA 21% on €1,000.00 €210.00", "IRPF −15% on €1,000.00 −€150.00", "Total €1,060.00"]);
    expect(result.pdf).toContain("IRPF −15% on €1,000.00 −€150.00 Total €1,060.00");
  });

  it("yen have no minor unit; a deposit is asked for", { timeout: 30_000 }, async () => {
    const result = await both(form([line("Translation", "3", "1234", ["ct"])], { currency: "JPY", depositType: "percent", depositValue: "30" }));
    expectSame(result, "¥");
    // 3 × ¥1,234 = ¥3,702; tax 10% = ¥370 (370.2); total ¥4,072; deposit 30% of it ¥1,222 (1,221.6).
    expect(result.preview.pairs).toEqual(expect.arrayContaining(["Subtotal ¥3,702", "Consumption tax 10% on ¥3,702 ¥370", "Total ¥4,072", "Deposit requested: 30% ¥1,222"]));
  });

  it("a credit note under the reverse charge: its legal wording and both VAT ids", { timeout: 30_000 }, async () => {
    const result = await both(form([line("Refund of March licence", "1", "500.00", ["rc"])], { kind: "credit_note", dueDate: "" }), context({ sourceNumber: "INV-2026-0007" }));
    expectSame(result, "€");
    expect(result.preview.text).toContain("Credit note");
    expect(result.preview.pairs).toEqual(expect.arrayContaining(["Credits invoice INV-2026-0007", "Total €500.00"]));
    const wording = "Reverse charge: VAT to be accounted for by the recipient (Art. 196 VAT Directive).";
    expect(result.preview.text).toContain(wording);
    expect(result.pdf).toContain(wording);
    expect(result.preview.text).toContain("VAT ID: US-998877");
    expect(result.pdf).toContain("VAT ID: US-998877");
  });

  it("in the form's language (French): the PDF's labels, French amounts and dates, lang on the preview", { timeout: 30_000 }, async () => {
    const result = await both(form([line("Conception graphique", "10", "120.00", ["vat"], { unit: "h" })], { language: "fr" }));
    // 10 h × 120,00 € = 1 200,00 €; TVA (the organisation's rate name, "VAT") 20 % = 240,00 €; total 1 440,00 €.
    // Intl writes French groups with a narrow no-break space and "€" after a no-break space; normalised to spaces here.
    expect(result.preview.pairs).toEqual([
      "Numéro Brouillon",
      "Date d’émission 10 mars 2026",
      "Date d’échéance 9 avr. 2026",
      "Statut Brouillon",
      "Sous-total 1 200,00 €",
      "VAT 20 % sur 1 200,00 € 240,00 €",
      "Total 1 440,00 €",
    ]);
    expect(result.preview.rows).toEqual(["Conception graphique 10 h 120,00 € VAT 20 % 1 200,00 €"]);
    for (const heading of ["Désignation", "Quantité", "Prix unitaire", "Montant", "Facturé à", "Remarques", "Conditions"]) expect(result.preview.text).toContain(heading);
    expect(result.preview.text).not.toMatch(/Subtotal|Issue date|Description|Draft/);
    expect(result.preview.html).toContain('lang="fr"');
    // The PDF says the same, label for label.
    const pdfLower = result.pdf.toLowerCase();
    for (const pair of result.preview.pairs) expect(pdfLower).toContain(pair.toLowerCase());
    for (const row of result.preview.rows) expect(result.pdf).toContain(row);
  });

  it("in the customer's language when the form does not choose one (German), and right to left for Hebrew", { timeout: 30_000 }, async () => {
    const german = context();
    german.parties.set(CUSTOMER_ID, { ...german.parties.get(CUSTOMER_ID)!, language: "de" });
    const lines = [line("Beratung", "1.5", "1000.00", ["reduced"], { unit: "h", discountType: "percent", discountValue: "7.5" })];
    const result = await both(form(lines, { discountType: "percent", discountValue: "2.5" }), german);
    // 1,5 h × 1.000,00 € = 1.500,00 € − 7,5 % (112,50 €) = 1.387,50 €; document discount 2,5 % = 34,69 € (34,6875);
    // Reduced VAT 7 % on 1.352,81 € = 94,70 € (94,6967); total 1.447,51 €. Dates: 10.03.2026, 09.04.2026.
    expect(result.preview.pairs).toEqual([
      "Nummer Entwurf",
      "Datum 10.03.2026",
      "Fällig am 09.04.2026",
      "Status Entwurf",
      "Zwischensumme 1.387,50 €",
      "Rabatt 2,5 % −34,69 €",
      "Reduced VAT 7 % auf 1.352,81 € 94,70 €",
      "Gesamtbetrag 1.447,51 €",
    ]);
    expect(result.preview.rows).toEqual(["Beratung 1,5 h 1.000,00 € Reduced VAT 7 % 1.387,50 € Rabatt −7,5 % (−112,50 €)"]);
    const pdfLower = result.pdf.toLowerCase();
    for (const pair of result.preview.pairs) expect(pdfLower).toContain(pair.toLowerCase());
    for (const row of result.preview.rows) expect(result.pdf).toContain(row);

    const hebrew = renderPreview(previewData(form([line("Consulting", "1", "100.00", [])], { language: "he" }), context())!);
    expect(hebrew.html).toMatch(/<article[^>]* lang="he" dir="rtl"/);
  });

  it("a lone tax checkbox, as react-hook-form holds it (a string when ticked, false when not), counts as ticked or not", () => {
    const ticked = previewData(form([line("One", "1", "100.00", "vat" as unknown as string[]), line("Two", "1", "50.00", false as unknown as string[])]), context());
    // €100.00 + VAT 20% €20.00 + €50.00 untaxed = €170.00.
    expect(ticked?.document.lines.map((l) => l.tax)).toEqual([2_000, 0]);
    expect(ticked?.document.total).toBe(17_000);
  });

  it("lines not valid yet count as nothing, as in the totals box", () => {
    const data = previewData(form([line("Typed so far", "abc", "12.00", ["vat"]), line("Valid", "2", "10.00", [])]), context());
    expect(data?.document.lines.map((l) => l.amount)).toEqual([0, 2_000]);
    expect(data?.document.total).toBe(2_000);
  });
});

describe("preview words in the document's language", () => {
  it("stamps a draft and names the missing customer in the document's language, not English", () => {
    const german = renderPreview(previewData(form([line("Beratung", "1", "100.00", [])], { customerId: "", language: "de" }), context())!);
    expect(german.html).toContain('data-stamp="ENTWURF"');
    expect(german.text).toContain("Kunden auswählen");
    expect(german.text).not.toContain("Choose a customer");
    const french = renderPreview(previewData(form([line("Conseil", "1", "100.00", [])], { customerId: "", language: "fr" }), context())!);
    expect(french.html).toContain('data-stamp="BROUILLON"');
    expect(french.text).toContain("Choisissez un client");
    const english = renderPreview(previewData(form([line("Consulting", "1", "100.00", [])], { customerId: "", language: "en" }), context())!);
    expect(english.html).toContain('data-stamp="DRAFT"');
    expect(english.text).toContain("Choose a customer");
  });

  it("keeps a chosen customer's name", () => {
    const data = previewData(form([line("Beratung", "1", "100.00", [])], { language: "de" }), context())!;
    expect(data.document.customer.name).toBe("Acme Corporation");
  });
});
