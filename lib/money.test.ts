/** lib/money.ts with hand-worked values, one describe per part of the module (over 300 lines like the module itself). */
import { describe, expect, it } from "vitest";
import { CURRENCIES, currencyExponent, isCurrency } from "./currencies";
import {
  MAX_AMOUNT,
  MoneyError,
  addAmounts,
  applyCredit,
  applyPayment,
  addSums,
  balanceDue,
  changePerMille,
  daysSalesOutstanding,
  documentDiscountShare,
  reverseCredit,
  reversePayment,
  allocate,
  computeDocument,
  formatMoney,
  formatMoneySum,
  formatQuantity,
  formatRate,
  formatRateFigure,
  parseMoney,
  parseQuantity,
  parseRate,
  quantityToString,
  rateToString,
  roundHalfAwayFromZero,
  sumToDecimalString,
  toDecimalString,
  type DocumentInput,
  type LineInput,
  type TaxInput,
} from "./money";

// Every expected number below was worked out by hand; the arithmetic is in the comments.

const tax = (id: string, rateE4: number, flags: Partial<TaxInput> = {}): TaxInput => ({
  id,
  name: id.toUpperCase(),
  rateE4,
  inclusive: false,
  compound: false,
  ...flags,
});
const VAT20 = tax("vat", 200_000);
const line = (quantityE4: number, unitPrice: number, taxes: TaxInput[] = [], extra: Partial<LineInput> = {}): LineInput => ({
  quantityE4,
  unitPrice,
  taxes,
  ...extra,
});
const doc = (lines: LineInput[], extra: Partial<DocumentInput> = {}): DocumentInput => ({
  currency: "USD",
  rounding: "line",
  lines,
  ...extra,
});

describe("roundHalfAwayFromZero", () => {
  it("rounds halves away from zero on both sides", () => {
    expect(roundHalfAwayFromZero(125n, 10n)).toBe(13n); // 12.5 → 13
    expect(roundHalfAwayFromZero(-125n, 10n)).toBe(-13n); // −12.5 → −13
    expect(roundHalfAwayFromZero(5n, 10n)).toBe(1n);
    expect(roundHalfAwayFromZero(-5n, 10n)).toBe(-1n);
    expect(roundHalfAwayFromZero(125n, -10n)).toBe(-13n);
    expect(roundHalfAwayFromZero(-125n, -10n)).toBe(13n);
  });

  it("rounds non-halves to the nearest integer", () => {
    expect(roundHalfAwayFromZero(14n, 10n)).toBe(1n);
    expect(roundHalfAwayFromZero(16n, 10n)).toBe(2n);
    expect(roundHalfAwayFromZero(-14n, 10n)).toBe(-1n);
    expect(roundHalfAwayFromZero(-16n, 10n)).toBe(-2n);
    expect(roundHalfAwayFromZero(4n, 10n)).toBe(0n);
    expect(roundHalfAwayFromZero(0n, 7n)).toBe(0n);
    expect(roundHalfAwayFromZero(10n ** 30n + 1n, 2n)).toBe(5n * 10n ** 29n + 1n);
  });

  it("refuses a zero denominator", () => {
    expect(() => roundHalfAwayFromZero(1n, 0n)).toThrow(MoneyError);
  });
});

