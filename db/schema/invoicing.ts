/**
 * The invoicing aggregate: tax rates, customers and their contacts, items, documents with their
 * lines, taxes, payments, numbering and timeline. Over 300 lines because these tables reference each
 * other through composite (org_id, …) foreign keys and the ledger CHECKs; one file keeps them in view.
 */
import { sql } from "drizzle-orm";
import { bigint, boolean, char, check, date, foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations, timestamps, users } from "./accounts";

/** Minor units (cents). bigint in SQL; always a safe integer in TypeScript (lib/money.ts caps amounts at 10^13). */
const money = (name: string) => bigint(name, { mode: "number" });
const orgRef = () =>
  uuid("org_id")
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" });

export const roundingMode = pgEnum("rounding_mode", ["line", "document"]);
export const discountType = pgEnum("discount_type", ["percent", "amount"]);

export const taxRates = pgTable(
  "tax_rates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    name: text("name").notNull(),
    /** Percent × 10^4: 20% = 200000. */
    rateE4: integer("rate_e4").notNull(),
    inclusive: boolean("inclusive").notNull().default(false),
    compound: boolean("compound").notNull().default(false),
    /**
     * EN 16931 VAT category (UNCL5305, lib/einvoice/codes.ts): S standard, Z zero, E exempt, AE reverse
     * charge, K intra-community, G export, O outside scope, L Canary Islands, M Ceuta and Melilla.
     * Ignored for a withholding tax (negative rate), which is not VAT.
     */
    vatCategory: text("vat_category").notNull().default("S"),
    /** Why no VAT is charged (BT-120), printed on the document; required for E, AE, K, G, O. */
    exemptionReason: text("exemption_reason"),
    /** The VATEX code of that reason (BT-121), e.g. VATEX-EU-AE. */
    exemptionCode: text("exemption_code"),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    // Tax settings page and the editor's tax picker: an organisation's rates by name.
    index("tax_rates_org_id_name_idx").on(t.orgId, t.name),
    // Target of the composite foreign keys from Stripe fees and late-fee settings (migration 0026).
    unique("tax_rates_org_id_id_key").on(t.orgId, t.id),
    check("tax_rates_vat_category_check", sql`${t.vatCategory} in ('S','Z','E','AE','K','G','O','L','M')`),
    // A negative rate is a withholding tax (Spain's IRPF −15%): charged on the net amount, never
    // included in prices nor compounded.
    check("tax_rates_rate_check", sql`${t.rateE4} between -1000000 and 1000000 and (${t.rateE4} >= 0 or (not ${t.inclusive} and not ${t.compound}))`),
  ],
);

export const customers = pgTable(
  "customers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    name: text("name").notNull(),
    email: text("email"),
    phone: text("phone"),
    addressLine1: text("address_line1"),
    addressLine2: text("address_line2"),
    city: text("city"),
    postalCode: text("postal_code"),
    region: text("region"),
    country: char("country", { length: 2 }),
    taxId: text("tax_id"),
    currency: char("currency", { length: 3 }),
    language: text("language"),
    paymentTermsDays: integer("payment_terms_days"),
    /** BT-10: the reference the buyer asks every invoice to carry (in Germany the Leitweg-ID). */
    buyerReference: text("buyer_reference"),
    /** BT-49: where the buyer receives e-invoices (a Peppol participant id, an email…) and its EAS scheme. */
    electronicAddress: text("electronic_address"),
    electronicAddressScheme: text("electronic_address_scheme"),
    /** E-invoice format for this customer's documents; null = the organisation's default. */
    einvoiceFormat: text("einvoice_format"),
    notes: text("notes"),
    /** Set when an email to this customer bounced (Documents issue). */
    emailBouncedAt: timestamp("email_bounced_at", { withTimezone: true }),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    // Customer list sorted by name, and the editor's customer picker (prefix search on lower(name)).
    index("customers_org_id_lower_name_idx").on(t.orgId, sql`lower(${t.name})`),
    index("customers_org_id_created_at_idx").on(t.orgId, t.createdAt),
    // Searching customers by any part of the name (customer list, document lists' search box).
    index("customers_name_trgm_idx").using("gin", t.name.op("gin_trgm_ops")),
    // Target of the composite foreign keys below: a row may only name a customer of its own organisation.
    unique("customers_org_id_id_key").on(t.orgId, t.id),
    check("customers_einvoice_format_check", sql`${t.einvoiceFormat} in ('none','xrechnung-ubl','xrechnung-cii','peppol-bis','factur-x')`),
  ],
);

