import { sql } from "drizzle-orm";
import { bigint, primaryKey, boolean, char, check, foreignKey, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations, timestamps, users } from "./accounts";
import { documents, payments, taxRates } from "./invoicing";

/** Minor units, as in invoicing.ts. */
const money = (name: string) => bigint(name, { mode: "number" });

const orgRef = () =>
  uuid("org_id")
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" });

/** A reconciliation's result as stored (the shape is lib/services/stripe-reconcile.ts's ReconciliationResult). */
export type StoredReconciliation = {
  since: string;
  checkedAt: string;
  stripeSucceeded: number;
  matched: number;
  mismatches: StoredMismatch[];
  error?: string;
};

export type StoredMismatch =
  | { kind: "missing"; paymentIntentId: string; amount: number; currency: string; created: string; documentId: string | null; number: string | null }
  | { kind: "amount"; paymentIntentId: string; stripeAmount: number; stripeCurrency: string; ourAmount: number; ourCurrency: string; documentId: string; number: string | null }
  | { kind: "not_succeeded"; paymentIntentId: string; stripeStatus: string; ourAmount: number; ourCurrency: string; documentId: string; number: string | null };

/**
 * An organisation's Stripe account (Settings → Payments). The restricted secret key and the
 * webhook signing secret are encrypted with the field-encryption keys, bound to the organisation
 * id (lib/data/encrypted-fields.ts); only the key's last four characters are kept readable, to
 * show it masked.
 */
