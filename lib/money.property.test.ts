import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CURRENCIES } from "./currencies";
import {
  MAX_AMOUNT,
  MoneyError,
  allocate,
  computeDocument,
  formatMoney,
  parseMoney,
  toDecimalString,
  type Discount,
  type DocumentInput,
  type DocumentTotals,
  type TaxInput,
} from "./money";

const RUNS = { numRuns: 500 };
const E6 = 1_000_000n;

// ---------------------------------------------------------------------------------------------
// An independent oracle, written from the rule in lib/money.ts with bigint fractions.

const absB = (v: bigint) => (v < 0n ? -v : v);
/** Round num / den half away from zero (den > 0), written differently from the module. */
const roundHalf = (num: bigint, den: bigint) => (num < 0n ? -1n : 1n) * ((2n * absB(num) + den) / (2n * den));
const sumB = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);
const sumN = (values: number[]) => values.reduce((a, b) => a + b, 0);
/** |value − num / den| ≤ bound / 2 (den > 0), i.e. within half a unit when bound = 1. */
const withinHalves = (value: bigint, num: bigint, den: bigint, halves: bigint) => 2n * absB(value * den - num) <= halves * den;

function discountOn(discount: Discount, base: bigint): bigint {
  if (!discount) return 0n;
  if (discount.type === "percent") return roundHalf(base * BigInt(discount.rateE4), E6);
  const amount = BigInt(discount.amount);
  return (base < 0n ? -1n : 1n) * (amount < absB(base) ? amount : absB(base));
}