export const customerContacts = pgTable(
  "customer_contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    customerId: uuid("customer_id").notNull(),
    name: text("name"),
    email: text("email").notNull(),
    isPrimary: boolean("is_primary").notNull().default(false),
    ...timestamps,
  },
  (t) => [
    // A customer's contacts on its page and when sending a document.
    index("customer_contacts_org_id_customer_id_idx").on(t.orgId, t.customerId),
    // At most one primary contact per customer.
    uniqueIndex("customer_contacts_one_primary_key").on(t.customerId).where(sql`${t.isPrimary}`),
    foreignKey({ name: "customer_contacts_customer_fk", columns: [t.orgId, t.customerId], foreignColumns: [customers.orgId, customers.id] }).onDelete("cascade"),
  ],
);

export const items = pgTable(
  "items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    name: text("name").notNull(),
    description: text("description"),
    unit: text("unit"),
    unitPrice: money("unit_price").notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    taxRateIds: jsonb("tax_rate_ids").$type<string[]>().notNull().default([]),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    // Item catalogue sorted by name and the editor's item autocomplete (prefix on lower(name)).
    index("items_org_id_lower_name_idx").on(t.orgId, sql`lower(${t.name})`),
    // Target of the composite foreign keys from document and recurring-profile lines.
    unique("items_org_id_id_key").on(t.orgId, t.id),
  ],
);

export const documentKind = pgEnum("document_kind", ["invoice", "quote", "credit_note"]);
export const documentStatus = pgEnum("document_status", [
  "draft",
  // invoices
  "issued",
  "sent",
  "viewed",
  "partially_paid",
  "paid",
  "void",
  // quotes
  "accepted",
  "declined",
  "expired",
  "converted",
]);

/** What a document said about its customer when it was issued: later edits to the customer don't rewrite history. */
export type CustomerSnapshot = {
  name: string;
  email: string | null;
  addressLines: string[];
  taxId: string | null;
  /** The address field by field and the e-invoice terms (absent on documents issued before e-invoicing). */
  address?: { line1: string | null; line2: string | null; city: string | null; postalCode: string | null; region: string | null; country: string | null };
  buyerReference?: string | null;
  electronicAddress?: string | null;
  electronicAddressScheme?: string | null;
  /** The customer's document language when issued (lib/i18n), so an issued document keeps its language. */
  language?: string | null;
};

