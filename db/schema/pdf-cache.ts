import { foreignKey, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { organizations, timestamps } from "./accounts";
import { documents } from "./invoicing";

/**
 * The bytes of an issued document's PDF (issued documents are immutable), shared by every
 * instance: one row per document, replaced when `version` — a hash of everything the PDF prints,
 * organisation branding and logo included (lib/services/document-pdf.ts) — changes, so voiding,
 * crediting or rebranding makes the old bytes unreachable and they are overwritten, never kept.
 * Drafts are never stored. The PDF shows encrypted fields (tax ids, bank details) in plain text,
 * so the bytes are stored encrypted like them (`sealed`, AES-256-GCM, lib/data/pdf-cache.ts).
 */
export const pdfCache = pgTable(
  "pdf_cache",
  {
    documentId: uuid("document_id").primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    version: text("version").notNull(),
    sealed: text("sealed").notNull(),
    /** The PDF's size in bytes, before encryption. */
    size: integer("size").notNull(),
    createdAt: timestamps.createdAt,
  },
  // The stored PDF belongs to its document's organisation: (org_id, document_id), like every child of a document.
  (t) => [foreignKey({ name: "pdf_cache_document_fk", columns: [t.orgId, t.documentId], foreignColumns: [documents.orgId, documents.id] }).onDelete("cascade")],
);