/** Check every invariant and every rounding of the rule against the result. */
function checkDocument(input: DocumentInput, out: DocumentTotals) {
  // Every number is a safe integer within MAX_AMOUNT.
  const numbers = [
    out.subtotal, out.lineDiscountTotal, out.documentDiscountTotal, out.discountTotal, out.taxableTotal, out.taxTotal, out.total,
    ...out.lines.flatMap((l) => [l.net, l.lineDiscount, l.documentDiscount, l.taxable, l.tax, l.total, ...l.taxes.map((t) => t.amount)]),
    ...out.taxes.flatMap((t) => [t.base, t.amount]),
  ];
  for (const n of numbers) {
    expect(Number.isSafeInteger(n) && Math.abs(n) <= MAX_AMOUNT).toBe(true);
    expect(Object.is(n, -0)).toBe(false);
  }

  // The totals are sums of the lines.
  expect(out.lines).toHaveLength(input.lines.length);
  expect(out.subtotal).toBe(sumN(out.lines.map((l) => l.net)));
  expect(out.lineDiscountTotal).toBe(sumN(out.lines.map((l) => l.lineDiscount)));
  expect(out.documentDiscountTotal).toBe(sumN(out.lines.map((l) => l.documentDiscount)));
  expect(out.discountTotal).toBe(out.lineDiscountTotal + out.documentDiscountTotal);
  expect(out.taxableTotal).toBe(sumN(out.lines.map((l) => l.taxable)));
  expect(out.total).toBe(sumN(out.lines.map((l) => l.total)));
  expect(out.taxTotal).toBe(sumN(out.taxes.map((t) => t.amount)));
  expect(out.taxTotal).toBe(sumN(out.lines.map((l) => l.tax)));
  const exclusive = sumN(out.taxes.filter((t) => !t.inclusive).map((t) => t.amount));
  expect(out.total).toBe(out.subtotal - out.discountTotal + exclusive);

  // Net and discounts.
  const afterLine = input.lines.map((line, i) => {
    const l = out.lines[i]!;
    const net = roundHalf(BigInt(line.quantityE4) * BigInt(line.unitPrice), 10_000n);
    expect(BigInt(l.net)).toBe(net);
    expect(BigInt(l.lineDiscount)).toBe(discountOn(line.discount, net));
    expect(l.taxable).toBe(l.net - l.lineDiscount - l.documentDiscount);
    return net - BigInt(l.lineDiscount);
  });
  const s = sumB(afterLine);
  expect(BigInt(out.documentDiscountTotal)).toBe(discountOn(input.discount, s));
  input.lines.forEach((_, i) => {
    const share = BigInt(out.lines[i]!.documentDiscount);
    const w = afterLine[i]!;
    if (input.discount?.type === "percent") expect(withinHalves(share, w * BigInt(input.discount.rateE4), E6, 2n)).toBe(true);
    // exact share = D × w / s
    else if (s !== 0n) expect(withinHalves(share, BigInt(out.documentDiscountTotal) * w * (s < 0n ? -1n : 1n), absB(s), 2n)).toBe(true);
    else expect(share).toBe(0n);
  });

  // Taxes: the exact amount of every tax on every line, from the stage before (see the rule).
  type Exact = { taxId: string; amount: bigint; num: bigint; den: bigint; base: bigint };
  const exacts: Exact[] = [];
  input.lines.forEach((line, i) => {
    const l = out.lines[i]!;
    expect(l.taxes.map((t) => t.taxId)).toEqual(line.taxes.map((t) => t.id));
    expect(l.tax).toBe(sumN(l.taxes.map((t) => t.amount)));
    const amountOf = (t: TaxInput) => BigInt(l.taxes.find((x) => x.taxId === t.id)!.amount);
    const gross = BigInt(l.taxable);
    const inclusive = line.taxes.filter((t) => t.inclusive);
    const simple = line.taxes.filter((t) => !t.inclusive && !t.compound);
    const compound = line.taxes.filter((t) => !t.inclusive && t.compound);
    const inclusiveDen = E6 + sumB(inclusive.map((t) => BigInt(t.rateE4)));
    const base = gross - sumB(inclusive.map(amountOf));
    const compoundBase = base + sumB(simple.map(amountOf));
    const push = (t: TaxInput, num: bigint, den: bigint, b: bigint) => exacts.push({ taxId: t.id, amount: amountOf(t), num, den, base: b });
    for (const t of inclusive) push(t, gross * BigInt(t.rateE4), inclusiveDen, base);
    for (const t of simple) push(t, base * BigInt(t.rateE4), E6, base);
    for (const t of compound) push(t, compoundBase * BigInt(t.rateE4), E6, compoundBase);
    expect(BigInt(l.total)).toBe(gross + sumB([...simple, ...compound].map(amountOf)));
  });
  for (const e of exacts) {
    // "line": each line tax is its exact amount correctly rounded (within half a unit);
    // "document": within one unit (it is the floor or the ceiling of the exact amount).
    expect(withinHalves(e.amount, e.num, e.den, input.rounding === "line" ? 1n : 2n)).toBe(true);
  }
  const ids = [...new Set(input.lines.flatMap((l) => l.taxes.map((t) => t.id)))];
  expect(out.taxes.map((t) => t.taxId)).toEqual(ids);
  for (const t of out.taxes) {
    const mine = exacts.filter((e) => e.taxId === t.taxId);
    expect(BigInt(t.amount)).toBe(sumB(mine.map((e) => e.amount)));
    expect(BigInt(t.base)).toBe(sumB(mine.map((e) => e.base)));
    if (input.rounding === "document") {
      // Rounded once: the document amount is the exact sum rounded half away from zero.
      const den = mine.reduce((d, e) => d * e.den, 1n);
      expect(BigInt(t.amount)).toBe(roundHalf(sumB(mine.map((e) => e.num * (den / e.den))), den));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Generators

const rateE4 = fc.oneof(fc.constantFrom(0, 50_000, 72_500, 99_750, 100_000, 200_000, 1_000_000), fc.integer({ min: 0, max: 1_000_000 }));
const taxPool = fc
  .record({ rates: fc.tuple(rateE4, rateE4, rateE4, rateE4), lastInclusive: fc.boolean(), lastCompound: fc.boolean() })
  .map(({ rates: [a, b, c, d], lastInclusive, lastCompound }): TaxInput[] => [
    { id: "vat", name: "VAT", rateE4: a, inclusive: false, compound: false },
    { id: "incl", name: "Included", rateE4: b, inclusive: true, compound: false },
    { id: "comp", name: "Compound", rateE4: c, inclusive: false, compound: true },
    { id: "other", name: "Other", rateE4: d, inclusive: lastInclusive, compound: lastCompound },
  ]);
const discount = (maxAmount: number): fc.Arbitrary<Discount> =>
  fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    rateE4.map((r) => ({ type: "percent" as const, rateE4: r })),
    fc.integer({ min: 0, max: maxAmount }).map((a) => ({ type: "amount" as const, amount: a })),
  );
const quantityE4 = fc.oneof(
  fc.integer({ min: 1, max: 100 }).map((q) => q * 10_000),
  fc.integer({ min: -10_000_000, max: 10_000_000 }),
  fc.constantFrom(0, 1, 5_000, 3_333, -10_000),
);
const unitPrice = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 10_000_000 }), weight: 4 },
  { arbitrary: fc.integer({ min: -10_000_000, max: 0 }), weight: 1 },
  { arbitrary: fc.constantFrom(1, 5, 10, 99, 1999), weight: 1 },
);
const currency = fc.constantFrom("JPY", "KRW", "USD", "EUR", "BHD", "KWD");

