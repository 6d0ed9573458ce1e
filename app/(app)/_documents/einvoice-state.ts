import type { DocumentKind } from "@/db/schema";
import { FORMAT_LABELS, isEInvoiceFormat } from "@/lib/einvoice/codes";
import { DOWNLOAD_LABELS, problemHref, SCOPE_LABELS } from "@/lib/einvoice/links";
import { checkEInvoice } from "@/lib/services/einvoice";
import type { MembershipContext } from "@/lib/session";

/**
 * The e-invoice panel's data: a draft invoice or credit note whose customer needs an e-invoice
 * lists what pre-flight finds missing; an issued one offers the XML stored at issue. Null otherwise.
 */
export async function einvoiceState(
  membership: MembershipContext,
  doc: { id: string; kind: DocumentKind; status: string; customerId: string; einvoiceFormat: string | null },
  documentPath: string,
) {
  if (doc.kind !== "invoice" && doc.kind !== "credit_note") return null;
  if (doc.status !== "draft") {
    if (!isEInvoiceFormat(doc.einvoiceFormat)) return null;
    const download = { label: DOWNLOAD_LABELS[doc.einvoiceFormat], href: `${documentPath}/${doc.id}/einvoice` };
    return { formatLabel: FORMAT_LABELS[doc.einvoiceFormat], problems: null, download };
  }
  const check = await checkEInvoice(membership, doc.id);
  if (!check.format) return null;
  const place = { documentPath, documentId: doc.id, customerId: doc.customerId };
  const problems = check.problems.map((p) => ({ term: p.term, message: p.message, href: problemHref(p, place), where: SCOPE_LABELS[p.field.scope] }));
  return { formatLabel: FORMAT_LABELS[check.format], problems, download: null };
}
