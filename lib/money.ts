/**
 * Money: the one place where invoice amounts are parsed, computed, rounded and formatted.
 * The editor preview, saved totals, PDF, public page, CSV exports and reports all call this
 * module, so they cannot disagree by a cent. It is pure, runs in the browser and in Node, and
 * never does float arithmetic on money: amounts are integers in minor units (cents), all
 * arithmetic is done on bigint, and results are converted back with range checks. (Over 300 lines
 * on purpose: the rule is one module for every money computation, so the rounding rule, the
 * ledger, parsing and formatting share its checked integer helpers here.)
 *
 * Representations
 * - amount: safe integer in minor units of the document currency (USD 12.34 → 1234;
 *   JPY 1234 → 1234; BHD 1.234 → 1234); |amount| ≤ MAX_AMOUNT (10^13) for every single
 *   amount and total, else MoneyError "too large to be handled exactly".
 * - quantityE4: quantity × 10^4 (1.5 → 15000); |quantityE4| ≤ 10^10 (one million units).
 *   Negative quantities (returns, credits) and zero are allowed.
 * - rateE4: percent × 10^4 (20% → 200000, 7.25% → 72500); 0 ≤ rateE4 ≤ 10^6 (0–100%).
 *   A tax rate may also be negative, down to −10^6 (−100%): a WITHHOLDING tax (Spain's IRPF
 *   −15%, Italy's ritenuta d'acconto). It is always exclusive and never compound (else
 *   MoneyError); it is computed in stage 5b below like any simple exclusive tax, so its amount is
 *   negative and lowers the total. taxTotal stays Σ every tax amount (total = taxable + exclusive
 *   taxes still holds); callers that want VAT only filter the breakdown by the sign of the rate.
 *   A compound tax's base never includes a withholding (it is not a tax the buyer pays on top).
 *
 * THE ROUNDING RULE
 * Every rounding is half away from zero (0.125 → 0.13, −0.125 → −0.13), done once on an exact
 * bigint fraction, never on a float. Per line, in this order:
 *  1. net = round(quantityE4 × unitPrice / 10^4).
 *  2. line discount: percent → round(net × rateE4 / 10^6); amount → the amount, clamped to |net|,
 *     with the sign of net. afterLine = net − line discount.
 *  3. document discount: D = round(Σ afterLine × rateE4 / 10^6) for a percent, or the amount
 *     clamped to |Σ afterLine| with its sign. D is split over the lines by largest remainder
 *     (each line gets the floor or the ceiling of its exact share: afterLine × rate for a percent,
 *     D × afterLine / Σ afterLine for an amount), so the line shares add up to D exactly.
 *  4. taxable (the line's "gross" when it has inclusive taxes) = afterLine − document discount.
 *  5. taxes, in three stages; each stage works on the integer results of the stage before:
 *     a. inclusive taxes: tax = taxable × rate / (1 + Σ the line's inclusive rates);
 *        base = taxable − Σ inclusive taxes, so base + inclusive taxes = taxable exactly.
 *        (The compound flag is ignored on an inclusive tax.)
 *     b. non-compound exclusive taxes: tax = base × rate.
 *     c. compound exclusive taxes: tax = (base + Σ the line's non-compound exclusive taxes) × rate.
 *        Compound taxes do not compound on each other.
 *     rounding "line": every tax of every line is rounded on its own; a tax's document amount is
 *     the sum of its line amounts. rounding "document": per tax id, the exact line amounts of the
 *     stage are added up and rounded once; that amount is split back over the lines by largest
 *     remainder (each line gets the floor or the ceiling of its exact amount). Either way the
 *     line amounts add up to the document amount exactly.
 *  6. line total = taxable + exclusive taxes (inclusive taxes are already inside taxable).
 * Ties in a largest-remainder split go to the line whose content sorts first (then the first
 * such line), so the totals never depend on the order of the lines.
 * Invariants: Σ line totals = total = subtotal − discountTotal + Σ exclusive taxes;
 * Σ breakdown amounts = Σ line taxes = taxTotal; each breakdown base is Σ of the line bases
 * (for a compound tax: base + prior non-compound taxes).
 */
import { MoneyError, MoneyTooLargeError, currencyExponent } from "./currencies";

export { MoneyError, MoneyTooLargeError, CURRENCIES, currencyExponent, isCurrency } from "./currencies";

export const MAX_AMOUNT = 10 ** 13;
export const MAX_QUANTITY_E4 = 10 ** 10;
export const MAX_RATE_E4 = 1_000_000;

export type Rounding = "line" | "document";
export type Discount = { type: "percent"; rateE4: number } | { type: "amount"; amount: number } | null | undefined;
export type TaxInput = { id: string; name: string; rateE4: number; inclusive: boolean; compound: boolean };
export type LineInput = { quantityE4: number; unitPrice: number; discount?: Discount; taxes: TaxInput[] };
export type DocumentInput = { currency: string; rounding: Rounding; lines: LineInput[]; discount?: Discount };
export type LineTotals = {
  net: number;
  lineDiscount: number;
  /** The line's net amount as shown on its line (EN 16931 BT-131): net − lineDiscount. */
  amount: number;
  documentDiscount: number;
  taxable: number;
  taxes: { taxId: string; amount: number }[];
  tax: number;
  total: number;
};
export type TaxLine = { taxId: string; name: string; rateE4: number; inclusive: boolean; compound: boolean; base: number; amount: number };
export type DocumentTotals = {
  currency: string;
  subtotal: number;
  lineDiscountTotal: number;
  /** Σ line amounts (BT-106): subtotal − lineDiscountTotal, what the summary's "Subtotal" shows. */
  lineAmountTotal: number;
  documentDiscountTotal: number;
  discountTotal: number;
  taxableTotal: number;
  taxTotal: number;
  total: number;
  lines: LineTotals[];
  taxes: TaxLine[];
};

const E4 = 10_000n;
const E6 = 1_000_000n;
const BIG_MAX = BigInt(MAX_AMOUNT);

// ---------------------------------------------------------------------------------------------
// Integer helpers

const QUANTITY_RANGE = "must be between -1000000 and 1000000";
const RATE_RANGE = "must be between 0 and 100%";

