/**
 * Issue 16 §3: Stripe events reach the ledger exactly once, whatever their order or number, through
 * the webhook route's POST. Events are real-shaped and signed (tests/support/fake-stripe.ts). Every
 * invoice is one line of €100.00 without tax (total 10,000 cents), so the amounts are worked by hand.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { type Customer, documentEvents, documents, onlinePayments, payments, stripeEvents } from "@/db/schema";
import type { Member } from "@/lib/data/context";
import { voidDocument } from "@/lib/data/documents/lifecycle";
import { deletePayment, recordPayment } from "@/lib/data/documents/payments";
import { expectAppError } from "@/tests/support/accounts";
import { issueInvoice } from "@/tests/support/documents";
import { type FakeEvent, type FakeStripe, startFakeStripe } from "@/tests/support/fake-stripe";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { connectStripe, openCheckout, webhookRequest } from "@/tests/support/stripe";
import { createTestDb } from "@/tests/support/test-db";
import { listStripeEvents } from "@/lib/data/stripe-ledger";

const { POST } = await import("@/app/api/webhooks/stripe/[webhookId]/route");

let handle: DbHandle;
let db: Db;
let fake: FakeStripe;
let owner: Member;
let customer: Customer;
let stripe: Awaited<ReturnType<typeof connectStripe>>;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  fake = await startFakeStripe();
  process.env.STRIPE_API_BASE = fake.url;
  // Berlin: an event at 23:30 UTC is paid the next day there.
  ({ owner } = await createInvoicingOrg(db, "Webhook", { timeZone: "Europe/Berlin" }));
  customer = await createCustomer(db, owner.orgId, { name: "Acme GmbH" });
  stripe = await connectStripe(db, owner);
});
afterAll(async () => {
  delete process.env.STRIPE_API_BASE;
  await fake?.close();
  await handle?.close();
});

const hundredEuroInvoice = () => issueInvoice(db, owner, draftInput(customer.id, { unitPrice: 10_000 }));
const checkout = (documentId: string, amount = 10_000, extra: Partial<Parameters<typeof openCheckout>[2]> = {}) =>
  openCheckout(db, fake, { orgId: owner.orgId, documentId, secretKey: stripe.secretKey, amount, currency: "EUR", ...extra });
const deliver = (event: FakeEvent | string, webhookId = stripe.webhookId, secret = stripe.webhookSecret) =>
  POST(webhookRequest(fake, webhookId, event, secret), { params: Promise.resolve({ webhookId }) });
const invoiceRow = async (id: string) => (await db.select().from(documents).where(eq(documents.id, id)))[0]!;
const paymentsOf = (documentId: string) => db.select().from(payments).where(eq(payments.documentId, documentId)).orderBy(asc(payments.createdAt), asc(payments.amount));
const onlinePayment = async (id: string) => (await db.select().from(onlinePayments).where(eq(onlinePayments.id, id)))[0]!;
const storedEvent = async (id: string) => (await db.select().from(stripeEvents).where(eq(stripeEvents.id, id)))[0];
const countEvents = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(stripeEvents))[0]!.n;
/** An event as Stripe would send it at another moment (`created`, unix seconds). */
const at = (event: FakeEvent, iso: string): FakeEvent => ({ ...event, created: Date.parse(iso) / 1000 });

describe("checkout.session.completed, paid at once", () => {
  it("records the payment once when the same event arrives 5 times", async () => {
    const invoice = await hundredEuroInvoice();
    const row = await checkout(invoice.id);
    const [completed] = await fake.pay(row.checkoutSessionId, "card");
    const event = at(completed!, "2026-03-20T23:30:00Z");
    const responses = [];
    for (let i = 0; i < 5; i++) responses.push(await deliver(event));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect((await Promise.all(responses.map((r) => r.json()))).map((b: { duplicate: boolean }) => b.duplicate)).toEqual([false, true, true, true, true]);
    const recorded = await paymentsOf(invoice.id);
    expect(recorded).toHaveLength(1);
    // 23:30 UTC on March 20 is March 21 in Berlin.
    expect(recorded[0]).toMatchObject({ amount: 10_000, paidOn: "2026-03-21", method: "Stripe", reference: completed!.data.object.payment_intent, externalId: completed!.data.object.payment_intent });
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: "paid", amountPaid: 10_000, balance: 0, gatewayOverpaid: false });
    expect(await onlinePayment(row.id)).toMatchObject({ status: "succeeded", paymentId: recorded[0]!.id, paymentIntentId: completed!.data.object.payment_intent });
    expect(await storedEvent(completed!.id)).toMatchObject({ orgId: owner.orgId, type: "checkout.session.completed", outcome: "recorded €100.00", documentId: invoice.id });
  });

  it("answers 200 and records nothing for a session Smart Invoice did not create", async () => {
    const { stripeClient } = await import("@/lib/stripe/client");
    const session = await stripeClient(stripe.secretKey).checkout.sessions.create({ mode: "payment", success_url: "http://localhost/", line_items: [{ quantity: 1, price_data: { currency: "eur", unit_amount: 500, product_data: { name: "Elsewhere" } } }] });
    const [completed] = await fake.pay(session.id);
    const before = (await db.select({ n: sql<number>`count(*)::int` }).from(payments))[0]!.n;
    expect((await deliver(completed!)).status).toBe(200);
    expect(await storedEvent(completed!.id)).toMatchObject({ outcome: "ignored: not created by Smart Invoice", documentId: null });
    expect((await db.select({ n: sql<number>`count(*)::int` }).from(payments))[0]!.n).toBe(before);
  });
});

