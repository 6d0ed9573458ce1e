/**
 * Reconciliation against the fake Stripe API: no webhook endpoint is registered, so a paid
 * Checkout Session reaches us only as what these tests write themselves (what the webhook would
 * have recorded) — or not at all, the gateway-says-paid case.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { onlinePayments, payments } from "@/db/schema";
import type { Member } from "@/lib/data/context";
import { recordPayment } from "@/lib/data/documents/payments";
import { saveStripeConnection } from "@/lib/data/stripe-connections";
import { getReconciliationResult, unsafeListOrgsToReconcile } from "@/lib/data/stripe-reconciliation";
import { stripeClient } from "@/lib/stripe/client";
import { issueInvoice } from "@/tests/support/documents";
import { type FakeStripe, startFakeStripe } from "@/tests/support/fake-stripe";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import { reconcileAllStripeAccounts, reconcileStripe } from "./stripe-reconcile";

let handle: DbHandle;
let db: Db;
let fake: FakeStripe;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  fake = await startFakeStripe();
  process.env.STRIPE_API_BASE = fake.url;
});
afterAll(async () => {
  delete process.env.STRIPE_API_BASE;
  await fake?.close();
  await handle?.close();
});

let keys = 0;
/** An organisation connected to its own fake Stripe account, with an issued 1,000.00 EUR invoice. */
async function connectedOrg(label: string) {
  const { owner } = await createInvoicingOrg(db, label);
  const secretKey = `rk_test_recon${++keys}abcdef`;
  await saveStripeConnection(owner, { secretKey, webhookSecret: `whsec_recon_${keys}`, accountId: null, accountName: null, livemode: false });
  const customer = await createCustomer(db, owner.orgId);
  const invoice = await issueInvoice(db, owner, draftInput(customer.id, { unitPrice: 100_000 }));
  return { owner, secretKey, invoice, stripe: stripeClient(secretKey) };
}
type Org = Awaited<ReturnType<typeof connectedOrg>>;

/** What the Pay button does: our online_payments row (open), and a Checkout Session carrying its ids. */
async function checkout(org: Org, amount: number, feeAmount = 0) {
  const [op] = await db
    .insert(onlinePayments)
    .values({ orgId: org.owner.orgId, documentId: org.invoice.id, checkoutSessionId: `cs_pending_${Math.random()}`, amount, feeAmount, currency: "EUR" })
    .returning();
  const metadata = { org_id: org.owner.orgId, document_id: org.invoice.id, online_payment_id: op!.id, invoice_number: org.invoice.number! };
  const session = await org.stripe.checkout.sessions.create({
    mode: "payment",
    success_url: "http://localhost/i/x",
    metadata,
    line_items: [{ quantity: 1, price_data: { currency: "eur", unit_amount: amount + feeAmount, product_data: { name: `Invoice ${org.invoice.number}` } } }],
  });
  await db.update(onlinePayments).set({ checkoutSessionId: session.id }).where(eq(onlinePayments.id, op!.id));
  return { op: op!, session };
}

/** What the webhook would have done on success: the payment recorded, our row succeeded and pointing at it. */
async function recordAsWebhook(member: Member, opId: string, paymentIntentId: string, amount: number, documentId: string) {
  const payment = await recordPayment(member, documentId, { paidOn: "2026-03-15", amount, method: "Stripe", reference: paymentIntentId });
  await db.update(onlinePayments).set({ status: "succeeded", paymentIntentId, paymentId: payment.id, updatedAt: new Date() }).where(eq(onlinePayments.id, opId));
}

const paymentCount = async (orgId: string) => (await db.select({ n: sql<number>`count(*)::int` }).from(payments).where(eq(payments.orgId, orgId)))[0]!.n;

