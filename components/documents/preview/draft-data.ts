import type { LineTaxSnapshot } from "@/db/schema";
import { computeDocument, type Discount, parseMoney, parseQuantity, planDeposit, type Rounding } from "@/lib/money";
import { type DocumentFormValues, toDiscount } from "@/lib/validation/documents";
import { documentMessages } from "@/lib/i18n/catalogs/document";
import { pdfLanguage } from "@/pdf/format";
import type { PdfData, PdfLine, PdfOrganization, PdfParty } from "@/pdf/types";

/**
 * The editor's unsaved draft as the PDF's data (pdf/types.ts), so the preview prints it with the
 * PDF's own wording and formatting helpers. Every amount comes from lib/money.ts computeDocument on
 * the typed strings, parsed as the save action parses them (toDraftInput): the same integers the
 * server stores. What is not valid yet counts as nothing (its field shows the error), as the
 * editor's totals box has always done (editor-totals.tsx previewTotals).
 */

/** The document as the client receives it, minus the logo's bytes: the browser shows it by URL. */
export type PreviewData = Omit<PdfData, "logo"> & { logoUrl: string | null };

/** A tax rate the editor offers, with what the legal wording under the totals needs. */
export type PreviewTaxRate = LineTaxSnapshot;

/** What the preview needs besides the form: the sender, the customers' details, the taxes, the rounding. */
export type PreviewContext = {
  org: PdfOrganization;
  logoUrl: string | null;
  /** The customer's printable details by id; the chosen customer's name only until the list has them. */
  parties: Map<string, PdfParty>;
  taxes: Map<string, PreviewTaxRate>;
  rounding: Rounding;
  /** The saved draft's id, and the invoice a credit note credits (its number). */
  documentId?: string;
  sourceNumber?: string | null;
};

/** Until a customer is chosen; its name is worded in the document's language once that is known (previewData). */
const NO_CUSTOMER: PdfParty = { name: "", email: null, addressLines: [], taxId: null };

/** A discount as typed, null until valid (the field shows why). */
function discountOf(type: DocumentFormValues["discountType"], value: string | undefined, currency: string): Discount {
  try {
    return toDiscount(type, value ?? "", currency);
  } catch {
    return null;
  }
}

/** The discount as the document's columns keep it (lib/data/documents/shared.ts discountColumns). */
function columnsOf(discount: Discount) {
  if (!discount) return { discountType: null, discountValue: null };
  return discount.type === "percent" ? { discountType: "percent" as const, discountValue: discount.rateE4 } : { discountType: "amount" as const, discountValue: discount.amount };
}

type ParsedLine = { quantityE4: number; unitPrice: number; discount: Discount; taxes: LineTaxSnapshot[] };

/**
 * The ticked tax rates as the form holds them while typing: react-hook-form gives a lone checkbox's
 * value as a string, or false when unticked, rather than an array.
 */
function tickedIds(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((id): id is string => typeof id === "string");
  return typeof value === "string" && value ? [value] : [];
}

function parseLine(line: DocumentFormValues["lines"][number], currency: string, taxes: Map<string, PreviewTaxRate>): ParsedLine {
  const lineTaxes = tickedIds(line.taxRateIds).flatMap((id) => taxes.get(id) ?? []);
  try {
    return { quantityE4: parseQuantity(line.quantity), unitPrice: parseMoney(line.unitPrice || "0", currency), discount: discountOf(line.discountType, line.discountValue, currency), taxes: lineTaxes };
  } catch {
    return { quantityE4: 0, unitPrice: 0, discount: null, taxes: lineTaxes };
  }
}

const text = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/** The draft as the PDF would print it now; null while the totals can't be computed (an amount too large). */
export function previewData(values: DocumentFormValues, ctx: PreviewContext): PreviewData | null {
  // Half-typed input must never break the editor around the preview: at worst the preview waits.
  try {
    const data = buildPreview(values, ctx);
    if (!data || data.document.customer !== NO_CUSTOMER) return data;
    const chooseCustomer = documentMessages(pdfLanguage(data))("preview.chooseCustomer");
    return { ...data, document: { ...data.document, customer: { ...NO_CUSTOMER, name: chooseCustomer } } };
  } catch {
    return null;
  }
}