describe("delayed methods", () => {
  it("shows processing, then records the payment when it succeeds 3 days later, dated that day", async () => {
    const invoice = await hundredEuroInvoice();
    const row = await checkout(invoice.id);
    const [completed] = await fake.pay(row.checkoutSessionId, "sepa_debit");
    expect((await deliver(at(completed!, "2026-03-20T10:00:00Z"))).status).toBe(200);
    expect(await onlinePayment(row.id)).toMatchObject({ status: "processing" });
    expect(await paymentsOf(invoice.id)).toHaveLength(0);
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: "issued", balance: 10_000 });

    const [succeeded] = await fake.settle(row.checkoutSessionId, "succeeded");
    expect((await deliver(at(succeeded!, "2026-03-23T10:00:00Z"))).status).toBe(200);
    expect((await paymentsOf(invoice.id)).map((p) => [p.amount, p.paidOn])).toEqual([[10_000, "2026-03-23"]]);
    expect(await onlinePayment(row.id)).toMatchObject({ status: "succeeded" });
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: "paid", balance: 0 });
  });

  it("marks the payment failed when the debit fails, records nothing, and a late 'completed' does not bring it back", async () => {
    const invoice = await hundredEuroInvoice();
    const row = await checkout(invoice.id);
    const [completed] = await fake.pay(row.checkoutSessionId, "sepa_debit");
    const [failed] = await fake.settle(row.checkoutSessionId, "failed");
    expect((await deliver(failed!)).status).toBe(200);
    expect(await onlinePayment(row.id)).toMatchObject({ status: "failed" });
    expect((await deliver(completed!)).status).toBe(200);
    expect(await onlinePayment(row.id)).toMatchObject({ status: "failed" });
    expect(await storedEvent(completed!.id)).toMatchObject({ outcome: "ignored: payment already failed" });
    expect(await paymentsOf(invoice.id)).toHaveLength(0);
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: "issued", balance: 10_000, amountPaid: 0 });
  });

  it("out of order: 'succeeded' before 'completed' records once and stays succeeded", async () => {
    const invoice = await hundredEuroInvoice();
    const row = await checkout(invoice.id);
    const [completed] = await fake.pay(row.checkoutSessionId, "sepa_debit");
    const [succeeded] = await fake.settle(row.checkoutSessionId, "succeeded");
    expect((await deliver(succeeded!)).status).toBe(200);
    expect((await deliver(completed!)).status).toBe(200);
    expect(await onlinePayment(row.id)).toMatchObject({ status: "succeeded" });
    expect(await paymentsOf(invoice.id)).toHaveLength(1);
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: "paid", amountPaid: 10_000, balance: 0 });
  });
});

