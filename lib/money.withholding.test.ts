/** Withholding taxes (negative rates) in lib/money.ts, with hand-worked values (arithmetic in the comments). */
import { describe, expect, it } from "vitest";
import { MoneyError, computeDocument, formatRate, isWithholding, type DocumentInput, type LineInput, type TaxInput } from "./money";

const tax = (id: string, rateE4: number, flags: Partial<TaxInput> = {}): TaxInput => ({ id, name: id.toUpperCase(), rateE4, inclusive: false, compound: false, ...flags });
const VAT21 = tax("vat", 210_000);
const IRPF = tax("irpf", -150_000);
const line = (quantityE4: number, unitPrice: number, taxes: TaxInput[]): LineInput => ({ quantityE4, unitPrice, taxes });
const doc = (lines: LineInput[], extra: Partial<DocumentInput> = {}): DocumentInput => ({ currency: "EUR", rounding: "line", lines, ...extra });

describe("withholding taxes", () => {
  it("Invoice Ninja #10774: 1 × 1393.50 with +21% VAT and −15% IRPF totals 1477.11", () => {
    const t = computeDocument(doc([line(10_000, 139_350, [VAT21, IRPF])]));
    // VAT 1393.50 × 0.21 = 292.635 → 292.64; IRPF 1393.50 × −0.15 = −209.025 → −209.03 (half away from zero).
    expect(t.taxes.map((x) => [x.taxId, x.base, x.amount])).toEqual([
      ["vat", 139_350, 29_264],
      ["irpf", 139_350, -20_903],
    ]);
    // 1393.50 + 292.64 − 209.03 = 1477.11; taxTotal = 292.64 − 209.03 = 83.61.
    expect(t.total).toBe(147_711);
    expect(t.taxTotal).toBe(8_361);
    expect(t.taxableTotal + t.taxTotal).toBe(t.total);
    expect(t.lines[0]?.total).toBe(147_711);
  });

  it("is computed after a document discount, on the same base as VAT", () => {
    // 3 × 333.33 = 999.99; 10% off = 99.999 → 100.00; taxable 899.99.
    // VAT 899.99 × 0.21 = 188.9979 → 189.00; IRPF 899.99 × −0.15 = −134.9985 → −135.00.
    const t = computeDocument(doc([line(30_000, 33_333, [VAT21, IRPF])], { discount: { type: "percent", rateE4: 100_000 } }));
    expect(t.documentDiscountTotal).toBe(10_000);
    expect(t.taxableTotal).toBe(89_999);
    expect(t.taxes.map((x) => x.amount)).toEqual([18_900, -13_500]);
    // 899.99 + 189.00 − 135.00 = 953.99
    expect(t.total).toBe(95_399);
  });

  it("rounds per line or once per document like every other tax", () => {
    const lines = [line(10_000, 10, [VAT21, IRPF]), line(10_000, 10, [VAT21, IRPF]), line(10_000, 10, [VAT21, IRPF])];
    // Per line: VAT 0.10 × 0.21 = 0.021 → 0.02 (×3 = 0.06); IRPF −0.015 → −0.02 (×3 = −0.06). 0.30 + 0.06 − 0.06 = 0.30.
    const byLine = computeDocument(doc(lines));
    expect(byLine.taxes.map((x) => x.amount)).toEqual([6, -6]);
    expect(byLine.total).toBe(30);
    // Per document: VAT 0.063 → 0.06; IRPF −0.045 → −0.05, split back −0.02, −0.02, −0.01. 0.30 + 0.06 − 0.05 = 0.31.
    const byDoc = computeDocument(doc(lines, { rounding: "document" }));
    expect(byDoc.taxes.map((x) => x.amount)).toEqual([6, -5]);
    expect(byDoc.lines.map((l) => l.taxes[1]?.amount)).toEqual([-2, -2, -1]);
    expect(byDoc.total).toBe(31);
  });

  it("is not part of a compound tax's base", () => {
    // 100.00: VAT 10% = 10.00; IRPF −15% = −15.00; compound 5% on 100.00 + 10.00 = 5.50. Total 100 + 10 − 15 + 5.50 = 100.50.
    const t = computeDocument(doc([line(10_000, 10_000, [tax("vat", 100_000), IRPF, tax("extra", 50_000, { compound: true })])]));
    expect(t.taxes.map((x) => [x.taxId, x.base, x.amount])).toEqual([
      ["vat", 10_000, 1_000],
      ["irpf", 10_000, -1_500],
      ["extra", 11_000, 550],
    ]);
    expect(t.total).toBe(10_050);
  });

  it("refuses an inclusive or compound withholding, and one below −100%, in words", () => {
    expect(() => computeDocument(doc([line(10_000, 100, [tax("irpf", -150_000, { inclusive: true })])]))).toThrow(
      new MoneyError('Tax "IRPF" has a negative rate (a withholding tax), so it cannot be included in prices.'),
    );
    expect(() => computeDocument(doc([line(10_000, 100, [tax("irpf", -150_000, { compound: true })])]))).toThrow(/cannot be compound/);
    expect(() => computeDocument(doc([line(10_000, 100, [tax("irpf", -1_000_001)])]))).toThrow(/between -100 and 100%/);
  });

  it("formats and recognises a negative rate", () => {
    expect(formatRate(-150_000)).toBe("-15%");
    expect(isWithholding(IRPF)).toBe(true);
    expect(isWithholding(VAT21)).toBe(false);
  });
});
