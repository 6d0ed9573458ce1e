/**
 * The plain data a PDF is drawn from. Loaded by lib/services/document-pdf.ts (database) or built in memory
 * (scripts/bench-pdf.ts, tests); the renderer never queries anything itself.
 */
import type { Language } from "@/lib/i18n/languages";
import type { CustomerSnapshot, Document, DocumentLine, DocumentTax, Organization, Payment } from "@/db/schema";

export type PdfParty = CustomerSnapshot;

export type PdfLine = Pick<DocumentLine, "id" | "description" | "unit" | "quantityE4" | "unitPrice" | "discountType" | "discountValue" | "taxes" | "net" | "lineDiscount" | "amount" | "discount" | "taxable" | "tax" | "total"> &
  Partial<Pick<DocumentLine, "depositInvoiceId">>;
export type PdfTax = Pick<DocumentTax, "taxId" | "name" | "rateE4" | "inclusive" | "compound" | "base" | "amount"> &
  /** The VAT category and exemption (legal wording under the totals); optional for documents built in memory. */
  Partial<Pick<DocumentTax, "vatCategory" | "exemptionReason" | "exemptionCode">>;
export type PdfPayment = Pick<Payment, "id" | "paidOn" | "amount" | "method" | "reference">;

export type PdfDocument = Pick<
  Document,
  | "id"
  | "kind"
  | "status"
  | "number"
  | "currency"
  | "issueDate"
  | "dueDate"
  | "notes"
  | "terms"
  | "footer"
  | "subtotal"
  | "discountTotal"
  | "lineAmountTotal"
  | "documentDiscount"
  | "discountType"
  | "discountValue"
  | "taxTotal"
  | "total"
  | "amountPaid"
  | "amountCredited"
  | "balance"
  | "voidReason"
  | "customerSnapshot"
> &
  /** The document's own language override (optional for documents built in memory). */
  Partial<Pick<Document, "language">> &
  /** Deposits (optional for documents built in memory without them). */
  Partial<Pick<Document, "depositType" | "depositValue" | "depositAmount" | "depositForDocumentId">> &
  /** E-invoice business terms (optional for documents built in memory). */
  Partial<Pick<Document, "deliveryDate" | "periodStart" | "periodEnd" | "purchaseOrderRef" | "buyerReference">> & {
  /** The live customer, used while the document is a draft (issued documents print their snapshot). */
  customer: PdfParty;
  /** Number of the document this one derives from (the invoice a credit note credits), if any. */
  sourceNumber: string | null;
  lines: PdfLine[];
  taxes: PdfTax[];
  payments: PdfPayment[];
};

export type PdfOrganization = Pick<
  Organization,
  | "name"
  | "legalName"
  | "addressLine1"
  | "addressLine2"
  | "city"
  | "postalCode"
  | "region"
  | "country"
  | "email"
  | "phone"
  | "website"
  | "taxId"
  | "bankDetails"
  | "iban"
  | "bic"
  | "locale"
  | "timeZone"
  | "brandColor"
>;

/** `version`: when the logo was last replaced (ms), which its public URL carries for caching. */
export type PdfLogo = { bytes: Buffer; contentType: string; version?: number };

/** `language`: the language resolved by the loader (lib/i18n documentLanguage); absent, pdfFormat resolves it from the data. */
export type PdfData = { document: PdfDocument; org: PdfOrganization; logo: PdfLogo | null; language?: Language };