describe("amounts that do not fit the balance", () => {
  it("records an online payment that overpays (the owner recorded €40.00 by hand meanwhile) and flags it", async () => {
    const invoice = await hundredEuroInvoice();
    const row = await checkout(invoice.id);
    await recordPayment(owner, invoice.id, { paidOn: "2026-03-15", amount: 4_000, method: "bank_transfer" });
    const [completed] = await fake.pay(row.checkoutSessionId);
    expect((await deliver(completed!)).status).toBe(200);
    // €40.00 + €100.00 paid on a €100.00 invoice: €40.00 too much, recorded, not dropped.
    expect((await paymentsOf(invoice.id)).map((p) => p.amount)).toEqual([4_000, 10_000]);
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: "paid", amountPaid: 14_000, balance: -4_000, gatewayOverpaid: true });
    expect((await storedEvent(completed!.id))!.outcome).toBe("recorded €100.00; overpaid by €40.00");
    // A manual overpayment is still the user's mistake, refused.
    await expectAppError(recordPayment(owner, invoice.id, { paidOn: "2026-03-16", amount: 100, method: "cash" }), "CONFLICT");
    // Settled by taking back the manual €40.00 (it was refunded to the client by bank): €100.00 paid, €0.00 due.
    const manual = (await paymentsOf(invoice.id)).find((p) => p.amount === 4_000)!;
    await deletePayment(owner, manual.id);
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: "paid", amountPaid: 10_000, balance: 0, gatewayOverpaid: false });
  });

  it("the database refuses a negative balance that is not a flagged online overpayment", async () => {
    const invoice = await hundredEuroInvoice();
    await expect(db.update(documents).set({ amountPaid: 10_100, balance: -100, status: "paid" }).where(eq(documents.id, invoice.id))).rejects.toThrow();
  });

  it("records nothing on a currency mismatch, flags the online payment and answers 200", async () => {
    const invoice = await hundredEuroInvoice();
    const row = await checkout(invoice.id, 10_000, { sessionCurrency: "USD" });
    const [completed] = await fake.pay(row.checkoutSessionId);
    expect((await deliver(completed!)).status).toBe(200);
    expect(await paymentsOf(invoice.id)).toHaveLength(0);
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: "issued", balance: 10_000 });
    expect(await storedEvent(completed!.id)).toMatchObject({ outcome: "needs attention: currency mismatch", documentId: invoice.id });
    expect((await onlinePayment(row.id)).attention).toMatch(/^Currency mismatch: Stripe collected \$100\.00, the invoice is in EUR/);
    // The same as data, which the invoice page words in the reader's language (lib/payment-attention.ts).
    expect((await onlinePayment(row.id)).attentionDetail).toEqual({ code: "currency_mismatch", collected: 10_000, collectedCurrency: "USD", invoiceCurrency: "EUR" });
  });

  it("records nothing on an invoice voided after the client went to Checkout, and flags it", async () => {
    const invoice = await hundredEuroInvoice();
    const row = await checkout(invoice.id);
    await voidDocument(owner, invoice.id, "Issued by mistake");
    const [completed] = await fake.pay(row.checkoutSessionId);
    expect((await deliver(completed!)).status).toBe(200);
    expect(await paymentsOf(invoice.id)).toHaveLength(0);
    expect(await storedEvent(completed!.id)).toMatchObject({ outcome: "needs attention: invoice is void", documentId: invoice.id });
    expect((await onlinePayment(row.id)).attention).toBe("Stripe collected €100.00 but the invoice is void. Nothing was recorded; refund it in Stripe.");
    expect((await onlinePayment(row.id)).attentionDetail).toEqual({ code: "invoice_not_payable", collected: 10_000, currency: "EUR", status: "void" });
  });

  it("records what was actually paid when it differs from the Checkout amount", async () => {
    const invoice = await hundredEuroInvoice();
    const row = await checkout(invoice.id);
    const [completed] = await fake.pay(row.checkoutSessionId, "card", 6_000);
    expect((await deliver(completed!)).status).toBe(200);
    expect((await paymentsOf(invoice.id)).map((p) => p.amount)).toEqual([6_000]);
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: "partially_paid", amountPaid: 6_000, balance: 4_000 });
    expect((await storedEvent(completed!.id))!.outcome).toBe("recorded €60.00; paid €60.00 where Checkout asked for €100.00");
  });
});