const documentInput = (price = unitPrice, lineCount = { minLength: 1, maxLength: 30 }): fc.Arbitrary<DocumentInput> =>
  taxPool.chain((pool) =>
    fc.record({
      currency,
      rounding: fc.constantFrom("line" as const, "document" as const),
      discount: discount(50_000_000),
      lines: fc.array(
        fc.record({ quantityE4, unitPrice: price, discount: discount(10_000_000), taxes: fc.shuffledSubarray(pool, { minLength: 0, maxLength: 3 }) }),
        lineCount,
      ),
    }),
  );

function permute<T>(items: T[], keys: number[]): T[] {
  return items.map((item, i) => ({ item, key: keys[i] ?? 0, i })).sort((a, b) => a.key - b.key || a.i - b.i).map((x) => x.item);
}

/** What must not depend on line order: the totals, the breakdown per tax id, the multiset of lines. */
function orderFree(out: DocumentTotals) {
  const { lines, taxes, ...totals } = out;
  return {
    totals,
    taxes: [...taxes].sort((a, b) => (a.taxId < b.taxId ? -1 : 1)),
    lines: lines.map((l) => JSON.stringify(l)).sort(),
  };
}

// ---------------------------------------------------------------------------------------------

// Thousands of generated documents: give a loaded CI machine time (this bounds a hang, it measures nothing).
describe("computeDocument properties", { timeout: 60_000 }, () => {
  it("random documents satisfy every invariant and rounding exactly", () => {
    fc.assert(
      fc.property(documentInput(), (input) => {
        checkDocument(input, computeDocument(input));
      }),
      RUNS,
    );
  });

  it("huge documents either satisfy every invariant or throw 'too large', never overflow silently", () => {
    const hugePrice = fc.integer({ min: -MAX_AMOUNT, max: MAX_AMOUNT });
    let computed = 0;
    fc.assert(
      fc.property(documentInput(hugePrice, { minLength: 1, maxLength: 5 }), (input) => {
        let out: DocumentTotals;
        try {
          out = computeDocument(input);
        } catch (error) {
          expect(error).toBeInstanceOf(MoneyError);
          expect((error as Error).message).toMatch(/too large to be handled exactly/);
          return;
        }
        computed++;
        checkDocument(input, out);
      }),
      RUNS,
    );
    expect(computed).toBeGreaterThan(0);
  });

  it("totals do not depend on the order of the lines, in both rounding modes", () => {
    fc.assert(
      fc.property(documentInput(), fc.array(fc.integer(), { minLength: 30, maxLength: 30 }), (input, keys) => {
        const shuffled = { ...input, lines: permute(input.lines, keys) };
        expect(orderFree(computeDocument(shuffled))).toEqual(orderFree(computeDocument(input)));
      }),
      RUNS,
    );
  });

  it("ties in a split do not depend on line order (many identical amounts, different taxes)", () => {
    const tieDocument = taxPool.chain((pool) =>
      fc.record({
        currency: fc.constant("USD"),
        rounding: fc.constantFrom("line" as const, "document" as const),
        discount: fc.constantFrom<Discount>({ type: "amount", amount: 1 }, { type: "amount", amount: 5 }, { type: "percent", rateE4: 50_000 }),
        lines: fc.array(
          fc.record({ quantityE4: fc.constant(10_000), unitPrice: fc.constantFrom(10, 30), taxes: fc.shuffledSubarray(pool, { maxLength: 3 }) }),
          { minLength: 2, maxLength: 8 },
        ),
      }),
    );
    fc.assert(
      fc.property(tieDocument, fc.array(fc.integer(), { minLength: 8, maxLength: 8 }), (input, keys) => {
        const shuffled = { ...input, lines: permute(input.lines, keys) };
        expect(orderFree(computeDocument(shuffled))).toEqual(orderFree(computeDocument(input)));
      }),
      RUNS,
    );
  });
});

