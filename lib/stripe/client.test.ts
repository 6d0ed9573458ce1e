import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeStripe, startFakeStripe } from "@/tests/support/fake-stripe";
import { stripeClient } from "./client";

describe("stripeClient against the fake Stripe API", () => {
  let fake: FakeStripe;
  const received: { body: string; signature: string }[] = [];
  let hook: ReturnType<typeof createServer>;
  beforeAll(async () => {
    fake = await startFakeStripe();
    process.env.STRIPE_API_BASE = fake.url;
    hook = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString("utf8")));
      req.on("end", () => {
        received.push({ body, signature: String(req.headers["stripe-signature"]) });
        res.end("ok");
      });
    });
    await new Promise<void>((r) => hook.listen(0, "127.0.0.1", r));
    fake.addEndpoint({ url: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/`, secret: "whsec_test_secret_123456" });
  });
  afterAll(async () => {
    delete process.env.STRIPE_API_BASE;
    await fake.close();
    hook.close();
  });

  it("sends the idempotency key, so a retried create returns the same Checkout Session", async () => {
    const stripe = stripeClient("rk_test_abcdefgh1234");
    const params: Stripe.Checkout.SessionCreateParams = {
      mode: "payment",
      success_url: "http://localhost/i/x?paid={CHECKOUT_SESSION_ID}",
      line_items: [{ quantity: 1, price_data: { currency: "eur", unit_amount: 136_800, product_data: { name: "Invoice INV-0001" } } }],
    };
    const a = await stripe.checkout.sessions.create(params, { idempotencyKey: "inv-1:136800" });
    const b = await stripe.checkout.sessions.create(params, { idempotencyKey: "inv-1:136800" });
    expect(b.id).toBe(a.id);
    expect(a.amount_total).toBe(136_800);
    expect(fake.requests.filter((r) => r.path === "/v1/checkout/sessions").map((r) => r.idempotencyKey)).toEqual(["inv-1:136800", "inv-1:136800"]);
  });

  it("refuses an invalid key with Stripe's authentication error", async () => {
    await expect(stripeClient("rk_test_invalid0000").balance.retrieve()).rejects.toMatchObject({ type: "StripeAuthenticationError" });
  });

  it("delivers events signed so that Stripe.webhooks.constructEvent accepts them, and only with the right secret", async () => {
    const stripe = stripeClient("rk_test_abcdefgh1234");
    const session = await stripe.checkout.sessions.create({ mode: "payment", success_url: "http://localhost/", line_items: [{ quantity: 2, price_data: { currency: "usd", unit_amount: 500, product_data: { name: "x" } } }] });
    await fake.pay(session.id, "sepa_debit");
    const last = received.at(-1)!;
    const event = Stripe.webhooks.constructEvent(last.body, last.signature, "whsec_test_secret_123456");
    expect(event.type).toBe("checkout.session.completed");
    expect((event.data.object as Stripe.Checkout.Session).payment_status).toBe("unpaid");
    expect((event.data.object as Stripe.Checkout.Session).amount_total).toBe(1_000);
    expect(() => Stripe.webhooks.constructEvent(last.body, last.signature, "whsec_other_secret_000000")).toThrow();
  });
});