describe("computeDocument", () => {
  it("3 × 19.99 USD with 20% VAT", () => {
    // net 3 × 1999 = 5997; VAT 5997 × 0.2 = 1199.4 → 1199; total 7196.
    const totals = computeDocument(doc([line(30_000, 1999, [VAT20])]));
    expect(totals).toEqual({
      currency: "USD",
      subtotal: 5997,
      lineDiscountTotal: 0,
      lineAmountTotal: 5997,
      documentDiscountTotal: 0,
      discountTotal: 0,
      taxableTotal: 5997,
      taxTotal: 1199,
      total: 7196,
      lines: [{ net: 5997, lineDiscount: 0, amount: 5997, documentDiscount: 0, taxable: 5997, taxes: [{ taxId: "vat", amount: 1199 }], tax: 1199, total: 7196 }],
      taxes: [{ taxId: "vat", name: "VAT", rateE4: 200_000, inclusive: false, compound: false, base: 5997, amount: 1199 }],
    });
  });

  it("rounds a half cent away from zero on both signs", () => {
    // 0.5 × 0.25 = 0.125 → 0.13 and 0.5 × −0.25 = −0.125 → −0.13.
    const totals = computeDocument(doc([line(5_000, 25), line(5_000, -25)]));
    expect(totals.lines.map((l) => l.net)).toEqual([13, -13]);
    expect(totals.total).toBe(0);
    // The same on a tax: 0.10 at 5% = 0.005 → 0.01, and −0.10 → −0.01.
    const taxed = computeDocument(doc([line(10_000, 10, [tax("t", 50_000)]), line(10_000, -10, [tax("t", 50_000)])]));
    expect(taxed.lines.map((l) => l.tax)).toEqual([1, -1]);
  });

  it("a JPY document (0 decimals)", () => {
    // 3 × ¥1999 = 5997, 10% = 599.7 → 600; 2.5 × ¥333 = 832.5 → 833, 10% = 83.3 → 83.
    const jct = tax("jct", 100_000);
    const totals = computeDocument(doc([line(30_000, 1999, [jct]), line(25_000, 333, [jct])], { currency: "JPY" }));
    expect(totals.lines.map((l) => [l.net, l.tax, l.total])).toEqual([
      [5997, 600, 6597],
      [833, 83, 916],
    ]);
    expect([totals.subtotal, totals.taxTotal, totals.total]).toEqual([6830, 683, 7513]);
    // Per document: 599.7 + 83.3 = 683.0 → 683, split 600 / 83 (largest remainder).
    const perDocument = computeDocument(doc([line(30_000, 1999, [jct]), line(25_000, 333, [jct])], { currency: "JPY", rounding: "document" }));
    expect(perDocument.lines.map((l) => l.tax)).toEqual([600, 83]);
    expect(perDocument.total).toBe(7513);
  });

  it("a BHD document (3 decimals)", () => {
    // 1.5 × BHD 12.345 = 18.5175 → 18.518 (18518 fils); VAT 10% = 1851.8 → 1852; total 20370.
    const totals = computeDocument(doc([line(15_000, 12_345, [tax("vat", 100_000)])], { currency: "BHD" }));
    expect([totals.subtotal, totals.taxTotal, totals.total]).toEqual([18_518, 1852, 20_370]);
    expect(formatMoney(totals.total, "BHD")).toBe("BHD\u00a020.370");
  });

  it("a 10% line discount and a 5.00 document discount allocated over three lines", () => {
    // A: 1 × 100.00 − 10% = 9000; B: 2 × 25.00 = 5000; C: 3 × 3.33 = 999; Σ 14999.
    // 500 split by 9000 / 5000 / 999: exact 300.020 / 166.678 / 33.302 → floors 300 / 166 / 33
    // (499) and the last cent goes to the largest remainder, B: 300 / 167 / 33.
    // Taxable 8700 / 4833 / 966; VAT 1740 / 966.6 → 967 / 193.2 → 193 = 2900.
    const totals = computeDocument(
      doc([line(10_000, 10_000, [VAT20], { discount: { type: "percent", rateE4: 100_000 } }), line(20_000, 2500, [VAT20]), line(30_000, 333, [VAT20])], {
        discount: { type: "amount", amount: 500 },
      }),
    );
    expect(totals.lines.map((l) => [l.net, l.lineDiscount, l.documentDiscount, l.taxable, l.tax, l.total])).toEqual([
      [10_000, 1000, 300, 8700, 1740, 10_440],
      [5000, 0, 167, 4833, 967, 5800],
      [999, 0, 33, 966, 193, 1159],
    ]);
    // The lines show their net amounts after their own discounts: 9000, 5000, 999.
    expect(totals.lines.map((l) => l.amount)).toEqual([9000, 5000, 999]);
    expect(totals).toMatchObject({
      subtotal: 15_999,
      lineDiscountTotal: 1000,
      lineAmountTotal: 14_999,
      documentDiscountTotal: 500,
      discountTotal: 1500,
      taxableTotal: 14_499,
      taxTotal: 2900,
      total: 17_399,
    });
  });

  it("a percent document discount and amount discounts are clamped to the amount they reduce", () => {
    // 12.5% of (80.00 + 20.00) = 12.50, split 10.00 / 2.50.
    const pct = computeDocument(doc([line(10_000, 8000), line(10_000, 2000)], { discount: { type: "percent", rateE4: 125_000 } }));
    expect(pct.lines.map((l) => l.documentDiscount)).toEqual([1000, 250]);
    // A 8.00 line discount on a 5.00 line is 5.00; on a −10.00 (credit) line it is −8.00.
    const clamped = computeDocument(
      doc([line(10_000, 500, [], { discount: { type: "amount", amount: 800 } }), line(10_000, -1000, [], { discount: { type: "amount", amount: 800 } })]),
    );
    expect(clamped.lines.map((l) => [l.lineDiscount, l.taxable])).toEqual([
      [500, 0],
      [-800, -200],
    ]);
    // A 50.00 document discount on a 20.00 document is 20.00.
    const all = computeDocument(doc([line(10_000, 2000)], { discount: { type: "amount", amount: 5000 } }));
    expect([all.documentDiscountTotal, all.total]).toEqual([2000, 0]);
  });

  it("an inclusive 20% tax on 120.00 is 20.00 on a base of 100.00", () => {
    const totals = computeDocument(doc([line(10_000, 12_000, [tax("vat", 200_000, { inclusive: true })])]));
    expect(totals.lines[0]).toMatchObject({ taxable: 12_000, tax: 2000, total: 12_000 });
    expect(totals.taxes).toEqual([{ taxId: "vat", name: "VAT", rateE4: 200_000, inclusive: true, compound: false, base: 10_000, amount: 2000 }]);
    expect([totals.taxableTotal, totals.taxTotal, totals.total]).toEqual([12_000, 2000, 12_000]);
  });

  it("inclusive taxes per line and per document", () => {
    // Three lines of 1.00 incl. 20%: each tax is 100 × 0.2 / 1.2 = 16.667 cents.
    // Per line: 17 each = 51, bases 83 each = 249.
    // Per document: 3 × 16.667 = 50.0 → 50, split 17 / 17 / 16, bases 83 / 83 / 84 = 250.
    const lines = [1, 2, 3].map(() => line(10_000, 100, [tax("vat", 200_000, { inclusive: true })]));
    const perLine = computeDocument(doc(lines));
    expect(perLine.taxes[0]).toMatchObject({ base: 249, amount: 51 });
    expect(perLine.total).toBe(300);
    const perDocument = computeDocument(doc(lines, { rounding: "document" }));
    expect(perDocument.taxes[0]).toMatchObject({ base: 250, amount: 50 });
    expect(perDocument.lines.map((l) => l.tax)).toEqual([17, 17, 16]);
    expect(perDocument.total).toBe(300);
  });

  it("a compound tax (Québec style: 5% GST, then 9.975% QST on price + GST) on 100.00", () => {
    // GST 100.00 × 5% = 5.00; QST (100.00 + 5.00) × 9.975% = 10.47375 → 10.47; total 115.47.
    const gst = tax("gst", 50_000);
    const qst = tax("qst", 99_750, { compound: true });
    const totals = computeDocument(doc([line(10_000, 10_000, [gst, qst])], { currency: "CAD" }));
    expect(totals.lines[0]?.taxes).toEqual([
      { taxId: "gst", amount: 500 },
      { taxId: "qst", amount: 1047 },
    ]);
    expect(totals.taxes.map((t) => [t.taxId, t.base, t.amount, t.compound])).toEqual([
      ["gst", 10_000, 500, false],
      ["qst", 10_500, 1047, true],
    ]);
    expect([totals.taxTotal, totals.total]).toEqual([1547, 11_547]);
  });

  it("per-line and per-document rounding differ by one cent, both by the rule", () => {
    // Three lines of 0.10 at 5%: each tax is exactly 0.005.
    // Per line: 0.005 → 0.01, three times → 0.03, total 0.33.
    // Per document: 0.015 → 0.02, split 1 / 1 / 0 cents, total 0.32.
    const lines = [1, 2, 3].map(() => line(10_000, 10, [tax("t", 50_000)]));
    const perLine = computeDocument(doc(lines));
    const perDocument = computeDocument(doc(lines, { rounding: "document" }));
    expect([perLine.taxTotal, perLine.total]).toEqual([3, 33]);
    expect([perDocument.taxTotal, perDocument.total]).toEqual([2, 32]);
    expect(perLine.lines.map((l) => l.tax)).toEqual([1, 1, 1]);
    expect(perDocument.lines.map((l) => l.tax)).toEqual([1, 1, 0]);
  });

  it("orders the tax breakdown by first appearance and adds up bases", () => {
    const a = tax("a", 100_000);
    const b = tax("b", 200_000);
    const totals = computeDocument(doc([line(10_000, 1000, [b]), line(10_000, 3000, [a, b])]));
    // b: 1000 × 20% + 3000 × 20% = 200 + 600; a: 3000 × 10% = 300.
    expect(totals.taxes.map((t) => [t.taxId, t.base, t.amount])).toEqual([
      ["b", 4000, 800],
      ["a", 3000, 300],
    ]);
    expect(totals.total).toBe(5100);
  });

  it("handles an empty document", () => {
    expect(computeDocument(doc([]))).toMatchObject({ subtotal: 0, taxTotal: 0, total: 0, lines: [], taxes: [] });
  });

  it("refuses bad input with a readable MoneyError", () => {
    const bad: [string, DocumentInput, RegExp][] = [
      ["unknown currency", doc([], { currency: "XYZ" }), /Unknown currency "XYZ"/],
      ["bad rounding", doc([], { rounding: "cents" as "line" }), /rounding/],
      ["rate over 100%", doc([line(10_000, 100, [tax("t", 1_000_001)])]), /between -100 and 100%/],
      // A negative rate down to −100% is a withholding tax (lib/money.withholding.test.ts).
      ["rate below -100%", doc([line(10_000, 100, [tax("t", -1_000_001)])]), /between -100 and 100%/],
      ["fractional quantity", doc([line(1.5, 100)]), /Line 1 quantity must be a whole number/],
      ["fractional price", doc([line(10_000, 0.5)]), /Line 1 unit price must be a whole number/],
      ["quantity out of range", doc([line(10 ** 10 + 1, 100)]), /quantity must be between -1000000 and 1000000/],
      ["price too large", doc([line(10_000, MAX_AMOUNT + 1)]), /too large to be handled exactly/],
      ["line amount too large", doc([line(10 ** 10, 10 ** 8)]), /too large to be handled exactly/],
      ["total too large", doc([line(10_000, MAX_AMOUNT), line(10_000, 1)]), /too large to be handled exactly/],
      ["negative discount amount", doc([line(10_000, 100, [], { discount: { type: "amount", amount: -1 } })]), /discount amount/],
      ["discount over 100%", doc([line(10_000, 100)], { discount: { type: "percent", rateE4: 1_000_001 } }), /between 0 and 100%/],
      ["tax twice on a line", doc([line(10_000, 100, [VAT20, VAT20])]), /applied twice/],
      ["inconsistent tax", doc([line(10_000, 100, [VAT20]), line(10_000, 100, [{ ...VAT20, rateE4: 100_000 }])]), /different settings/],
    ];
    for (const [name, input, message] of bad) {
      expect(() => computeDocument(input), name).toThrow(MoneyError);
      expect(() => computeDocument(input), name).toThrow(message);
    }
  });
});

