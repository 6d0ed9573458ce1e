/**
 * Labels and formatting for the PDF. Every amount goes through formatMoney from the stored
 * integers, exactly as the document page does, so the PDF and the screen always agree.
 */
import type { DocumentKind, DocumentStatus } from "@/db/schema";
import { formatDate } from "@/lib/dates";
import { documentLabel, paymentMethods, statusLabels } from "@/lib/document-labels";
import { taxIdLabel } from "@/lib/document-summary";
import { formatMoney, quantityToString, rateToString } from "@/lib/money";
import type { PdfData, PdfLine, PdfOrganization, PdfParty } from "./types";

export type PdfFormat = {
  money: (minor: number) => string;
  date: (date: string | null | undefined) => string;
};

export function pdfFormat(data: PdfData): PdfFormat {
  const { currency } = data.document;
  const locale = data.org.locale;
  return { money: (minor) => formatMoney(minor, currency, locale), date: (date) => formatDate(date, locale) };
}

/** "Invoice", "Quote", "Credit note", or "Deposit invoice" for an invoice a quote's acceptance issued. */
export const documentTitle = (document: { kind: DocumentKind; depositForDocumentId?: string | null }) => documentLabel(document);
export const statusLabel = (status: DocumentStatus) => statusLabels[status];
export const partyLabel: Record<DocumentKind, string> = { invoice: "Bill to", quote: "Quote for", credit_note: "Credit to" };
export const dueLabel: Record<DocumentKind, string> = { invoice: "Due date", quote: "Valid until", credit_note: "Due date" };
export const methodLabel = (method: string) => paymentMethods[method as keyof typeof paymentMethods] ?? method;

export const quantityText = (line: PdfLine) => `${quantityToString(line.quantityE4)}${line.unit ? ` ${line.unit}` : ""}`;
export const lineTaxText = (line: PdfLine) => line.taxes.map((t) => `${t.name} ${rateToString(t.rateE4)}%`).join(", ");

/** Issued documents print what the customer looked like when issued; drafts print the live customer. */
export function billTo(document: PdfData["document"]): PdfParty {
  return document.status !== "draft" && document.customerSnapshot ? document.customerSnapshot : document.customer;
}

/** The two parties as the PDF prints them, sender first: label, name (bold) and detail lines. */
export function pdfParties({ document, org }: Pick<PdfData, "document" | "org">): { label: string; name: string; lines: string[] }[] {
  const customer = billTo(document);
  const present = (lines: (string | null | undefined)[]) => lines.filter((l): l is string => !!l);
  const idLabel = taxIdLabel(document.taxes);
  return [
    { label: "From", name: org.legalName ?? org.name, lines: present([...orgAddressLines(org), org.email, org.phone, org.website, org.taxId ? `${idLabel}: ${org.taxId}` : null]) },
    { label: partyLabel[document.kind], name: customer.name, lines: present([...customer.addressLines, customer.email, customer.taxId ? `${idLabel}: ${customer.taxId}` : null]) },
  ];
}

export function orgAddressLines(org: PdfOrganization): string[] {
  const cityLine = [org.postalCode, org.city].filter(Boolean).join(" ");
  return [org.addressLine1, org.addressLine2, cityLine, org.region, org.country].filter((l): l is string => !!l && l.trim() !== "");
}

/** Letter in the United States and Canada, A4 everywhere else (there is no paper-size setting). */
export function paperSize(org: Pick<PdfOrganization, "country">): "A4" | "LETTER" {
  const country = org.country?.trim().toUpperCase();
  return country === "US" || country === "CA" ? "LETTER" : "A4";
}

/** "PAID" / "VOID" (and "DRAFT", so an unissued document is never mistaken for a real one). */
export function stampText(document: Pick<PdfData["document"], "kind" | "status">): string | null {
  if (document.status === "void") return "VOID";
  if (document.status === "paid" && document.kind === "invoice") return "PAID";
  if (document.status === "draft") return "DRAFT";
  return null;
}

const HEX_COLOR = /^#[0-9a-f]{6}$/i;
export const brandColor = (org: PdfOrganization) => (HEX_COLOR.test(org.brandColor) ? org.brandColor : "#1d4ed8");

export const fileTitle = (data: PdfData) => `${documentTitle(data.document)} ${data.document.number ?? "(draft)"}`;

/** The PDF's document information (title, author, subject, language), the same for both engines. */
export const documentInfo = (data: PdfData) => ({
  title: fileTitle(data),
  author: data.org.legalName ?? data.org.name,
  subject: `${fileTitle(data)} for ${data.document.customerSnapshot?.name ?? data.document.customer.name}`,
  creator: "Smart Invoice",
  producer: "Smart Invoice",
  language: data.org.locale,
});
