/**
 * Recurring invoices and the scheduled-jobs ledger: profiles (what to bill and when), their
 * occurrences (one row per profile and calendar date, the exactly-once key), late fees added by
 * reminders, and the record of every `npm run jobs` run (/health, Settings → Jobs).
 */
import { sql } from "drizzle-orm";
import { bigint, boolean, char, check, date, foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { organizations, timestamps, users } from "./accounts";
import { customers, discountType, documents, items, taxRates } from "./invoicing";
import { emails } from "./mail";

const money = (name: string) => bigint(name, { mode: "number" });
const orgRef = () =>
  uuid("org_id")
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" });

export const recurringFrequency = pgEnum("recurring_frequency", ["weekly", "monthly", "yearly"]);
/** What each occurrence does: a draft to review, an issued invoice, or an issued invoice emailed to the customer. */
export const recurringAction = pgEnum("recurring_action", ["draft", "issue", "send"]);
export const recurringStatus = pgEnum("recurring_status", ["active", "paused", "ended"]);
export const recurringEnd = pgEnum("recurring_end", ["never", "after", "on"]);
export const occurrenceState = pgEnum("occurrence_state", ["created", "failed"]);

/**
 * A recurring invoice profile. The schedule is in calendar dates of the organisation's time zone
 * (lib/recurrence.ts): every `interval` weeks on `weekday` (1 = Monday … 7 = Sunday), every
 * `interval` months on `day_of_month` (31 = the last day: 28/29 February, 30 April), or every
 * `interval` years on `month_of_year`/`day_of_month`. `next_date` is the next occurrence the job
 * will create (null once the profile has ended); the exactly-once guarantee does not rest on it
 * but on recurring_occurrences' primary key.
 */
export const recurringProfiles = pgTable(
  "recurring_profiles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    /** The owner's name for it ("Monthly retainer"), shown in lists and the ledger. */
    name: text("name").notNull(),
    customerId: uuid("customer_id").notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    discountType: discountType("discount_type"),
    discountValue: bigint("discount_value", { mode: "number" }),
    notes: text("notes"),
    terms: text("terms"),
    footer: text("footer"),
    /** The occurrences' language (lib/i18n): null = the customer's, as a document's own override. */
    language: text("language"),
    /** Due date = occurrence date + this many days. */
    paymentTermsDays: integer("payment_terms_days").notNull().default(30),
    action: recurringAction("action").notNull().default("draft"),
    /** With action "send": attach the PDF to the email. */
    attachPdf: boolean("attach_pdf").notNull().default(true),
    frequency: recurringFrequency("frequency").notNull(),
    interval: integer("interval").notNull().default(1),
    weekday: integer("weekday"),
    dayOfMonth: integer("day_of_month"),
    monthOfYear: integer("month_of_year"),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endType: recurringEnd("end_type").notNull().default("never"),
    endAfterCount: integer("end_after_count"),
    endDate: date("end_date", { mode: "string" }),
    status: recurringStatus("status").notNull().default("active"),
    nextDate: date("next_date", { mode: "string" }),
    /** Occurrences created so far (what "end after N" counts). */
    occurrenceCount: integer("occurrence_count").notNull().default(0),
    /** One occurrence's total as lib/money.ts computes it at save time (dashboard: recurring revenue per month). */
    total: money("total").notNull().default(0),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    unique("recurring_profiles_org_id_id_key").on(t.orgId, t.id),
    // The profiles list.
    index("recurring_profiles_org_id_status_next_date_idx").on(t.orgId, t.status, t.nextDate),
    // The job's scan across organisations: active profiles whose next date has come (in some zone).
    index("recurring_profiles_due_idx").on(t.nextDate).where(sql`${t.status} = 'active'`),
    foreignKey({ name: "recurring_profiles_customer_fk", columns: [t.orgId, t.customerId], foreignColumns: [customers.orgId, customers.id] }).onDelete("restrict"),
    check(
      "recurring_profiles_schedule_check",
      sql`${t.interval} between 1 and 52
        and (${t.frequency} <> 'weekly' or ${t.weekday} between 1 and 7)
        and (${t.frequency} = 'weekly' or ${t.dayOfMonth} between 1 and 31)
        and (${t.frequency} <> 'yearly' or ${t.monthOfYear} between 1 and 12)
        and (${t.endType} <> 'after' or ${t.endAfterCount} >= 1)
        and (${t.endType} <> 'on' or ${t.endDate} is not null)
        and ${t.paymentTermsDays} between 0 and 365
        and ${t.occurrenceCount} >= 0`,
    ),
  ],
);

/** A profile's lines: like a draft's, with tax rate ids (each occurrence takes the rates as they are then). */
export const recurringProfileLines = pgTable(
  "recurring_profile_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    profileId: uuid("profile_id").notNull(),
    position: integer("position").notNull(),
    itemId: uuid("item_id"),
    description: text("description").notNull(),
    unit: text("unit"),
    quantityE4: bigint("quantity_e4", { mode: "number" }).notNull(),
    unitPrice: money("unit_price").notNull(),
    discountType: discountType("discount_type"),
    discountValue: bigint("discount_value", { mode: "number" }),
    taxRateIds: jsonb("tax_rate_ids").$type<string[]>().notNull().default([]),
  },
  (t) => [
    index("recurring_profile_lines_profile_id_position_idx").on(t.profileId, t.position),
    // Deleting an item finds the profile lines that name it (the composite key's ON DELETE) without a scan.
    index("recurring_profile_lines_org_id_item_id_idx").on(t.orgId, t.itemId).where(sql`${t.itemId} is not null`),
    foreignKey({ name: "recurring_profile_lines_profile_fk", columns: [t.orgId, t.profileId], foreignColumns: [recurringProfiles.orgId, recurringProfiles.id] }).onDelete("cascade"),
    // An item of the same organisation; deleting it nulls item_id only (0026: ON DELETE SET NULL ("item_id")).
    foreignKey({ name: "recurring_profile_lines_item_fk", columns: [t.orgId, t.itemId], foreignColumns: [items.orgId, items.id] }).onDelete("set null"),
  ],
);