/** A safe integer within [min, max] (in internal units), else MoneyError with a readable message. */
function checkInteger(value: unknown, what: string, min: number, max: number, range?: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    throw new MoneyError(`${what} must be a whole number (got ${String(value)}).`);
  }
  if (value > max || value < min) {
    if (max === MAX_AMOUNT && min === -MAX_AMOUNT) throw tooLarge(what);
    throw new MoneyError(`${what} ${range ?? `must be between ${min} and ${max}`}.`);
  }
  return value;
}

const checkAmount = (value: unknown, what: string) => checkInteger(value, what, -MAX_AMOUNT, MAX_AMOUNT);
const checkRate = (value: unknown, what: string) => checkInteger(value, what, 0, MAX_RATE_E4, RATE_RANGE);
const SIGNED_RATE_RANGE = "must be between -100 and 100%";

/** A tax's rate: 0–100%, or a withholding down to −100% that must be exclusive and not compound. */
function checkTaxRate(tax: TaxInput, what: string): number {
  const rate = checkInteger(tax.rateE4, what, -MAX_RATE_E4, MAX_RATE_E4, SIGNED_RATE_RANGE);
  if (rate < 0 && tax.inclusive) {
    throw new MoneyError(`Tax "${tax.name}" has a negative rate (a withholding tax), so it cannot be included in prices.`);
  }
  if (rate < 0 && tax.compound) {
    throw new MoneyError(`Tax "${tax.name}" has a negative rate (a withholding tax), so it cannot be compound.`);
  }
  return rate;
}

/** A withholding tax: a negative rate, deducted from the total (see the representations above). */
export const isWithholding = (tax: { rateE4: number }) => tax.rateE4 < 0;
const tooLarge = (what: string) => new MoneyTooLargeError(`${what} is too large to be handled exactly.`);

/** bigint → number, throwing when outside ±MAX_AMOUNT. */
function toAmount(value: bigint, what: string): number {
  if (value > BIG_MAX || value < -BIG_MAX) throw tooLarge(what);
  return Number(value);
}

const sum = (values: readonly bigint[]) => values.reduce((a, b) => a + b, 0n);
const abs = (v: bigint) => (v < 0n ? -v : v);
const sign = (v: bigint) => (v < 0n ? -1n : 1n);
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? abs(a) : gcd(b, a % b));
const lcm = (a: bigint, b: bigint) => (a / gcd(a, b)) * b;

function floorDiv(n: bigint, d: bigint): bigint {
  const q = n / d; // d > 0; bigint division truncates toward zero
  return n % d < 0n ? q - 1n : q;
}

function at<T>(array: readonly T[], index: number): T {
  const value = array[index];
  if (value === undefined) throw new Error(`money: index ${index} out of range`);
  return value;
}

/** numerator / denominator rounded to the nearest integer, halves away from zero. */
export function roundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new MoneyError("Cannot divide by zero.");
  const n = abs(numerator);
  const d = abs(denominator);
  const q = n / d + (2n * (n % d) >= d ? 1n : 0n);
  return (numerator < 0n) !== (denominator < 0n) ? -q : q;
}

/**
 * Largest-remainder rounding: integers s[i] with Σ s = total, each s[i] = floor or ceiling of
 * nums[i] / den (den > 0). Requires Σfloor ≤ total ≤ Σceil, which holds whenever total is the
 * rounded (or exact) Σ nums / den. Leftover units go to the largest fractional parts; ties to
 * the smallest key, then the lowest index. Negative totals are handled as the mirror image of
 * the positive case, so splitting −x gives exactly −(split of x).
 */
function apportion(nums: readonly bigint[], den: bigint, total: bigint, keys?: readonly string[]): bigint[] {
  const s = sum(nums);
  if (total < 0n || (total === 0n && s < 0n)) {
    return apportion(nums.map((n) => -n), den, -total, keys).map((v) => -v);
  }
  const shares = nums.map((n) => floorDiv(n, den));
  const rems = nums.map((n, i) => n - at(shares, i) * den);
  let left = total - sum(shares);
  const order = nums.map((_, i) => i);
  order.sort((a, b) => {
    const byRem = at(rems, b) - at(rems, a);
    if (byRem !== 0n) return byRem > 0n ? 1 : -1;
    const ka = keys?.[a] ?? "";
    const kb = keys?.[b] ?? "";
    return ka < kb ? -1 : ka > kb ? 1 : a - b;
  });
  for (const i of order) {
    if (left === 0n) break;
    if (at(rems, i) === 0n) break;
    shares[i] = at(shares, i) + 1n;
    left -= 1n;
  }
  if (left !== 0n) throw new Error("money: apportion total out of range");
  return shares;
}

/**
 * Split `amount` into integer shares proportional to `weights`, adding up to `amount` exactly
 * (largest remainder: each share is the floor or the ceiling of amount × weight / Σ weights,
 * so it is within 1 of its exact value; leftover units go to the largest fractional parts,
 * ties to the earlier entry). Weights are integers and may be 0 or negative. When every weight
 * is 0 the amount is split evenly (earlier entries get the leftover units). A negative amount
 * is split as the mirror image of the positive one. Throws when weights add up to 0 without
 * all being 0, or when there are no weights, unless the amount is 0.
 */
export function allocate(amount: number, weights: number[]): number[] {
  const total = BigInt(checkAmount(amount, "Amount to allocate"));
  let ws = weights.map((w) => BigInt(checkInteger(w, "Weight", Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)));
  if (total === 0n) return ws.map(() => 0);
  if (ws.length === 0) throw new MoneyError("Cannot allocate an amount over no shares.");
  let w = sum(ws);
  if (w === 0n) {
    if (ws.some((x) => x !== 0n)) throw new MoneyError("Cannot allocate an amount over weights that add up to zero.");
    ws = ws.map(() => 1n);
    w = BigInt(ws.length);
  }
  const shares = apportion(ws.map((x) => total * x * sign(w)), abs(w), total);
  return shares.map((v) => toAmount(v, "An allocated share"));
}

/** Checked sum of amounts: every amount and the result must be within ±MAX_AMOUNT. */
export function addAmounts(...amounts: number[]): number {
  return toAmount(sum(amounts.map((a) => BigInt(checkAmount(a, "Amount")))), "The sum");
}