export const stripeConnections = pgTable(
  "stripe_connections",
  {
    orgId: uuid("org_id")
      .primaryKey()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /**
     * The random, public part of this organisation's webhook URL (/api/webhooks/stripe/<id>).
     * Not the organisation id: the URL names no tenant, and a new one is drawn on every connect.
     */
    webhookId: text("webhook_id").notNull(),
    secretKey: text("secret_key").notNull(),
    secretKeyLast4: text("secret_key_last4").notNull(),
    webhookSecret: text("webhook_secret").notNull(),
    /**
     * After the owner rolls the signing secret in Stripe, Stripe signs with both for a while:
     * the previous one is kept (encrypted) and accepted until this time.
     */
    previousWebhookSecret: text("previous_webhook_secret"),
    previousWebhookSecretUntil: timestamp("previous_webhook_secret_until", { withTimezone: true }),
    /** What the validating API call returned on save, when the key may read it (acct_…, the business name), and test or live. */
    accountId: text("account_id"),
    accountName: text("account_name"),
    livemode: boolean("livemode").notNull(),
    /** "Pay part": the client may pay less than the balance, but not less than this (minor units, invoice currency). */
    partPaymentsEnabled: boolean("part_payments_enabled").notNull().default(false),
    partPaymentMinimum: money("part_payment_minimum"),
    /** Pass-through fee (off by default): rate in basis points (290 = 2.9 %), fixed part in minor units. */
    feeEnabled: boolean("fee_enabled").notNull().default(false),
    feeRateBp: integer("fee_rate_bp").notNull().default(0),
    feeFixed: money("fee_fixed").notNull().default(0),
    feeTaxRateId: uuid("fee_tax_rate_id"),
    connectedById: uuid("connected_by_id").references(() => users.id, { onDelete: "set null" }),
    /**
     * The last reconciliation against Stripe (lib/services/stripe-reconcile.ts; `npm run jobs` or
     * "Check now"): when, and what it found. Kept so the page shows the job's result; the job
     * never records a payment by itself.
     */
    lastReconciledAt: timestamp("last_reconciled_at", { withTimezone: true }),
    lastReconciliation: jsonb("last_reconciliation").$type<StoredReconciliation>(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("stripe_connections_webhook_id_key").on(t.webhookId),
    check("stripe_connections_fee_check", sql`${t.feeRateBp} >= 0 and ${t.feeRateBp} < 10000 and ${t.feeFixed} >= 0`),
    check("stripe_connections_part_minimum_check", sql`${t.partPaymentMinimum} is null or ${t.partPaymentMinimum} > 0`),
    // One of the organisation's tax rates; deleting it nulls the column only (0026: ON DELETE SET NULL ("fee_tax_rate_id")).
    foreignKey({ name: "stripe_connections_fee_tax_rate_fk", columns: [t.orgId, t.feeTaxRateId], foreignColumns: [taxRates.orgId, taxRates.id] }).onDelete("set null"),
  ],
);

/**
 * Every Stripe event received, by Stripe's event id, inserted in the same transaction as its
 * effect: a replayed or duplicated event finds its row and changes nothing.
 */
export const stripeEvents = pgTable(
  "stripe_events",
  {
    // Unique per organisation, not globally: one Stripe account connected to two organisations
    // sends each event to both endpoints under the same id, and each must handle it.
    id: text("id").notNull(),
    orgId: orgRef(),
    type: text("type").notNull(),
    /** What handling it did, for the payments log ("recorded", "ignored: not ours", …). */
    outcome: text("outcome").notNull(),
    /** The invoice the event was about, when it was one of ours (the events log links it). */
    documentId: uuid("document_id"),
    stripeCreatedAt: timestamp("stripe_created_at", { withTimezone: true }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * A refund or dispute that arrived before the payment it is about was recorded (Stripe does not
     * promise order): the PaymentIntent it waits for, and the event's object to apply then. Cleared
     * in the transaction that records that payment.
     */
    waitingFor: text("waiting_for"),
    payload: jsonb("payload").$type<Record<string, unknown>>(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index("stripe_events_org_id_received_at_idx").on(t.orgId, t.receivedAt),
    index("stripe_events_org_id_waiting_for_idx").on(t.orgId, t.waitingFor).where(sql`${t.waitingFor} is not null`),
    // The organisation's own invoice; deleting it nulls document_id only (0026: ON DELETE SET NULL ("document_id")).
    foreignKey({ name: "stripe_events_document_fk", columns: [t.orgId, t.documentId], foreignColumns: [documents.orgId, documents.id] }).onDelete("set null"),
  ],
);

/**
 * Why an online payment needs its owner, as data (amounts in minor units of `currency`, the
 * collected one for a mismatch); lib/payment-attention.ts words it.
 */
export type PaymentAttention =
  | { code: "currency_mismatch"; collected: number; collectedCurrency: string; invoiceCurrency: string }
  | { code: "fee_not_covered"; collected: number; currency: string }
  | { code: "invoice_not_payable"; collected: number; currency: string; status: string }
  | { code: "fee_invoice_not_issued"; fee: number; feeTax: number; currency: string };

/**
 * open: the client was sent to Checkout; processing: paid with a delayed method (SEPA Debit,
 * ACH, bank transfer), not money yet; succeeded: a payment row was recorded; failed / expired:
 * nothing was collected.
 */
export const onlinePaymentStatus = pgEnum("online_payment_status", ["open", "processing", "succeeded", "failed", "expired"]);

/**
 * One Stripe Checkout Session created for an invoice, and what became of it. A successful one
 * points at the payment it recorded; processing ones are the dashboard's "processing" figure and
 * never count as paid.
 */
export const onlinePayments = pgTable(
  "online_payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    documentId: uuid("document_id").notNull(),
    checkoutSessionId: text("checkout_session_id").notNull(),
    /** Known once the client has paid (checkout.session.completed). */
    paymentIntentId: text("payment_intent_id"),
    /** What the client pays towards the invoice, and the pass-through fee on top (both minor units). */
    amount: money("amount").notNull(),
    /** The fee as charged (tax included), the tax part of it, and the rate it was taxed at when Checkout was created. */
    feeAmount: money("fee_amount").notNull().default(0),
    feeTax: money("fee_tax").notNull().default(0),
    feeTaxRateId: uuid("fee_tax_rate_id"),
    currency: char("currency", { length: 3 }).notNull(),
    status: onlinePaymentStatus("status").notNull().default("open"),
    paymentId: uuid("payment_id"),
    failureReason: text("failure_reason"),
    /**
     * Why this payment needs the owner (shown on the invoice page), e.g. a currency mismatch:
     * Stripe collected money the ledger could not record. Null when all is well.
     */
    attention: text("attention"),
    /** The same as data, worded on the invoice page in the reader's language (lib/payment-attention.ts); null on rows from before 0032. */
    attentionDetail: jsonb("attention_detail").$type<PaymentAttention>(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("online_payments_checkout_session_id_key").on(t.checkoutSessionId),
    uniqueIndex("online_payments_org_id_payment_intent_id_key").on(t.orgId, t.paymentIntentId),
    index("online_payments_org_id_document_id_idx").on(t.orgId, t.documentId),
    // Dashboard "processing" per currency.
    index("online_payments_org_id_processing_idx").on(t.orgId, t.currency).where(sql`${t.status} = 'processing'`),
    foreignKey({ name: "online_payments_document_fk", columns: [t.orgId, t.documentId], foreignColumns: [documents.orgId, documents.id] }).onDelete("cascade"),
    // The fee's tax rate and the recorded payment are the organisation's own; deleting either nulls
    // that column only (0026: ON DELETE SET NULL ("fee_tax_rate_id") / ("payment_id")).
    foreignKey({ name: "online_payments_fee_tax_rate_fk", columns: [t.orgId, t.feeTaxRateId], foreignColumns: [taxRates.orgId, taxRates.id] }).onDelete("set null"),
    foreignKey({ name: "online_payments_payment_fk", columns: [t.orgId, t.paymentId], foreignColumns: [payments.orgId, payments.id] }).onDelete("set null"),
    check("online_payments_amount_check", sql`${t.amount} > 0 and ${t.feeAmount} >= 0 and ${t.feeTax} >= 0 and ${t.feeTax} <= ${t.feeAmount}`),
  ],
);

export type StripeConnection = typeof stripeConnections.$inferSelect;
export type OnlinePayment = typeof onlinePayments.$inferSelect;
export type OnlinePaymentStatus = (typeof onlinePaymentStatus.enumValues)[number];
