import type { DocumentKind } from "@/db/schema";
import { checkMessage, formatName, scopeName } from "@/lib/einvoice/check-words";
import { isEInvoiceFormat } from "@/lib/einvoice/codes";
import { DOWNLOAD_LABELS, problemHref } from "@/lib/einvoice/links";
import type { AppLanguage } from "@/lib/i18n/app-language";
import { checkEInvoice } from "@/lib/services/einvoice";
import type { MembershipContext } from "@/lib/session";

/**
 * The e-invoice panel's data: a draft invoice or credit note whose customer needs an e-invoice
 * lists what pre-flight finds missing; an issued one offers the XML stored at issue. Null otherwise.
 * Worded in the app language `language` (lib/einvoice/check-words.ts).
 */
export async function einvoiceState(
  membership: MembershipContext,
  doc: { id: string; kind: DocumentKind; status: string; customerId: string; einvoiceFormat: string | null },
  documentPath: string,
  language: AppLanguage,
) {
  if (doc.kind !== "invoice" && doc.kind !== "credit_note") return null;
  if (doc.status !== "draft") {
    if (!isEInvoiceFormat(doc.einvoiceFormat)) return null;
    const download = { label: DOWNLOAD_LABELS[doc.einvoiceFormat], href: `${documentPath}/${doc.id}/einvoice` };
    return { formatLabel: formatName(doc.einvoiceFormat, language), problems: null, download };
  }
  const check = await checkEInvoice(membership, doc.id);
  if (!check.format) return null;
  const place = { documentPath, documentId: doc.id, customerId: doc.customerId };
  const problems = check.problems.map((p) => ({ term: p.term, message: checkMessage(p.code, p.values, language), href: problemHref(p, place), where: scopeName(p.field.scope, language) }));
  return { formatLabel: formatName(check.format, language), problems, download: null };
}