/**
 * One row per profile and occurrence date: the exactly-once key. A created row is inserted (or a
 * failed one turned into created) in the same transaction that creates the invoice, numbers it and
 * queues its email, so overlapping runs, retries and several instances make one invoice. A failed
 * row records why, and is retried by every run until it succeeds.
 */
export const recurringOccurrences = pgTable(
  "recurring_occurrences",
  {
    orgId: orgRef(),
    profileId: uuid("profile_id").notNull(),
    occurrenceDate: date("occurrence_date", { mode: "string" }).notNull(),
    state: occurrenceState("state").notNull(),
    documentId: uuid("document_id"),
    /** Created after its date (the jobs did not run that day): made a draft for review unless the organisation chose otherwise. */
    missed: boolean("missed").notNull().default(false),
    /** What was done: the profile's action, or "draft" for a missed occurrence held for review. */
    action: recurringAction("action"),
    emailId: uuid("email_id"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    ...timestamps,
  },
  (t) => [
    primaryKey({ name: "recurring_occurrences_pkey", columns: [t.profileId, t.occurrenceDate] }),
    // The job ledger and a profile's history, newest first.
    index("recurring_occurrences_org_id_occurrence_date_idx").on(t.orgId, t.occurrenceDate),
    foreignKey({ name: "recurring_occurrences_profile_fk", columns: [t.orgId, t.profileId], foreignColumns: [recurringProfiles.orgId, recurringProfiles.id] }).onDelete("cascade"),
    // The invoice and email an occurrence made belong to its organisation; deleting either nulls
    // that column only (0026: ON DELETE SET NULL ("document_id") / ("email_id")).
    foreignKey({ name: "recurring_occurrences_document_fk", columns: [t.orgId, t.documentId], foreignColumns: [documents.orgId, documents.id] }).onDelete("set null"),
    foreignKey({ name: "recurring_occurrences_email_fk", columns: [t.orgId, t.emailId], foreignColumns: [emails.orgId, emails.id] }).onDelete("set null"),
  ],
);

/** How missed occurrences (the jobs did not run on their date) are created: drafts for review, or as the profile says. */
export const missedOccurrencePolicy = pgEnum("missed_occurrence_policy", ["draft", "as_scheduled"]);

/** Per-organisation recurring settings; no row means the defaults. */
export const recurringSettings = pgTable("recurring_settings", {
  orgId: uuid("org_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  missedPolicy: missedOccurrencePolicy("missed_policy").notNull().default("draft"),
  ...timestamps,
});

/**
 * Late fees (off without a row): at each reminder step after the due date, a percent of the
 * balance (rate × 10^4) or a flat amount (minor units of `currency`; invoices in other currencies
 * get none), issued as its own invoice with `tax_rate_id`'s tax.
 */
export const lateFeeSettings = pgTable(
  "late_fee_settings",
  {
    orgId: uuid("org_id")
      .primaryKey()
      .references(() => organizations.id, { onDelete: "cascade" }),
    enabled: boolean("enabled").notNull().default(false),
    feeType: discountType("fee_type").notNull(),
    feeValue: bigint("fee_value", { mode: "number" }).notNull(),
    currency: char("currency", { length: 3 }),
    taxRateId: uuid("tax_rate_id"),
    ...timestamps,
  },
  (t) => [
    check("late_fee_settings_value_check", sql`${t.feeValue} > 0 and (${t.feeType} = 'percent' or ${t.currency} is not null)`),
    // One of the organisation's tax rates; deleting it nulls tax_rate_id only (0026: ON DELETE SET NULL ("tax_rate_id")).
    foreignKey({ name: "late_fee_settings_tax_rate_fk", columns: [t.orgId, t.taxRateId], foreignColumns: [taxRates.orgId, taxRates.id] }).onDelete("set null"),
  ],
);

/**
 * One late fee per invoice and reminder step: the primary key, inserted in the transaction that
 * issues the fee invoice, makes a second run (or a retried one) add nothing.
 */
export const lateFees = pgTable(
  "late_fees",
  {
    orgId: orgRef(),
    documentId: uuid("document_id").notNull(),
    step: integer("step").notNull(),
    feeDocumentId: uuid("fee_document_id").notNull(),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    primaryKey({ name: "late_fees_pkey", columns: [t.documentId, t.step] }),
    index("late_fees_org_id_idx").on(t.orgId),
    foreignKey({ name: "late_fees_document_fk", columns: [t.orgId, t.documentId], foreignColumns: [documents.orgId, documents.id] }).onDelete("cascade"),
    foreignKey({ name: "late_fees_fee_document_fk", columns: [t.orgId, t.feeDocumentId], foreignColumns: [documents.orgId, documents.id] }).onDelete("cascade"),
  ],
);

/** What one `npm run jobs` run did; /health reads the latest finished one to tell a dead cron. */
export type JobRunSummary = Record<string, unknown>;

export const jobRuns = pgTable(
  "job_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    ok: boolean("ok"),
    summary: jsonb("summary").$type<JobRunSummary>(),
    error: text("error"),
  },
  (t) => [index("job_runs_finished_at_idx").on(t.finishedAt)],
);

export type RecurringProfile = typeof recurringProfiles.$inferSelect;
export type RecurringProfileLine = typeof recurringProfileLines.$inferSelect;
export type RecurringOccurrence = typeof recurringOccurrences.$inferSelect;
