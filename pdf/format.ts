/**
 * Labels and formatting for the PDF. Every amount goes through formatMoney from the stored
 * integers, exactly as the document page does, so the PDF and the screen always agree.
 */
import type { DocumentKind, DocumentStatus } from "@/db/schema";
import { formatDate } from "@/lib/dates";
import { type RateFormat, rateFormat, taxIdLabel } from "@/lib/document-summary";
import { type DocumentTranslate, documentMessages } from "@/lib/i18n/catalogs/document";
import { documentLanguage, formattingLocale, type Language, textDirection } from "@/lib/i18n/languages";
import { formatMoney, formatQuantity } from "@/lib/money";
import { type PdfStyles, pdfStyles } from "./styles";
import type { PdfData, PdfLine, PdfOrganization, PdfParty } from "./types";

export type PdfFormat = {
  money: (minor: number) => string;
  date: (date: string | null | undefined) => string;
  /** Quantities and rates as the language writes them ("1,5", "7,5 %" in German). */
  quantity: (quantityE4: number) => string;
  rates: RateFormat;
  /** The document's language, and its labels in that language (lib/i18n). */
  language: Language;
  t: DocumentTranslate;
  /** The page's styles for the language's writing direction (mirrored for Arabic and Hebrew). */
  styles: PdfStyles;
};

const ENGLISH = documentMessages("en");

/** The language the PDF is written in: the loader's choice, else the same fallback chain from what the data holds. */
export const pdfLanguage = (data: Pick<PdfData, "document" | "org" | "language">): Language =>
  data.language ?? documentLanguage(data.document.language, billTo(data.document).language, data.org.locale);

export function pdfFormat(data: PdfData): PdfFormat {
  const { currency } = data.document;
  const language = pdfLanguage(data);
  const locale = formattingLocale(language, data.org.locale);
  return {
    money: (minor) => formatMoney(minor, currency, locale),
    date: (date) => formatDate(date, locale),
    quantity: (quantityE4) => formatQuantity(quantityE4, locale),
    rates: rateFormat(locale),
    language,
    t: documentMessages(language),
    styles: pdfStyles(textDirection(language)),
  };
}

/** "Invoice", "Quote", "Credit note", or "Deposit invoice" for an invoice a quote's acceptance issued. */
export const documentTitle = (document: { kind: DocumentKind; depositForDocumentId?: string | null }, t: DocumentTranslate = ENGLISH) =>
  document.kind === "invoice" && document.depositForDocumentId ? t("kind.deposit_invoice") : t(`kind.${document.kind}`);
/** A status in words; a quote's "sent" and "viewed" have their own, where its noun's gender differs (French "devis envoyé"). */
export const statusLabel = (status: DocumentStatus, t: DocumentTranslate = ENGLISH, kind?: DocumentKind) =>
  kind === "quote" && (status === "sent" || status === "viewed") ? t(`status.quote.${status}`) : t(`status.${status}`);
export const partyLabel = (kind: DocumentKind, t: DocumentTranslate = ENGLISH) => t(`party.${kind}`);
export const dueLabel = (kind: DocumentKind, t: DocumentTranslate = ENGLISH) => t(kind === "quote" ? "meta.validUntil" : "meta.dueDate");
const METHODS = ["bank_transfer", "card", "cash", "cheque", "other"] as const;
export const methodLabel = (method: string, t: DocumentTranslate = ENGLISH) => ((METHODS as readonly string[]).includes(method) ? t(`method.${method as (typeof METHODS)[number]}`) : method);

export const quantityText = (line: PdfLine, fmt: Pick<PdfFormat, "quantity">) => `${fmt.quantity(line.quantityE4)}${line.unit ? ` ${line.unit}` : ""}`;
export const lineTaxText = (line: PdfLine, fmt: Pick<PdfFormat, "rates">) => line.taxes.map((t) => `${t.name} ${fmt.rates.percent(t.rateE4)}`).join(", ");

/** Issued documents print what the customer looked like when issued; drafts print the live customer. */
export function billTo(document: PdfData["document"]): PdfParty {
  return document.status !== "draft" && document.customerSnapshot ? document.customerSnapshot : document.customer;
}

/** The two parties as the PDF prints them, sender first: label, name (bold) and detail lines. */
export function pdfParties({ document, org }: Pick<PdfData, "document" | "org">, t: DocumentTranslate = ENGLISH): { label: string; name: string; lines: string[] }[] {
  const customer = billTo(document);
  const present = (lines: (string | null | undefined)[]) => lines.filter((l): l is string => !!l);
  const idLabel = taxIdLabel(document.taxes, t);
  return [
    { label: t("party.from"), name: org.legalName ?? org.name, lines: present([...orgAddressLines(org), org.email, org.phone, org.website, org.taxId ? `${idLabel}: ${org.taxId}` : null]) },
    { label: partyLabel(document.kind, t), name: customer.name, lines: present([...customer.addressLines, customer.email, customer.taxId ? `${idLabel}: ${customer.taxId}` : null]) },
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

/** Which stamp a document carries: "paid" / "void" (and "draft", so an unissued document is never mistaken for a real one). */
export function stampKind(document: Pick<PdfData["document"], "kind" | "status">): "paid" | "void" | "draft" | null {
  if (document.status === "void") return "void";
  if (document.status === "paid" && document.kind === "invoice") return "paid";
  if (document.status === "draft") return "draft";
  return null;
}

/** "PAID" / "VOID" / "DRAFT" in the document's language. */
export function stampText(document: Pick<PdfData["document"], "kind" | "status">, t: DocumentTranslate = ENGLISH): string | null {
  const kind = stampKind(document);
  return kind ? t(`stamp.${kind}`) : null;
}

const HEX_COLOR = /^#[0-9a-f]{6}$/i;
export const brandColor = (org: PdfOrganization) => (HEX_COLOR.test(org.brandColor) ? org.brandColor : "#1d4ed8");

export const fileTitle = (data: PdfData, t: DocumentTranslate = ENGLISH) => `${documentTitle(data.document, t)} ${data.document.number ?? "(draft)"}`;

/** The PDF's document information (title, author, subject, language), the same for both engines. */
export const documentInfo = (data: PdfData) => {
  const { language, t } = pdfFormat(data);
  const title = fileTitle(data, t);
  return {
    title,
    author: data.org.legalName ?? data.org.name,
    subject: t("info.subject", { title, customer: data.document.customerSnapshot?.name ?? data.document.customer.name }),
    creator: "Smart Invoice",
    producer: "Smart Invoice",
    // The document's language (what screen readers read it in); the organisation's locale when it is that language.
    language: formattingLocale(language, data.org.locale),
  };
};