describe("allocate", () => {
  it("splits by largest remainder and sums exactly", () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(500, [9000, 5000, 999])).toEqual([300, 167, 33]);
    expect(allocate(1000, [0, 1, 3])).toEqual([0, 250, 750]);
    expect(allocate(7, [1])).toEqual([7]);
  });

  it("mirrors negative amounts", () => {
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocate(-500, [9000, 5000, 999])).toEqual([-300, -167, -33]);
  });

  it("splits evenly when every weight is 0, earlier entries first", () => {
    expect(allocate(5, [0, 0])).toEqual([3, 2]);
    expect(allocate(-5, [0, 0, 0])).toEqual([-2, -2, -1]);
    expect(allocate(0, [])).toEqual([]);
  });

  it("accepts negative weights as long as they do not cancel out", () => {
    expect(allocate(10, [3, -1])).toEqual([15, -5]);
    expect(() => allocate(1, [1, -1])).toThrow(MoneyError);
    expect(() => allocate(1, [])).toThrow(MoneyError);
    expect(() => allocate(1.5, [1])).toThrow(MoneyError);
    expect(() => allocate(MAX_AMOUNT + 1, [1])).toThrow(/too large/);
  });
});

describe("parseMoney", () => {
  it("accepts plain and grouped amounts", () => {
    expect(parseMoney("1,234.56", "USD")).toBe(123_456);
    expect(parseMoney("1234.5", "USD")).toBe(123_450);
    expect(parseMoney("  12 ", "USD")).toBe(1200);
    expect(parseMoney("-3.10", "USD")).toBe(-310);
    expect(parseMoney(".5", "USD")).toBe(50);
    expect(parseMoney("0", "USD")).toBe(0);
    expect(Object.is(parseMoney("-0", "USD"), 0)).toBe(true);
    expect(parseMoney("1,234,567", "JPY")).toBe(1_234_567);
    expect(parseMoney("1.234", "BHD")).toBe(1234);
    expect(parseMoney("12.340", "USD")).toBe(1234); // a trailing zero loses nothing
    expect(parseMoney("100000000000.00", "USD")).toBe(MAX_AMOUNT);
  });

  it("refuses more decimals than the currency has", () => {
    expect(() => parseMoney("12.345", "USD")).toThrow("USD amounts can have at most 2 decimals");
    expect(() => parseMoney("1.5", "JPY")).toThrow("JPY amounts can have at most 0 decimals");
    expect(() => parseMoney("1.2345", "BHD")).toThrow("at most 3 decimals");
  });

  it("refuses text that is not an amount", () => {
    for (const text of ["abc", "", "   ", "1e5", "0x10", "1.2.3", "1,5", "1,23.45", "12,3456", "5.", ".", "-", "--1", "+1", "1 000", "Infinity", "NaN", "$5"]) {
      expect(() => parseMoney(text, "USD"), text).toThrow(MoneyError);
    }
  });

  it("refuses amounts too large to be handled exactly", () => {
    expect(() => parseMoney("12345678901234567890", "USD")).toThrow("too large to be handled exactly");
    expect(() => parseMoney("100000000000.01", "USD")).toThrow("too large to be handled exactly");
    expect(() => parseMoney("-10000000000001", "JPY")).toThrow("too large to be handled exactly");
    expect(() => parseMoney("9".repeat(400), "USD")).toThrow("too large to be handled exactly");
  });

  it("refuses unknown currencies", () => {
    expect(() => parseMoney("1", "usd")).toThrow(/Unknown currency/);
  });
});

