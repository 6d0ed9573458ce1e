import { describe, expect, it } from "vitest";
import { amountHeading, lineDiscountText, type SummaryDocument, summaryRows } from "./document-summary";
import { formatMoney } from "./money";

const usd = (minor: number) => formatMoney(minor, "USD", "en-US");
const vat = { taxId: "vat", name: "VAT", rateE4: 200_000, inclusive: false, base: 114_000, amount: 22_800 };
// The invoice: 10 h × 120.00, 5% off the document, VAT 20% on the rest.
const invoice: SummaryDocument = {
  kind: "invoice",
  status: "partially_paid",
  lineAmountTotal: 120_000,
  documentDiscount: 6000,
  discountType: "percent",
  discountValue: 50_000,
  taxes: [vat],
  total: 136_800,
  amountPaid: 50_000,
  amountCredited: 0,
  balance: 86_800,
};
const text = (doc: SummaryDocument) => summaryRows(doc, usd).map((r) => `${r.label} ${r.value}`);

describe("summaryRows", () => {
  it("lists subtotal, the document discount, each rate on its base, total, paid and the balance last", () => {
    expect(text(invoice)).toEqual(["Subtotal $1,200.00", "Discount 5% −$60.00", "VAT 20% on $1,140.00 $228.00", "Total $1,368.00", "Paid −$500.00", "Balance due $868.00"]);
  });

  it("names an amount discount without a rate, says an inclusive tax is included, and gives quotes and drafts no balance", () => {
    const quote: SummaryDocument = { ...invoice, kind: "quote", status: "sent", discountType: "amount", discountValue: 6000, taxes: [{ ...vat, inclusive: true }], amountPaid: 0, balance: 0 };
    expect(text(quote)).toEqual(["Subtotal $1,200.00", "Discount −$60.00", "VAT 20% (included) on $1,140.00 $228.00", "Total $1,368.00"]);
    expect(text({ ...invoice, status: "draft", amountPaid: 0, documentDiscount: 0 }).at(-1)).toBe("Total $1,368.00");
  });
});

describe("summaryRows: deposits", () => {
  it("says what deposit is asked for after the total; an amount without a rate; credit notes never", () => {
    const quote: SummaryDocument = { ...invoice, kind: "quote", status: "sent", amountPaid: 0, balance: 0, depositType: "percent", depositValue: 300_000, depositAmount: 41_040 };
    expect(text(quote).slice(-2)).toEqual(["Total $1,368.00", "Deposit requested: 30% $410.40"]);
    expect(text({ ...quote, depositType: "amount", depositValue: 41_040 }).at(-1)).toBe("Deposit requested $410.40");
    expect(text({ ...quote, kind: "credit_note" }).at(-1)).toBe("Total $1,368.00");
    expect(text({ ...quote, depositType: null, depositValue: null, depositAmount: 0 }).at(-1)).toBe("Total $1,368.00");
  });
});

describe("lineDiscountText", () => {
  it("prints a percent with its amount, an amount alone, nothing without a discount", () => {
    expect(lineDiscountText({ discountType: "percent", discountValue: 100_000, lineDiscount: 2000 }, usd)).toBe("−10% (−$20.00)");
    expect(lineDiscountText({ discountType: "amount", discountValue: 500, lineDiscount: 500 }, usd)).toBe("−$5.00");
    // On a negative (credit) line the discount reduces what is given back.
    expect(lineDiscountText({ discountType: "amount", discountValue: 300, lineDiscount: -300 }, usd)).toBe("+$3.00");
    expect(lineDiscountText({ discountType: null, discountValue: null, lineDiscount: 0 }, usd)).toBeNull();
  });
});

describe("amountHeading", () => {
  it("says the amounts include tax when a line's tax is inclusive", () => {
    expect(amountHeading([{ taxes: [{ inclusive: false }] }])).toBe("Amount");
    expect(amountHeading([{ taxes: [] }, { taxes: [{ inclusive: true }] }])).toBe("Amount (incl. tax)");
  });
});