describe("refunds and disputes", () => {
  async function paidInvoice() {
    const invoice = await hundredEuroInvoice();
    const row = await checkout(invoice.id);
    const [completed] = await fake.pay(row.checkoutSessionId);
    await deliver(completed!);
    return { invoice, row, paymentIntentId: String(completed!.data.object.payment_intent) };
  }

  it("a full refund records a negative payment and re-opens the balance", async () => {
    const { invoice, paymentIntentId } = await paidInvoice();
    const [refunded] = await fake.refund(paymentIntentId);
    expect((await deliver(refunded!)).status).toBe(200);
    expect((await deliver(refunded!)).status).toBe(200);
    const recorded = await paymentsOf(invoice.id);
    expect(recorded.map((p) => p.amount)).toEqual([10_000, -10_000]);
    expect(recorded[1]).toMatchObject({ refundOfId: recorded[0]!.id, method: "Stripe refund", externalId: `${String(refunded!.data.object.id)}:refund:10000` });
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: "issued", amountPaid: 0, balance: 10_000, paidAt: null });
    // Neither can be deleted by hand: they mirror money that moved at Stripe.
    await expectAppError(deletePayment(owner, recorded[0]!.id), "CONFLICT");
    await expectAppError(deletePayment(owner, recorded[1]!.id), "CONFLICT");
  });

  it("two partial refunds delivered newest first converge on the cumulative amount", async () => {
    const { invoice, paymentIntentId } = await paidInvoice();
    const [first] = await fake.refund(paymentIntentId, 3_000); // amount_refunded 3,000
    const [second] = await fake.refund(paymentIntentId, 2_000); // amount_refunded 5,000
    expect((await deliver(second!)).status).toBe(200);
    expect((await deliver(first!)).status).toBe(200);
    expect(await storedEvent(first!.id)).toMatchObject({ outcome: "nothing to record: refunds up to this amount are already recorded" });
    expect((await paymentsOf(invoice.id)).map((p) => p.amount)).toEqual([10_000, -5_000]);
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: "partially_paid", amountPaid: 5_000, balance: 5_000 });
  });

  it("a dispute flags the invoice and puts it on the timeline", async () => {
    const { invoice, paymentIntentId } = await paidInvoice();
    const [dispute] = await fake.dispute(paymentIntentId);
    expect((await deliver(dispute!)).status).toBe(200);
    expect((await invoiceRow(invoice.id)).disputedAt).toBeInstanceOf(Date);
    const timeline = await db.select().from(documentEvents).where(and(eq(documentEvents.documentId, invoice.id), eq(documentEvents.type, "payment_disputed")));
    expect(timeline).toHaveLength(1);
    expect(timeline[0]!.meta).toMatchObject({ amount: 10_000, reason: "fraudulent" });
    expect(await storedEvent(dispute!.id)).toMatchObject({ outcome: "dispute opened (€100.00): respond in Stripe", documentId: invoice.id });
  });
});