describe("parseQuantity and parseRate", () => {
  it("parses quantities with up to 4 decimals, zero and negatives included", () => {
    expect(parseQuantity("1.5")).toBe(15_000);
    expect(parseQuantity("0.0001")).toBe(1);
    expect(parseQuantity("0")).toBe(0);
    expect(parseQuantity("-2")).toBe(-20_000);
    expect(parseQuantity("1,000")).toBe(10_000_000);
    expect(parseQuantity("1000000")).toBe(10 ** 10);
    expect(() => parseQuantity("0.00001")).toThrow("at most 4 decimals");
    expect(() => parseQuantity("1000000.0001")).toThrow("between -1000000 and 1000000");
    expect(() => parseQuantity("two")).toThrow(MoneyError);
  });

  it("parses rates in percent, 0 to 100 with up to 4 decimals", () => {
    expect(parseRate("20")).toBe(200_000);
    expect(parseRate("7.25")).toBe(72_500);
    expect(parseRate(" 7.25 % ")).toBe(72_500);
    expect(parseRate("9.975%")).toBe(99_750);
    expect(parseRate("0")).toBe(0);
    expect(parseRate("100")).toBe(1_000_000);
    expect(parseRate("0.0001")).toBe(1);
    expect(() => parseRate("100.0001")).toThrow("between 0 and 100%");
    expect(() => parseRate("-1")).toThrow("between 0 and 100%");
    expect(() => parseRate("0.00001")).toThrow("at most 4 decimals");
    expect(() => parseRate("%")).toThrow(MoneyError);
  });
});