// ---------------------------------------------------------------------------------------------
// Ledger: what an issued invoice still owes. The database holds the same rule
// (documents_ledger_check): balance = total − paid − credited. Payments and credits only ever
// reduce the balance to 0 at most; deleting a payment (the app's refund) or voiding a credit note
// puts the amount back.

export type Ledger = { total: number; amountPaid: number; amountCredited: number; balance: number };

/** total − paid − credited. */
export function balanceDue(total: number, amountPaid: number, amountCredited: number): number {
  const [t, p, c] = [total, amountPaid, amountCredited].map((a) => BigInt(checkAmount(a, "Amount")));
  return toAmount(t! - p! - c!, "The balance");
}

function settled(ledger: Ledger, amountPaid: bigint, amountCredited: bigint, what: string): Ledger {
  const paid = toAmount(amountPaid, "The amount paid");
  const credited = toAmount(amountCredited, "The amount credited");
  const balance = balanceDue(ledger.total, paid, credited);
  if (paid < 0 || credited < 0 || balance < 0) throw new MoneyError(`${what} would leave the invoice owing less than nothing.`);
  return { total: ledger.total, amountPaid: paid, amountCredited: credited, balance };
}

const positive = (amount: number, what: string) => {
  if (checkAmount(amount, what) <= 0) throw new MoneyError(`${what} must be greater than zero.`);
  return BigInt(amount);
};

/** The ledger after a payment of `amount` (> 0, at most the balance). */
export function applyPayment(ledger: Ledger, amount: number): Ledger {
  return settled(ledger, BigInt(ledger.amountPaid) + positive(amount, "A payment"), BigInt(ledger.amountCredited), "The payment");
}

/** The ledger after a payment of `amount` is taken back (deleted: the money was refunded or never came). */
export function reversePayment(ledger: Ledger, amount: number): Ledger {
  return settled(ledger, BigInt(ledger.amountPaid) - positive(amount, "A payment"), BigInt(ledger.amountCredited), "Taking the payment back");
}

/** The ledger after a credit note of `amount` (> 0, at most the balance) is issued against the invoice. */
export function applyCredit(ledger: Ledger, amount: number): Ledger {
  return settled(ledger, BigInt(ledger.amountPaid), BigInt(ledger.amountCredited) + positive(amount, "A credit"), "The credit");
}

/** The ledger after a credit note of `amount` is voided: the invoice owes it again. */
export function reverseCredit(ledger: Ledger, amount: number): Ledger {
  return settled(ledger, BigInt(ledger.amountPaid), BigInt(ledger.amountCredited) - positive(amount, "A credit"), "Voiding the credit");
}

/**
 * A partial credit note's share of the invoice's whole-document discount, as an amount discount:
 * the chosen lines' stored discounts (each line's own discount plus its share of the document
 * discount) minus their own line discounts. So crediting some lines never gives back more than the
 * customer was charged for them. null when the chosen lines carry no share (or a negative one).
 */
export function documentDiscountShare(storedLineDiscounts: number[], ownLineDiscountTotal: number): Discount {
  const stored = sum(storedLineDiscounts.map((d) => BigInt(checkAmount(d, "A line discount"))));
  const share = toAmount(stored - BigInt(checkAmount(ownLineDiscountTotal, "The line discounts")), "The discount share");
  return share > 0 ? { type: "amount", amount: share } : null;
}

// ---------------------------------------------------------------------------------------------
// Online payments (Stripe). The gateway has already taken the money, so the ledger records it
// even when it overpays: the balance may go below zero (the owner settles the difference with a
// credit note or a refund). Amounts paid never go below zero.

function gatewaySettled(ledger: Ledger, amountPaid: bigint, what: string): Ledger {
  const paid = toAmount(amountPaid, "The amount paid");
  if (paid < 0) throw new MoneyError(`${what} would take back more than was paid.`);
  return { total: ledger.total, amountPaid: paid, amountCredited: ledger.amountCredited, balance: balanceDue(ledger.total, paid, ledger.amountCredited) };
}

/** The ledger after an online payment of `amount` (> 0); unlike applyPayment it may leave a negative balance (an overpayment). */
export function applyGatewayPayment(ledger: Ledger, amount: number): Ledger {
  return gatewaySettled(ledger, BigInt(ledger.amountPaid) + positive(amount, "A payment"), "The payment");
}

/** The ledger after `amount` (> 0) of an online payment was refunded: the balance re-opens. */
export function applyGatewayRefund(ledger: Ledger, amount: number): Ledger {
  return gatewaySettled(ledger, BigInt(ledger.amountPaid) - positive(amount, "A refund"), "The refund");
}

/** How much an invoice was overpaid by (0 unless its balance is below zero). */
export function overpaidBy(balance: number): number {
  return checkAmount(balance, "The balance") < 0 ? -balance : 0;
}

/**
 * Stripe reports a charge's refunds as a running total (amount_refunded). The refund still to
 * record is that total minus the refunds already recorded for the charge; 0 when an older
 * (smaller) total arrives after a newer one.
 */
export function refundStillToRecord(cumulativeRefunded: number, alreadyRecorded: number): number {
  const step = BigInt(checkAmount(cumulativeRefunded, "The amount refunded")) - BigInt(checkAmount(alreadyRecorded, "The refunds recorded"));
  return step > 0n ? toAmount(step, "The refund") : 0;
}

/** What a Checkout payment paid towards the invoice: the amount charged minus the pass-through fee on top. */
export function amountBeforeFee(charged: number, fee: number): number {
  return toAmount(BigInt(checkAmount(charged, "The amount charged")) - BigInt(checkAmount(fee, "The fee")), "The amount paid");
}

// ---------------------------------------------------------------------------------------------
// Key figures over sums (dashboard): sums of many amounts may exceed MAX_AMOUNT, so bigint in and out.

/** Σ of sums of minor units. */
export function addSums(...sums: bigint[]): bigint {
  return sum(sums);
}

/** Change against the previous period in per-mille (12.5% → 125), half away from zero; null when there was nothing before. */
export function changePerMille(current: bigint, previous: bigint): number | null {
  if (previous === 0n) return null;
  return Number(roundHalfAwayFromZero((current - previous) * 1000n, abs(previous)));
}

