/**
 * What a document's lines and totals box say, in one wording for the document page, the client's
 * page, the PDF and the editor's preview. It only picks and labels stored integers (or, in the
 * editor, the integers lib/money.ts just computed); it never computes an amount.
 *
 * EN 16931 reading: a line's Amount is its net amount, quantity × price − its own discount
 * (BT-131); the Subtotal is the sum of those (BT-106); the document discount is its own row
 * before the taxes (BT-107); each tax rate says what it was charged on.
 */
import { REASON_REQUIRED, VATEX, type VatCategory } from "./einvoice/codes";
import { type DocumentKey, type DocumentTranslate, documentCatalogs, documentMessages } from "./i18n/catalogs/document";
import { formatRate, formatRateFigure, rateToString } from "./money";

/** Callers that do not pass a language (the app's own pages) get the English wording. */
const ENGLISH = documentMessages("en");

type DiscountKind = "percent" | "amount" | null;
type Money = (minor: number) => string;

/** How a document writes rates: the figure alone ("7,5", for sentences that place the % sign) and as a percentage ("7,5 %"). */
export type RateFormat = { figure: (rateE4: number) => string; percent: (rateE4: number) => string };
const ENGLISH_RATES: RateFormat = { figure: rateToString, percent: (rateE4) => `${rateToString(rateE4)}%` };
/** Rates as `locale` writes them (decimal comma, the space before % in French and German). */
export const rateFormat = (locale: string): RateFormat => ({ figure: (rateE4) => formatRateFigure(rateE4, locale), percent: (rateE4) => formatRate(rateE4, locale) });

export type SummaryDocument = {
  kind: "invoice" | "quote" | "credit_note";
  status: string;
  lineAmountTotal: number;
  documentDiscount: number;
  discountType: DiscountKind;
  discountValue: number | null;
  taxes: SummaryTax[];
  total: number;
  amountPaid: number;
  amountCredited: number;
  balance: number;
  /** The deposit asked for (quotes and invoices) and what it comes to (stored at save time); optional for callers without one. */
  depositType?: DiscountKind;
  depositValue?: number | null;
  depositAmount?: number;
};

/** A tax of the breakdown; a negative rate is a withholding (lib/money.ts). */
export type SummaryTax = {
  taxId: string;
  name: string;
  rateE4: number;
  inclusive: boolean;
  base: number;
  amount: number;
  vatCategory?: string | null;
  exemptionReason?: string | null;
  exemptionCode?: string | null;
};

export type SummaryRow = { key: string; label: string; value: string; emphasis?: "total" };

/** A deduction: "−$60.00" (a negative one, on a negative line, reads "+$3.00"). */
export const minus = (minor: number, money: Money) => (minor < 0 ? `+${money(-minor)}` : `−${money(minor)}`);

/**
 * "VAT 20% on $1,140.00"; an inclusive rate says so: "VAT 20% (included) on $1,000.00"; a
 * withholding reads "IRPF −15% on €1,393.50".
 */
export const taxLabel = (tax: SummaryTax, money: Money, t: DocumentTranslate = ENGLISH, rates: RateFormat = ENGLISH_RATES) =>
  tax.rateE4 < 0
    ? t("summary.withholding", { name: tax.name, rate: rates.figure(-tax.rateE4), base: money(tax.base) })
    : t(tax.inclusive ? "summary.taxIncluded" : "summary.tax", { name: tax.name, rate: rates.figure(tax.rateE4), base: money(tax.base) });

/** A tax's row value: a withholding is a deduction ("−€209.03"), every other tax its amount. */
const taxValue = (tax: SummaryTax, money: Money) => (tax.rateE4 < 0 ? minus(-tax.amount, money) : money(tax.amount));

/** A VATEX code's legal wording in the document's language (catalog data per language), else the code's own text. */
function vatexText(code: string, t: DocumentTranslate): string | undefined {
  const key = `vatex.${code}`;
  return Object.hasOwn(documentCatalogs.en, key) ? t(key as DocumentKey) : VATEX[code]?.text;
}

/**
 * The legal wording under the totals: each distinct exemption reason of the document's exempt,
 * reverse-charge, intra-community, export and out-of-scope taxes (the reason as typed, else the
 * VATEX code's wording in the document's language), in the order the taxes come.
 */
