import "server-only";
import type { Executor } from "@/db";
import type { Reader } from "@/lib/data/context";
import { customerSnapshot } from "@/lib/data/customers";
import { getDocument } from "@/lib/data/documents/read";
import { getOrganization, unsafeGetOrganizationLogo } from "@/lib/data/organizations";
import type { PdfData } from "./types";

/** Everything a document's PDF shows, scoped to the member's organisation (getDocument 404s otherwise). */
export async function loadPdfData(db: Executor, member: Reader, documentId: string): Promise<PdfData> {
  const [doc, org, logo] = await Promise.all([getDocument(db, member, documentId), getOrganization(db, member), unsafeGetOrganizationLogo(db, member.orgId)]);
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
