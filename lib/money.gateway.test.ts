import { describe, expect, it } from "vitest";
import { amountBeforeFee, applyGatewayPayment, applyGatewayRefund, MoneyError, overpaidBy, refundStillToRecord } from "./money";

/** The ledger functions for online payments (Stripe), worked by hand on a €100.00 invoice. */
const invoice = { total: 10_000, amountPaid: 0, amountCredited: 0, balance: 10_000 };

describe("online payments on the ledger", () => {
  it("records a payment like applyPayment while it fits the balance", () => {
    expect(applyGatewayPayment(invoice, 6_000)).toEqual({ total: 10_000, amountPaid: 6_000, amountCredited: 0, balance: 4_000 });
  });

  it("records an overpayment: €40.00 paid by hand, then €100.00 online leaves −€40.00", () => {
    const manual = { ...invoice, amountPaid: 4_000, balance: 6_000 };
    const after = applyGatewayPayment(manual, 10_000);
    expect(after).toEqual({ total: 10_000, amountPaid: 14_000, amountCredited: 0, balance: -4_000 });
    expect(overpaidBy(after.balance)).toBe(4_000);
    expect(overpaidBy(0)).toBe(0);
    expect(overpaidBy(2_500)).toBe(0);
  });

  it("keeps credits in the balance: €100.00 − €30.00 credited − €100.00 paid = −€30.00", () => {
    expect(applyGatewayPayment({ ...invoice, amountCredited: 3_000, balance: 7_000 }, 10_000).balance).toBe(-3_000);
  });

  it("refuses a zero or negative payment", () => {
    expect(() => applyGatewayPayment(invoice, 0)).toThrow(MoneyError);
    expect(() => applyGatewayPayment(invoice, -1)).toThrow(MoneyError);
  });

  it("re-opens the balance on a refund, from an overpayment too, and never below zero paid", () => {
    const paid = { ...invoice, amountPaid: 10_000, balance: 0 };
    expect(applyGatewayRefund(paid, 3_000)).toEqual({ total: 10_000, amountPaid: 7_000, amountCredited: 0, balance: 3_000 });
    expect(applyGatewayRefund({ ...invoice, amountPaid: 14_000, balance: -4_000 }, 1_000).balance).toBe(-3_000);
    expect(() => applyGatewayRefund(paid, 10_001)).toThrow(/more than was paid/);
    expect(() => applyGatewayRefund(paid, 0)).toThrow(MoneyError);
  });
});

describe("refundStillToRecord", () => {
  it("is the cumulative amount refunded minus what is recorded, never negative", () => {
    expect(refundStillToRecord(3_000, 0)).toBe(3_000);
    expect(refundStillToRecord(5_000, 3_000)).toBe(2_000);
    // The €30.00 total arriving after the €50.00 one: nothing left.
    expect(refundStillToRecord(3_000, 5_000)).toBe(0);
    expect(refundStillToRecord(5_000, 5_000)).toBe(0);
  });
});

describe("amountBeforeFee", () => {
  it("is what was charged minus the fee on top: €103.60 − €3.60 = €100.00", () => {
    expect(amountBeforeFee(10_360, 360)).toBe(10_000);
    expect(amountBeforeFee(360, 360)).toBe(0);
    expect(() => amountBeforeFee(1.5, 0)).toThrow(MoneyError);
  });
});
