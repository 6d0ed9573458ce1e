import { describe, expect, it } from "vitest";
import { germanInvoice } from "@/tests/support/einvoice-fixtures";
import {
  documentRow, germanCustomer, germanOrganization, germanSource, reverseCharge, storedLine, storedSource, storedTax, vat19, vat19Inclusive,
} from "@/tests/support/einvoice-sources";
import type { LineTaxSnapshot } from "@/db/schema";
import { buildEInvoice, unitCodeOf } from "./build";
import type { EInvoice } from "./model";

/**
 * The EN 16931 arithmetic rules, read off the model (the official validation checks the same on the
 * XML): BR-CO-10, 13, 14, 15, 16 and, per VAT group, BR-S-08 (and its AE/K/… twins).
 */
function brokenRules(e: EInvoice): string[] {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const broken: string[] = [];
  if (sum(e.lines.map((l) => l.netAmount)) !== e.totals.lineNet) broken.push("BR-CO-10");
  if (sum(e.allowances.map((a) => a.amount)) !== e.totals.allowances) broken.push("BR-CO-11");
  if (e.totals.lineNet - e.totals.allowances !== e.totals.taxExclusive) broken.push("BR-CO-13");
  if (sum(e.vatBreakdown.map((b) => b.taxAmount)) !== e.totals.vat) broken.push("BR-CO-14");
  if (e.totals.taxExclusive + e.totals.vat !== e.totals.taxInclusive) broken.push("BR-CO-15");
  if (e.totals.taxInclusive - e.totals.prepaid !== e.totals.payable) broken.push("BR-CO-16");
  for (const b of e.vatBreakdown) {
    const same = (v: { category: string; rateE4: number }) => v.category === b.category && v.rateE4 === b.rateE4;
    const lines = sum(e.lines.filter((l) => same(l.vat)).map((l) => l.netAmount));
    const allowances = sum(e.allowances.filter((a) => same(a.vat)).map((a) => a.amount));
    if (lines - allowances !== b.taxableAmount) broken.push(`BR-${b.category}-08`);
  }
  return broken;
}