/** Invoices, quotes and credit notes share one table: same editor, same lines, same totals. */
export const documents = pgTable(
  "documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    kind: documentKind("kind").notNull(),
    status: documentStatus("status").notNull().default("draft"),
    /** Assigned when issued, inside the issuing transaction; null for drafts. */
    number: text("number"),
    customerId: uuid("customer_id").notNull(),
    customerSnapshot: jsonb("customer_snapshot").$type<CustomerSnapshot>(),
    currency: char("currency", { length: 3 }).notNull(),
    issueDate: date("issue_date", { mode: "string" }).notNull(),
    /** Due date for invoices, "valid until" for quotes. */
    dueDate: date("due_date", { mode: "string" }),
    rounding: roundingMode("rounding").notNull().default("line"),
    discountType: discountType("discount_type"),
    /** rateE4 when percent, minor units when amount. */
    discountValue: bigint("discount_value", { mode: "number" }),
    notes: text("notes"),
    terms: text("terms"),
    footer: text("footer"),
    /** The document's own language (lib/i18n launch code); null = the customer's, else the organisation's. */
    language: text("language"),
    /** BT-72 actual delivery date, or the invoicing period BT-73/BT-74 (both or neither). */
    deliveryDate: date("delivery_date", { mode: "string" }),
    periodStart: date("period_start", { mode: "string" }),
    periodEnd: date("period_end", { mode: "string" }),
    /** BT-13 the buyer's purchase order reference; BT-10 the buyer reference (defaults from the customer). */
    purchaseOrderRef: text("purchase_order_ref"),
    buyerReference: text("buyer_reference"),
    /** BT-81 payment means (UNCL4461): 58 SEPA credit transfer, 30 credit transfer, 48 card, 10 cash… */
    paymentMeansCode: text("payment_means_code"),
    /** The e-invoice format decided when the document was issued (customer's, else the organisation's); null = none. */
    einvoiceFormat: text("einvoice_format"),
    subtotal: money("subtotal").notNull().default(0),
    discountTotal: money("discount_total").notNull().default(0),
    /**
     * What the document shows (EN 16931): Σ the lines' net amounts, after their own discounts
     * (BT-106), and the whole-document discount (BT-107). Both are parts of subtotal − discountTotal,
     * stored at save time so no page, PDF or export redoes the arithmetic.
     */
    lineAmountTotal: money("line_amount_total").notNull().default(0),
    documentDiscount: money("document_discount").notNull().default(0),
    taxTotal: money("tax_total").notNull().default(0),
    total: money("total").notNull().default(0),
    amountPaid: money("amount_paid").notNull().default(0),
    amountCredited: money("amount_credited").notNull().default(0),
    /**
     * total − paid − credited, kept in step by the same transactions that change them (lib/money.ts
     * ledger functions). Issued quotes and credit notes and void documents owe nothing: 0.
     */
    balance: money("balance").notNull().default(0),
    /** Quote → invoice it became; credit note → invoice it credits; "void and copy" → the voided original. */
    sourceDocumentId: uuid("source_document_id"),
    /** A deposit the quote or invoice asks for: percent (rateE4) or amount (minor units); null for none. */
    depositType: discountType("deposit_type"),
    depositValue: bigint("deposit_value", { mode: "number" }),
    /** The deposit's total as lib/money.ts planDeposit computed it at save time (what the deposit invoice will charge); 0 without one. */
    depositAmount: money("deposit_amount").notNull().default(0),
    /** Set on a deposit invoice: the quote whose acceptance issued it (one per quote, unique below). */
    depositForDocumentId: uuid("deposit_for_document_id"),
    voidReason: text("void_reason"),
    issuedAt: timestamp("issued_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    viewedAt: timestamp("viewed_at", { withTimezone: true }),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    /**
     * Invoices: the latest paid_on of their payments (null without payments), kept in step by
     * recordPayment and deletePayment. Lets the dashboard's average days to pay read paid invoices
     * by the date of their final payment instead of checking every payment for a later one.
     */
    lastPaidOn: date("last_paid_on", { mode: "string" }),
    /**
     * Set by the Stripe ledger (lib/data/stripe-ledger.ts) when a client's online payment arrived
     * after the balance had already been paid some other way: the money is recorded, the balance
     * goes below zero, and the owner settles it (credit note or refund). The one way an issued
     * invoice may owe less than nothing (documents_amounts_check); manual payments never set it.
     */
    gatewayOverpaid: boolean("gateway_overpaid").notNull().default(false),
    /** When Stripe told us a client disputed an online payment of this invoice (charge.dispute.created). */
    disputedAt: timestamp("disputed_at", { withTimezone: true }),
    voidedAt: timestamp("voided_at", { withTimezone: true }),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    // Gapless, unique numbers per organisation and kind.
    uniqueIndex("documents_org_id_kind_number_key").on(t.orgId, t.kind, t.number),
    // The document lists: newest first by issue date, filtered by kind (and often status). Plain
    // ascending columns: a backward scan serves "issue_date desc, id desc" (a DESC NULLS LAST index
    // would not, since ORDER BY ... DESC means NULLS FIRST).
    index("documents_org_id_kind_issue_date_id_idx").on(t.orgId, t.kind, t.issueDate, t.id),
    index("documents_org_id_kind_status_issue_date_id_idx").on(t.orgId, t.kind, t.status, t.issueDate, t.id),
    // The list sorted by total.
    index("documents_org_id_kind_total_id_idx").on(t.orgId, t.kind, t.total, t.id),
    // A customer's documents, and the list filtered by customer.
    index("documents_org_id_customer_id_issue_date_id_idx").on(t.orgId, t.customerId, t.issueDate, t.id),
    // Overdue and upcoming due dates (dashboard, reminders).
    index("documents_org_id_due_date_idx").on(t.orgId, t.dueDate).where(sql`${t.kind} = 'invoice' and ${t.status} in ('issued','sent','viewed','partially_paid')`),
    // Credit notes of an invoice; the invoice a quote became.
    index("documents_source_document_id_idx").on(t.sourceDocumentId),
    // The lists' search box: `number ilike '%term%'` (a btree cannot serve a leading wildcard).
    index("documents_number_trgm_idx").using("gin", t.number.op("gin_trgm_ops")),
    // Dashboard and reports, per currency and period (lib/data/dashboard.ts, reports.ts): invoiced
    // and its previous period, the 12-month series, top customers, sales by customer, and the
    // documents joined by the tax summary and sales by item. The trailing columns let Postgres
    // answer the sums from the index alone.
    index("documents_org_id_currency_issue_date_idx").on(t.orgId, t.currency, t.issueDate, t.kind, t.status, t.customerId, t.total, t.taxTotal),
    // Open invoices per currency (dashboard key figures' balances, aging, top customers by
    // overdue, coming due; the aging report): only open invoices, with what those queries read.
    index("documents_org_id_currency_open_due_date_idx")
      .on(t.orgId, t.currency, t.dueDate, t.issueDate, t.customerId, t.balance)
      .where(sql`${t.kind} = 'invoice' and ${t.status} in ('issued','sent','viewed','partially_paid')`),
    // Dashboard average days to pay (averageDaysToPay in lib/data/dashboard.ts): paid invoices per
    // currency by the date of their final payment, with the issue date, index only.
    index("documents_org_id_currency_last_paid_on_idx")
      .on(t.orgId, t.currency, t.lastPaidOn, t.issueDate)
      .where(sql`${t.kind} = 'invoice' and ${t.status} = 'paid'`),
    unique("documents_org_id_id_key").on(t.orgId, t.id),
    // Accepting a quote issues its deposit invoice exactly once: a second acceptance (double click,
    // client and owner at once) hits this index inside the accepting transaction. Also serves
    // "the deposit invoices of this quote" (convertQuote, the quote's page).
    uniqueIndex("documents_deposit_for_document_id_key").on(t.depositForDocumentId),
    foreignKey({ name: "documents_deposit_for_document_fk", columns: [t.orgId, t.depositForDocumentId], foreignColumns: [t.orgId, t.id] }),
    foreignKey({ name: "documents_customer_fk", columns: [t.orgId, t.customerId], foreignColumns: [customers.orgId, customers.id] }).onDelete("restrict"),
    // The quote, invoice or voided original a document came from is in the same organisation.
    // NO ACTION (checked at the end of the statement) so an organisation's documents cascade away together.
    foreignKey({ name: "documents_source_document_fk", columns: [t.orgId, t.sourceDocumentId], foreignColumns: [t.orgId, t.id] }),
    // The ledger. Drafts and open or paid invoices: balance = total − paid − credited (payments and
    // credits are never recorded on anything but an issued invoice, so a draft's balance is its total).
    check(
      "documents_ledger_check",
      sql`${t.balance} = case when ${t.status} = 'void' or (${t.kind} <> 'invoice' and ${t.status} <> 'draft') then 0 else ${t.total} - ${t.amountPaid} - ${t.amountCredited} end`,
    ),
    // Paid and credited amounts only add up; an issued document never has a negative total (issueDocument
    // refuses it) nor owes less than nothing. Drafts may: a negative line can outweigh the others.
    // The exception: an online payment that overpaid a paid invoice (gateway_overpaid, see above).
    check(
      "documents_amounts_check",
      sql`${t.amountPaid} >= 0 and ${t.amountCredited} >= 0 and (${t.status} = 'draft' or (${t.total} >= 0 and (${t.balance} >= 0 or (${t.gatewayOverpaid} and ${t.kind} = 'invoice' and ${t.status} = 'paid'))))`,
    ),
    // The summary the client reads adds up: Σ line amounts − document discount = subtotal − all discounts.
    check("documents_line_amounts_check", sql`${t.lineAmountTotal} - ${t.documentDiscount} = ${t.subtotal} - ${t.discountTotal}`),
    check("documents_einvoice_format_check", sql`${t.einvoiceFormat} in ('xrechnung-ubl','xrechnung-cii','peppol-bis','factur-x')`),
    check("documents_period_check", sql`(${t.periodStart} is null) = (${t.periodEnd} is null) and (${t.periodStart} is null or ${t.periodStart} <= ${t.periodEnd})`),
  ],
);