describe("reconcileStripe", () => {
  it("lists a payment Stripe has and we never recorded, an amount that differs, and ours that Stripe doesn't show as succeeded; never records", async () => {
    const org = await connectedOrg("Reconcile");
    const pi = (sessionId: string) => fake.sessions.get(sessionId)!.payment_intent!;

    // Matched: paid by card, recorded as the webhook would.
    const ok = await checkout(org, 12_000, 380);
    await fake.pay(ok.session.id, "card");
    await recordAsWebhook(org.owner, ok.op.id, pi(ok.session.id), 12_000, org.invoice.id);

    // Missing: paid by card, the webhook never came (no endpoint): our row is still open, without the intent's id.
    const lost = await checkout(org, 25_000);
    await fake.pay(lost.session.id, "card");

    // Amount: we expected 50.00, Stripe received 40.00.
    const short = await checkout(org, 5_000);
    await fake.pay(short.session.id, "card", 4_000);
    await recordAsWebhook(org.owner, short.op.id, pi(short.session.id), 5_000, org.invoice.id);

    // Not succeeded: SEPA Debit still processing at Stripe, but ours says succeeded.
    const early = await checkout(org, 3_000);
    await fake.pay(early.session.id, "sepa_debit");
    await recordAsWebhook(org.owner, early.op.id, pi(early.session.id), 3_000, org.invoice.id);

    // Processing on both sides: nothing to say.
    const waiting = await checkout(org, 2_000);
    await fake.pay(waiting.session.id, "sepa_debit");
    await db.update(onlinePayments).set({ status: "processing", paymentIntentId: pi(waiting.session.id) }).where(eq(onlinePayments.id, waiting.op.id));

    // A payment made in Stripe without us (no metadata): missing, on no invoice.
    const foreign = await org.stripe.checkout.sessions.create({ mode: "payment", success_url: "http://localhost/", line_items: [{ quantity: 1, price_data: { currency: "usd", unit_amount: 777, product_data: { name: "Elsewhere" } } }] });
    await fake.pay(foreign.id, "card");

    // Another organisation's account: none of its payments reach this one's list.
    const other = await connectedOrg("ReconcileOther");
    const theirs = await checkout(other, 9_999);
    await fake.pay(theirs.session.id, "card");

    const before = await paymentCount(org.owner.orgId);
    const result = (await reconcileStripe(org.owner.orgId))!;
    expect(result.error).toBeUndefined();
    // Stripe succeeded: ok, lost, short, foreign (early and waiting are processing).
    expect(result.stripeSucceeded).toBe(4);
    expect(result.matched).toBe(1);
    const byKind = (kind: string) => result.mismatches.filter((m) => m.kind === kind);
    expect(byKind("missing")).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ paymentIntentId: pi(lost.session.id), amount: 25_000, currency: "EUR", documentId: org.invoice.id, number: org.invoice.number }),
        expect.objectContaining({ paymentIntentId: pi(foreign.id), amount: 777, currency: "USD", documentId: null, number: null }),
      ]),
    );
    expect(byKind("missing")).toHaveLength(2);
    expect(byKind("amount")).toEqual([
      { kind: "amount", paymentIntentId: pi(short.session.id), stripeAmount: 4_000, stripeCurrency: "EUR", ourAmount: 5_000, ourCurrency: "EUR", documentId: org.invoice.id, number: org.invoice.number },
    ]);
    expect(byKind("not_succeeded")).toEqual([
      { kind: "not_succeeded", paymentIntentId: pi(early.session.id), stripeStatus: "processing", ourAmount: 3_000, ourCurrency: "EUR", documentId: org.invoice.id, number: org.invoice.number },
    ]);
    expect(result.mismatches).toHaveLength(4);
    // Nothing recorded by the check: the owner decides.
    expect(await paymentCount(org.owner.orgId)).toBe(before);
    expect((await db.select().from(onlinePayments).where(eq(onlinePayments.id, lost.op.id)))[0]!.status).toBe("open");

    // Stored for the page.
    expect(await getReconciliationResult(org.owner)).toEqual({ connected: true, result });
  });

  it("reports ours that Stripe has never heard of", async () => {
    const org = await connectedOrg("ReconcileGhost");
    const { op } = await checkout(org, 1_500);
    await recordAsWebhook(org.owner, op.id, "pi_neverexisted000", 1_500, org.invoice.id);
    const result = (await reconcileStripe(org.owner.orgId))!;
    expect(result.mismatches).toEqual([
      { kind: "not_succeeded", paymentIntentId: "pi_neverexisted000", stripeStatus: "not found at Stripe", ourAmount: 1_500, ourCurrency: "EUR", documentId: org.invoice.id, number: org.invoice.number },
    ]);
  });

  it("follows Stripe's pages: 101 payments, all of them missing", async () => {
    const org = await connectedOrg("ReconcilePages");
    for (let i = 0; i < 101; i++) {
      const s = await org.stripe.checkout.sessions.create({ mode: "payment", success_url: "http://localhost/", line_items: [{ quantity: 1, price_data: { currency: "eur", unit_amount: 100 + i, product_data: { name: "x" } } }] });
      await fake.pay(s.id, "card");
    }
    const result = (await reconcileStripe(org.owner.orgId))!;
    expect(result.stripeSucceeded).toBe(101);
    expect(new Set(result.mismatches.map((m) => m.paymentIntentId)).size).toBe(101);
    // 100 + 101 + … + 200 = 101 × 150.
    expect(result.mismatches.reduce((sum, m) => sum + (m.kind === "missing" ? m.amount : 0), 0)).toBe(15_150);
  });

  it("looks back 30 days only", async () => {
    const org = await connectedOrg("ReconcileWindow");
    const { op, session } = await checkout(org, 2_500);
    await fake.pay(session.id, "card");
    await recordAsWebhook(org.owner, op.id, "pi_gone_long_ago0", 2_500, org.invoice.id);
    const later = new Date(Date.now() + 31 * 86_400_000);
    expect(await reconcileStripe(org.owner.orgId, later)).toMatchObject({ stripeSucceeded: 0, matched: 0, mismatches: [] });
  });

  it("stores Stripe's refusal as the result instead of failing", async () => {
    const org = await connectedOrg("ReconcileRefused");
    fake.rejectedKeys.add(org.secretKey);
    const result = (await reconcileStripe(org.owner.orgId))!;
    expect(result.error).toBe("Stripe refused the saved key. Check that it is still valid and may read PaymentIntents (Settings → Payments).");
    expect((await getReconciliationResult(org.owner)).result?.error).toBe(result.error);
    fake.rejectedKeys.delete(org.secretKey);
  });

  it("is null for an organisation without Stripe", async () => {
    const { owner } = await createInvoicingOrg(db, "NoStripe");
    expect(await reconcileStripe(owner.orgId)).toBeNull();
    expect(await getReconciliationResult(owner)).toEqual({ connected: false, result: null });
  });
});