describe("buildEInvoice", () => {
  it("maps the standard German invoice to the fixture's figures (19% and 7%)", () => {
    const source = germanSource({ organization: { name: "Muster Design GmbH" } });
    const built = buildEInvoice(source, "xrechnung-ubl");
    expect(built).toEqual(germanInvoice());
    expect(brokenRules(built)).toEqual([]);
  });

  it("writes a trading name when it differs from the legal name, and the payment terms from the due date when there are none", () => {
    const built = buildEInvoice(germanSource({ document: { terms: null } }), "peppol-bis");
    expect(built.format).toBe("peppol-bis");
    expect(built.seller.name).toBe("Muster Design GmbH");
    expect(built.seller.tradingName).toBe("Muster Design");
    expect(built.paymentTerms).toBe("Payable by 2026-12-31");
  });

  it("writes VAT-inclusive prices with a 10% document discount net of VAT, adding up exactly", () => {
    // 3 × 19.99 incl. = 59.97 and 1 × 10.00 incl.; Σ 69.97; 10% = 6.997 → 7.00, split 6.00 / 1.00
    // (exact shares 5.997 and 1.000; the leftover cent goes to the larger remainder).
    // taxable 53.97 and 9.00; VAT inside: 53.97 × 19/119 = 8.617 → 8.62, 9.00 × 19/119 = 1.437 → 1.44;
    // bases 45.35 and 7.56 (Σ 52.91, VAT 10.06, total 62.97).
    // Net discount shares: 6.00 / 1.19 = 5.042 → 5.04; 1.00 / 1.19 = 0.840 → 0.84 (Σ 5.88).
    // BT-131 = base + net share: 45.35 + 5.04 = 50.39; 7.56 + 0.84 = 8.40 (Σ 58.79).
    // BT-116 = 58.79 − 5.88 = 52.91 = Σ bases; BT-112 = 52.91 + 10.06 = 62.97 = the stored total.
    // Net prices: 50.39 / 3 = 16.796667; 8.40 / 1 = 8.40.
    const built = buildEInvoice(
      storedSource({
        discount: { type: "percent", rateE4: 100_000 },
        lines: [
          { description: "Workshop seat", quantityE4: 30_000, unitPrice: 1_999, taxes: [vat19Inclusive] },
          { description: "Lunch", quantityE4: 10_000, unitPrice: 1_000, taxes: [vat19Inclusive] },
        ],
      }),
      "xrechnung-ubl",
    );
    expect(built.lines.map((l) => [l.netAmount, l.netPrice, l.allowance])).toEqual([[5_039, "16.796667", undefined], [840, "8.40", undefined]]);
    expect(built.allowances).toEqual([{ amount: 588, reason: "Discount", vat: { category: "S", rateE4: 190_000 } }]);
    expect(built.vatBreakdown).toEqual([{ category: "S", rateE4: 190_000, taxableAmount: 5_291, taxAmount: 1_006 }]);
    expect(built.totals).toEqual({ lineNet: 5_879, allowances: 588, taxExclusive: 5_291, vat: 1_006, taxInclusive: 6_297, prepaid: 0, payable: 6_297 });
    expect(brokenRules(built)).toEqual([]);
  });

  it("converts an inclusive line discount to net", () => {
    // 2 × 11.90 incl. = 23.80, 10% line discount 2.38 → 21.42; VAT inside 21.42 × 19/119 = 3.42, base 18.00.
    // Net line discount 2.38 / 1.19 = 2.00; BT-131 = 18.00; net price (18.00 + 2.00) / 2 = 10.00.
    const built = buildEInvoice(
      storedSource({ lines: [{ description: "Tickets", quantityE4: 20_000, unitPrice: 1_190, discount: { type: "percent", rateE4: 100_000 }, taxes: [vat19Inclusive] }] }),
      "factur-x",
    );
    expect(built.lines[0]).toMatchObject({ netAmount: 1_800, allowance: 200, netPrice: "10.00" });
    expect(built.vatBreakdown).toEqual([{ category: "S", rateE4: 190_000, taxableAmount: 1_800, taxAmount: 342 }]);
    expect(built.totals.payable).toBe(2_142);
  });

  it("uses the VAT stored with document rounding, not a per-line recomputation", () => {
    // 19% on 10.01, 20.02 and 0.05: exactly 1.9019 + 3.8038 + 0.0095 = 5.7152 → 5.72 rounded once
    // (line by line it would be 1.90 + 3.80 + 0.01 = 5.71). Taxable 30.08, total 35.80.
    const built = buildEInvoice(
      storedSource({
        rounding: "document",
        lines: [
          { description: "A", quantityE4: 10_000, unitPrice: 1_001, taxes: [vat19] },
          { description: "B", quantityE4: 20_000, unitPrice: 1_001, taxes: [vat19] },
          { description: "C", quantityE4: 10_000, unitPrice: 5, taxes: [vat19] },
        ],
      }),
      "xrechnung-cii",
    );
    expect(built.vatBreakdown).toEqual([{ category: "S", rateE4: 190_000, taxableAmount: 3_008, taxAmount: 572 }]);
    expect(built.totals.payable).toBe(3_580);
    expect(brokenRules(built)).toEqual([]);
  });

  it("writes a line's own discount as its allowance (BG-27)", () => {
    // 10 × 85.00 = 850.00, 10% off = 85.00 → BT-131 765.00; VAT 19% = 145.35; total 910.35.
    const built = buildEInvoice(
      storedSource({ lines: [{ description: "Design work\nConcept and layout", unit: "Std", quantityE4: 100_000, unitPrice: 8_500, discount: { type: "percent", rateE4: 100_000 }, taxes: [vat19] }] }),
      "xrechnung-ubl",
    );
    expect(built.lines).toEqual([
      { id: "1", name: "Design work", description: "Concept and layout", quantityE4: 100_000, unitCode: "HUR", netPrice: "85.00", netAmount: 76_500, allowance: 8_500, vat: { category: "S", rateE4: 190_000 } },
    ]);
    expect(built.allowances).toEqual([]);
    expect(built.totals).toEqual({ lineNet: 76_500, allowances: 0, taxExclusive: 76_500, vat: 14_535, taxInclusive: 91_035, prepaid: 0, payable: 91_035 });
  });

  it("writes reverse charge with its reason in the breakdown and as a note", () => {
    const built = buildEInvoice(
      storedSource({
        lines: [{ description: "Consulting", unit: "day", quantityE4: 20_000, unitPrice: 50_000, taxes: [reverseCharge] }],
        customer: { name: "Société Exemple SARL", taxId: "FR12345678901", address: { line1: "1 rue de la Paix", line2: null, city: "Paris", postalCode: "75002", region: null, country: "FR" } },
        document: { notes: "Thank you." },
      }),
      "peppol-bis",
    );
    const reason = "Reverse charge: VAT to be accounted for by the recipient (Article 196, Council Directive 2006/112/EC).";
    expect(built.vatBreakdown).toEqual([{ category: "AE", rateE4: 0, taxableAmount: 100_000, taxAmount: 0, exemptionReason: reason, exemptionCode: "VATEX-EU-AE" }]);
    expect(built.notes).toEqual(["Thank you.", reason]);
    expect(built.buyer.vatId).toBe("FR12345678901");
    expect(built.lines[0]?.unitCode).toBe("DAY");
    expect(built.totals.payable).toBe(100_000);
  });

  it("uses the VATEX wording when a tax has only a code", () => {
    const exempt: LineTaxSnapshot = { id: "tax-e", name: "Exempt", rateE4: 0, inclusive: false, compound: false, vatCategory: "E", exemptionReason: null, exemptionCode: "VATEX-EU-132" };
    const built = buildEInvoice(storedSource({ lines: [{ description: "Therapy", quantityE4: 10_000, unitPrice: 9_000, taxes: [exempt] }] }), "xrechnung-ubl");
    expect(built.vatBreakdown[0]).toMatchObject({ category: "E", exemptionReason: "Exempt from VAT (Article 132, Council Directive 2006/112/EC).", exemptionCode: "VATEX-EU-132" });
    expect(built.notes).toEqual(["Exempt from VAT (Article 132, Council Directive 2006/112/EC)."]);
  });

  it("leaves out the seller's and buyer's VAT ids on an invoice outside the scope of VAT (BR-O-02)", () => {
    const outside: LineTaxSnapshot = { id: "tax-o", name: "Not subject", rateE4: 0, inclusive: false, compound: false, vatCategory: "O", exemptionReason: "Not subject to VAT." };
    const built = buildEInvoice(storedSource({ lines: [{ description: "Advice", quantityE4: 10_000, unitPrice: 9_000, taxes: [outside] }], customer: { taxId: "DE999999999" } }), "factur-x");
    expect([built.seller.vatId, built.buyer.vatId]).toEqual([undefined, undefined]);
    expect(built.seller.taxRegistrationId).toBe("201/113/40209");
    expect(built.vatBreakdown).toEqual([{ category: "O", rateE4: 0, taxableAmount: 9_000, taxAmount: 0, exemptionReason: "Not subject to VAT." }]);
  });

  it("writes IRPF withholding as prepaid, with a note, so the amount due is the stored total", () => {
    // 1,393.50 net; VAT 21% = 292.635 → 292.64; IRPF −15% = −209.025 → −209.03.
    // BT-112 = 1,393.50 + 292.64 = 1,686.14; BT-113 = 209.03; BT-115 = 1,477.11 (the stored total).
    const vat21: LineTaxSnapshot = { id: "tax-21", name: "IVA 21%", rateE4: 210_000, inclusive: false, compound: false, vatCategory: "S" };
    const irpf: LineTaxSnapshot = { id: "tax-irpf", name: "IRPF", rateE4: -150_000, inclusive: false, compound: false };
    const source = {
      document: documentRow({ number: "F-2026-0007", subtotal: 139_350, lineAmountTotal: 139_350, taxTotal: 8_361, total: 147_711, balance: 147_711 }),
      lines: [storedLine(0, { description: "Desarrollo web", quantityE4: 10_000, unitPrice: 139_350, taxes: [vat21, irpf], net: 139_350, tax: 8_361, total: 147_711 })],
      taxes: [storedTax(0, vat21, 139_350, 29_264), storedTax(1, irpf, 139_350, -20_903)],
      organization: germanOrganization({ country: "ES", taxId: "ESB12345678" }),
      customer: germanCustomer({ taxId: "ESA87654321" }),
      precedingInvoice: null,
    };
    const built = buildEInvoice(source, "factur-x");
    expect(built.withholding).toEqual([{ name: "IRPF", rateE4: -150_000, base: 139_350, amount: -20_903 }]);
    expect(built.notes).toEqual(["IRPF −15% withheld by the buyer: 209.03 EUR (not VAT; deducted from the amount due)."]);
    expect(built.vatBreakdown).toEqual([{ category: "S", rateE4: 210_000, taxableAmount: 139_350, taxAmount: 29_264 }]);
    expect(built.totals).toEqual({ lineNet: 139_350, allowances: 0, taxExclusive: 139_350, vat: 29_264, taxInclusive: 168_614, prepaid: 20_903, payable: 147_711 });
    expect(brokenRules(built)).toEqual([]);
  });

  it("takes the VAT base of an inclusive line beside a withholding from the stored line, not a recomputation", () => {
    // 1 × 119.00 incl. 19%: VAT inside 19.00, base 100.00; IRPF −15% on the base = −15.00.
    // Stored: tax 19.00 − 15.00 = 4.00, total 119.00 − 15.00 = 104.00.
    // BT-131 100.00; BT-112 100.00 + 19.00 = 119.00; BT-113 15.00; BT-115 104.00.
    const irpf: LineTaxSnapshot = { id: "tax-irpf", name: "IRPF", rateE4: -150_000, inclusive: false, compound: false };
    const source = {
      document: documentRow({ subtotal: 11_900, lineAmountTotal: 11_900, taxTotal: 400, total: 10_400, balance: 10_400 }),
      lines: [storedLine(0, { description: "Curso", quantityE4: 10_000, unitPrice: 11_900, taxes: [vat19Inclusive, irpf], net: 11_900, tax: 400, total: 10_400 })],
      taxes: [storedTax(0, vat19Inclusive, 10_000, 1_900), storedTax(1, irpf, 10_000, -1_500)],
      organization: germanOrganization(),
      customer: germanCustomer(),
      precedingInvoice: null,
    };
    const built = buildEInvoice(source, "factur-x");
    expect(built.lines[0]).toMatchObject({ netAmount: 10_000, netPrice: "100.00" });
    expect(built.totals).toEqual({ lineNet: 10_000, allowances: 0, taxExclusive: 10_000, vat: 1_900, taxInclusive: 11_900, prepaid: 1_500, payable: 10_400 });
    expect(built.notes).toEqual(["IRPF −15% withheld by the buyer: 15.00 EUR (not VAT; deducted from the amount due)."]);
  });

  it("writes a credit note (381) with the invoice it corrects", () => {
    const built = buildEInvoice(
      germanSource({ document: { kind: "credit_note", number: "CN-2026-0003" }, precedingInvoice: { number: "INV-2026-0042", issueDate: "2026-12-01" } }),
      "xrechnung-ubl",
    );
    expect(built.kind).toBe("credit_note");
    expect(built.number).toBe("CN-2026-0003");
    expect(built.precedingInvoice).toEqual({ number: "INV-2026-0042", issueDate: "2026-12-01" });
    expect(built.paymentMeans.remittanceInformation).toBe("CN-2026-0003");
    expect(built.totals.payable).toBe(105_163);
    // Without terms or a due date its positive amount still needs payment terms (BR-CO-25).
    const bare = germanSource({ document: { kind: "credit_note", number: "CN-2026-0003", terms: null, dueDate: null }, precedingInvoice: { number: "INV-2026-0042", issueDate: "2026-12-01" } });
    expect(buildEInvoice(bare, "factur-x").paymentTerms).toBe("Credited against invoice INV-2026-0042.");
  });

  it("writes JPY without decimals", () => {
    // 3 × ¥12,345 = ¥37,035; 10% = 3,703.5 → ¥3,704; total ¥40,739.
    const vat10: LineTaxSnapshot = { id: "tax-10", name: "消費税 10%", rateE4: 100_000, inclusive: false, compound: false, vatCategory: "S" };
    const built = buildEInvoice(storedSource({ currency: "JPY", lines: [{ description: "Licence", quantityE4: 30_000, unitPrice: 12_345, taxes: [vat10] }] }), "peppol-bis");
    expect(built.currency).toBe("JPY");
    expect(built.lines[0]).toMatchObject({ netPrice: "12345", netAmount: 37_035 });
    expect(built.totals).toEqual({ lineNet: 37_035, allowances: 0, taxExclusive: 37_035, vat: 3_704, taxInclusive: 40_739, prepaid: 0, payable: 40_739 });
  });

  it("writes a deposit deduction as a negative quantity at a positive price (BR-27)", () => {
    // 1,000.00 − 300.00 deposit = 700.00; VAT 190.00 − 57.00 = 133.00; total 833.00.
    const built = buildEInvoice(
      storedSource({
        lines: [
          { description: "Website", quantityE4: 10_000, unitPrice: 100_000, taxes: [vat19] },
          { description: "Less deposits paid\nINV-2026-0040", quantityE4: 10_000, unitPrice: -30_000, taxes: [vat19] },
        ],
      }),
      "xrechnung-ubl",
    );
    expect(built.lines[1]).toEqual({ id: "2", name: "Less deposits paid", description: "INV-2026-0040", quantityE4: -10_000, unitCode: "C62", netPrice: "300.00", netAmount: -30_000, vat: { category: "S", rateE4: 190_000 } });
    expect(built.vatBreakdown).toEqual([{ category: "S", rateE4: 190_000, taxableAmount: 70_000, taxAmount: 13_300 }]);
    expect(built.totals.payable).toBe(83_300);
    expect(brokenRules(built)).toEqual([]);
  });

  it("refuses to write figures that differ from the stored total", () => {
    const source = germanSource();
    source.taxes[0] = { ...source.taxes[0]!, amount: source.taxes[0]!.amount + 1 };
    expect(() => buildEInvoice(source, "xrechnung-ubl")).toThrow("Document INV-2026-0042: the e-invoice amount due 1051.64 differs from the stored total 1051.63.");
  });

  it("refuses a quote and a line without exactly one VAT rate", () => {
    expect(() => buildEInvoice(germanSource({ document: { kind: "quote" } }), "xrechnung-ubl")).toThrow(/quote/);
    expect(() => buildEInvoice(storedSource({ lines: [{ description: "X", quantityE4: 10_000, unitPrice: 100, taxes: [] }] }), "xrechnung-ubl")).toThrow(/Line 1 has 0 VAT rates/);
  });

  it("reads the buyer reference from the document, else the customer", () => {
    expect(buildEInvoice(germanSource({ document: { buyerReference: "991-01234-56" } }), "xrechnung-ubl").buyerReference).toBe("991-01234-56");
    expect(buildEInvoice(germanSource(), "xrechnung-ubl").buyerReference).toBe("04011000-12345-67");
    expect(buildEInvoice(germanSource({ customer: { buyerReference: null } }), "factur-x").buyerReference).toBeUndefined();
  });

  it("writes the buyer's tax number as a VAT id only when it has a country prefix (BR-CO-09)", () => {
    expect(buildEInvoice(germanSource({ customer: { taxId: " DE999999999 " } }), "factur-x").buyer.vatId).toBe("DE999999999");
    expect(buildEInvoice(germanSource({ customer: { taxId: "12-3456789" } }), "factur-x").buyer.vatId).toBeUndefined();
  });

  it("pays by SEPA transfer when the organisation has an IBAN, else 'not defined'", () => {
    expect(buildEInvoice(germanSource(), "xrechnung-ubl").paymentMeans.code).toBe("58");
    expect(buildEInvoice(germanSource({ organization: { iban: null, bic: null } }), "factur-x").paymentMeans).toEqual({ code: "1", remittanceInformation: "INV-2026-0042" });
    expect(buildEInvoice(germanSource({ document: { paymentMeansCode: "30" } }), "xrechnung-ubl").paymentMeans).toEqual({
      code: "30", iban: "DE02120300000000202051", bic: "BYLADEM1001", accountName: "Muster Design GmbH", remittanceInformation: "INV-2026-0042",
    });
    // The seller's account is for credit transfers only: not beside cash or a direct debit.
    expect(buildEInvoice(germanSource({ document: { paymentMeansCode: "10" } }), "factur-x").paymentMeans).toEqual({ code: "10", remittanceInformation: "INV-2026-0042" });
    expect(buildEInvoice(germanSource({ document: { paymentMeansCode: "59" } }), "factur-x").paymentMeans).toEqual({ code: "59", remittanceInformation: "INV-2026-0042" });
  });
});

describe("unitCodeOf", () => {
  it("maps common unit words to UN/ECE Recommendation 20 codes", () => {
    expect(["h", "Hours", "Std", "Stunde", "day", "Tag", "month", "week", "year", "min", "kg", "g", "m", "km", "l", "m2", "m²", "pcs", "Stk", "each", "", "set"].map(unitCodeOf))
      .toEqual(["HUR", "HUR", "HUR", "HUR", "DAY", "DAY", "MON", "WEE", "ANN", "MIN", "KGM", "GRM", "MTR", "KMT", "LTR", "MTK", "MTK", "C62", "C62", "C62", "C62", "SET"]);
    expect(unitCodeOf(null)).toBe("C62");
    expect(unitCodeOf("bags")).toBe("C62");
  });
});