/**
 * Running count and sums of documents per organisation, kind, status and currency, kept by
 * statement-level triggers on `documents` (migration 0005) so no write path can forget them.
 * Serves the lists' per-currency totals when only kind, status and currency filter them: summing
 * 100,000 invoices on every page load cost more than the page itself. Not a foreign key to
 * organisations: the trigger also runs while an organisation's documents are cascade-deleted.
 */
export const documentTotals = pgTable(
  "document_totals",
  {
    orgId: uuid("org_id").notNull(),
    kind: documentKind("kind").notNull(),
    status: documentStatus("status").notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    count: bigint("count", { mode: "number" }).notNull(),
    total: money("total").notNull(),
    balance: money("balance").notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.kind, t.status, t.currency] })],
);

export type LineTaxSnapshot = {
  id: string;
  name: string;
  /** Negative for a withholding tax. */
  rateE4: number;
  inclusive: boolean;
  compound: boolean;
  /** The tax rate's VAT category and exemption when the line was saved (absent on lines saved before e-invoicing: read as S). */
  vatCategory?: string;
  exemptionReason?: string | null;
  exemptionCode?: string | null;
};

export const documentLines = pgTable(
  "document_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    documentId: uuid("document_id").notNull(),
    position: integer("position").notNull(),
    /** The catalogue item the line was picked from; set to null when that item is deleted (the line keeps its copy). */
    itemId: uuid("item_id"),
    description: text("description").notNull(),
    unit: text("unit"),
    /** Quantity × 10^4 (1.5 = 15000). */
    quantityE4: bigint("quantity_e4", { mode: "number" }).notNull(),
    unitPrice: money("unit_price").notNull(),
    discountType: discountType("discount_type"),
    discountValue: bigint("discount_value", { mode: "number" }),
    /** The rates as they were when the line was saved. */
    taxes: jsonb("taxes").$type<LineTaxSnapshot[]>().notNull().default([]),
    /** round(quantity × unit price). */
    net: money("net").notNull(),
    /** The line's own discount (from discountType/discountValue, clamped to |net|). */
    lineDiscount: money("line_discount").notNull(),
    /** The line's net amount shown in its Amount column (EN 16931 BT-131): net − lineDiscount. */
    amount: money("amount").notNull(),
    /** The line's own discount plus its share of the document discount. */
    discount: money("discount").notNull(),
    taxable: money("taxable").notNull(),
    tax: money("tax").notNull(),
    total: money("total").notNull(),
    /** A final invoice's "Less deposits paid" line: the deposit invoice it deducts (null on every other line). */
    depositInvoiceId: uuid("deposit_invoice_id"),
  },
  (t) => [
    // Lines of a document in order.
    index("document_lines_document_id_position_idx").on(t.documentId, t.position),
    // Deleting an item finds the lines that name it (the composite key's ON DELETE) without a scan.
    index("document_lines_org_id_item_id_idx").on(t.orgId, t.itemId).where(sql`${t.itemId} is not null`),
    // What the line shows is what it was charged: amount and taxable follow from net and the discounts.
    check(
      "document_lines_amounts_check",
      sql`${t.amount} = ${t.net} - ${t.lineDiscount} and abs(${t.lineDiscount}) <= abs(${t.net}) and ${t.taxable} = ${t.net} - ${t.discount}`,
    ),
    foreignKey({ name: "document_lines_document_fk", columns: [t.orgId, t.documentId], foreignColumns: [documents.orgId, documents.id] }).onDelete("cascade"),
    // The line's item is one of the same organisation's items. Deleting the item sets item_id
    // alone to null: migration 0026 writes ON DELETE SET NULL ("item_id"), which drizzle-kit
    // cannot express (it would null org_id too, which is NOT NULL).
    foreignKey({ name: "document_lines_item_fk", columns: [t.orgId, t.itemId], foreignColumns: [items.orgId, items.id] }).onDelete("set null"),
    // The deducted deposit invoice is one of the same organisation's documents.
    foreignKey({ name: "document_lines_deposit_invoice_fk", columns: [t.orgId, t.depositInvoiceId], foreignColumns: [documents.orgId, documents.id] }),
  ],
);