describe("decimal strings and display", () => {
  it("writes exact decimal strings", () => {
    expect(toDecimalString(123_456, "USD")).toBe("1234.56");
    expect(toDecimalString(1234, "JPY")).toBe("1234");
    expect(toDecimalString(1234, "BHD")).toBe("1.234");
    expect(toDecimalString(-5, "USD")).toBe("-0.05");
    expect(toDecimalString(0, "USD")).toBe("0.00");
    expect(toDecimalString(-MAX_AMOUNT, "KWD")).toBe("-10000000000.000");
    expect(() => toDecimalString(1.5, "USD")).toThrow(MoneyError);
  });

  it("round-trips through parseMoney", () => {
    for (const [minor, currency] of [
      [123_456, "USD"],
      [-5, "USD"],
      [0, "EUR"],
      [1234, "JPY"],
      [-1, "BHD"],
      [MAX_AMOUNT, "USD"],
      [-MAX_AMOUNT, "KWD"],
    ] as const) {
      expect(parseMoney(toDecimalString(minor, currency), currency)).toBe(minor);
    }
  });

  it("writes quantities and rates without needless zeros", () => {
    expect(quantityToString(15_000)).toBe("1.5");
    expect(quantityToString(10_000)).toBe("1");
    expect(quantityToString(-5)).toBe("-0.0005");
    expect(quantityToString(0)).toBe("0");
    expect(quantityToString(1_000_000)).toBe("100");
    expect(rateToString(72_500)).toBe("7.25");
    expect(rateToString(200_000)).toBe("20");
    expect(rateToString(99_750)).toBe("9.975");
  });

  it("formats money with the table's decimals for the locale", () => {
    expect(formatMoney(123_456, "USD")).toBe("$1,234.56");
    expect(formatMoney(123_456, "EUR", "de-DE")).toBe("1.234,56\u00a0€");
    expect(formatMoney(1234, "JPY", "ja-JP")).toBe("￥1,234");
    expect(formatMoney(1234, "BHD")).toBe("BHD\u00a01.234");
    expect(formatMoney(-5, "USD")).toBe("-$0.05");
    expect(formatMoney(-123_456, "EUR", "de-DE")).toBe("-1.234,56\u00a0€");
    // Intl's own default for HUF is 0 decimals; ISO 4217 (our table) says 2.
    expect(formatMoney(123_456, "HUF")).toBe("HUF\u00a01,234.56");
    // Exact even beyond what a double could show (Intl gets the decimal string).
    expect(formatMoney(MAX_AMOUNT - 1, "USD")).toBe("$99,999,999,999.99");
    expect(() => formatMoney(1, "USD", "not a locale!")).toThrow(MoneyError);
  });

  it("formats rates", () => {
    expect(formatRate(72_500)).toBe("7.25%");
    expect(formatRate(200_000)).toBe("20%");
    expect(formatRate(99_750)).toBe("9.975%");
    expect(formatRate(1)).toBe("0.0001%");
    expect(formatRate(72_500, "de-DE")).toBe("7,25\u00a0%");
  });

  it("writes quantities and rate figures as a document's language reads them, exactly and ungrouped", () => {
    expect(formatQuantity(15_000)).toBe("1.5");
    expect(formatQuantity(15_000, "de-DE")).toBe("1,5");
    expect(formatQuantity(12_345_000, "fr-FR")).toBe("1234,5");
    expect(formatQuantity(12_345_000, "de-CH")).toBe("1234.5");
    expect(formatQuantity(1, "pl-PL")).toBe("0,0001");
    expect(formatRateFigure(72_500)).toBe("7.25");
    expect(formatRateFigure(72_500, "it-IT")).toBe("7,25");
    expect(formatRateFigure(200_000, "nl-NL")).toBe("20");
  });

  it("adds amounts with a range check", () => {
    expect(addAmounts(1, 2, 3)).toBe(6);
    expect(addAmounts()).toBe(0);
    expect(addAmounts(MAX_AMOUNT, -1)).toBe(MAX_AMOUNT - 1);
    expect(() => addAmounts(MAX_AMOUNT, 1)).toThrow("too large to be handled exactly");
    expect(() => addAmounts(0.1, 0.2)).toThrow(MoneyError);
  });
});

