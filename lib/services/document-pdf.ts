import "server-only";
import { createHash } from "node:crypto";
import { type Executor, getDb } from "@/db";
import type { Reader } from "@/lib/data/context";
import { customerSnapshot } from "@/lib/data/customers";
import { getDocument } from "@/lib/data/documents/read";
import { getOrganization, unsafeGetOrganizationLogo } from "@/lib/data/organizations";
import { getEInvoice } from "@/lib/data/einvoices";
import { getPdfHead, type PdfHead, putCachedPdf } from "@/lib/data/pdf-cache";
import { toFacturX } from "@/lib/einvoice/facturx";
import { notFound } from "@/lib/errors";
import type { PdfData } from "@/pdf/types";
import { renderPdf } from "./pdf-pool";

/**
 * A document's PDF: the stored bytes when the document is issued and none of the rows it prints
 * from has changed since they were made (lib/data/pdf-cache.ts), else its data loaded through the
 * reader's scope and rendered in the worker pool — and stored, unless the document is a draft.
 * Voiding, payments, credit notes, new details, branding or logo change those rows: a new PDF.
 */

/**
 * Bump when the templates in pdf/ change what an existing document looks like, so stored PDFs
 * made by the previous templates are no longer served.
 */
const TEMPLATE_VERSION = "5";

/** Everything a document's PDF shows, scoped to the reader's organisation (getDocument 404s otherwise). */
export async function loadPdfData(reader: Reader, documentId: string, tx?: Executor): Promise<PdfData> {
  const db = tx ?? (await getDb());
  const [doc, org, logo] = await Promise.all([getDocument(reader, documentId, db), getOrganization(reader, db), unsafeGetOrganizationLogo(reader.orgId, db)]);
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
      lineAmountTotal: doc.lineAmountTotal,
      documentDiscount: doc.documentDiscount,
      discountType: doc.discountType,
      discountValue: doc.discountValue,
      depositType: doc.depositType,
      depositValue: doc.depositValue,
      depositAmount: doc.depositAmount,
      depositForDocumentId: doc.depositForDocumentId,
      taxTotal: doc.taxTotal,
      total: doc.total,
      amountPaid: doc.amountPaid,
      amountCredited: doc.amountCredited,
      balance: doc.balance,
      voidReason: doc.voidReason,
      deliveryDate: doc.deliveryDate,
      periodStart: doc.periodStart,
      periodEnd: doc.periodEnd,
      purchaseOrderRef: doc.purchaseOrderRef,
      buyerReference: doc.buyerReference,
      // With the customer's language (in its snapshot once issued), pdfFormat picks the document's language.
      language: doc.language,
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
 * The stored PDF's version for these rows: changes with any of them, with the templates, and with
 * the e-invoice format (a Factur-X PDF carries its CII; a plain one does not).
 */
const versionOf = (head: PdfHead) =>
  createHash("sha256").update(`${TEMPLATE_VERSION}\0${head.einvoiceFormat ?? ""}\0${head.rows}`).digest("base64url");

/** Drafts change until issued: never stored. */
const storable = (head: PdfHead) => head.status !== "draft";

export type DocumentPdf = { head: PdfHead; bytes: Buffer; cached: boolean };

/** Stored bytes when they were made from the document's current rows. */
function storedBytes(head: PdfHead): Buffer | null {
  return storable(head) && head.stored?.version === versionOf(head) ? head.stored.open() : null;
}

/** Renders, and stores the bytes under the head's version when the document is issued. */
async function renderAndStore(db: Executor, reader: Reader, documentId: string, head: PdfHead, data: PdfData): Promise<Buffer> {
  const bytes = await withFacturX(db, reader, documentId, head, data, await renderPdf(data));
  // Stored under the version read before loading: if the document changed in between, the row
  // versions have moved on and these bytes are never served (the next request replaces them).
  if (storable(head)) await putCachedPdf(reader, documentId, versionOf(head), bytes, db);
  return bytes;
}

/**
 * An issued document in the Factur-X format: the rendered PDF made PDF/A-3 with the CII stored at
 * issue attached (lib/einvoice/facturx.ts); the visible pages are the same. Anything else as rendered.
 */
async function withFacturX(db: Executor, reader: Reader, documentId: string, head: PdfHead, data: PdfData, pdf: Buffer): Promise<Buffer> {
  if (head.einvoiceFormat !== "factur-x" || head.status === "draft") return pdf;
  const stored = await getEInvoice(reader, documentId, db);
  if (!stored || stored.format !== "factur-x") return pdf;
  const title = `${data.document.kind === "credit_note" ? "Credit note" : "Invoice"} ${head.number ?? ""}`.trim();
  // Dated by the document, not the clock: the same document always makes the same file.
  const createdAt = new Date(`${data.document.issueDate}T00:00:00Z`);
  const bytes = await toFacturX(new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength), stored.xml, { title, author: data.org.name, createdAt });
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * A document's PDF for a route: one query when the stored bytes are current, else the data loaded
 * and rendered. Null when the reader can't see the document or `accept` refuses it (a route's
 * kind, a client link's "no drafts"), before anything is loaded or rendered.
 */
export async function documentPdf(reader: Reader, documentId: string, accept: (head: PdfHead) => boolean = () => true, tx?: Executor): Promise<DocumentPdf | null> {
  const db = tx ?? (await getDb());
  const head = await getPdfHead(reader, documentId, db);
  if (!head || !accept(head)) return null;
  const stored = storedBytes(head);
  if (stored) return { head, bytes: stored, cached: true };
  const data = await loadPdfData(reader, documentId, db);
  return { head, bytes: await renderAndStore(db, reader, documentId, head, data), cached: false };
}

/** What a route checks before asking for the PDF (kind, status, number), without loading or rendering: null when the reader can't see it. */
export function documentPdfHead(reader: Reader, documentId: string, tx?: Executor): Promise<PdfHead | null> {
  return getPdfHead(reader, documentId, tx);
}

/** The PDF of data the caller has already loaded (sending attaches it), stored like documentPdf's. */
export async function pdfOf(reader: Reader, data: PdfData, tx?: Executor): Promise<DocumentPdf> {
  const db = tx ?? (await getDb());
  const head = await getPdfHead(reader, data.document.id, db);
  if (!head) throw notFound("Document");
  const stored = storedBytes(head);
  if (stored) return { head, bytes: stored, cached: true };
  return { head, bytes: await renderAndStore(db, reader, data.document.id, head, data), cached: false };
}