/** Days sales outstanding: outstanding ÷ invoiced × days, to one decimal (halves up); null without sales or days. */
export function daysSalesOutstanding(outstanding: bigint, invoiced: bigint, days: number): number | null {
  if (invoiced <= 0n || days <= 0) return null;
  return Number((outstanding * BigInt(days) * 20n + invoiced) / (invoiced * 2n)) / 10;
}

// ---------------------------------------------------------------------------------------------
// Document computation

type Prepared = { taxes: TaxInput[]; net: bigint; lineDiscount: bigint; afterLine: bigint; key: string };
type Exact = { line: number; slot: number; taxId: string; num: bigint; den: bigint };

function checkDiscount(discount: Discount, what: string): Discount {
  if (discount === null || discount === undefined) return discount;
  if (discount.type === "percent") checkRate(discount.rateE4, `${what} rate`);
  else if (discount.type === "amount") checkInteger(discount.amount, `${what} amount`, 0, MAX_AMOUNT);
  else throw new MoneyError(`${what} must be a percent or an amount.`);
  return discount;
}

/** The discount on `base`: a rounded percent of it, or an amount clamped to |base| with its sign. */
function discountOn(discount: Discount, base: bigint): bigint {
  if (!discount) return 0n;
  if (discount.type === "percent") return roundHalfAwayFromZero(base * BigInt(discount.rateE4), E6);
  const amount = BigInt(discount.amount);
  return sign(base) * (amount < abs(base) ? amount : abs(base));
}

function collectTaxes(lines: readonly LineInput[]): Map<string, TaxInput> {
  const defs = new Map<string, TaxInput>();
  lines.forEach((line, i) => {
    const seen = new Set<string>();
    for (const tax of line.taxes) {
      if (typeof tax.id !== "string" || tax.id === "") throw new MoneyError(`Line ${i + 1}: a tax has no id.`);
      if (typeof tax.inclusive !== "boolean" || typeof tax.compound !== "boolean") {
        throw new MoneyError(`Tax "${tax.name}" must say whether it is inclusive and whether it is compound.`);
      }
      checkTaxRate(tax, `Tax "${tax.name}" rate`);
      if (seen.has(tax.id)) throw new MoneyError(`Line ${i + 1}: tax "${tax.name}" is applied twice.`);
      seen.add(tax.id);
      const first = defs.get(tax.id);
      if (!first) defs.set(tax.id, tax);
      else if (first.name !== tax.name || first.rateE4 !== tax.rateE4 || first.inclusive !== tax.inclusive || first.compound !== tax.compound) {
        throw new MoneyError(`Tax "${tax.name}" has different settings on different lines.`);
      }
    }
  });
  return defs;
}

function prepareLine(line: LineInput, index: number): Prepared {
  const what = `Line ${index + 1}`;
  const q = checkInteger(line.quantityE4, `${what} quantity`, -MAX_QUANTITY_E4, MAX_QUANTITY_E4, QUANTITY_RANGE);
  const price = checkAmount(line.unitPrice, `${what} unit price`);
  const discount = checkDiscount(line.discount, `${what} discount`);
  const net = roundHalfAwayFromZero(BigInt(q) * BigInt(price), E4);
  toAmount(net, `${what} amount`);
  const lineDiscount = discountOn(discount, net);
  const taxes = line.taxes.map((t) => ({ ...t, compound: t.compound && !t.inclusive }));
  const key = JSON.stringify([q, price, discount ?? null, taxes.map((t) => [t.id, t.rateE4, t.inclusive, t.compound])]);
  return { taxes, net, lineDiscount, afterLine: net - lineDiscount, key };
}

/** Round a stage's exact tax amounts per line, or per tax id and split back (see the rule). */
function settle(entries: Exact[], rounding: Rounding, keys: readonly string[], out: bigint[][]): void {
  if (rounding === "line") {
    for (const e of entries) at(out, e.line)[e.slot] = roundHalfAwayFromZero(e.num, e.den);
    return;
  }
  const groups = new Map<string, Exact[]>();
  for (const e of entries) {
    const group = groups.get(e.taxId);
    if (group) group.push(e);
    else groups.set(e.taxId, [e]);
  }
  for (const group of groups.values()) {
    const den = group.reduce((l, e) => lcm(l, e.den), 1n);
    const nums = group.map((e) => e.num * (den / e.den));
    const shares = apportion(nums, den, roundHalfAwayFromZero(sum(nums), den), group.map((e) => at(keys, e.line)));
    group.forEach((e, k) => (at(out, e.line)[e.slot] = at(shares, k)));
  }
}

