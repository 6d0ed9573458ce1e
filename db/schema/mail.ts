import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations, timestamps } from "./accounts";

/**
 * `unconfirmed`: the provider may have accepted the message but its answer was lost (a timeout).
 * Not sent again until the confirmation window has passed (see lib/services/outbox.ts).
 */
export const emailStatus = pgEnum("email_status", ["queued", "sending", "sent", "failed", "unconfirmed"]);
export const emailTransport = pgEnum("email_transport", ["sendgrid", "smtp", "outbox"]);

export type EmailAttachment = { filename: string; contentType: string; contentBase64: string };

/**
 * Every email the app sends, written before delivery. With no provider configured this is the
 * development outbox (/dev/outbox); with one, it is the durable queue the dispatcher drains.
 */
export const emails = pgTable(
  "emails",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id").references(() => organizations.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    /** The invoice, quote or credit note this message is about (timeline, "failed" badge, retry). */
    documentId: uuid("document_id"),
    toAddress: text("to_address").notNull(),
    fromAddress: text("from_address").notNull(),
    replyTo: text("reply_to"),
    /** Copies the sender asked for when sending a document (the Review & send dialog), or null. */
    ccAddresses: text("cc_addresses").array(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    // html and text never hold a live token (reset, invitation, client link): secrets are replaced
    // by a marker. The real message, while it still has to be sent, is in sealed_body.
    text: text("text").notNull(),
    /**
     * The message as sent ({ html, text } JSON), encrypted with the field-encryption keys
     * (lib/crypto, bound to this row), present only while a message that carries a secret waits
     * to be delivered (queued, unconfirmed, failed) and, in the development outbox, for reading.
     */
    sealedBody: text("sealed_body"),
    attachments: jsonb("attachments").$type<EmailAttachment[]>(),
    // Sent to the provider so a retry after a crash cannot deliver a second copy.
    idempotencyKey: text("idempotency_key").notNull(),
    status: emailStatus("status").notNull().default("queued"),
    transport: emailTransport("transport"),
    providerMessageId: text("provider_message_id"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    /** When the provider's signed event webhook first reported this message (proof it was accepted). */
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("emails_idempotency_key_key").on(t.idempotencyKey),
    // The dispatcher's scan: due messages that are still queued.
    index("emails_status_next_attempt_at_idx").on(t.status, t.nextAttemptAt),
    // /dev/outbox and an organisation's message history, newest first.
    index("emails_org_id_created_at_idx").on(t.orgId, t.createdAt.desc()),
    // A document's messages.
    index("emails_document_id_idx").on(t.documentId),
    // Target of the composite foreign keys from an organisation's email events, reminder sends and
    // recurring occurrences (migration 0026): they can only name that organisation's mail.
    unique("emails_org_id_id_key").on(t.orgId, t.id),
  ],
);

export type Email = typeof emails.$inferSelect;
export type NewEmail = typeof emails.$inferInsert;
