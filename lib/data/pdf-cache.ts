import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { type DocumentKind, type DocumentStatus, documents, organizationLogos, organizations, pdfCache } from "@/db/schema";
import { decryptField, encryptField, FieldCryptoError, type FieldContext } from "@/lib/crypto";
import { activeKeyring } from "@/lib/crypto/keyring";
import { isLinkPrincipal, type Reader } from "./context";

/**
 * A PDF prints the fields stored encrypted (tax ids, bank details), so its bytes are stored
 * encrypted too, bound to their document (a sealed PDF copied to another row does not open).
 */
const sealContext = (documentId: string): FieldContext => ({ table: "pdf_cache", column: "sealed", id: documentId });
const seal = (documentId: string, bytes: Buffer) => encryptField(activeKeyring(), bytes.toString("base64"), sealContext(documentId));

/** The stored bytes, or null when they can't be opened (a retired key, damage): rendered again and replaced. */
function open(documentId: string, sealed: string): Buffer | null {
  try {
    return Buffer.from(decryptField(activeKeyring(), sealed, sealContext(documentId)), "base64");
  } catch (error) {
    if (error instanceof FieldCryptoError) return null;
    throw error;
  }
}

/**
 * Stored PDFs of issued documents (see db/schema/pdf-cache.ts), always within the reader's
 * organisation (and, for a client link, its one document).
 */

/**
 * What serving a document's PDF needs before anything is rendered, in one query: the document's
 * kind, status and number (the routes' checks and the file name), `rows` — the row versions
 * (Postgres `xmin`, which every update of a row changes, and `updated_at`) of the three rows
 * everything an issued PDF prints comes from: the document (status, totals, payments and credits
 * applied, the customer as issued), the organisation (details and branding) and its logo — and
 * the stored PDF, if any, with the version it was stored under. Null when the reader can't see the
 * document. Lines, taxes and payments of an issued document don't change without its row changing.
 */
export type PdfHead = {
  kind: DocumentKind;
  status: DocumentStatus;
  number: string | null;
  /** The e-invoice format recorded at issue: "factur-x" makes the PDF a Factur-X PDF. */
  einvoiceFormat: string | null;
  rows: string;
  /** `open()` decrypts: only worth it when the version is current. */
  stored: { version: string; open: () => Buffer | null } | null;
};

const rowVersion = (table: SQL) => sql`coalesce(${table}.xmin::text, '') || ':' || coalesce(${table}.updated_at::text, '')`;

export async function getPdfHead(reader: Reader, documentId: string, tx?: Executor): Promise<PdfHead | null> {
  const db = tx ?? (await getDb());
  if (isLinkPrincipal(reader) && reader.documentId !== documentId) return null;
  const [row] = await db
    .select({
      kind: documents.kind,
      status: documents.status,
      number: documents.number,
      einvoiceFormat: documents.einvoiceFormat,
      rows: sql<string>`${rowVersion(sql.raw('"documents"'))} || '/' || ${rowVersion(sql.raw('"organizations"'))} || '/' || ${rowVersion(sql.raw('"organization_logos"'))}`,
      storedVersion: pdfCache.version,
      storedSealed: pdfCache.sealed,
    })
    .from(documents)
    .innerJoin(organizations, eq(organizations.id, documents.orgId))
    .leftJoin(organizationLogos, eq(organizationLogos.orgId, documents.orgId))
    .leftJoin(pdfCache, and(eq(pdfCache.documentId, documents.id), eq(pdfCache.orgId, documents.orgId)))
    .where(and(eq(documents.orgId, reader.orgId), eq(documents.id, documentId)))
    .limit(1);
  if (!row) return null;
  const sealed = row.storedSealed;
  const stored = row.storedVersion !== null && sealed !== null ? { version: row.storedVersion, open: () => open(documentId, sealed) } : null;
  return { kind: row.kind, status: row.status, number: row.number, einvoiceFormat: row.einvoiceFormat, rows: row.rows, stored };
}

/**
 * Stores the bytes for this version, replacing the document's previous version (one row per
 * document: a superseded PDF is overwritten, so the table never grows beyond the issued documents).
 */
export async function putCachedPdf(reader: Reader, documentId: string, version: string, bytes: Buffer, tx?: Executor): Promise<void> {
  const db = tx ?? (await getDb());
  await db
    .insert(pdfCache)
    .values({ orgId: reader.orgId, documentId, version, sealed: seal(documentId, bytes), size: bytes.length })
    .onConflictDoUpdate({
      target: pdfCache.documentId,
      set: { version, sealed: seal(documentId, bytes), size: bytes.length, createdAt: new Date() },
      setWhere: eq(pdfCache.orgId, reader.orgId),
    });
}

/** The stored versions of a document's PDF (tests and diagnostics: at most one). */
export async function listCachedPdfVersions(reader: Reader, documentId: string, tx?: Executor): Promise<string[]> {
  const db = tx ?? (await getDb());
  const rows = await db
    .select({ version: pdfCache.version })
    .from(pdfCache)
    .where(and(eq(pdfCache.orgId, reader.orgId), eq(pdfCache.documentId, documentId)));
  return rows.map((r) => r.version);
}
