/**
 * Paying on the client link, against the fake Stripe API: what Stripe is asked for (exact
 * amount, currency, references), one session per press however often it is pressed, a new one
 * after expiry, part payments, the fee line, and every refusal.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { type Customer, onlinePayments, organizations } from "@/db/schema";
import type { Member } from "@/lib/data/context";
import { saveDraft } from "@/lib/data/documents/drafts";
import { voidDocument } from "@/lib/data/documents/lifecycle";
import { recordPayment } from "@/lib/data/documents/payments";
import { ensureDocumentLink, unsafeResolveDocumentLink } from "@/lib/data/links";
import { deleteStripeConnection, saveStripeConnection, updateStripePaymentOptions } from "@/lib/data/stripe-connections";
import { env } from "@/lib/env";
import { type FakeStripe, startFakeStripe } from "@/tests/support/fake-stripe";
import { issueInvoice, payment } from "@/tests/support/documents";
import { createCustomer, createInvoicingOrg, createTaxRate, draftInput } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import { CheckoutError } from "./checkout-offer";
import { startCheckout } from "./checkout";

let handle: DbHandle;
let db: Db;
let fake: FakeStripe;
let owner: Member;
let customer: Customer;
const KEY = "rk_test_checkoutKey1234";
const OPTIONS = { partPaymentsEnabled: false, partPaymentMinimum: null, feeEnabled: false, feeRateBp: 0, feeFixed: 0, feeTaxRateId: null };

beforeAll(async () => {
  fake = await startFakeStripe();
  process.env.STRIPE_API_BASE = fake.url;
  handle = await createTestDb();
  db = handle.db;
  ({ owner } = await createInvoicingOrg(db, "Checkout", { defaultCurrency: "EUR" }));
  customer = await createCustomer(db, owner.orgId, { name: "Client Ltd" });
  await saveStripeConnection(owner, { secretKey: KEY, webhookSecret: "whsec_checkout_secret", accountId: null, accountName: null, livemode: false });
});
afterEach(async () => {
  fake.reset();
  await updateStripePaymentOptions(owner, OPTIONS);
});
afterAll(async () => {
  delete process.env.STRIPE_API_BASE;
  await fake.close();
  await handle?.close();
});

/** An issued EUR invoice of `cents` (one untaxed line) and its client link. */
async function invoiceLink(cents: number, currency = "EUR") {
  const invoice = await issueInvoice(db, owner, { ...draftInput(customer.id, { unitPrice: cents }), currency });
  const token = await ensureDocumentLink(owner, invoice.id);
  const link = (await unsafeResolveDocumentLink(token))!;
  return { invoice, token, link: { kind: "client-link" as const, ...link } };
}

const sessionCreates = () => fake.requests.filter((r) => r.method === "POST" && r.path === "/v1/checkout/sessions");
const rowsFor = (documentId: string) => db.select().from(onlinePayments).where(and(eq(onlinePayments.orgId, owner.orgId), eq(onlinePayments.documentId, documentId)));
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => "no refusal",
    (error: unknown) => (error instanceof CheckoutError ? error.problem : String(error)),
  );

