/**
 * Reconciliation against the fake Stripe API: no webhook endpoint is registered, so a paid
 * Checkout Session reaches the ledger only when a test records it (through the webhook's own
 * recordSucceededPaymentIntent, or the ledger's recordGatewayPayment for states that path would
 * not produce) — or not at all, the gateway-says-paid case.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { onlinePayments, payments, stripeConnections } from "@/db/schema";
import { recordGatewayPayment } from "@/lib/data/stripe-ledger";
import { saveStripeConnection } from "@/lib/data/stripe-connections";
import { getReconciliationResult, unsafeListOrgsToReconcile } from "@/lib/data/stripe-reconciliation";
import { stripeClient } from "@/lib/stripe/client";
import { issueInvoice } from "@/tests/support/documents";
import { type FakeStripe, startFakeStripe } from "@/tests/support/fake-stripe";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import { expectAppError } from "@/tests/support/accounts";
import { reconcileAllStripeAccounts, reconcileStripe, recordMissingStripePayment } from "./stripe-reconcile";
import { recordSucceededPaymentIntent } from "./stripe-payments";

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
async function checkout(org: Org, amount: number, feeAmount = 0, feeTax = 0) {
  const [op] = await db
    .insert(onlinePayments)
    .values({ orgId: org.owner.orgId, documentId: org.invoice.id, checkoutSessionId: `cs_pending_${Math.random()}`, amount, feeAmount, feeTax, currency: "EUR" })
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

/** The webhook's recording, as on checkout.session.completed: the intent as Stripe has it now. */
async function recordAsWebhook(org: Org, paymentIntentId: string) {
  return recordSucceededPaymentIntent(org.owner.orgId, await org.stripe.paymentIntents.retrieve(paymentIntentId));
}

/** A Stripe payment on the ledger whatever Stripe says (what a bug or a hand edit could leave). */
async function ledgerPayment(org: Org, externalId: string, amount: number) {
  return db.transaction((tx) => recordGatewayPayment(tx, org.owner.orgId, { documentId: org.invoice.id, amount, paidOn: "2026-03-15", method: "Stripe", reference: externalId, externalId }));
}

const paymentCount = async (orgId: string) => (await db.select({ n: sql<number>`count(*)::int` }).from(payments).where(eq(payments.orgId, orgId)))[0]!.n;

