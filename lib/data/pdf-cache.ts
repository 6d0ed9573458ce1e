import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { pdfCache } from "@/db/schema";
import type { Reader } from "./context";

/**
 * Stored PDFs of issued documents (see db/schema/pdf-cache.ts), always within the reader's
 * organisation. The caller (lib/services/document-pdf.ts) has already read the document through
 * the reader's scope; these queries filter by organisation again so a wrong id can't cross it.
 */

/** The stored bytes for this document at this version, or null. */
export async function getCachedPdf(db: Executor, reader: Reader, documentId: string, version: string): Promise<Buffer | null> {
  const [row] = await db
    .select({ bytes: pdfCache.bytes })
    .from(pdfCache)
    .where(and(eq(pdfCache.orgId, reader.orgId), eq(pdfCache.documentId, documentId), eq(pdfCache.version, version)))
    .limit(1);
  return row ? Buffer.from(row.bytes) : null;
}

/**
 * Stores the bytes for this version, replacing the document's previous version (one row per
 * document: a superseded PDF is overwritten, so the table never grows beyond the issued documents).
 */
export async function putCachedPdf(db: Executor, reader: Reader, documentId: string, version: string, bytes: Buffer): Promise<void> {
  const row = { orgId: reader.orgId, documentId, version, bytes, size: bytes.length };
  await db
    .insert(pdfCache)
    .values(row)
    .onConflictDoUpdate({ target: pdfCache.documentId, set: { version, bytes, size: bytes.length, createdAt: new Date() }, setWhere: eq(pdfCache.orgId, reader.orgId) });
}

/** The stored versions of a document's PDF (tests and diagnostics: at most one). */
export async function listCachedPdfVersions(db: Executor, reader: Reader, documentId: string): Promise<string[]> {
  const rows = await db
    .select({ version: pdfCache.version })
    .from(pdfCache)
    .where(and(eq(pdfCache.orgId, reader.orgId), eq(pdfCache.documentId, documentId)));
  return rows.map((r) => r.version);
}