describe("currencies", () => {
  it("knows the minor units of ISO 4217 currencies", () => {
    const expected: Record<string, number> = { JPY: 0, KRW: 0, VND: 0, CLP: 0, ISK: 0, USD: 2, EUR: 2, GBP: 2, HUF: 2, IDR: 2, BHD: 3, KWD: 3, OMR: 3, JOD: 3, TND: 3, LYD: 3, IQD: 3 };
    for (const [code, exponent] of Object.entries(expected)) expect(currencyExponent(code), code).toBe(exponent);
    expect(isCurrency("USD")).toBe(true);
    expect(isCurrency("usd")).toBe(false);
    expect(isCurrency("XYZ")).toBe(false);
    expect(() => currencyExponent("XYZ")).toThrow(MoneyError);
  });

  it("lists codes sorted, unique, three capital letters", () => {
    expect([...CURRENCIES].sort()).toEqual(CURRENCIES);
    expect(new Set(CURRENCIES).size).toBe(CURRENCIES.length);
    for (const code of CURRENCIES) expect(code).toMatch(/^[A-Z]{3}$/);
    expect(CURRENCIES.length).toBe(155);
  });

  it("covers every currency Intl knows, apart from withdrawn codes and non-money units", () => {
    const withdrawnOrNotMoney = ["ANG", "BGN", "CUC", "HRK", "SLL", "ZWL", "XDR", "XSU"];
    const missing = Intl.supportedValuesOf("currency").filter((c) => !isCurrency(c) && !withdrawnOrNotMoney.includes(c));
    expect(missing).toEqual([]);
  });

  it("differs from Intl's default decimals only where CLDR differs from ISO 4217", () => {
    const knownCldrDifferences = ["AFN", "ALL", "COP", "HUF", "IDR", "IQD", "IRR", "KPW", "LAK", "LBP", "MGA", "MMK", "PKR", "RSD", "SOS", "SYP", "YER"];
    const differing = CURRENCIES.filter((code) => {
      const intlDigits = new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits;
      return intlDigits !== currencyExponent(code);
    });
    expect(differing.filter((code) => !knownCldrDifferences.includes(code))).toEqual([]);
  });
});

