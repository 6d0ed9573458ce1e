import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { customers, documentEinvoices, documentLines, documents, documentTaxes, organizations } from "@/db/schema";
import type { EInvoiceFormat, EInvoiceSource } from "@/lib/einvoice/model";
import { notFound } from "@/lib/errors";
import { assertReadsDocument, type Member, type Reader } from "./context";
import { customerSnapshot } from "./customers";
import { openCustomer, openDocument, openOrganization } from "./encrypted-fields";

/**
 * The rows an e-invoice is made from and the XML stored for an issued document
 * (document_einvoices), always within the reader's organisation.
 */

/** What the live customer says, for a draft and for the format decision. */
export type EInvoiceCustomerSettings = { einvoiceFormat: string | null; id: string };

/**
 * Everything lib/einvoice/build.ts reads for one document: lines and taxes in their printed order,
 * the organisation, the customer as the document recorded it when issued (a draft: as the customer
 * is now), and, for a credit note, the invoice it corrects. Decrypted.
 */
export async function loadEInvoiceSource(
  reader: Reader,
  documentId: string,
  tx?: Executor,
): Promise<EInvoiceSource & { customerSettings: EInvoiceCustomerSettings }> {
  const db = tx ?? (await getDb());
  assertReadsDocument(reader, documentId);
  const [row] = await db.select().from(documents).where(and(eq(documents.orgId, reader.orgId), eq(documents.id, documentId)));
  if (!row) throw notFound("Document");
  const document = openDocument(row);
  const [lines, taxes, orgRows, customerRows, preceding] = await Promise.all([
    db
      .select()
      .from(documentLines)
      .where(and(eq(documentLines.orgId, reader.orgId), eq(documentLines.documentId, documentId)))
      .orderBy(asc(documentLines.position)),
    db
      .select()
      .from(documentTaxes)
      .where(and(eq(documentTaxes.orgId, reader.orgId), eq(documentTaxes.documentId, documentId)))
      .orderBy(asc(documentTaxes.position)),
    db.select().from(organizations).where(eq(organizations.id, reader.orgId)),
    db.select().from(customers).where(and(eq(customers.orgId, reader.orgId), eq(customers.id, document.customerId))),
    document.sourceDocumentId
      ? db
          .select({ number: documents.number, issueDate: documents.issueDate, kind: documents.kind })
          .from(documents)
          .where(and(eq(documents.orgId, reader.orgId), eq(documents.id, document.sourceDocumentId)))
      : Promise.resolve([]),
  ]);
  const org = orgRows[0];
  if (!org) throw notFound("Organisation");
  const live = customerRows[0] ? openCustomer(customerRows[0]) : null;
  const customer = document.customerSnapshot ?? (live ? customerSnapshot(live) : null);
  if (!customer) throw notFound("Customer");
  const source = preceding[0];
  return {
    document,
    lines,
    taxes,
    organization: openOrganization(org),
    customer,
    // Only a credit note corrects an invoice (a copied draft also has a source document).
    precedingInvoice:
      document.kind === "credit_note" && source?.number && source.kind === "invoice" ? { number: source.number, issueDate: source.issueDate } : null,
    customerSettings: { id: document.customerId, einvoiceFormat: live?.einvoiceFormat ?? null },
  };
}

/** Stores the e-invoice XML of an issued document and records its format on the document. */
export async function putEInvoice(member: Member, documentId: string, format: EInvoiceFormat, xml: string, tx?: Executor): Promise<void> {
  const db = tx ?? (await getDb());
  await db
    .insert(documentEinvoices)
    .values({ orgId: member.orgId, documentId, format, xml })
    .onConflictDoUpdate({ target: [documentEinvoices.documentId, documentEinvoices.format], set: { xml }, setWhere: eq(documentEinvoices.orgId, member.orgId) });
  await db
    .update(documents)
    .set({ einvoiceFormat: format })
    .where(and(eq(documents.orgId, member.orgId), eq(documents.id, documentId)));
}

export type StoredEInvoice = { format: EInvoiceFormat; xml: string };

/** The document's stored e-invoice in its recorded format; null when it has none (or the reader can't see it). */
export async function getEInvoice(reader: Reader, documentId: string, tx?: Executor): Promise<StoredEInvoice | null> {
  const db = tx ?? (await getDb());
  assertReadsDocument(reader, documentId);
  const [row] = await db
    .select({ format: documentEinvoices.format, xml: documentEinvoices.xml })
    .from(documentEinvoices)
    .innerJoin(documents, and(eq(documents.orgId, documentEinvoices.orgId), eq(documents.id, documentEinvoices.documentId)))
    .where(
      and(
        eq(documentEinvoices.orgId, reader.orgId),
        eq(documentEinvoices.documentId, documentId),
        eq(documentEinvoices.format, documents.einvoiceFormat),
      ),
    )
    .limit(1);
  return row ? { format: row.format as EInvoiceFormat, xml: row.xml } : null;
}

/** The deposit invoice a quote's acceptance issued, if any. */
export async function findDepositInvoiceId(member: Member, quoteId: string, tx?: Executor): Promise<string | null> {
  const db = tx ?? (await getDb());
  const [row] = await db
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.orgId, member.orgId), eq(documents.depositForDocumentId, quoteId)))
    .limit(1);
  return row?.id ?? null;
}
