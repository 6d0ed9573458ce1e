/**
 * Rollups per organisation and currency: what the dashboard's and the reports' figures read
 * instead of scanning documents, lines, tax breakdowns and payments on every view. Kept by
 * statement-level triggers on documents, document_lines, document_taxes and payments (migration
 * 0014), so they change in the same transaction as whatever issues, voids, credits or pays a
 * document, whichever code path does it, and can't drift; lib/data/rollups.db.test.ts recomputes
 * them from scratch.
 *
 * Sales rollups count invoices and credit notes that are neither draft nor void, on their issue date (the calendar date written in the organisation's time zone). Amounts are
 * minor units; credit notes are kept apart (sales_daily) or signed negative (items, taxes), as the
 * reports show them. A row whose figures fall back to zero stays; readers skip zeros.
 */
import { bigint, boolean, char, date, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./accounts";

const money = (name: string) => bigint(name, { mode: "number" }).notNull().default(0);
// Deleting an organisation removes its rollups; the triggers skip organisations already deleted,
// as they run while the organisation's documents are cascade-deleted.
const orgRef = () =>
  uuid("org_id")
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" });

/** Per day and customer: serves invoiced, credited and DSO, the 12-month series, top customers and sales by customer. */
export const salesDaily = pgTable(
  "sales_daily",
  {
    orgId: orgRef(),
    currency: char("currency", { length: 3 }).notNull(),
    day: date("day").notNull(),
    customerId: uuid("customer_id").notNull(),
    invoiceCount: integer("invoice_count").notNull().default(0),
    invoiced: money("invoiced"),
    invoicedTax: money("invoiced_tax"),
    creditNoteCount: integer("credit_note_count").notNull().default(0),
    credited: money("credited"),
    creditedTax: money("credited_tax"),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.currency, t.day, t.customerId] })],
);

/**
 * Per day and what was sold: a catalogue item (`line_key` "item:<id>") or, for lines without one,
 * their description ("text:<md5 of the description>": a description can be longer than a B-tree key
 * may be). Quantities and amounts signed: credit notes negative.
 */
export const itemSalesDaily = pgTable(
  "item_sales_daily",
  {
    orgId: orgRef(),
    currency: char("currency", { length: 3 }).notNull(),
    day: date("day").notNull(),
    lineKey: text("line_key").notNull(),
    itemId: uuid("item_id"),
    /** The lines' description when they have no item; empty for an item (the report shows its current name). */
    description: text("description").notNull(),
    /** Lines counted (credit notes' too): a product sold and fully credited in a period still shows, at zero. */
    lines: integer("lines").notNull().default(0),
    quantityE4: money("quantity_e4"),
    tax: money("tax"),
    total: money("total"),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.currency, t.day, t.lineKey] })],
);

/** Per day and tax rate, from the per-rate breakdown stored with each document: base and tax signed, `documents` counted. */
export const taxDaily = pgTable(
  "tax_daily",
  {
    orgId: orgRef(),
    currency: char("currency", { length: 3 }).notNull(),
    day: date("day").notNull(),
    name: text("name").notNull(),
    rateE4: integer("rate_e4").notNull(),
    inclusive: boolean("inclusive").notNull(),
    documents: integer("documents").notNull().default(0),
    base: money("base"),
    amount: money("amount"),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.currency, t.day, t.name, t.rateE4, t.inclusive] })],
);

/** Where an invoice has no due date: it is never past due, and a key column can't be null. */
export const NO_DUE_DATE = "infinity";

/**
 * Open invoices' balances (issued, sent, viewed, partially paid) per customer, issue date and due
 * date (NO_DUE_DATE for none): what is owed now, for aging, overdue customers and outstanding.
 * `invoices` counts them all, `unpaid` those with a balance left.
 */
export const receivables = pgTable(
  "receivables",
  {
    orgId: orgRef(),
    currency: char("currency", { length: 3 }).notNull(),
    customerId: uuid("customer_id").notNull(),
    issueDate: date("issue_date").notNull(),
    dueDate: date("due_date").notNull(),
    invoices: integer("invoices").notNull().default(0),
    unpaid: integer("unpaid").notNull().default(0),
    balance: money("balance"),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.currency, t.customerId, t.issueDate, t.dueDate] })],
);

/**
 * Payments per day received, with their invoice's issue and due dates (NO_DUE_DATE for none), which
 * payments carry: collected per period and month, and what was still owed on a past date.
 */
export const paymentsDaily = pgTable(
  "payments_daily",
  {
    orgId: orgRef(),
    currency: char("currency", { length: 3 }).notNull(),
    paidOn: date("paid_on").notNull(),
    invoiceIssueDate: date("invoice_issue_date").notNull(),
    invoiceDueDate: date("invoice_due_date").notNull(),
    payments: integer("payments").notNull().default(0),
    amount: money("amount"),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.currency, t.paidOn, t.invoiceIssueDate, t.invoiceDueDate] })],
);