describe("the webhook URL and its signature", () => {
  it("refuses a wrong or missing signature with 400 and stores nothing", async () => {
    const invoice = await hundredEuroInvoice();
    const row = await checkout(invoice.id);
    const [completed] = await fake.pay(row.checkoutSessionId);
    const before = await countEvents();
    expect((await deliver(completed!, stripe.webhookId, "whsec_not_the_right_one")).status).toBe(400);
    const unsigned = new Request(`http://localhost/api/webhooks/stripe/${stripe.webhookId}`, { method: "POST", body: JSON.stringify(completed) });
    expect((await POST(unsigned, { params: Promise.resolve({ webhookId: stripe.webhookId }) })).status).toBe(400);
    // A body changed after signing.
    const { signature } = fake.sign(completed!, stripe.webhookSecret);
    const tampered = new Request(`http://localhost/api/webhooks/stripe/${stripe.webhookId}`, { method: "POST", headers: { "stripe-signature": signature }, body: JSON.stringify({ ...completed, id: "evt_forged" }) });
    expect((await POST(tampered, { params: Promise.resolve({ webhookId: stripe.webhookId }) })).status).toBe(400);
    expect(await countEvents()).toBe(before);
    expect(await paymentsOf(invoice.id)).toHaveLength(0);
  });

  it("refuses a body far larger than any Stripe event (413) before looking anything up", async () => {
    const huge = new Request(`http://localhost/api/webhooks/stripe/${stripe.webhookId}`, { method: "POST", headers: { "stripe-signature": "t=1,v1=0" }, body: "x".repeat(600 * 1024) });
    expect((await POST(huge, { params: Promise.resolve({ webhookId: stripe.webhookId }) })).status).toBe(413);
    // Sent in chunks without a Content-Length: stopped once past the cap, not read to the end.
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024).fill(120));
      },
    });
    const chunked = new Request(`http://localhost/api/webhooks/stripe/${stripe.webhookId}`, { method: "POST", headers: { "stripe-signature": "t=1,v1=0" }, body: endless, duplex: "half" } as RequestInit);
    expect((await POST(chunked, { params: Promise.resolve({ webhookId: stripe.webhookId }) })).status).toBe(413);
    expect(pulled).toBeLessThan(20);
  });

  it("answers 404 for an unknown webhook id", async () => {
    const invoice = await hundredEuroInvoice();
    const row = await checkout(invoice.id);
    const [completed] = await fake.pay(row.checkoutSessionId);
    const before = await countEvents();
    expect((await deliver(completed!, "unknownWebhookId0123456789")).status).toBe(404);
    expect(await countEvents()).toBe(before);
  });

  it("refuses an event sent to another organisation's URL (400), changing nothing in either", async () => {
    const other = await createInvoicingOrg(db, "Other");
    const otherStripe = await connectStripe(db, other.owner);
    const invoice = await hundredEuroInvoice();
    const row = await checkout(invoice.id);
    const [completed] = await fake.pay(row.checkoutSessionId);
    const before = await countEvents();
    // Signed for this organisation, posted to the other's URL: its secret does not match.
    expect((await deliver(completed!, otherStripe.webhookId, stripe.webhookSecret)).status).toBe(400);
    expect(await countEvents()).toBe(before);
    // Even signed with the other's secret, the session is looked up in the other organisation only.
    expect((await deliver(completed!, otherStripe.webhookId, otherStripe.webhookSecret)).status).toBe(200);
    expect(await storedEvent(completed!.id)).toMatchObject({ orgId: other.org.id, outcome: "ignored: not created by Smart Invoice" });
    expect(await paymentsOf(invoice.id)).toHaveLength(0);
    expect(await onlinePayment(row.id)).toMatchObject({ status: "open", paymentIntentId: null });
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: "issued", balance: 10_000 });
    // One Stripe account connected to both organisations sends every event to both URLs under one
    // id: the other's copy being stored does not make this organisation's copy a "duplicate".
    expect((await deliver(completed!)).status).toBe(200);
    expect(await paymentsOf(invoice.id)).toHaveLength(1);
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: "paid", balance: 0 });
  });

  it("ignores a test-mode event at a live-mode connection: test money never marks a real invoice paid", async () => {
    const invoice = await hundredEuroInvoice();
    const row = await checkout(invoice.id);
    const [completed] = await fake.pay(row.checkoutSessionId);
    await db.execute(sql`update stripe_connections set livemode = true where org_id = ${owner.orgId}`);
    try {
      expect((await deliver(completed!)).status).toBe(200);
      const [stored] = await db.select().from(stripeEvents).where(and(eq(stripeEvents.orgId, owner.orgId), eq(stripeEvents.id, completed!.id)));
      expect(stored?.outcome).toBe("ignored: a test-mode event, and Stripe is connected in live mode");
      expect(await paymentsOf(invoice.id)).toHaveLength(0);
      expect(await invoiceRow(invoice.id)).toMatchObject({ status: "issued", balance: 10_000 });
    } finally {
      await db.execute(sql`update stripe_connections set livemode = false where org_id = ${owner.orgId}`);
    }
  });

  it("accepts the previous secret for a day after it was rolled, and not after", async () => {
    const rolled = await createInvoicingOrg(db, "Rolled");
    const first = await connectStripe(db, rolled.owner);
    const second = await connectStripe(db, rolled.owner); // a new signing secret, same URL
    expect(second.webhookId).toBe(first.webhookId);
    const event = (id: string): FakeEvent => ({ id, object: "event", type: "customer.created", created: 1_790_000_000, livemode: false, api_version: "2026-10-28.endive", pending_webhooks: 1, request: { id: null, idempotency_key: null }, data: { object: { id: "cus_1" } } });
    expect((await deliver(event("evt_roll_new"), second.webhookId, second.webhookSecret)).status).toBe(200);
    expect((await deliver(event("evt_roll_old"), second.webhookId, first.webhookSecret)).status).toBe(200);
    expect(await storedEvent("evt_roll_old")).toMatchObject({ outcome: "ignored: customer.created is not used" });
    await db.execute(sql`update stripe_connections set previous_webhook_secret_until = now() - interval '1 second' where org_id = ${rolled.org.id}`);
    expect((await deliver(event("evt_roll_late"), second.webhookId, first.webhookSecret)).status).toBe(400);
    expect(await storedEvent("evt_roll_late")).toBeUndefined();
  });
});

describe("the Stripe events log", () => {
  it("lists this organisation's events with their invoice, for admins only", async () => {
    const invoice = await hundredEuroInvoice();
    const row = await checkout(invoice.id);
    const [completed] = await fake.pay(row.checkoutSessionId);
    await deliver(completed!);
    const rows = await listStripeEvents(owner);
    expect(rows.find((r) => r.id === completed!.id)).toMatchObject({ type: "checkout.session.completed", outcome: "recorded €100.00", documentId: invoice.id, documentNumber: invoice.number });
    expect(rows.every((r) => r.id !== "evt_roll_new")).toBe(true);
    const { member } = await createInvoicingOrg(db, "Log");
    await expectAppError(listStripeEvents({ ...member, orgId: owner.orgId }), "FORBIDDEN");
  });
});
