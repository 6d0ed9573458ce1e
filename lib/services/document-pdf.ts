import "server-only";
import { createHash } from "node:crypto";
import type { Executor } from "@/db";
import type { Reader } from "@/lib/data/context";
import { customerSnapshot } from "@/lib/data/customers";
import { getDocument } from "@/lib/data/documents";
import { getOrganization, unsafeGetOrganizationLogo } from "@/lib/data/organizations";
import { getCachedPdf, putCachedPdf } from "@/lib/data/pdf-cache";
import type { PdfData } from "@/pdf/types";
import { renderPdf } from "./pdf-pool";

/**
 * A document's PDF: its data loaded through the reader's scope, the stored bytes when the document
 * is issued and nothing printed has changed since they were made, else a fresh render (stored
 * unless the document is a draft).
 */

/**
 * Bump when the templates in pdf/ change what an existing document looks like, so stored PDFs
 * made by the previous templates are no longer served.
 */
const TEMPLATE_VERSION = "1";

/** Everything a document's PDF shows, scoped to the reader's organisation (getDocument 404s otherwise). */
export async function loadPdfData(db: Executor, reader: Reader, documentId: string): Promise<PdfData> {
  const [doc, org, logo] = await Promise.all([getDocument(db, reader, documentId), getOrganization(db, reader), unsafeGetOrganizationLogo(db, reader.orgId)]);
  const source = doc.sourceDocumentId ? doc.related.find((r) => r.id === doc.sourceDocumentId) : undefined;
  return {
    document: {
      id: doc.id,
      kind: doc.kind,
      status: doc.status,
      number: doc.number,
      currency: doc.currency,
      issueDate: doc.issueDate,
      dueDate: doc.dueDate,
      notes: doc.notes,
      terms: doc.terms,
      footer: doc.footer,
      subtotal: doc.subtotal,
      discountTotal: doc.discountTotal,
      taxTotal: doc.taxTotal,
      total: doc.total,
      amountPaid: doc.amountPaid,
      amountCredited: doc.amountCredited,
      balance: doc.balance,
      voidReason: doc.voidReason,
      customerSnapshot: doc.customerSnapshot,
      customer: customerSnapshot(doc.customer),
      sourceNumber: source?.number ?? null,
      lines: doc.lines,
      taxes: doc.taxes,
      payments: doc.payments,
    },
    org,
    logo: logo ? { bytes: logo.bytes, contentType: logo.contentType, version: logo.updatedAt.getTime() } : null,
  };
}

/**
 * A hash of everything the PDF prints — the document, its lines, taxes and payments, the
 * organisation's details and branding, the logo's bytes — and of the templates' version. Any change
 * (voiding, a payment, a credit note, a new logo or brand colour) gives a new version.
 */
export function pdfVersion(data: PdfData): string {
  const hash = createHash("sha256");
  hash.update(TEMPLATE_VERSION);
  hash.update("\0");
  hash.update(JSON.stringify({ document: data.document, org: data.org, logo: data.logo ? data.logo.contentType : null }));
  if (data.logo) hash.update(data.logo.bytes);
  return hash.digest("base64url");
}

export type DocumentPdf = { data: PdfData; bytes: Buffer; cached: boolean };

/** Drafts change until issued: never stored. */
const storable = (data: PdfData) => data.document.status !== "draft";

/** The PDF of already loaded data: served from the store when it holds this version, else rendered (and stored when issued). */
export async function pdfOf(db: Executor, reader: Reader, data: PdfData): Promise<DocumentPdf> {
  if (!storable(data)) return { data, bytes: await renderPdf(data), cached: false };
  const version = pdfVersion(data);
  const stored = await getCachedPdf(db, reader, data.document.id, version);
  if (stored) return { data, bytes: stored, cached: true };
  const bytes = await renderPdf(data);
  await putCachedPdf(db, reader, data.document.id, version, bytes);
  return { data, bytes, cached: false };
}

/** Loads a document (scoped to the reader) and returns its PDF. */
export async function documentPdf(db: Executor, reader: Reader, documentId: string): Promise<DocumentPdf> {
  return pdfOf(db, reader, await loadPdfData(db, reader, documentId));
}