describe("allocate properties", () => {
  it("shares add up exactly and are within 1 of the exact proportional value", () => {
    const weights = fc.oneof(
      fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 30 }),
      fc.array(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), { minLength: 1, maxLength: 30 }),
      fc.array(fc.constantFrom(0, 1, 2, 3), { minLength: 1, maxLength: 30 }),
      fc.array(fc.constant(0), { minLength: 1, maxLength: 5 }),
    );
    fc.assert(
      fc.property(fc.integer({ min: -MAX_AMOUNT, max: MAX_AMOUNT }), weights, (amount, ws) => {
        const total = ws.reduce((a, b) => a + b, 0);
        const allZero = ws.every((w) => w === 0);
        if (total === 0 && !allZero && amount !== 0) {
          expect(() => allocate(amount, ws)).toThrow(MoneyError);
          return;
        }
        let shares: number[];
        try {
          shares = allocate(amount, ws);
        } catch (error) {
          // Only mixed-sign weights can push one share beyond the amount limit.
          expect((error as Error).message).toMatch(/too large/);
          return;
        }
        expect(shares).toHaveLength(ws.length);
        expect(sumN(shares)).toBe(amount);
        const effective = allZero ? ws.map(() => 1) : ws;
        const w = BigInt(sumN(effective)) || 1n;
        shares.forEach((share, i) => {
          expect(Number.isSafeInteger(share)).toBe(true);
          // |share − amount × w_i / W| < 1
          expect(absB(BigInt(share) * w - BigInt(amount) * BigInt(effective[i]!)) < absB(w)).toBe(true);
        });
        expect(allocate(-amount, ws)).toEqual(shares.map((s) => (s === 0 ? 0 : -s)));
      }),
      RUNS,
    );
  });
});

describe("parsing and formatting properties", () => {
  it("parseMoney(toDecimalString(x)) === x for every amount within MAX_AMOUNT in every currency", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -MAX_AMOUNT, max: MAX_AMOUNT }), fc.integer({ min: -1000, max: 1000 }), fc.constantFrom(MAX_AMOUNT, -MAX_AMOUNT, 0)),
        fc.constantFrom(...CURRENCIES),
        (minor, code) => {
          const text = toDecimalString(minor, code);
          expect(parseMoney(text, code)).toBe(minor);
          // Display shows exactly the same digits (no float rounding on the way to Intl).
          expect(formatMoney(minor, code).replace(/\D/g, "")).toBe(text.replace(/\D/g, ""));
        },
      ),
      RUNS,
    );
  });

  it("grouped input parses like plain input", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_AMOUNT }), (minor) => {
        const [whole = "", cents = ""] = toDecimalString(minor, "USD").split(".");
        const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ",");
        expect(parseMoney(`${grouped}.${cents}`, "USD")).toBe(minor);
        expect(parseMoney(`-${grouped}.${cents}`, "USD")).toBe(minor === 0 ? 0 : -minor);
      }),
      RUNS,
    );
  });
});