describe("sums beyond a single amount's range", () => {
  it("formats bigint sums exactly", () => {
    expect(sumToDecimalString(123_456_789_012_345_678n, "USD")).toBe("1234567890123456.78");
    expect(sumToDecimalString(-5n, "BHD")).toBe("-0.005");
    expect(formatMoneySum(-150_00n, "USD", "en-US")).toBe("-$150.00");
    expect(formatMoneySum(9_007_199_254_740_993n, "JPY", "en-US")).toBe("¥9,007,199,254,740,993");
  });
});

describe("ledger", () => {
  // An invoice of 120.00 (USD, cents), nothing paid or credited yet.
  const invoice = { total: 12_000, amountPaid: 0, amountCredited: 0, balance: 12_000 };

  it("balance = total − paid − credited", () => {
    expect(balanceDue(12_000, 0, 0)).toBe(12_000);
    expect(balanceDue(12_000, 5_000, 2_500)).toBe(4_500);
    expect(balanceDue(12_000, 12_000, 0)).toBe(0);
    expect(() => balanceDue(MAX_AMOUNT, -MAX_AMOUNT, 0)).toThrow(/too large/);
  });

  it("applies payments and credits until nothing is owed", () => {
    // 120.00 − 50.00 paid = 70.00; − 25.00 credited = 45.00; − 45.00 paid = 0.
    const paid = applyPayment(invoice, 5_000);
    expect(paid).toEqual({ total: 12_000, amountPaid: 5_000, amountCredited: 0, balance: 7_000 });
    const credited = applyCredit(paid, 2_500);
    expect(credited).toEqual({ total: 12_000, amountPaid: 5_000, amountCredited: 2_500, balance: 4_500 });
    expect(applyPayment(credited, 4_500)).toEqual({ total: 12_000, amountPaid: 9_500, amountCredited: 2_500, balance: 0 });
  });

  it("takes a deleted payment (refund) and a voided credit note back onto the balance", () => {
    const ledger = { total: 12_000, amountPaid: 9_500, amountCredited: 2_500, balance: 0 };
    // 0 + 45.00 = 45.00 owed again; then + 25.00 = 70.00.
    const refunded = reversePayment(ledger, 4_500);
    expect(refunded).toEqual({ total: 12_000, amountPaid: 5_000, amountCredited: 2_500, balance: 4_500 });
    expect(reverseCredit(refunded, 2_500)).toEqual({ total: 12_000, amountPaid: 5_000, amountCredited: 0, balance: 7_000 });
  });

  it("refuses an overpayment, an over-credit, taking back more than was paid or credited, and amounts of zero or less", () => {
    expect(() => applyPayment(invoice, 12_001)).toThrow(MoneyError);
    expect(() => applyCredit(applyPayment(invoice, 10_000), 2_001)).toThrow(/less than nothing/);
    expect(() => reversePayment(invoice, 1)).toThrow(/less than nothing/);
    expect(() => reverseCredit(invoice, 1)).toThrow(/less than nothing/);
    expect(() => applyPayment(invoice, 0)).toThrow(/greater than zero/);
    expect(() => applyCredit(invoice, -100)).toThrow(/greater than zero/);
    expect(() => applyPayment(invoice, 0.5)).toThrow(/whole number/);
  });
});

