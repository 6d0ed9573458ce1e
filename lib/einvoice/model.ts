/**
 * An e-invoice as EN 16931 names it: the business terms (BT-n) and groups (BG-n) one invoice or
 * credit note carries, independent of syntax. lib/einvoice/build.ts fills it from a stored document;
 * lib/einvoice/ubl.ts and cii.ts write it as UBL 2.1 or CII D16B; preflight.ts checks it.
 *
 * Amounts are integers in the document currency's minor units, the same integers the database
 * stores and the PDF prints (lib/einvoice/amount.ts writes them as decimals). Pure types: no I/O.
 */
import type { CustomerSnapshot, Document, DocumentLine, DocumentTax, Organization } from "@/db/schema";
import type { EInvoiceFormat, VatCategory } from "./codes";

export type { EInvoiceFormat, VatCategory } from "./codes";

/** Minor units of the document currency. */
export type Amount = number;

export type PostalAddress = {
  line1?: string; // BT-35 / BT-50
  line2?: string; // BT-36 / BT-51
  city?: string; // BT-37 / BT-52
  postalCode?: string; // BT-38 / BT-53
  region?: string; // BT-39 / BT-54
  country: string; // BT-40 / BT-55, ISO 3166-1 alpha-2
};

export type Party = {
  name: string; // BT-27 / BT-44 (legal name)
  tradingName?: string; // BT-28 / BT-45
  vatId?: string; // BT-31 / BT-48, with its country prefix (DE123456789)
  taxRegistrationId?: string; // BT-32 (seller only)
  /** BT-30 / BT-47 (commercial register number): identifies a seller without a VAT id (category O, BR-CO-26). */
  legalRegistrationId?: string;
  electronicAddress?: { id: string; scheme: string }; // BT-34 / BT-49, scheme = EAS code (lib/einvoice/codes.ts)
  address: PostalAddress; // BG-5 / BG-8
  contact?: { name?: string; phone?: string; email?: string }; // BG-6 / BG-9
};

export type VatOfLine = { category: VatCategory; rateE4: number }; // BT-151, BT-152 (rate × 10^4: 19% = 190000)

export type EInvoiceLine = {
  id: string; // BT-126, "1", "2", …
  name: string; // BT-153
  description?: string; // BT-154
  quantityE4: number; // BT-129 (× 10^4, as stored)
  unitCode: string; // BT-130, UN/ECE Recommendation 20 ("C62" one, "HUR" hour, "DAY" day…)
  /** BT-146 item net price as a decimal string (may carry more decimals than the currency). */
  netPrice: string;
  /** BT-131: quantity × price − line allowance, net of VAT. Σ over lines = totals.lineNet (BR-CO-10). */
  netAmount: Amount;
  /** BG-27 the line's own discount, net of VAT (BT-136); absent or 0 when none. */
  allowance?: Amount;
  vat: VatOfLine;
  period?: { start: string; end: string }; // BG-26
};

/** BG-20: a document-level allowance (the document discount), one per VAT category and rate. */
export type DocumentAllowance = {
  amount: Amount; // BT-92
  baseAmount?: Amount; // BT-93
  percentE4?: number; // BT-94 (× 10^4)
  reason: string; // BT-97
  vat: VatOfLine; // BT-95, BT-96
};

/** BG-23: one entry per VAT category and rate. */
export type VatBreakdown = {
  category: VatCategory; // BT-118
  rateE4: number; // BT-119
  taxableAmount: Amount; // BT-116 = Σ line net amounts − allowances of this category and rate (BR-S-08…)
  taxAmount: Amount; // BT-117
  exemptionReason?: string; // BT-120
  exemptionCode?: string; // BT-121
};

/**
 * A withholding tax (IRPF, ritenuta): not VAT, so EN 16931 has no term for it. It is written as a
 * note and the amount withheld by the buyer goes in BT-113 (paid amount), so BT-115 (amount due)
 * is what the buyer pays the seller, as the PDF's "Balance due".
 */
export type Withholding = { name: string; rateE4: number; base: Amount; amount: Amount };

export type EInvoice = {
  format: EInvoiceFormat;
  kind: "invoice" | "credit_note"; // BT-3: 380 commercial invoice, 381 credit note
  number: string; // BT-1
  issueDate: string; // BT-2, YYYY-MM-DD
  dueDate?: string; // BT-9
  currency: string; // BT-5, ISO 4217
  buyerReference?: string; // BT-10 (Leitweg-ID)
  purchaseOrderRef?: string; // BT-13
  precedingInvoice?: { number: string; issueDate?: string }; // BG-3 BT-25 / BT-26 (credit notes)
  notes: string[]; // BG-1 BT-22, including the legal wording of exemptions and reverse charge
  paymentTerms?: string; // BT-20
  seller: Party; // BG-4
  buyer: Party; // BG-7
  delivery?: { date?: string; periodStart?: string; periodEnd?: string }; // BT-72, BG-14 (BT-73, BT-74)
  paymentMeans: {
    code: string; // BT-81, UNCL4461
    iban?: string; // BT-84
    bic?: string; // BT-86
    accountName?: string; // BT-85
    remittanceInformation?: string; // BT-83 (the invoice number)
  };
  lines: EInvoiceLine[]; // BG-25
  allowances: DocumentAllowance[]; // BG-20
  vatBreakdown: VatBreakdown[]; // BG-23
  withholding: Withholding[];
  totals: {
    lineNet: Amount; // BT-106
    allowances: Amount; // BT-107
    taxExclusive: Amount; // BT-109 = BT-106 − BT-107
    vat: Amount; // BT-110 = Σ BT-117
    taxInclusive: Amount; // BT-112 = BT-109 + BT-110
    prepaid: Amount; // BT-113 (withholding withheld by the buyer)
    payable: Amount; // BT-115 = BT-112 − BT-113: the document's stored total
  };
};

/**
 * What build.ts and preflight.ts read: an issued (or about to be issued) document as stored, with
 * its organisation, the customer as the document snapshot recorded it (decrypted), and, for a
 * credit note, the invoice it corrects.
 */
export type EInvoiceSource = {
  document: Document;
  lines: DocumentLine[];
  taxes: DocumentTax[];
  organization: Organization;
  customer: CustomerSnapshot;
  precedingInvoice: { number: string; issueDate: string } | null;
};
