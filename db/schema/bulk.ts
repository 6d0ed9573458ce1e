/**
 * Bulk actions on the documents lists (send, remind, mark sent, PDFs as one ZIP): a job per
 * request and one outcome row per (job, document). The outcome row is inserted in the same
 * transaction as its effect (the queued email, the status change), so its primary key is the
 * exactly-once guarantee: a retried, resumed or concurrent run hits it and does nothing more.
 */
import { sql } from "drizzle-orm";
import { foreignKey, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { organizations, timestamps, users } from "./accounts";
import { documentKind, documents } from "./invoicing";

export const bulkAction = pgEnum("bulk_action", ["send", "remind", "mark_sent", "zip"]);
export const bulkOutcome = pgEnum("bulk_outcome", ["succeeded", "failed", "skipped"]);

export const bulkJobs = pgTable(
  "bulk_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Who asked: the job acts with their membership (re-read when it runs) and tells them when done. */
    createdById: uuid("created_by_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: documentKind("kind").notNull(),
    action: bulkAction("action").notNull(),
    /** The documents, resolved at creation (explicit ids or "all matching the filter"), of the organisation only; at most BULK_MAX. */
    documentIds: uuid("document_ids").array().notNull(),
    total: integer("total").notNull(),
    /** A runner holds the job until then (renewed as it goes); an expired lease means it was interrupted and may be resumed. */
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    /** When its creator dismissed the "finished" notice on the lists. */
    seenAt: timestamp("seen_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    unique("bulk_jobs_org_id_id_key").on(t.orgId, t.id),
    // The lists' notices: a member's recent jobs of a kind, newest first.
    index("bulk_jobs_org_id_created_by_id_created_at_idx").on(t.orgId, t.createdById, t.createdAt.desc()),
    // The jobs runner's scan for interrupted jobs.
    index("bulk_jobs_unfinished_idx").on(t.createdAt).where(sql`${t.finishedAt} is null`),
  ],
);

export const bulkJobItems = pgTable(
  "bulk_job_items",
  {
    jobId: uuid("job_id").notNull(),
    orgId: uuid("org_id").notNull(),
    documentId: uuid("document_id").notNull(),
    outcome: bulkOutcome("outcome").notNull(),
    /** Why it failed or was skipped, in words for the user. */
    reason: text("reason"),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    primaryKey({ name: "bulk_job_items_pkey", columns: [t.jobId, t.documentId] }),
    foreignKey({ name: "bulk_job_items_job_fk", columns: [t.orgId, t.jobId], foreignColumns: [bulkJobs.orgId, bulkJobs.id] }).onDelete("cascade"),
    foreignKey({ name: "bulk_job_items_document_fk", columns: [t.orgId, t.documentId], foreignColumns: [documents.orgId, documents.id] }).onDelete("cascade"),
  ],
);

export type BulkJob = typeof bulkJobs.$inferSelect;
export type BulkAction = (typeof bulkAction.enumValues)[number];
export type BulkOutcome = (typeof bulkOutcome.enumValues)[number];
