import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_FEE_RATE_BP, MoneyError, passThroughFee, toStripeAmount } from "./money";

/**
 * The pass-through fee, worked by hand, and the two properties that make it right: the merchant
 * nets the whole amount after the processor's rate and fixed part and the fee's tax, and one
 * minor unit less of fee would not.
 */

/** What the merchant keeps, less the amount, ×10⁴ (exact): the processor takes r·charged + f, the state the fee's tax. */
const surplusBp = (amount: number, fee: { amount: number; tax: number }, rateBp: number, fixed: number) => {
  const charged = BigInt(amount + fee.amount);
  return (charged - BigInt(fee.tax) - BigInt(fixed)) * 10_000n - BigInt(rateBp) * charged - BigInt(amount) * 10_000n;
};
/** Tax on a net fee, half away from zero (the module's rule), written independently. */
const taxOf = (net: number, rateE4: number) => Number((2n * BigInt(net) * BigInt(rateE4) + 1_000_000n) / 2_000_000n);

describe("passThroughFee", () => {
  it("€100.00 at 2.9 % + €0.30, untaxed: ceil((10000 + 30) / 0.971) − 10000 = 10330 − 10000 = 330", () => {
    // 10030 / 0.971 = 10329.557…; with 329 the merchant would keep 10329 − 299.541 − 30 = 9999.459.
    expect(passThroughFee(10_000, 290, 30)).toEqual({ net: 330, tax: 0, amount: 330 });
  });

  it("€100.00 at 2.9 % + €0.30, fee taxed at 20 %: net ceil(320 / 0.9652) = 332, tax 66.4 → 66, fee 398", () => {
    // Charged 10398: Stripe takes 301.542 + 30, the state 66, the merchant keeps 10000.458.
    // Net 331 (tax 66.2 → 66): charged 10397, kept 10397 − 331.513 − 66 = 9999.487, short.
    expect(passThroughFee(10_000, 290, 30, 200_000)).toEqual({ net: 332, tax: 66, amount: 398 });
  });

  it("¥5000 at 3.6 %, no fixed part, fee taxed at 10 %: net ceil(180 / 0.9604) = 188, tax 18.8 → 19, fee 207", () => {
    expect(passThroughFee(5_000, 360, 0, 100_000)).toEqual({ net: 188, tax: 19, amount: 207 });
  });

  it("a fixed part alone is passed on as it is; no rate and no fixed part is no fee", () => {
    expect(passThroughFee(2_500, 0, 25)).toEqual({ net: 25, tax: 0, amount: 25 });
    expect(passThroughFee(2_500, 0, 0, 200_000)).toEqual({ net: 0, tax: 0, amount: 0 });
  });

  it("refuses rates above 20 %, negative parts and a zero amount", () => {
    expect(() => passThroughFee(1_000, 2_001, 0)).toThrow(MoneyError);
    expect(() => passThroughFee(1_000, 290, -1)).toThrow(MoneyError);
    expect(() => passThroughFee(0, 290, 30)).toThrow(MoneyError);
    expect(() => passThroughFee(1_000, 290.5, 30)).toThrow(MoneyError);
  });

  it("always nets the full amount, and one unit less of net fee would not (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 ** 11 }),
        fc.integer({ min: 0, max: MAX_FEE_RATE_BP }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.constantFrom(0, 50_000, 70_000, 100_000, 190_000, 200_000, 255_000, 1_000_000),
        (amount, rateBp, fixed, taxRateE4) => {
          const fee = passThroughFee(amount, rateBp, fixed, taxRateE4);
          expect(fee.tax).toBe(taxOf(fee.net, taxRateE4));
          expect(fee.amount).toBe(fee.net + fee.tax);
          expect(surplusBp(amount, fee, rateBp, fixed) >= 0n).toBe(true);
          if (fee.net > 0) {
            const less = { amount: fee.net - 1 + taxOf(fee.net - 1, taxRateE4), tax: taxOf(fee.net - 1, taxRateE4) };
            expect(surplusBp(amount, less, rateBp, fixed) < 0n).toBe(true);
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("with no tax it is exactly ceil((A + f) / (1 − r)) − A (the issue's formula)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 11 }), fc.integer({ min: 0, max: MAX_FEE_RATE_BP }), fc.integer({ min: 0, max: 100_000 }), (amount, rateBp, fixed) => {
        const num = BigInt(amount + fixed) * 10_000n;
        const den = 10_000n - BigInt(rateBp);
        const gross = (num + den - 1n) / den;
        expect(passThroughFee(amount, rateBp, fixed).amount).toBe(Number(gross) - amount);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe("toStripeAmount", () => {
  it("sends our minor units as they are for two- and zero-decimal currencies", () => {
    expect(toStripeAmount(12_345, "EUR")).toBe(12_345);
    expect(toStripeAmount(5_000, "JPY")).toBe(5_000);
  });

  it("does not offer ISK and MGA online, whose Stripe unit differs from ISO 4217 (amounts coming back would need converting)", () => {
    expect(toStripeAmount(1_500, "ISK")).toBeNull();
    expect(toStripeAmount(250_000, "MGA")).toBeNull();
  });

  it("three-decimal currencies only to the hundredth: 5.120 KWD → 5120, 5.124 KWD cannot be charged exactly", () => {
    expect(toStripeAmount(5_120, "KWD")).toBe(5_120);
    expect(toStripeAmount(5_124, "KWD")).toBeNull();
    expect(toStripeAmount(1_000, "BHD")).toBe(1_000);
  });
});
