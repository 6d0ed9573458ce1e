import { describe, expect, it } from "vitest";
import { lineVatBase, netOfInclusiveVat, unitPriceString, vatWithinOneUnit } from "./money";

describe("e-invoice figures", () => {
  it("lineVatBase: taxable less the inclusive taxes inside it", () => {
    // Exclusive: taxable 100.00, VAT 19.00 on top, total 119.00 → base 100.00.
    expect(lineVatBase({ taxable: 10_000, tax: 1_900, total: 11_900 })).toBe(10_000);
    // Inclusive: 119.00 with 19.00 inside, total 119.00 → base 100.00.
    expect(lineVatBase({ taxable: 11_900, tax: 1_900, total: 11_900 })).toBe(10_000);
    // Inclusive with IRPF −15% on the base: tax 19.00 − 15.00 = 4.00, total 119.00 − 15.00 = 104.00 → base 100.00.
    expect(lineVatBase({ taxable: 11_900, tax: 400, total: 10_400 })).toBe(10_000);
  });

  it("netOfInclusiveVat: gross / (1 + rate), halves away from zero", () => {
    expect(netOfInclusiveVat(600, 190_000)).toBe(504); // 504.20
    expect(netOfInclusiveVat(-600, 190_000)).toBe(-504);
    expect(netOfInclusiveVat(107, 70_000)).toBe(100); // 100.0
    expect(netOfInclusiveVat(119, 190_000)).toBe(100);
    expect(netOfInclusiveVat(5, 0)).toBe(5);
    expect(netOfInclusiveVat(1_605, 70_000)).toBe(1_500);
    // A half: 0.03 at 100% is 0.015 → 0.02 (half away from zero), −0.015 → −0.02.
    expect(netOfInclusiveVat(3, 1_000_000)).toBe(2);
    expect(netOfInclusiveVat(-3, 1_000_000)).toBe(-2);
  });

  it("unitPriceString: amount ÷ quantity, up to 6 decimals, at least the currency's", () => {
    expect(unitPriceString(5_039, 30_000, "EUR")).toBe("16.796667");
    expect(unitPriceString(840, 10_000, "EUR")).toBe("8.40");
    expect(unitPriceString(85_000, 100_000, "EUR")).toBe("85.00");
    expect(unitPriceString(1_000, 30_000, "JPY")).toBe("333.333333");
    expect(unitPriceString(900, 20_000, "JPY")).toBe("450");
    expect(unitPriceString(12_345, 10_000, "KWD")).toBe("12.345");
    expect(unitPriceString(-30_000, 10_000, "EUR")).toBe("-300.00");
    expect(unitPriceString(100, 15_000, "EUR")).toBe("0.666667");
    expect(unitPriceString(700, 0, "EUR")).toBe("7.00");
  });

  it("vatWithinOneUnit: strictly under one currency unit of taxable × rate", () => {
    expect(vatWithinOneUnit(572, 3_008, 190_000, "EUR")).toBe(true); // 5.7152
    expect(vatWithinOneUnit(33, 315, 100_000, "JPY")).toBe(false); // 31.5, 1.5 away
    expect(vatWithinOneUnit(32, 315, 100_000, "JPY")).toBe(true); // 0.5 away
    expect(vatWithinOneUnit(1_100, 1_000, 1_000_000, "EUR")).toBe(false); // 10.00 × 100% = 10.00, 11.00 is 1.00 away
    expect(vatWithinOneUnit(1_099, 1_000, 1_000_000, "EUR")).toBe(true); // 0.99 away
    expect(vatWithinOneUnit(901, 1_000, 1_000_000, "EUR")).toBe(true);
  });
});
