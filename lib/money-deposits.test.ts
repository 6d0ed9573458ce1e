/** Deposits in lib/money.ts, with hand-worked values (the arithmetic is in the comments). */
import { describe, expect, it } from "vitest";
import { computeDocument, depositDeductions, depositDueNow, depositLines, type LineInput, planDeposit, type TaxInput } from "./money";

const tax = (id: string, rateE4: number): TaxInput => ({ id, name: id, rateE4, inclusive: false, compound: false });
const VAT20 = tax("vat20", 200_000);
const VAT55 = tax("vat55", 55_000);
const line = (quantityE4: number, unitPrice: number, taxes: TaxInput[]): LineInput => ({ quantityE4, unitPrice, taxes });

describe("depositLines", () => {
  // The brief's quote: 10 h × 120.00 at 20% (net 1,200.00, tax 240.00) + 2 × 50.00 at 5.5%
  // (net 100.00, tax 5.50); total 1,545.50.
  const quote = [
    { taxable: 120_000, taxes: [VAT20] },
    { taxable: 10_000, taxes: [VAT55] },
  ];

  it("30%: one line per VAT rate with 30% of its net", () => {
    // 1,200.00 × 30% = 360.00; 100.00 × 30% = 30.00.
    expect(depositLines({ type: "percent", rateE4: 300_000 }, quote, 154_550)).toEqual([
      { taxes: [VAT20], net: 36_000 },
      { taxes: [VAT55], net: 3_000 },
    ]);
    // 360.00 + 72.00 + 30.00 + 1.65 = 463.65 (= 30% of 1,545.50 exactly here).
    expect(planDeposit({ currency: "EUR", rounding: "line", deposit: { type: "percent", rateE4: 300_000 }, total: 154_550, lines: quote }).total).toBe(46_365);
  });

  it("groups lines with the same taxes and keeps untaxed lines as their own group", () => {
    const lines = [
      { taxable: 1_000, taxes: [VAT20] },
      { taxable: 500, taxes: [] },
      { taxable: 2_001, taxes: [VAT20] },
    ];
    // 30.01 × 10% = 3.001 → 3.00; 5.00 × 10% = 0.50.
    expect(depositLines({ type: "percent", rateE4: 100_000 }, lines, 10_000)).toEqual([
      { taxes: [VAT20], net: 300 },
      { taxes: [], net: 50 },
    ]);
  });

  it("an amount is split in proportion to each group's taxable part of the total", () => {
    // 500.00 of 1,545.50: 1,200.00 × 500 / 1,545.50 = 388.2238… → 388.22; 100.00 × 500 / 1,545.50 = 32.3520… → 32.35.
    expect(depositLines({ type: "amount", amount: 50_000 }, quote, 154_550)).toEqual([
      { taxes: [VAT20], net: 38_822 },
      { taxes: [VAT55], net: 3_235 },
    ]);
    // 388.22 + 77.64 (77.644) + 32.35 + 1.78 (1.77925) = 499.99: the invoice charges its own lines' total.
    expect(planDeposit({ currency: "EUR", rounding: "line", deposit: { type: "amount", amount: 50_000 }, total: 154_550, lines: quote }).total).toBe(49_999);
  });

  it("an amount over the total asks for the total", () => {
    expect(depositLines({ type: "amount", amount: 999_999 }, quote, 154_550)).toEqual([
      { taxes: [VAT20], net: 120_000 },
      { taxes: [VAT55], net: 10_000 },
    ]);
  });

  it("no deposit, or nothing to take it from: no lines", () => {
    expect(depositLines(null, quote, 154_550)).toEqual([]);
    expect(depositLines({ type: "percent", rateE4: 300_000 }, quote, 0)).toEqual([]);
  });
});

describe("final invoice: the quote less its paid deposit", () => {
  it("splits across 20% and 5.5% with rounding, exact to the cent", () => {
    // Quote: 3 × 33.33 = 99.99 at 20% (tax 19.998 → 20.00); 1 × 10.01 at 5.5% (tax 0.55055 → 0.55).
    // Total 99.99 + 20.00 + 10.01 + 0.55 = 130.55.
    const lines = [line(30_000, 3_333, [VAT20]), line(10_000, 1_001, [VAT55])];
    const quote = computeDocument({ currency: "EUR", rounding: "line", lines });
    expect(quote.total).toBe(13_055);
    // Deposit 30%: 99.99 × 30% = 29.997 → 30.00 (tax 6.00); 10.01 × 30% = 3.003 → 3.00 (tax 0.165 → 0.17).
    // Deposit total 30.00 + 6.00 + 3.00 + 0.17 = 39.17.
    const deposit = planDeposit({ currency: "EUR", rounding: "line", deposit: { type: "percent", rateE4: 300_000 }, total: quote.total, lines: quote.lines.map((l, i) => ({ taxable: l.taxable, taxes: lines[i]!.taxes })) });
    expect(deposit.lines.map((l) => l.net)).toEqual([3_000, 300]);
    expect(deposit.totals.taxes.map((t) => t.amount)).toEqual([600, 17]);
    expect(deposit.total).toBe(3_917);
    // Final: the quote's lines and the deposit's negated: taxes 20.00 − 6.00 = 14.00 and 0.55 − 0.17 = 0.38;
    // total 130.55 − 39.17 = 91.38.
    const deductions = depositDeductions(deposit.documentLines);
    expect(deductions.map((l) => l.unitPrice)).toEqual([-3_000, -300]);
    const final = computeDocument({ currency: "EUR", rounding: "line", lines: [...lines, ...deductions] });
    expect(final.taxes.map((t) => [t.taxId, t.base, t.amount])).toEqual([
      ["vat20", 6_999, 1_400],
      ["vat55", 701, 38],
    ]);
    expect(final.taxTotal).toBe(quote.taxTotal - deposit.totals.taxTotal);
    expect(final.total).toBe(9_138);
  });
});

describe("depositDueNow", () => {
  it("is the deposit less what was paid, within the balance", () => {
    // Deposit 463.65 on 1,545.50: nothing paid → 463.65; 400.00 paid → 63.65; 500.00 paid → 0.
    expect(depositDueNow({ amountPaid: 0, balance: 154_550 }, 46_365)).toBe(46_365);
    expect(depositDueNow({ amountPaid: 40_000, balance: 114_550 }, 46_365)).toBe(6_365);
    expect(depositDueNow({ amountPaid: 50_000, balance: 104_550 }, 46_365)).toBe(0);
    // A credit note left 100.00 owing: at most the balance.
    expect(depositDueNow({ amountPaid: 0, balance: 10_000 }, 46_365)).toBe(10_000);
  });
});