describe("documentDiscountShare", () => {
  it("is the chosen lines' share of the document discount, as an amount", () => {
    // Invoice: lines of 100.00 (own discount 10.00) and 50.00, 10% off the document: 9.00 + 5.00.
    // Stored line discounts: 10.00 + 9.00 = 19.00 and 5.00. Crediting the first line alone: its own
    // discount is 10.00, so 9.00 of the document discount comes along.
    expect(documentDiscountShare([1_900], 1_000)).toEqual({ type: "amount", amount: 900 });
    expect(documentDiscountShare([1_900, 500], 1_000)).toEqual({ type: "amount", amount: 1_400 });
  });

  it("is null when the chosen lines carry no share of it, or a negative one", () => {
    expect(documentDiscountShare([1_000], 1_000)).toBeNull();
    expect(documentDiscountShare([], 0)).toBeNull();
    // A negative line's share of a percent discount is negative: nothing to carry.
    expect(documentDiscountShare([-300], 0)).toBeNull();
  });
});

describe("key figures over sums", () => {
  it("adds sums beyond a single amount's range", () => {
    expect(addSums(10n ** 14n, 10n ** 14n, -5n)).toBe(2n * 10n ** 14n - 5n);
    expect(addSums()).toBe(0n);
  });

  it("changePerMille: 400.00 after 300.00 is +333.3‰ → 333, rounded half away from zero", () => {
    expect(changePerMille(40_000n, 30_000n)).toBe(333);
    expect(changePerMille(20_000n, 30_000n)).toBe(-333);
    // 1 after 8: −875‰ exactly; 1 after 16: −937.5‰ → −938 (away from zero).
    expect(changePerMille(1n, 8n)).toBe(-875);
    expect(changePerMille(1n, 16n)).toBe(-938);
    expect(changePerMille(5n, 0n)).toBeNull();
  });

  it("daysSalesOutstanding: 250.00 owed of 1000.00 invoiced over 30 days is 7.5 days", () => {
    expect(daysSalesOutstanding(25_000n, 100_000n, 30)).toBe(7.5);
    // 100 / 300 × 31 = 10.333… → 10.3; 200 / 300 × 31 = 20.666… → 20.7.
    expect(daysSalesOutstanding(100n, 300n, 31)).toBe(10.3);
    expect(daysSalesOutstanding(200n, 300n, 31)).toBe(20.7);
    expect(daysSalesOutstanding(100n, 0n, 30)).toBeNull();
    expect(daysSalesOutstanding(100n, 300n, 0)).toBeNull();
  });
});
