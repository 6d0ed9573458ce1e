/**
 * The dashboard and online payments: the "Processing" figure (paid by a delayed method, not settled
 * yet), per currency and organisation, never part of "collected"; and Stripe refunds, negative
 * payment rows, netted by the rollups. The online_payments rows are inserted directly (the checkout
 * and webhook code that writes them is tested on its own).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { type OnlinePaymentStatus, onlinePayments } from "@/db/schema";
import type { Member } from "@/lib/data/context";
import { parsePeriod } from "@/lib/reporting-period";
import { issueInvoice } from "@/tests/support/documents";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import { recordGatewayPayment, recordGatewayRefund } from "./stripe-ledger";
import { dashboardFigures, monthlySeries, processingPayments } from "./dashboard";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => {
  await handle?.close();
});

let n = 0;
async function online(member: Member, documentId: string, amount: number, status: OnlinePaymentStatus, currency = "EUR", feeAmount = 0) {
  n++;
  await handle.db.insert(onlinePayments).values({ orgId: member.orgId, documentId, checkoutSessionId: `cs_test_${n}`, paymentIntentId: `pi_test_${n}`, amount, feeAmount, currency, status });
}

describe(`processingPayments (${process.env.TEST_DB})`, () => {
  it("sums the organisation's processing online payments per currency, without fees, other statuses or other organisations", async () => {
    const { db } = handle;
    const a = await createInvoicingOrg(db, "Processing");
    const b = await createInvoicingOrg(db, "ProcessingOther");
    const customer = await createCustomer(db, a.member.orgId);
    const eur = await issueInvoice(db, a.member, draftInput(customer.id, { unitPrice: 50_000 }));
    const usd = await issueInvoice(db, a.member, { ...draftInput(customer.id, { unitPrice: 50_000 }), currency: "USD" });
    await online(a.member, eur.id, 12_000, "processing", "EUR", 380);
    await online(a.member, eur.id, 3_550, "processing");
    await online(a.member, eur.id, 9_900, "succeeded");
    await online(a.member, eur.id, 1_000, "open");
    await online(a.member, eur.id, 500, "failed");
    await online(a.member, eur.id, 700, "expired");
    await online(a.member, usd.id, 2_000, "processing", "USD");
    const otherCustomer = await createCustomer(db, b.member.orgId);
    const theirs = await issueInvoice(db, b.member, draftInput(otherCustomer.id, { unitPrice: 200_000 }));
    await online(b.member, theirs.id, 100_000, "processing");

    // 120.00 + 35.50 (the 3.80 fee on the first is Stripe's, not the invoice's).
    expect(await processingPayments(a.member, "EUR")).toEqual({ amount: 15_550n, count: 2 });
    expect(await processingPayments(a.member, "USD")).toEqual({ amount: 2_000n, count: 1 });
    expect(await processingPayments(a.member, "GBP")).toEqual({ amount: 0n, count: 0 });
    expect(await processingPayments(b.member, "EUR")).toEqual({ amount: 100_000n, count: 1 });

    // Not money yet: nothing collected, the whole 500.00 still outstanding.
    const today = new Date().toISOString().slice(0, 10);
    const period = parsePeriod({ period: "custom", from: "2026-03-01", to: "2026-03-31" }, today);
    const figures = await dashboardFigures(a.member, "EUR", period, today);
    expect(figures.current.collected).toBe(0n);
    expect(figures.current.outstanding).toBe(50_000n);
  });
});

describe(`collected with Stripe refunds (${process.env.TEST_DB})`, () => {
  it("nets a refund (a negative payment row) in collected, outstanding as of a past date and the monthly series", async () => {
    const { db } = handle;
    const { member } = await createInvoicingOrg(db, "Refunds");
    const customer = await createCustomer(db, member.orgId);
    // 100.00 issued 2026-03-10, paid online on 03-15, 30.00 refunded on 03-20.
    const invoice = await issueInvoice(db, member, draftInput(customer.id, {}));
    await db.transaction(async (tx) => {
      const paid = await recordGatewayPayment(tx, member.orgId, { documentId: invoice.id, amount: 10_000, paidOn: "2026-03-15", method: "Stripe", reference: "pi_dash", externalId: "pi_dash" });
      if (paid.kind !== "recorded") throw new Error(paid.kind);
      await recordGatewayRefund(tx, member.orgId, paid.payment, { amount: 3_000, paidOn: "2026-03-20", externalId: "re_dash", reference: "re_dash" });
    });
    const today = "2026-04-20";
    const march = await dashboardFigures(member, "EUR", parsePeriod({ period: "custom", from: "2026-03-01", to: "2026-03-31" }, today), today);
    // 100.00 − 30.00 collected; the refund re-opened 30.00.
    expect(march.current.collected).toBe(7_000n);
    expect(march.current.outstanding).toBe(3_000n);
    // Before the refund: 100.00 collected and nothing owed on 03-16 (30.00 open now − the 30.00 refunded after).
    const early = await dashboardFigures(member, "EUR", parsePeriod({ period: "custom", from: "2026-03-01", to: "2026-03-16" }, today), today);
    expect(early.current.collected).toBe(10_000n);
    expect(early.current.outstanding).toBe(0n);
    expect((await monthlySeries(member, "EUR", "2026-03-31")).at(-1)).toEqual({ month: "2026-03", invoiced: 10_000n, credited: 0n, collected: 7_000n });
  });
});