/** The per-rate tax breakdown of a document, as computed by lib/money.ts (tax summary reports read it). */
export const documentTaxes = pgTable(
  "document_taxes",
  {
    orgId: orgRef(),
    documentId: uuid("document_id").notNull(),
    taxId: text("tax_id").notNull(),
    name: text("name").notNull(),
    rateE4: integer("rate_e4").notNull(),
    inclusive: boolean("inclusive").notNull(),
    compound: boolean("compound").notNull(),
    /** Copied from the line snapshots (null on documents saved before e-invoicing: read as S). */
    vatCategory: text("vat_category"),
    exemptionReason: text("exemption_reason"),
    exemptionCode: text("exemption_code"),
    base: money("base").notNull(),
    amount: money("amount").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.documentId, t.taxId] }),
    index("document_taxes_org_id_idx").on(t.orgId),
    foreignKey({ name: "document_taxes_document_fk", columns: [t.orgId, t.documentId], foreignColumns: [documents.orgId, documents.id] }).onDelete("cascade"),
  ],
);

export const payments = pgTable(
  "payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    documentId: uuid("document_id").notNull(),
    paidOn: date("paid_on", { mode: "string" }).notNull(),
    /**
     * The invoice's issue and due dates, copied when the payment is recorded. Payments are only
     * recorded on issued invoices, whose dates never change (saveDraft edits drafts only) and which
     * can't be voided while they have payments; so the dashboard's "owed on a past date" sums read
     * them here instead of looking up each payment's invoice.
     */
    invoiceIssueDate: date("invoice_issue_date", { mode: "string" }).notNull(),
    invoiceDueDate: date("invoice_due_date", { mode: "string" }),
    amount: money("amount").notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    method: text("method").notNull(),
    reference: text("reference"),
    note: text("note"),
    /**
     * Generated by the payment form when it opens and sent with every submission of it: a second
     * request from one click (double-submit, a retried request) carries the same key and finds the
     * payment already recorded. Null for payments written by scripts and imports.
     */
    idempotencyKey: uuid("idempotency_key"),
    /**
     * Stripe's id for the money this row records: the PaymentIntent id for a payment, "<pi>:fee"
     * for the fee invoice's payment, "<charge>:refund:<cumulative amount>" for a refund. Unique, and
     * inserted in the transaction that updates the ledger: a payment is recorded once whichever
     * event (or reconciliation) arrives first. Null for manual payments.
     */
    externalId: text("external_id"),
    /** A refund (negative amount) names the payment it gives money back from. */
    refundOfId: uuid("refund_of_id"),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    // recordPayment inserts under this key in the payment's own transaction: one payment per form submission.
    uniqueIndex("payments_org_id_document_id_idempotency_key_key").on(t.orgId, t.documentId, t.idempotencyKey),
    // An invoice's payments; payments received by date (reports, dashboard "collected").
    index("payments_org_id_document_id_idx").on(t.orgId, t.documentId),
    index("payments_org_id_paid_on_idx").on(t.orgId, t.paidOn),
    // Dashboard "collected", the 12-month series, payments received after a date (outstanding as
    // of a past date: paymentSums in lib/data/dashboard.ts reads the invoice dates from it, index
    // only) and the payments report, per currency (lib/data/dashboard.ts, reports.ts).
    index("payments_org_id_currency_paid_on_idx").on(t.orgId, t.currency, t.paidOn, t.documentId, t.amount, t.invoiceIssueDate, t.invoiceDueDate),
    foreignKey({ name: "payments_document_fk", columns: [t.orgId, t.documentId], foreignColumns: [documents.orgId, documents.id] }).onDelete("cascade"),
    uniqueIndex("payments_org_id_external_id_key").on(t.orgId, t.externalId),
    // A refund gives money back from a payment of the same organisation (migration 0026).
    unique("payments_org_id_id_key").on(t.orgId, t.id),
    foreignKey({ name: "payments_refund_of_fk", columns: [t.orgId, t.refundOfId], foreignColumns: [t.orgId, t.id] }).onDelete("cascade"),
    // recordPayment refuses zero and negative amounts; only a refund recorded from Stripe
    // (charge.refunded) is negative, and it names the payment it refunds.
    check("payments_amount_check", sql`(${t.refundOfId} is null and ${t.amount} > 0) or (${t.refundOfId} is not null and ${t.amount} < 0)`),
  ],
);