export function computeDocument(input: DocumentInput): DocumentTotals {
  currencyExponent(input.currency);
  if (input.rounding !== "line" && input.rounding !== "document") {
    throw new MoneyError(`Tax rounding must be "line" or "document".`);
  }
  const defs = collectTaxes(input.lines);
  const lines = input.lines.map(prepareLine);
  const keys = lines.map((l) => l.key);

  // Document discount, split over the lines in proportion to what is left after line discounts.
  const discount = checkDiscount(input.discount, "Document discount");
  const weights = lines.map((l) => l.afterLine);
  const base = sum(weights);
  const docDiscount = discountOn(discount, base);
  let docShares = lines.map(() => 0n);
  if (discount?.type === "percent") {
    docShares = apportion(weights.map((w) => w * BigInt(discount.rateE4)), E6, docDiscount, keys);
  } else if (docDiscount !== 0n) {
    docShares = apportion(weights.map((w) => docDiscount * w * sign(base)), abs(base), docDiscount, keys);
  }
  const gross = lines.map((l, i) => l.afterLine - at(docShares, i));

  // Taxes in three stages: inclusive, non-compound exclusive, compound exclusive.
  const amounts = lines.map((l) => l.taxes.map(() => 0n));
  // One stage: the exact amount of each picked tax on each line is num / den; then round.
  const stage = (pick: (t: TaxInput) => boolean, exact: (i: number, t: TaxInput) => { num: bigint; den: bigint }) => {
    const entries: Exact[] = [];
    lines.forEach((l, i) =>
      l.taxes.forEach((t, slot) => {
        if (pick(t)) entries.push({ line: i, slot, taxId: t.id, ...exact(i, t) });
      }),
    );
    settle(entries, input.rounding, keys, amounts);
  };
  const sumWhere = (i: number, pick: (t: TaxInput) => boolean) =>
    sum(at(lines, i).taxes.map((t, slot) => (pick(t) ? at(at(amounts, i), slot) : 0n)));
  const isInclusive = (t: TaxInput) => t.inclusive;
  const isSimple = (t: TaxInput) => !t.inclusive && !t.compound;

  stage(isInclusive, (i, t) => {
    const inclusiveRates = sum(at(lines, i).taxes.filter(isInclusive).map((x) => BigInt(x.rateE4)));
    return { num: at(gross, i) * BigInt(t.rateE4), den: E6 + inclusiveRates };
  });
  const bases = gross.map((g, i) => g - sumWhere(i, isInclusive));
  stage(isSimple, (i, t) => ({ num: at(bases, i) * BigInt(t.rateE4), den: E6 }));
  // Withholdings (negative simple taxes) are not part of what a compound tax is levied on.
  const compoundBases = bases.map((b, i) => b + sumWhere(i, (t) => isSimple(t) && t.rateE4 >= 0));
  stage((t) => t.compound, (i, t) => ({ num: at(compoundBases, i) * BigInt(t.rateE4), den: E6 }));

  // Per-line results and the per-tax breakdown (in order of first appearance).
  const breakdown = new Map<string, { base: bigint; amount: bigint }>();
  const lineTotals = lines.map((l, i): LineTotals => {
    const what = `Line ${i + 1}`;
    const lineAmounts = at(amounts, i);
    l.taxes.forEach((t, slot) => {
      const entry = breakdown.get(t.id) ?? { base: 0n, amount: 0n };
      entry.base += t.compound ? at(compoundBases, i) : at(bases, i);
      entry.amount += at(lineAmounts, slot);
      breakdown.set(t.id, entry);
    });
    const taxable = at(gross, i);
    return {
      net: toAmount(l.net, `${what} amount`),
      lineDiscount: toAmount(l.lineDiscount, `${what} discount`),
      amount: toAmount(l.afterLine, `${what} amount`),
      documentDiscount: toAmount(at(docShares, i), `${what} document discount`),
      taxable: toAmount(taxable, `${what} taxable amount`),
      taxes: l.taxes.map((t, slot) => ({ taxId: t.id, amount: toAmount(at(lineAmounts, slot), `${what} tax`) })),
      tax: toAmount(sum(lineAmounts), `${what} tax`),
      total: toAmount(taxable + sumWhere(i, (t) => !t.inclusive), `${what} total`),
    };
  });
  const taxes = [...breakdown].map(([taxId, { base, amount }]): TaxLine => {
    const def = defs.get(taxId);
    if (!def) throw new Error(`money: tax ${taxId} vanished`);
    const { name, rateE4, inclusive } = def;
    const what = `Tax "${name}"`;
    const compound = def.compound && !inclusive;
    return { taxId, name, rateE4, inclusive, compound, base: toAmount(base, `${what} base`), amount: toAmount(amount, what) };
  });

  const subtotal = sum(lines.map((l) => l.net));
  const lineDiscountTotal = sum(lines.map((l) => l.lineDiscount));
  return {
    currency: input.currency,
    subtotal: toAmount(subtotal, "The subtotal"),
    lineDiscountTotal: toAmount(lineDiscountTotal, "The line discounts"),
    lineAmountTotal: toAmount(subtotal - lineDiscountTotal, "The subtotal"),
    documentDiscountTotal: toAmount(docDiscount, "The document discount"),
    discountTotal: toAmount(lineDiscountTotal + docDiscount, "The discounts"),
    taxableTotal: toAmount(sum(gross), "The taxable total"),
    taxTotal: toAmount(sum(taxes.map((t) => BigInt(t.amount))), "The tax total"),
    total: toAmount(sum(lineTotals.map((l) => BigInt(l.total))), "The total"),
    lines: lineTotals,
    taxes,
  };
}

// ---------------------------------------------------------------------------------------------
// Parsing: user text → integers, digit by digit (never parseFloat / Number on a decimal)

// Optional minus, digits with optional comma thousands separators (in groups of three), an
// optional dot and decimals. "1,5" is refused rather than read as 15.
const DECIMAL_TEXT = /^(-?)(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d+))?$/;

function parseScaled(input: string, decimals: number, what: string, tooManyDecimals: string): bigint {
  const text = typeof input === "string" ? input.trim() : "";
  const match = DECIMAL_TEXT.exec(text);
  const [, minus = "", whole = "", fraction = ""] = match ?? [];
  if (!match || (whole === "" && fraction === "")) {
    const empty = typeof input !== "string" || input.trim() === "";
    const example = { amount: "1234.56", quantity: "1.5", rate: "20" }[what] ?? "1234.56";
    throw new MoneyError(empty ? `Enter ${what === "amount" ? "an amount" : `a ${what}`}.` : `Enter the ${what} in digits, like ${example}.`);
  }
  if (fraction.length > decimals && /[^0]/.test(fraction.slice(decimals))) throw new MoneyError(tooManyDecimals);
  const digits = whole.replaceAll(",", "").replace(/^0+/, "");
  if (digits.length > 30) throw new MoneyError(`The ${what} is too large to be handled exactly.`);
  const scaled = BigInt(digits + fraction.slice(0, decimals).padEnd(decimals, "0") || "0");
  return minus ? -scaled : scaled;
}

/** "1,234.50" → 123450 (USD). Refuses more decimals than the currency has, and out-of-range amounts. */
export function parseMoney(input: string, currency: string): number {
  const exponent = currencyExponent(currency);
  const value = parseScaled(input, exponent, "amount", `${currency} amounts can have at most ${exponent} decimals.`);
  if (abs(value) > BIG_MAX) {
    throw new MoneyError(`The amount is too large to be handled exactly (at most ${toDecimalString(MAX_AMOUNT, currency)} ${currency}).`);
  }
  return Number(value);
}