export function legalNotes(taxes: readonly Pick<SummaryTax, "vatCategory" | "exemptionReason" | "exemptionCode" | "rateE4">[], t: DocumentTranslate = ENGLISH): string[] {
  const notes: string[] = [];
  for (const tax of taxes) {
    if (tax.rateE4 < 0 || !REASON_REQUIRED.includes((tax.vatCategory ?? "S") as VatCategory)) continue;
    const note = tax.exemptionReason?.trim() || (tax.exemptionCode ? vatexText(tax.exemptionCode, t) : undefined);
    if (note && !notes.includes(note)) notes.push(note);
  }
  return notes;
}

/** Reverse charge (AE) and intra-community supply (K) require both parties' VAT ids on the document. */
export const showsBothVatIds = (taxes: readonly Pick<SummaryTax, "vatCategory" | "rateE4">[]) =>
  taxes.some((t) => t.rateE4 >= 0 && (t.vatCategory === "AE" || t.vatCategory === "K"));

/** How a party's tax id is labelled: where both VAT ids are required, it is named as what it must be. */
export const taxIdLabel = (taxes: readonly Pick<SummaryTax, "vatCategory" | "rateE4">[], t: DocumentTranslate = ENGLISH) => t(showsBothVatIds(taxes) ? "party.vatId" : "party.taxId");

/**
 * The totals box, top to bottom: Subtotal, Discount, a row per tax rate (withholdings last), Total, the deposit asked
 * for ("Deposit requested: 30%"), then for an issued invoice what was paid or credited and, last,
 * the Balance due.
 */
export function summaryRows(doc: SummaryDocument, money: Money, t: DocumentTranslate = ENGLISH, rates: RateFormat = ENGLISH_RATES): SummaryRow[] {
  const rows: SummaryRow[] = [{ key: "subtotal", label: t("summary.subtotal"), value: money(doc.lineAmountTotal) }];
  if (doc.documentDiscount) {
    const label = doc.discountType === "percent" && doc.discountValue !== null ? t("summary.discountRate", { rate: rates.figure(doc.discountValue) }) : t("summary.discount");
    rows.push({ key: "discount", label, value: minus(doc.documentDiscount, money) });
  }
  // VAT first, then the withholdings on their own rows: they are deducted, not charged.
  const ordered = [...doc.taxes.filter((t) => t.rateE4 >= 0), ...doc.taxes.filter((t) => t.rateE4 < 0)];
  for (const tax of ordered) rows.push({ key: `tax-${tax.taxId}`, label: taxLabel(tax, money, t, rates), value: taxValue(tax, money) });
  rows.push({ key: "total", label: t("summary.total"), value: money(doc.total), emphasis: "total" });
  if (doc.depositAmount && doc.kind !== "credit_note") {
    const label = doc.depositType === "percent" && doc.depositValue != null ? t("summary.depositRequestedRate", { rate: rates.figure(doc.depositValue) }) : t("summary.depositRequested");
    rows.push({ key: "deposit", label, value: money(doc.depositAmount) });
  }
  if (doc.amountPaid) rows.push({ key: "paid", label: t("summary.paid"), value: minus(doc.amountPaid, money) });
  if (doc.amountCredited) rows.push({ key: "credited", label: t("summary.credited"), value: minus(doc.amountCredited, money) });
  if (doc.kind === "invoice" && doc.status !== "draft") rows.push({ key: "balance", label: t("summary.balanceDue"), value: money(doc.balance), emphasis: "total" });
  return rows;
}

export type SummaryLine = { discountType: DiscountKind; discountValue: number | null; lineDiscount: number };

/** A line's own discount as printed on the line: "−10% (−$120.00)", or "−$5.00" for an amount; null without one. */
export function lineDiscountText(line: SummaryLine, money: Money, rates: RateFormat = ENGLISH_RATES): string | null {
  if (!line.discountType || !line.lineDiscount) return null;
  const amount = minus(line.lineDiscount, money);
  return line.discountType === "percent" && line.discountValue !== null ? `−${rates.percent(line.discountValue)} (${amount})` : amount;
}

/** Prices with taxes included make every Amount tax-inclusive: the column says so. */
export const amountHeading = (lines: { taxes: { inclusive: boolean }[] }[], t: DocumentTranslate = ENGLISH) =>
  t(lines.some((l) => l.taxes.some((tax) => tax.inclusive)) ? "table.amountInclTax" : "table.amount");