describe("reconcileStripe", () => {
  it("lists a payment Stripe has and we never recorded, an amount that differs, and ours that Stripe doesn't show as succeeded; never records", async () => {
    const org = await connectedOrg("Reconcile");
    const pi = (sessionId: string) => fake.sessions.get(sessionId)!.payment_intent!;

    // Matched: paid by card, recorded as the webhook does.
    const ok = await checkout(org, 12_000);
    await fake.pay(ok.session.id, "card");
    expect(await recordAsWebhook(org, pi(ok.session.id))).toBe("recorded €120.00");

    // Missing: paid by card, the webhook never came (no endpoint): our row is still open, without the intent's id.
    const lost = await checkout(org, 25_000);
    await fake.pay(lost.session.id, "card");

    // Amount: Stripe collected 50.00 + a 2.00 fee whose tax (0.30) no rate gives any more, so only
    // the 50.00 is on the ledger and the fee invoice was not issued.
    const short = await checkout(org, 5_000, 200, 30);
    await fake.pay(short.session.id, "card");
    expect(await recordAsWebhook(org, pi(short.session.id))).toBe("recorded €50.00; needs attention: fee invoice not issued (tax rate changed)");

    // Not succeeded: SEPA Debit still processing at Stripe, but ours says succeeded.
    const early = await checkout(org, 3_000);
    await fake.pay(early.session.id, "sepa_debit");
    await ledgerPayment(org, pi(early.session.id), 3_000);

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
      { kind: "amount", paymentIntentId: pi(short.session.id), stripeAmount: 5_200, stripeCurrency: "EUR", ourAmount: 5_000, ourCurrency: "EUR", documentId: org.invoice.id, number: org.invoice.number },
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
    await ledgerPayment(org, "pi_neverexisted000", 1_500);
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
    const { session } = await checkout(org, 2_500);
    await fake.pay(session.id, "card");
    await recordAsWebhook(org, fake.sessions.get(session.id)!.payment_intent!);
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

  it("stores a key this server can't decrypt as the result", async () => {
    const org = await connectedOrg("ReconcileUnreadable");
    // What a key sealed with keys since removed looks like to this server.
    await db.update(stripeConnections).set({ secretKey: "v1:not-a-valid-ciphertext" }).where(eq(stripeConnections.orgId, org.owner.orgId));
    const result = (await reconcileStripe(org.owner.orgId))!;
    expect(result.error).toBe("The saved Stripe key can't be decrypted with this server's keys. Connect Stripe again in Settings → Payments.");
    expect((await getReconciliationResult(org.owner)).result?.error).toBe(result.error);
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

describe("recordMissingStripePayment (the page's Record)", () => {
  it("records a payment whose webhook never came, once, and the next check finds nothing missing", async () => {
    const org = await connectedOrg("ReconcileRecord");
    const lost = await checkout(org, 25_000);
    await fake.pay(lost.session.id, "card");
    const piId = fake.sessions.get(lost.session.id)!.payment_intent!;
    expect((await reconcileStripe(org.owner.orgId))!.mismatches).toEqual([expect.objectContaining({ kind: "missing", paymentIntentId: piId })]);

    expect(await recordMissingStripePayment(org.owner, piId)).toBe("Recorded: €250.00.");
    const recorded = await db.select().from(payments).where(eq(payments.externalId, piId));
    expect(recorded).toEqual([expect.objectContaining({ orgId: org.owner.orgId, documentId: org.invoice.id, amount: 25_000, reference: piId })]);
    // The stored result was refreshed: nothing left to look at.
    expect((await getReconciliationResult(org.owner)).result).toMatchObject({ stripeSucceeded: 1, matched: 1, mismatches: [] });

    // A second click (or the webhook arriving late) records nothing more.
    expect(await recordMissingStripePayment(org.owner, piId)).toBe("This payment was already recorded.");
    expect(await db.select().from(payments).where(eq(payments.externalId, piId))).toHaveLength(1);
  });

  it("refuses members, other accounts' payments, payments made outside the app and ids that aren't Stripe's", async () => {
    const org = await connectedOrg("ReconcileRecordRefusals");
    const other = await connectedOrg("ReconcileRecordOther");
    const theirs = await checkout(other, 1_000);
    await fake.pay(theirs.session.id, "card");
    const foreign = await org.stripe.checkout.sessions.create({ mode: "payment", success_url: "http://localhost/", line_items: [{ quantity: 1, price_data: { currency: "eur", unit_amount: 900, product_data: { name: "x" } } }] });
    await fake.pay(foreign.id, "card");
    const { member } = await createInvoicingOrg(db, "Unrelated");
    const orgMember = { ...member, orgId: org.owner.orgId };

    await expectAppError(recordMissingStripePayment(orgMember, fake.sessions.get(foreign.id)!.payment_intent!), "FORBIDDEN");
    // Another organisation's payment is not in this account: Stripe answers 404 to this key.
    await expectAppError(recordMissingStripePayment(org.owner, fake.sessions.get(theirs.session.id)!.payment_intent!), "NOT_FOUND");
    const e = await expectAppError(recordMissingStripePayment(org.owner, fake.sessions.get(foreign.id)!.payment_intent!), "CONFLICT");
    expect(e.message).toMatch(/^This payment was not made through an invoice link of this app/);
    await expectAppError(recordMissingStripePayment(org.owner, "../../v1/account"), "BAD_REQUEST");
    expect(await paymentCount(org.owner.orgId)).toBe(0);
  });
});