/**
 * "1.5" → 15000. Up to 4 decimals; between −1,000,000 and 1,000,000. Zero and negative
 * quantities are allowed (placeholder lines, returns and credits).
 */
export function parseQuantity(input: string): number {
  const value = parseScaled(input, 4, "quantity", "A quantity can have at most 4 decimals.");
  if (abs(value) > BigInt(MAX_QUANTITY_E4)) throw new MoneyError(`A quantity ${QUANTITY_RANGE}.`);
  return Number(value);
}

/** "7.25" or "7.25%" → 72500. Up to 4 decimals; between 0 and 100. */
export function parseRate(input: string): number {
  const text = typeof input === "string" ? input.trim().replace(/\s*%$/, "") : input;
  const value = parseScaled(text, 4, "rate", "A rate can have at most 4 decimals.");
  if (value < 0n || value > BigInt(MAX_RATE_E4)) throw new MoneyError(`A rate ${RATE_RANGE}.`);
  return Number(value);
}

// ---------------------------------------------------------------------------------------------
// Output: integers → exact decimal strings and locale display

function decimalString(value: number, decimals: number, trimZeros: boolean): string {
  return bigDecimalString(BigInt(checkInteger(value, "Value", Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)), decimals, trimZeros);
}

function bigDecimalString(big: bigint, decimals: number, trimZeros: boolean): string {
  const digits = abs(big).toString().padStart(decimals + 1, "0");
  const cut = digits.length - decimals;
  let text = decimals === 0 ? digits : `${digits.slice(0, cut)}.${digits.slice(cut)}`;
  if (trimZeros && decimals > 0) text = text.replace(/\.?0+$/, "");
  return big < 0n ? `-${text}` : text;
}

/** 123456 USD → "1234.56"; JPY 1234 → "1234"; BHD 1234 → "1.234"; −5 USD → "-0.05". No grouping. */
export function toDecimalString(minor: number, currency: string): string {
  return decimalString(minor, currencyExponent(currency), false);
}

/** 15000 → "1.5"; 10000 → "1"; −5 → "-0.0005". */
export function quantityToString(quantityE4: number): string {
  return decimalString(quantityE4, 4, true);
}

/** 72500 → "7.25"; 200000 → "20". */
export function rateToString(rateE4: number): string {
  return decimalString(rateE4, 4, true);
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  // A plain key over every option (callers pass them in a fixed order): every amount on a long
  // document passes here, and JSON.stringify per call showed up in profiles.
  let cacheKey = locale;
  for (const key in options) cacheKey += `|${key}=${String(options[key as keyof Intl.NumberFormatOptions])}`;
  let nf = formatters.get(cacheKey);
  if (!nf) {
    try {
      nf = new Intl.NumberFormat(locale, options);
    } catch (error) {
      throw new MoneyError(`Cannot format for locale "${locale}": ${error instanceof Error ? error.message : String(error)}`);
    }
    if (formatters.size >= 200) formatters.clear();
    formatters.set(cacheKey, nf);
  }
  return nf;
}

/**
 * Display an amount for a locale, with exactly as many decimals as OUR table says (Intl's own
 * defaults differ for e.g. HUF, IDR, IQD). Intl.NumberFormat.format receives the exact decimal
 * string (supported by every current engine, Node ≥ 19, Chrome 106, Firefox 116, Safari 15.4),
 * so nothing passes through a float. An older engine converts the string with Number(); that is
 * still exact for display because |amount| ≤ 10^13 has at most 14 significant digits.
 */