describe("startCheckout", () => {
  it("asks Stripe for the exact balance in the invoice currency, with the invoice's references, and records the session", async () => {
    const { invoice, token, link } = await invoiceLink(123_456);
    const url = await startCheckout(link, token, null);
    const [session] = [...fake.sessions.values()];
    expect(url).toBe(`${fake.url}/checkout/${session!.id}`);
    const [request] = sessionCreates();
    const [row] = await rowsFor(invoice.id);
    expect(request!.form).toMatchObject({
      mode: "payment",
      "line_items[0][quantity]": "1",
      "line_items[0][price_data][currency]": "eur",
      "line_items[0][price_data][unit_amount]": "123456",
      "line_items[0][price_data][product_data][name]": `Invoice ${invoice.number}`,
      client_reference_id: invoice.id,
      "metadata[org_id]": owner.orgId,
      "metadata[document_id]": invoice.id,
      "metadata[online_payment_id]": row!.id,
      "metadata[invoice_number]": invoice.number!,
      "payment_intent_data[metadata][online_payment_id]": row!.id,
      "payment_intent_data[description]": `Invoice ${invoice.number}`,
      success_url: `${env.APP_URL}/i/${token}?checkout={CHECKOUT_SESSION_ID}`,
      cancel_url: `${env.APP_URL}/i/${token}`,
    });
    expect(request!.form["line_items[1][quantity]"]).toBeUndefined();
    expect(Object.keys(request!.form).some((k) => k.startsWith("payment_method_types"))).toBe(false);
    expect(request!.idempotencyKey).toBe(`checkout:${invoice.id}:123456:0:${link.linkId}`);
    expect(row).toMatchObject({ checkoutSessionId: session!.id, amount: 123_456, feeAmount: 0, feeTax: 0, currency: "EUR", status: "open" });
  });

  it("a double press (and a third) gives the same session and one row", async () => {
    const { invoice, token, link } = await invoiceLink(5_000);
    const urls = await Promise.all([startCheckout(link, token, null), startCheckout(link, token, null)]);
    urls.push(await startCheckout(link, token, null));
    expect(new Set(urls).size).toBe(1);
    expect(fake.sessions.size).toBe(1);
    expect(await rowsFor(invoice.id)).toHaveLength(1);
  });

  it("after the session expired, a new session under a new key; pressing again reuses that one", async () => {
    const { invoice, token, link } = await invoiceLink(7_500);
    const first = await startCheckout(link, token, null);
    const [expired] = [...fake.sessions.keys()];
    await fetch(`${fake.url}/v1/checkout/sessions/${expired}/expire`, { method: "POST", headers: { authorization: `Bearer ${KEY}` } });
    const second = await startCheckout(link, token, null);
    const third = await startCheckout(link, token, null);
    expect(second).not.toBe(first);
    expect(third).toBe(second);
    expect(fake.sessions.size).toBe(2);
    const rows = await rowsFor(invoice.id);
    expect(rows.map((r) => r.status).sort()).toEqual(["expired", "open"]);
    expect(sessionCreates().at(-1)!.idempotencyKey).toBe(`checkout:${invoice.id}:7500:0:${link.linkId}:after:${expired}`);
  });

  it("a session already paid (the webhook not in yet) sends the client to the confirmation, not to pay again", async () => {
    const { token, link } = await invoiceLink(2_000);
    await startCheckout(link, token, null);
    const [session] = [...fake.sessions.keys()];
    await fake.pay(session!, "card");
    expect(await startCheckout(link, token, null)).toBe(`${env.APP_URL}/i/${token}?checkout=${session}`);
    expect(fake.sessions.size).toBe(1);
  });

  it("part payments: between the minimum and the balance, in the invoice's decimals", async () => {
    await updateStripePaymentOptions(owner, { ...OPTIONS, partPaymentsEnabled: true, partPaymentMinimum: 2_000 });
    const { invoice, token, link } = await invoiceLink(10_000);
    expect(await refusal(startCheckout(link, token, "19.99"))).toBe("amount");
    expect(await refusal(startCheckout(link, token, "100.01"))).toBe("amount");
    expect(await refusal(startCheckout(link, token, "25.001"))).toBe("amount");
    expect(await refusal(startCheckout(link, token, "twenty"))).toBe("amount");
    expect(fake.sessions.size).toBe(0);
    await startCheckout(link, token, "20.00");
    await startCheckout(link, token, "100");
    expect(sessionCreates().map((r) => r.form["line_items[0][price_data][unit_amount]"])).toEqual(["2000", "10000"]);
    expect((await rowsFor(invoice.id)).map((r) => r.amount).sort((x, y) => x - y)).toEqual([2_000, 10_000]);
  });

  it("a client whose page is in German types the part the German way: 25,50 is €25.50, 1.000 is a thousand", async () => {
    await updateStripePaymentOptions(owner, { ...OPTIONS, partPaymentsEnabled: true, partPaymentMinimum: 2_000 });
    const kunde = await createCustomer(db, owner.orgId, { name: "Kunde GmbH", language: "de" });
    const invoice = await issueInvoice(db, owner, draftInput(kunde.id, { unitPrice: 10_000 }));
    const token = await ensureDocumentLink(owner, invoice.id);
    const link = { kind: "client-link" as const, ...(await unsafeResolveDocumentLink(token))! };
    // "1.000" is a thousand euros here, more than the balance; English rules refused "25,50".
    expect(await refusal(startCheckout(link, token, "1.000"))).toBe("amount");
    await startCheckout(link, token, "25,50");
    await startCheckout(link, token, "100,00");
    expect(sessionCreates().map((r) => r.form["line_items[0][price_data][unit_amount]"])).toEqual(["2550", "10000"]);
  });

  it("without part payments an amount typed anyway is ignored: the whole balance", async () => {
    const { token, link } = await invoiceLink(4_200);
    await startCheckout(link, token, "1.00");
    expect(sessionCreates()[0]!.form["line_items[0][price_data][unit_amount]"]).toBe("4200");
  });

  it("the fee is a second line, taxed, recorded with its tax and rate", async () => {
    const vat = await createTaxRate(db, owner.orgId, { name: "VAT", rateE4: 200_000 });
    await updateStripePaymentOptions(owner, { ...OPTIONS, feeEnabled: true, feeRateBp: 290, feeFixed: 30, feeTaxRateId: vat.id });
    const { invoice, token, link } = await invoiceLink(10_000);
    await startCheckout(link, token, null);
    // Worked in lib/money.fee.test.ts: net 332, tax 66, fee 398.
    expect(sessionCreates()[0]!.form).toMatchObject({
      "line_items[0][price_data][unit_amount]": "10000",
      "line_items[1][price_data][unit_amount]": "398",
      "line_items[1][price_data][product_data][name]": "Payment fee",
    });
    expect([...fake.sessions.values()][0]!.amount_total).toBe(10_398);
    expect((await rowsFor(invoice.id))[0]).toMatchObject({ amount: 10_000, feeAmount: 398, feeTax: 66, feeTaxRateId: vat.id });
  });

  it("zero-decimal currencies go as they are; three-decimal ones only in whole hundredths", async () => {
    const yen = await invoiceLink(5_000, "JPY");
    await startCheckout(yen.link, yen.token, null);
    expect(sessionCreates()[0]!.form).toMatchObject({ "line_items[0][price_data][currency]": "jpy", "line_items[0][price_data][unit_amount]": "5000" });
    const dinar = await invoiceLink(5_124, "KWD");
    expect(await refusal(startCheckout(dinar.link, dinar.token, null))).toBe("currency");
  });

  it("refuses a void invoice, a paid one, a quote, a draft, and when Stripe is not connected", async () => {
    const voided = await invoiceLink(1_000);
    await voidDocument(owner, voided.invoice.id, "Issued by mistake");
    expect(await refusal(startCheckout(voided.link, voided.token, null))).toBe("void");

    const paid = await invoiceLink(1_000);
    await recordPayment(owner, paid.invoice.id, payment(1_000));
    expect(await refusal(startCheckout(paid.link, paid.token, null))).toBe("paid");

    const quote = await issueInvoice(db, owner, { ...draftInput(customer.id, { unitPrice: 1_000 }), kind: "quote" });
    const quoteLink = (await unsafeResolveDocumentLink(await ensureDocumentLink(owner, quote.id)))!;
    expect(await refusal(startCheckout({ kind: "client-link", ...quoteLink }, "t", null))).toBe("not_payable");

    const draft = await saveDraft(owner, draftInput(customer.id, { unitPrice: 1_000 }));
    const draftLink = (await unsafeResolveDocumentLink(await ensureDocumentLink(owner, draft.id)))!;
    expect(await refusal(startCheckout({ kind: "client-link", ...draftLink }, "t", null))).toBe("not_payable");

    const open = await invoiceLink(1_000);
    await deleteStripeConnection(owner);
    try {
      expect(await refusal(startCheckout(open.link, open.token, null))).toBe("unavailable");
    } finally {
      await saveStripeConnection(owner, { secretKey: KEY, webhookSecret: "whsec_checkout_secret", accountId: null, accountName: null, livemode: false });
    }
    expect(fake.sessions.size).toBe(0);
    expect(await rowsFor(voided.invoice.id)).toHaveLength(0);
  });

  it("a payment still processing is not asked for again: only the rest is payable, and nothing once all is processing", async () => {
    await updateStripePaymentOptions(owner, { ...OPTIONS, partPaymentsEnabled: true, partPaymentMinimum: 1_000 });
    const { invoice, token, link } = await invoiceLink(9_000);
    await startCheckout(link, token, "40.00");
    await db.update(onlinePayments).set({ status: "processing" }).where(eq(onlinePayments.documentId, invoice.id));
    await startCheckout(link, token, null);
    expect(sessionCreates().map((r) => r.form["line_items[0][price_data][unit_amount]"])).toEqual(["4000", "5000"]);
    await db.update(onlinePayments).set({ status: "processing" }).where(eq(onlinePayments.documentId, invoice.id));
    expect(await refusal(startCheckout(link, token, null))).toBe("processing");
  });

  it("Stripe down or the key revoked: a message for the client, nothing recorded", async () => {
    const { invoice, token, link } = await invoiceLink(3_000);
    fake.rejectedKeys.add(KEY);
    expect(await refusal(startCheckout(link, token, null))).toBe("unavailable");
    fake.rejectedKeys.clear();
    process.env.STRIPE_API_BASE = "http://127.0.0.1:1";
    try {
      expect(await refusal(startCheckout(link, token, null))).toBe("stripe");
    } finally {
      process.env.STRIPE_API_BASE = fake.url;
    }
    expect(await rowsFor(invoice.id)).toHaveLength(0);
  });
});

describe("fee and part payments apply in the default currency only", () => {
  it("a USD invoice of a EUR organisation is paid in full, without a fee", async () => {
    await updateStripePaymentOptions(owner, { ...OPTIONS, partPaymentsEnabled: true, partPaymentMinimum: 100, feeEnabled: true, feeRateBp: 290, feeFixed: 30 });
    const [org] = await db.select({ defaultCurrency: organizations.defaultCurrency }).from(organizations).where(eq(organizations.id, owner.orgId));
    expect(org!.defaultCurrency).toBe("EUR");
    const { token, link } = await invoiceLink(8_000, "USD");
    await startCheckout(link, token, "10.00");
    expect(sessionCreates()[0]!.form).toMatchObject({ "line_items[0][price_data][currency]": "usd", "line_items[0][price_data][unit_amount]": "8000" });
    expect(sessionCreates()[0]!.form["line_items[1][quantity]"]).toBeUndefined();
  });
});
