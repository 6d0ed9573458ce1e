/** percentOf: the late fee's percent of a balance, worked by hand. */
import { describe, expect, it } from "vitest";
import { MoneyError, percentOf } from "./money";

describe("percentOf", () => {
  it("takes the percent of the amount in minor units", () => {
    // 1,234.56 × 1.5 % = 18.5184 → 18.52
    expect(percentOf(123_456, 15_000)).toBe(1_852);
    // 200.00 × 10 % = 20.00 exactly
    expect(percentOf(20_000, 100_000)).toBe(2_000);
    // 100 % is the amount itself
    expect(percentOf(98_765, 1_000_000)).toBe(98_765);
  });
  it("rounds halves away from zero", () => {
    // 0.50 × 1 % = 0.005 → 0.01
    expect(percentOf(50, 10_000)).toBe(1);
    // 0.49 × 1 % = 0.0049 → 0.00
    expect(percentOf(49, 10_000)).toBe(0);
    // −0.50 × 1 % = −0.005 → −0.01
    expect(percentOf(-50, 10_000)).toBe(-1);
    // 0.40 × 1 % = 0.004 → 0: no fee
    expect(percentOf(40, 10_000)).toBe(0);
  });
  it("is zero for a zero rate or amount", () => {
    expect(percentOf(123_456, 0)).toBe(0);
    expect(percentOf(0, 15_000)).toBe(0);
  });
  it("refuses rates outside 0–100 % and fractional amounts", () => {
    expect(() => percentOf(100, 1_000_001)).toThrow(MoneyError);
    expect(() => percentOf(100, -1)).toThrow(MoneyError);
    expect(() => percentOf(1.5, 10_000)).toThrow(MoneyError);
  });
});
