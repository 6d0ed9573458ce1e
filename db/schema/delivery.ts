import { sql } from "drizzle-orm";
import { boolean, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations, timestamps } from "./accounts";
import { customers, documents } from "./invoicing";
import { emails } from "./mail";

const orgRef = () =>
  uuid("org_id")
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" });

/** The client's link to a document (/i/<token>). Only a SHA-256 of the 256-bit token is stored. */
export const documentLinks = pgTable(
  "document_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    documentId: uuid("document_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    lastViewedAt: timestamp("last_viewed_at", { withTimezone: true }),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    // The public page looks its document up by the hash of the token in the URL.
    uniqueIndex("document_links_token_hash_key").on(t.tokenHash),
    // The document page shows (and revokes) its current link.
    index("document_links_org_id_document_id_idx").on(t.orgId, t.documentId),
    // One live link per document, even when a reminder and a first send create it at once.
    uniqueIndex("document_links_one_live_key").on(t.documentId).where(sql`${t.revokedAt} is null`),
    foreignKey({ name: "document_links_document_fk", columns: [t.orgId, t.documentId], foreignColumns: [documents.orgId, documents.id] }).onDelete("cascade"),
  ],
);

/** Reminder steps: days relative to the due date (negative = before). */
export type ReminderSchedule = { enabled: boolean; steps: number[] };

/**
 * An organisation's reminder schedule (Settings → Reminders). Off until the owner turns it on: a
 * new organisation sends no email it did not ask for. Migration 0013 gave every organisation that
 * existed before it a row with reminders on, which is what they had (no row used to mean on).
 */
export const reminderSettings = pgTable("reminder_settings", {
  orgId: uuid("org_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  enabled: boolean("enabled").notNull().default(false),
  steps: jsonb("steps").$type<number[]>().notNull().default([-3, 0, 7, 14, 30]),
  ...timestamps,
});

/** Per-invoice pause or override of the organisation's schedule. */
export const documentReminderOverrides = pgTable(
  "document_reminder_overrides",
  {
    documentId: uuid("document_id").primaryKey(),
    orgId: orgRef(),
    paused: boolean("paused").notNull().default(false),
    steps: jsonb("steps").$type<number[]>(),
    ...timestamps,
  },
  (t) => [foreignKey({ name: "document_reminder_overrides_document_fk", columns: [t.orgId, t.documentId], foreignColumns: [documents.orgId, documents.id] }).onDelete("cascade")],
);

/**
 * A customer's promise to pay by a date: no reminder goes to them about any invoice up to and
 * including that day. The reminders job reads it beside each invoice's customer.
 */
export const customerReminderSnoozes = pgTable(
  "customer_reminder_snoozes",
  {
    orgId: orgRef(),
    customerId: uuid("customer_id").notNull(),
    promisedOn: date("promised_on", { mode: "string" }).notNull(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ name: "customer_reminder_snoozes_pkey", columns: [t.orgId, t.customerId] }),
    foreignKey({ name: "customer_reminder_snoozes_customer_fk", columns: [t.orgId, t.customerId], foreignColumns: [customers.orgId, customers.id] }).onDelete("cascade"),
  ],
);

/**
 * One row per invoice and reminder step, inserted in the same transaction as the email it
 * queues: the primary key makes a second job run (even an overlapping one) queue nothing.
 */
export const reminderSends = pgTable(
  "reminder_sends",
  {
    orgId: orgRef(),
    documentId: uuid("document_id").notNull(),
    step: integer("step").notNull(),
    emailId: uuid("email_id"),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    uniqueIndex("reminder_sends_document_id_step_key").on(t.documentId, t.step),
    index("reminder_sends_org_id_idx").on(t.orgId),
    foreignKey({ name: "reminder_sends_document_fk", columns: [t.orgId, t.documentId], foreignColumns: [documents.orgId, documents.id] }).onDelete("cascade"),
    // The reminder's email is the organisation's; deleting it nulls email_id only (0026: ON DELETE SET NULL ("email_id")).
    foreignKey({ name: "reminder_sends_email_fk", columns: [t.orgId, t.emailId], foreignColumns: [emails.orgId, emails.id] }).onDelete("set null"),
  ],
);

export type EmailTemplateKind = "invoice_sent" | "quote_sent" | "reminder_before" | "reminder_after" | "payment_receipt" | "payment_notification";

/** An organisation's own wording for a template in one language; placeholders are checked when saving. */
export const emailTemplates = pgTable(
  "email_templates",
  {
    orgId: orgRef(),
    kind: text("kind").$type<EmailTemplateKind>().notNull(),
    /** A lib/i18n launch language: each kind is edited per language (0029; older rows: the organisation's). */
    language: text("language").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    ...timestamps,
  },
  // Serves the one lookup: this organisation's wording of this kind in this language.
  (t) => [uniqueIndex("email_templates_org_id_kind_language_key").on(t.orgId, t.kind, t.language)],
);

/**
 * Delivery events from SendGrid's signed event webhook, for mail an organisation sent. Events for
 * account mail (password resets, invitations: emails with no organisation) confirm the send but
 * are not stored (lib/services/provider-events.ts): nobody could see them.
 */
export const emailEvents = pgTable(
  "email_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    emailId: uuid("email_id").notNull(),
    orgId: orgRef(),
    documentId: uuid("document_id"),
    event: text("event").notNull(),
    /** SendGrid's sg_event_id: the webhook may deliver the same event twice. */
    providerEventId: text("provider_event_id"),
    reason: text("reason"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    uniqueIndex("email_events_provider_event_id_key").on(t.providerEventId).where(sql`${t.providerEventId} is not null`),
    // A document's timeline shows its email events.
    index("email_events_document_id_occurred_at_idx").on(t.documentId, t.occurredAt),
    // Deleting an email finds its events (the composite key's ON DELETE) without a scan.
    index("email_events_org_id_email_id_idx").on(t.orgId, t.emailId),
    // The email and document an event is about belong to its organisation (migration 0026).
    foreignKey({ name: "email_events_email_fk", columns: [t.orgId, t.emailId], foreignColumns: [emails.orgId, emails.id] }).onDelete("cascade"),
    foreignKey({ name: "email_events_document_fk", columns: [t.orgId, t.documentId], foreignColumns: [documents.orgId, documents.id] }).onDelete("cascade"),
  ],
);

export type DocumentLink = typeof documentLinks.$inferSelect;
export type EmailEvent = typeof emailEvents.$inferSelect;