function buildPreview(values: DocumentFormValues, ctx: PreviewContext): PreviewData | null {
  const currency = values.currency;
  const formLines = values.lines ?? [];
  const parsed = formLines.map((l) => parseLine(l, currency, ctx.taxes));
  const discount = discountOf(values.discountType, values.discountValue, currency);
  let totals;
  try {
    totals = computeDocument({ currency, rounding: ctx.rounding, discount, lines: parsed });
  } catch {
    return null;
  }
  const lines: PdfLine[] = parsed.map((p, i) => {
    const t = totals.lines[i]!;
    const form = formLines[i]!;
    return {
      id: `line-${i}`,
      description: form.description ?? "",
      unit: text(form.unit),
      quantityE4: p.quantityE4,
      unitPrice: p.unitPrice,
      ...columnsOf(p.discount),
      taxes: p.taxes,
      net: t.net,
      lineDiscount: t.lineDiscount,
      amount: t.amount,
      discount: t.lineDiscount + t.documentDiscount,
      taxable: t.taxable,
      tax: t.tax,
      total: t.total,
      depositInvoiceId: form.depositInvoiceId || null,
    };
  });
  // lib/money.ts keeps only each tax's money settings; the category and exemption come from the rate (as writeLinesAndTaxes stores them).
  const taxes = totals.taxes.map((t) => {
    const rate = ctx.taxes.get(t.taxId);
    return { ...t, vatCategory: rate?.vatCategory ?? null, exemptionReason: rate?.exemptionReason ?? null, exemptionCode: rate?.exemptionCode ?? null };
  });
  const deposit = values.kind === "credit_note" ? null : discountOf(values.depositType ?? "none", values.depositValue, currency);
  let depositAmount = 0;
  try {
    if (deposit) depositAmount = planDeposit({ currency, rounding: ctx.rounding, deposit, total: totals.total, lines: totals.lines.map((l, i) => ({ taxable: l.taxable, taxes: parsed[i]!.taxes })) }).total;
  } catch {
    depositAmount = 0;
  }
  const customer = ctx.parties.get(values.customerId) ?? NO_CUSTOMER;
  const depositColumns = columnsOf(deposit);
  return {
    document: {
      id: ctx.documentId ?? "draft",
      kind: values.kind,
      status: "draft",
      number: null,
      currency,
      // The form's language override ("" = the customer's); pdfFormat resolves it as the PDF's loader does.
      language: values.language || null,
      issueDate: values.issueDate,
      dueDate: values.kind === "credit_note" ? null : values.dueDate || null,
      notes: text(values.notes),
      terms: text(values.terms),
      footer: text(values.footer),
      subtotal: totals.subtotal,
      discountTotal: totals.discountTotal,
      lineAmountTotal: totals.lineAmountTotal,
      documentDiscount: totals.documentDiscountTotal,
      ...columnsOf(discount),
      depositType: depositColumns.discountType,
      depositValue: depositColumns.discountValue,
      depositAmount,
      depositForDocumentId: null,
      taxTotal: totals.taxTotal,
      total: totals.total,
      amountPaid: 0,
      amountCredited: 0,
      // A draft owes its whole total (lib/data/documents/totals.ts totalColumns).
      balance: totals.total,
      voidReason: null,
      deliveryDate: values.deliveryDate || null,
      periodStart: values.periodStart || null,
      periodEnd: values.periodEnd || null,
      purchaseOrderRef: text(values.purchaseOrderRef),
      buyerReference: text(values.buyerReference),
      customerSnapshot: null,
      customer,
      sourceNumber: ctx.sourceNumber ?? null,
      lines,
      taxes,
      payments: [],
    },
    org: ctx.org,
    logoUrl: ctx.logoUrl,
  };
}
