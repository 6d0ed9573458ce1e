import { randomBytes } from "node:crypto";
import type { Executor } from "@/db";
import { type OnlinePayment, onlinePayments } from "@/db/schema";
import type { Member } from "@/lib/data/context";
import { saveStripeConnection, unsafeFindStripeConnectionByWebhookId } from "@/lib/data/stripe-connections";
import { findStripeConnection } from "@/lib/data/stripe-connections";
import type { FakeEvent, FakeStripe } from "./fake-stripe";

/** Stripe helpers for the webhook and ledger tests (the checkout code that creates these rows lives on another branch). */

export const newWebhookSecret = () => `whsec_${randomBytes(16).toString("hex")}`;

/** Connects the member's organisation to Stripe; returns the webhook id of its URL and the secrets. */
export async function connectStripe(db: Executor, owner: Member, webhookSecret = newWebhookSecret()) {
  const secretKey = `rk_test_${randomBytes(12).toString("hex")}`;
  await saveStripeConnection(owner, { secretKey, webhookSecret, accountId: "acct_test", accountName: "Test", livemode: false }, {}, db);
  const connection = (await findStripeConnection(owner, db))!;
  return { secretKey, webhookSecret, webhookId: connection.webhookId, connection: (await unsafeFindStripeConnectionByWebhookId(connection.webhookId, db))! };
}

/**
 * A Checkout Session in the fake (so fake.pay/settle/refund produce real-shaped events for it)
 * and our online_payments row for it, as the checkout code would create them.
 */
export async function openCheckout(
  db: Executor,
  fake: FakeStripe,
  input: { orgId: string; documentId: string; secretKey: string; amount: number; currency: string; feeAmount?: number; feeTax?: number; feeTaxRateId?: string | null; sessionCurrency?: string },
): Promise<OnlinePayment> {
  const { stripeClient } = await import("@/lib/stripe/client");
  const [row] = await db
    .insert(onlinePayments)
    .values({
      orgId: input.orgId,
      documentId: input.documentId,
      checkoutSessionId: `pending_${randomBytes(8).toString("hex")}`,
      amount: input.amount,
      feeAmount: input.feeAmount ?? 0,
      feeTax: input.feeTax ?? 0,
      feeTaxRateId: input.feeTaxRateId ?? null,
      currency: input.currency,
    })
    .returning();
  const lineItems = [{ quantity: 1, price_data: { currency: (input.sessionCurrency ?? input.currency).toLowerCase(), unit_amount: input.amount, product_data: { name: "Invoice" } } }];
  if (input.feeAmount) lineItems.push({ quantity: 1, price_data: { currency: (input.sessionCurrency ?? input.currency).toLowerCase(), unit_amount: input.feeAmount, product_data: { name: "Payment fee" } } });
  const session = await stripeClient(input.secretKey).checkout.sessions.create({
    mode: "payment",
    success_url: "http://localhost/i/x?paid={CHECKOUT_SESSION_ID}",
    line_items: lineItems,
    metadata: { online_payment_id: row!.id, document_id: input.documentId, org_id: input.orgId },
  });
  const { eq } = await import("drizzle-orm");
  const [updated] = await db.update(onlinePayments).set({ checkoutSessionId: session.id }).where(eq(onlinePayments.id, row!.id)).returning();
  return updated!;
}

/** The signed request Stripe would send to the webhook URL. */
export function webhookRequest(fake: FakeStripe, webhookId: string, event: FakeEvent | string, secret: string, timestamp?: number) {
  const { body, signature } = fake.sign(event, secret, timestamp);
  return new Request(`http://localhost/api/webhooks/stripe/${webhookId}`, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": signature }, body });
}