/** One counter per organisation, kind and period (the year, or 0 when numbering never resets). */
export const numberSequences = pgTable(
  "number_sequences",
  {
    orgId: orgRef(),
    kind: documentKind("kind").notNull(),
    period: integer("period").notNull(),
    lastValue: integer("last_value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.kind, t.period] })],
);

export const documentEvents = pgTable(
  "document_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    documentId: uuid("document_id").notNull(),
    type: text("type").notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    meta: jsonb("meta").$type<Record<string, unknown>>(),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    // A document's timeline, oldest first.
    index("document_events_document_id_created_at_idx").on(t.documentId, t.createdAt),
    // The dashboard's recent activity: an organisation's latest events (lib/data/dashboard-lists.ts).
    index("document_events_org_id_created_at_idx").on(t.orgId, t.createdAt),
    foreignKey({ name: "document_events_document_fk", columns: [t.orgId, t.documentId], foreignColumns: [documents.orgId, documents.id] }).onDelete("cascade"),
  ],
);

/**
 * The e-invoice XML of an issued document, generated and validated against the official rules when
 * it was issued (lib/services/einvoice.ts). Issued documents never change, so neither does this:
 * downloads, the client link and email attachments serve these bytes.
 */
export const documentEinvoices = pgTable(
  "document_einvoices",
  {
    orgId: orgRef(),
    documentId: uuid("document_id").notNull(),
    /** lib/einvoice/model.ts EInvoiceFormat (xrechnung-ubl, xrechnung-cii, peppol-bis, factur-x: its CII); one row per format generated. */
    format: text("format").notNull(),
    xml: text("xml").notNull(),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    primaryKey({ columns: [t.documentId, t.format] }),
    foreignKey({ name: "document_einvoices_document_fk", columns: [t.orgId, t.documentId], foreignColumns: [documents.orgId, documents.id] }).onDelete("cascade"),
  ],
);

export type TaxRate = typeof taxRates.$inferSelect;
export type Customer = typeof customers.$inferSelect;
export type CustomerContact = typeof customerContacts.$inferSelect;
export type Item = typeof items.$inferSelect;
export type Document = typeof documents.$inferSelect;
export type DocumentLine = typeof documentLines.$inferSelect;
export type DocumentTax = typeof documentTaxes.$inferSelect;
export type Payment = typeof payments.$inferSelect;
export type DocumentEvent = typeof documentEvents.$inferSelect;
export type DocumentKind = (typeof documentKind.enumValues)[number];
export type DocumentStatus = (typeof documentStatus.enumValues)[number];