describe("reconcileAllStripeAccounts (the job)", () => {
  it("checks every connected organisation not checked within the hour, and records nothing", async () => {
    const org = await connectedOrg("ReconcileJob");
    const lost = await checkout(org, 4_200);
    await fake.pay(lost.session.id, "card");
    const before = await paymentCount(org.owner.orgId);
    const now = new Date();
    expect(await unsafeListOrgsToReconcile(new Date(now.getTime() - 3_600_000))).toContain(org.owner.orgId);
    const summary = await reconcileAllStripeAccounts(now);
    expect(summary.organizations).toBeGreaterThanOrEqual(1);
    expect(summary.mismatches).toBeGreaterThanOrEqual(1);
    const stored = (await getReconciliationResult(org.owner)).result!;
    expect(stored.mismatches).toEqual([expect.objectContaining({ kind: "missing", amount: 4_200, documentId: org.invoice.id })]);
    expect(await paymentCount(org.owner.orgId)).toBe(before);
    expect(await db.select().from(onlinePayments).where(and(eq(onlinePayments.id, lost.op.id), eq(onlinePayments.status, "open")))).toHaveLength(1);
    // Checked just now: the next round (ten minutes later) leaves it alone.
    expect(await unsafeListOrgsToReconcile(new Date(now.getTime() + 600_000 - 3_600_000))).not.toContain(org.owner.orgId);
  });
});