export function formatMoney(minor: number, currency: string, locale = "en-US"): string {
  const digits = currencyExponent(currency);
  const nf = formatter(locale, { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
  return nf.format(toDecimalString(minor, currency) as `${number}`);
}

/**
 * Sums over many documents (dashboard, reports) are added up as bigint in SQL and may exceed
 * MAX_AMOUNT, so they stay bigint here: exact decimal string, no range check.
 */
export function sumToDecimalString(minor: bigint, currency: string): string {
  return bigDecimalString(minor, currencyExponent(currency), false);
}

/** formatMoney for a bigint sum; Intl receives the exact decimal string. */
export function formatMoneySum(minor: bigint, currency: string, locale = "en-US"): string {
  const digits = currencyExponent(currency);
  const nf = formatter(locale, { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
  return nf.format(sumToDecimalString(minor, currency) as `${number}`);
}

/** 72500 → "7.25%" (en-US), "7,25 %" (de-DE); a withholding −150000 → "-15%". */
export function formatRate(rateE4: number, locale = "en-US"): string {
  const nf = formatter(locale, { style: "percent", minimumFractionDigits: 0, maximumFractionDigits: 4 });
  const rate = checkInteger(rateE4, "Rate", -MAX_RATE_E4, MAX_RATE_E4, SIGNED_RATE_RANGE);
  return nf.format(decimalString(rate, 6, false) as `${number}`);
}

/** A figure for reading in `locale`, from its exact decimal string (no float), ungrouped as typed ("1234,5"). */
const readable = (decimal: string, locale: string) => formatter(locale, { maximumFractionDigits: 4, useGrouping: false }).format(decimal as `${number}`);

/** A quantity for reading: 15000 → "1.5" in en-US, "1,5" in de-DE. */
export function formatQuantity(quantityE4: number, locale = "en-US"): string {
  return readable(quantityToString(quantityE4), locale);
}

/** A rate's figure for reading, without its % sign (the sentence places it): 72500 → "7.25" in en-US, "7,25" in de-DE. */
export function formatRateFigure(rateE4: number, locale = "en-US"): string {
  return readable(rateToString(rateE4), locale);
}

// ---------------------------------------------------------------------------------------------
// Online payments: the pass-through fee and Stripe's amount units

/**
 * A processor rate in basis points (290 = 2.9 %), at most 20 %: no card processor charges more,
 * and below 50 % a larger fee always nets more, which makes the minimal fee unique (passThroughFee).
 */
export const MAX_FEE_RATE_BP = 2_000;
const BP = 10_000n;

export type PassThroughFee = { net: number; tax: number; amount: number };

/**
 * What the merchant keeps of `amount + fee.amount` after the processor takes rate·(charge) +
 * fixed and the state takes the fee's tax, less the invoice amount: ≥ 0 means the merchant nets
 * the whole invoice. Exact (scaled by 10 000 so the rate in basis points stays an integer).
 */
function feeSurplusBp(amount: bigint, net: bigint, tax: bigint, rateBp: bigint, fixed: bigint): bigint {
  const charged = amount + net + tax;
  return (charged - tax - fixed) * BP - rateBp * charged - amount * BP;
}

/** tax on a fee's net part, rounded half away from zero like every tax in this module. */
const feeTax = (net: bigint, taxRateE4: bigint) => roundHalfAwayFromZero(net * taxRateE4, E6);

/**
 * The smallest fee that leaves the merchant the full `amount` after the processor's rate and
 * fixed part, with the fee taxed at `taxRateE4` (the fee line's tax is owed to the state, so the
 * fee must cover it too): net = ceil((r·A + f) / (1 − r·(1 + t))), tax = round(net · t),
 * amount = net + tax. With t = 0 this is ceil((A + f) / (1 − r)) − A. Rounding the tax up can
 * leave the closed form a fraction short, so the result is then checked exactly and moved by the
 * unit that makes it hold and minimal (one minor unit less of net would not net the amount).
 * A zero rate and zero fixed part is no fee.
 */
export function passThroughFee(amount: number, rateBp: number, fixed: number, taxRateE4 = 0): PassThroughFee {
  const a = BigInt(checkInteger(amount, "Amount", 1, MAX_AMOUNT));
  const r = BigInt(checkInteger(rateBp, "Fee rate", 0, MAX_FEE_RATE_BP, "must be between 0 and 20%"));
  const f = BigInt(checkInteger(fixed, "Fixed fee", 0, MAX_AMOUNT));
  const t = BigInt(checkRate(taxRateE4, "Fee tax rate"));
  // (r·A + f) / (1 − r(1 + t)) with r = R/10⁴, t = T/10⁶, over the common denominator 10¹⁰.
  const numerator = r * a * E6 + f * BP * E6;
  const denominator = BP * E6 - r * (E6 + t);
  let net = numerator === 0n ? 0n : (numerator + denominator - 1n) / denominator;
  const holds = (n: bigint) => feeSurplusBp(a, n, feeTax(n, t), r, f) >= 0n;
  while (!holds(net)) net += 1n;
  while (net > 0n && holds(net - 1n)) net -= 1n;
  const tax = feeTax(net, t);
  return { net: toAmount(net, "Fee"), tax: toAmount(tax, "Fee tax"), amount: toAmount(net + tax, "Fee") };
}

/**
 * Stripe's amount for `minor` units of `currency`, or null when Stripe cannot charge it exactly.
 * Our minor units follow ISO 4217 (lib/currencies.ts); Stripe's "smallest unit" mostly agrees,
 * except: ISK, zero-decimal in ISO, is two-decimal at Stripe; MGA, two-decimal in ISO, is
 * zero-decimal at Stripe (both not offered online, see below); three-decimal currencies are sent in
 * thousandths but Stripe requires the last digit to be 0 (whole hundredths only).
 */
export function toStripeAmount(minor: number, currency: string): number | null {
  const value = checkInteger(minor, "Amount", 0, MAX_AMOUNT);
  // Refused rather than converted: every amount Stripe sends back (events, refunds,
  // reconciliation) would need the inverse conversion, and one missed place would record ×100.
  if (currency === "ISK" || currency === "MGA") return null;
  if (currencyExponent(currency) === 3) return value % 10 === 0 ? value : null;
  return value;
}

// ---------------------------------------------------------------------------------------------
// Deposits: a quote (or invoice) asks for a part of its total up front. The deposit invoice carries
// the taxes per line as the law requires: one line per tax set of the document (the lines grouped
// by their exact taxes), with the proportional part of that group's taxable amount, so the
// deposit's tax split matches the document's. The final invoice deducts a paid deposit with the
// same lines negated, so its taxes are the document's minus the deposit's (rounding is half away
// from zero, symmetric, so a negated line's tax is exactly the negated tax).

export type DepositSource = { taxable: number; taxes: TaxInput[] };
export type DepositLine = { taxes: TaxInput[]; net: number };

const taxSetKey = (taxes: readonly TaxInput[]) => JSON.stringify(taxes.map((t) => t.id).sort());

/**
 * The deposit's lines, one per tax set in order of first appearance: net = round(Σ taxable × rate)
 * for a percent; for an amount A (clamped to the total), round(Σ taxable × A / total). Groups whose
 * share rounds to 0 are left out. No lines when there is no deposit or the total is not positive.
 */
export function depositLines(deposit: Discount, lines: readonly DepositSource[], documentTotal: number): DepositLine[] {
  const checked = checkDiscount(deposit, "Deposit");
  const total = BigInt(checkAmount(documentTotal, "The total"));
  if (!checked || total <= 0n) return [];
  const groups = new Map<string, { taxes: TaxInput[]; taxable: bigint }>();
  lines.forEach((l) => {
    const key = taxSetKey(l.taxes);
    const group = groups.get(key) ?? { taxes: l.taxes, taxable: 0n };
    group.taxable += BigInt(checkAmount(l.taxable, "A taxable amount"));
    groups.set(key, group);
  });
  const amount = checked.type === "amount" ? (BigInt(checked.amount) < total ? BigInt(checked.amount) : total) : 0n;
  return [...groups.values()].flatMap((g) => {
    const net = checked.type === "percent" ? roundHalfAwayFromZero(g.taxable * BigInt(checked.rateE4), E6) : roundHalfAwayFromZero(g.taxable * amount, total);
    return net === 0n ? [] : [{ taxes: g.taxes, net: toAmount(net, "The deposit") }];
  });
}

/** The deposit lines as document lines (quantity 1, price = the net), and what they come to: the deposit invoice's totals. */
export function planDeposit(input: { currency: string; rounding: Rounding; deposit: Discount; total: number; lines: readonly DepositSource[] }) {
  const lines = depositLines(input.deposit, input.lines, input.total);
  const documentLines: LineInput[] = lines.map((l) => ({ quantityE4: 10_000, unitPrice: l.net, taxes: l.taxes }));
  const totals = computeDocument({ currency: input.currency, rounding: input.rounding, lines: documentLines });
  return { lines, documentLines, total: totals.total, totals };
}

/** A paid deposit invoice's lines, negated: the final invoice's "Less deposits paid" lines. */
export function depositDeductions(lines: readonly { quantityE4: number; unitPrice: number; taxes: TaxInput[] }[]): LineInput[] {
  return lines.map((l, i) => ({ quantityE4: l.quantityE4, unitPrice: toAmount(-BigInt(checkAmount(l.unitPrice, `Deposit line ${i + 1} price`)), "A deduction"), taxes: l.taxes }));
}

/** What an invoice asking for a deposit wants now: the deposit less what was paid, at most the balance, never below 0. */
export function depositDueNow(ledger: Pick<Ledger, "amountPaid" | "balance">, depositAmount: number): number {
  const due = BigInt(checkAmount(depositAmount, "The deposit")) - BigInt(checkAmount(ledger.amountPaid, "The amount paid"));
  const balance = BigInt(checkAmount(ledger.balance, "The balance"));
  return toAmount(due < 0n ? 0n : due > balance ? balance : due, "The deposit due");
}

/**
 * A recurring amount as a monthly figure (the dashboard's recurring revenue per month), rounded
 * half away from zero: every N weeks × 52 / (12 N), every N months ÷ N, every N years ÷ (12 N).
 */
export function monthlyEquivalent(amount: number, frequency: "weekly" | "monthly" | "yearly", interval: number): number {
  const a = BigInt(checkAmount(amount, "The amount"));
  const n = BigInt(Math.max(1, Math.trunc(interval)));
  const [num, den] = frequency === "weekly" ? [a * 52n, 12n * n] : frequency === "monthly" ? [a, n] : [a, 12n * n];
  return toAmount(roundHalfAwayFromZero(num, den), "The monthly amount");
}

/**
 * A percent of an amount (a late fee on an invoice's balance): amount × rate (× 10^4, so 1.5 % is
 * 15000) ÷ 10^6, rounded half away from zero. 1,234.56 at 1.5 % is 18.5184 → 18.52.
 */
export function percentOf(amount: number, rateE4: number): number {
  const a = BigInt(checkAmount(amount, "The amount"));
  const r = BigInt(checkRate(rateE4, "The rate"));
  return toAmount(roundHalfAwayFromZero(a * r, E6), "The percentage");
}

// ---------------------------------------------------------------------------------------------
// E-invoice figures: what EN 16931 needs that the database does not store. The stored integers
// are never recomputed; these only derive net-of-VAT figures for lines whose prices include VAT,
// and a line's unit price as BT-146 writes it.

/**
 * A line's VAT base as lib/money computed it: its taxable amount less the inclusive taxes inside
 * it. The inclusive taxes are the line's taxes less its exclusive ones, and the exclusive ones are
 * what its total adds to its taxable amount (total = taxable + exclusive taxes), so nothing is
 * recomputed: base = taxable − (tax − (total − taxable)).
 */
export function lineVatBase(line: { taxable: number; tax: number; total: number }): number {
  const taxable = BigInt(checkAmount(line.taxable, "The taxable amount"));
  const tax = BigInt(checkAmount(line.tax, "The line tax"));
  const total = BigInt(checkAmount(line.total, "The line total"));
  return toAmount(taxable - (tax - (total - taxable)), "The line base");
}

/** A VAT-inclusive amount net of VAT at rateE4: round(gross × 10^6 / (10^6 + rate)), half away from zero. */
export function netOfInclusiveVat(gross: number, rateE4: number): number {
  const g = BigInt(checkAmount(gross, "The amount"));
  const r = BigInt(checkRate(rateE4, "The VAT rate"));
  return toAmount(roundHalfAwayFromZero(g * E6, E6 + r), "The net amount");
}

/**
 * An amount per unit (BT-146 item net price) as a decimal string: amount ÷ quantity with up to
 * `maxDecimals` decimals (rounded half away from zero), at least the currency's decimals, trailing
 * zeros beyond those trimmed. 10.00 EUR ÷ 3 → "3.333333"; 85.00 ÷ 10 → "8.50". A zero quantity
 * gives the amount itself.
 */
export function unitPriceString(amount: number, quantityE4: number, currency: string, maxDecimals = 6): string {
  const exponent = currencyExponent(currency);
  const a = BigInt(checkAmount(amount, "The amount"));
  const q = BigInt(checkInteger(quantityE4, "The quantity", -MAX_QUANTITY_E4, MAX_QUANTITY_E4, QUANTITY_RANGE));
  const decimals = Math.max(exponent, maxDecimals);
  // amount (10^-exponent) × 10^4 / quantityE4, scaled to 10^-decimals.
  const scaled = q === 0n ? a * 10n ** BigInt(decimals - exponent) : roundHalfAwayFromZero(a * E4 * 10n ** BigInt(decimals - exponent), q);
  const text = bigDecimalString(scaled, decimals, false);
  if (decimals === exponent) return text;
  const trimmed = text.replace(/0+$/, "");
  const [whole = "", fraction = ""] = trimmed.split(".");
  const kept = fraction.padEnd(exponent, "0");
  return kept === "" ? whole.replace(/\.$/, "") : `${whole}.${kept}`;
}

/**
 * Whether a VAT group's tax is within what EN 16931 tolerates of its taxable amount × rate
 * (BR-CO-17, BR-S-09…: strictly less than one unit of the currency, after the validator rounds the
 * product to two decimals; half a hundredth of a unit is kept as margin for that rounding). Line
 * rounding over many lines can drift further, in JPY after a few lines.
 */
export function vatWithinOneUnit(taxAmount: number, taxableAmount: number, rateE4: number, currency: string): boolean {
  const unit = 10n ** BigInt(currencyExponent(currency));
  const tax = BigInt(checkAmount(taxAmount, "The VAT"));
  const taxable = BigInt(checkAmount(taxableAmount, "The taxable amount"));
  const drift = abs(tax * E6 - taxable * BigInt(checkRate(rateE4, "The VAT rate")));
  return drift * 200n < 199n * unit * E6;
}
