/**
 * From a stored document to the EN 16931 model (lib/einvoice/model.ts). Pure: no I/O.
 *
 * The e-invoice carries the same integers as the PDF. Exclusive lines map one to one (BT-131 is the
 * line's stored amount). Lines whose prices include VAT are written net of VAT: BT-131 is the VAT
 * base lib/money computed plus the line's document-discount share converted to net, so that within
 * each VAT group Σ BT-131 − Σ allowances equals Σ stored bases exactly (BR-S-08 and friends compare
 * exactly). VAT amounts are the stored per-tax amounts. The final check that BT-115 equals the stored
 * total catches any mapping slip instead of writing different figures.
 */
import type { DocumentLine, DocumentTax, LineTaxSnapshot } from "@/db/schema";
import { addAmounts, lineVatBase, netOfInclusiveVat, toDecimalString, unitPriceString } from "@/lib/money";
import { xmlAmount, xmlPercent } from "./amount";
import { isVatCategory, REASON_REQUIRED, VATEX, type EInvoiceFormat, type VatCategory } from "./codes";
import type { DocumentAllowance, EInvoice, EInvoiceLine, EInvoiceSource, Party, VatBreakdown, Withholding } from "./model";

/** A tax's VAT category: the stored one, else S when it charges something and Z when it charges 0. */
export function vatCategoryOf(tax: { rateE4: number; vatCategory?: string | null }): VatCategory {
  if (isVatCategory(tax.vatCategory)) return tax.vatCategory;
  return tax.rateE4 > 0 ? "S" : "Z";
}

/** Withholding taxes (IRPF, ritenuta) are stored as negative rates; every other tax is VAT. */
export const isWithholding = (tax: { rateE4: number }) => tax.rateE4 < 0;

/** The line's VAT taxes (an e-invoice line carries exactly one; preflight.ts refuses the rest). */
export const vatTaxesOf = (line: Pick<DocumentLine, "taxes">): LineTaxSnapshot[] => line.taxes.filter((t) => !isWithholding(t));

const UNIT_CODES: Record<string, string> = {
  h: "HUR", hr: "HUR", hrs: "HUR", hour: "HUR", hours: "HUR", std: "HUR", "std.": "HUR", stunde: "HUR", stunden: "HUR",
  d: "DAY", day: "DAY", days: "DAY", tag: "DAY", tage: "DAY",
  month: "MON", months: "MON", mo: "MON", monat: "MON", monate: "MON",
  week: "WEE", weeks: "WEE", wk: "WEE", woche: "WEE", wochen: "WEE",
  year: "ANN", years: "ANN", yr: "ANN", jahr: "ANN", jahre: "ANN",
  min: "MIN", mins: "MIN", minute: "MIN", minutes: "MIN", minuten: "MIN",
  kg: "KGM", g: "GRM", m: "MTR", km: "KMT", l: "LTR", m2: "MTK", "m²": "MTK", sqm: "MTK",
  pc: "C62", pcs: "C62", piece: "C62", pieces: "C62", each: "C62", ea: "C62", stk: "C62", "stk.": "C62", unit: "C62", units: "C62",
  set: "SET", sets: "SET",
};

/** BT-130 from the line's free-text unit (UN/ECE Recommendation 20); anything unknown is C62 "one". */
export function unitCodeOf(unit: string | null | undefined): string {
  return UNIT_CODES[(unit ?? "").trim().toLowerCase()] ?? "C62";
}

const groupKey = (category: VatCategory, rateE4: number) => `${category}|${rateE4}`;

type Group = { category: VatCategory; rateE4: number; lineNet: number[]; allowances: number[]; taxIds: Set<string> };

/** The wording printed for an exemption: the stored reason, else the VATEX code's wording. */
export function exemptionText(tax: { exemptionReason?: string | null; exemptionCode?: string | null }): string | undefined {
  const reason = tax.exemptionReason?.trim();
  if (reason) return reason;
  const code = tax.exemptionCode?.trim();
  return code ? VATEX[code]?.text : undefined;
}

function mapLine(line: DocumentLine, index: number, currency: string, groups: Map<string, Group>): EInvoiceLine {
  const vats = vatTaxesOf(line);
  const vat = vats[0];
  if (vats.length !== 1 || !vat) throw new Error(`Line ${index + 1} has ${vats.length} VAT rates; an e-invoice carries exactly one per line.`);
  const category = vatCategoryOf(vat);
  const rateE4 = category === "O" ? 0 : vat.rateE4;
  const share = addAmounts(line.discount, -line.lineDiscount); // the line's part of the document discount
  let netAmount: number;
  let allowance: number;
  let netShare: number;
  let netPrice: string;
  let quantityE4 = line.quantityE4;
  if (vat.inclusive) {
    // Stored amounts include VAT: base is what the VAT was computed on; the discounts are gross.
    netShare = netOfInclusiveVat(share, vat.rateE4);
    allowance = netOfInclusiveVat(line.lineDiscount, vat.rateE4);
    netAmount = addAmounts(lineVatBase(line), netShare);
    netPrice = line.quantityE4 === 0 ? unitPriceString(netOfInclusiveVat(line.unitPrice, vat.rateE4), 10_000, currency) : unitPriceString(addAmounts(netAmount, allowance), line.quantityE4, currency);
  } else {
    netShare = share;
    allowance = line.lineDiscount;
    netAmount = line.amount;
    netPrice = toDecimalString(line.unitPrice, currency);
  }
  // BT-146 may not be negative (BR-27): a deduction ("Less deposits paid") is a negative quantity.
  if (netPrice.startsWith("-")) {
    netPrice = netPrice.slice(1);
    quantityE4 = -quantityE4;
  }
  const key = groupKey(category, rateE4);
  const group = groups.get(key) ?? { category, rateE4, lineNet: [], allowances: [], taxIds: new Set<string>() };
  group.lineNet.push(netAmount);
  group.allowances.push(netShare);
  group.taxIds.add(vat.id);
  groups.set(key, group);

  const [first = "", ...rest] = line.description.split(/\r?\n/);
  const description = rest.join("\n").trim();
  return {
    id: String(index + 1),
    name: first.trim() || `Line ${index + 1}`,
    ...(description ? { description } : {}),
    quantityE4,
    unitCode: unitCodeOf(line.unit),
    netPrice,
    netAmount,
    ...(allowance !== 0 ? { allowance } : {}),
    vat: { category, rateE4 },
  };
}

function breakdownOf(groups: Map<string, Group>, taxes: DocumentTax[], documentLabel: string): { breakdown: VatBreakdown[]; allowances: DocumentAllowance[] } {
  const owner = new Map<string, string>();
  for (const [key, group] of groups) {
    for (const id of group.taxIds) {
      if (owner.has(id) && owner.get(id) !== key) throw new Error(`${documentLabel}: tax ${id} is in two VAT groups.`);
      owner.set(id, key);
    }
  }
  const breakdown: VatBreakdown[] = [];
  const allowances: DocumentAllowance[] = [];
  for (const [key, group] of groups) {
    const stored = taxes.filter((t) => owner.get(t.taxId) === key);
    const allowance = addAmounts(...group.allowances);
    const entry: VatBreakdown = {
      category: group.category,
      rateE4: group.rateE4,
      taxableAmount: addAmounts(addAmounts(...group.lineNet), -allowance),
      taxAmount: addAmounts(...stored.map((t) => t.amount)),
    };
    if (REASON_REQUIRED.includes(group.category)) {
      const withReason = stored.find((t) => exemptionText(t));
      const reason = withReason ? exemptionText(withReason) : undefined;
      const code = stored.find((t) => t.exemptionCode?.trim())?.exemptionCode?.trim();
      if (reason) entry.exemptionReason = reason;
      if (code) entry.exemptionCode = code;
    }
    breakdown.push(entry);
    if (allowance !== 0) allowances.push({ amount: allowance, reason: "Discount", vat: { category: group.category, rateE4: group.rateE4 } });
  }
  return { breakdown, allowances };
}

/** The withholding note (BT-22): EN 16931 has no term for a withholding tax, so the buyer reads it. */
export function withholdingNote(w: Withholding, currency: string): string {
  const rate = `${w.rateE4 < 0 ? "−" : ""}${xmlPercent(Math.abs(w.rateE4))}%`;
  return `${w.name} ${rate} withheld by the buyer: ${xmlAmount(Math.abs(w.amount), currency)} ${currency} (not VAT; deducted from the amount due).`;
}

/** BR-CO-09: a VAT id starts with its ISO 3166 country code (Greece: EL; Kosovo: 1A). */
export const hasVatPrefix = (vatId: string) => /^([A-Z]{2}|1A)/.test(vatId.trim());

/** BR-O-02: an invoice with a category O line carries no seller or buyer VAT id. */
const outsideVat = (source: EInvoiceSource) => source.lines.some((l) => vatTaxesOf(l).some((t) => vatCategoryOf(t) === "O"));

function seller(source: EInvoiceSource): Party {
  const org = source.organization;
  const name = org.legalName?.trim() || org.name;
  const contact = { name: org.contactName ?? undefined, phone: org.phone ?? undefined, email: org.email ?? undefined };
  return {
    name,
    ...(org.name && org.name !== name ? { tradingName: org.name } : {}),
    ...(org.taxId?.trim() && !outsideVat(source) ? { vatId: org.taxId.trim() } : {}),
    ...(org.taxRegistrationId?.trim() ? { taxRegistrationId: org.taxRegistrationId.trim() } : {}),
    // Outside the scope of VAT the VAT id may not show (BR-O-02): this identifies the seller (BR-CO-26).
    ...(org.legalRegistrationId?.trim() ? { legalRegistrationId: org.legalRegistrationId.trim() } : {}),
    ...(org.electronicAddress && org.electronicAddressScheme ? { electronicAddress: { id: org.electronicAddress, scheme: org.electronicAddressScheme } } : {}),
    address: compactAddress({ line1: org.addressLine1, line2: org.addressLine2, city: org.city, postalCode: org.postalCode, region: org.region, country: org.country }),
    ...(contact.name || contact.phone || contact.email ? { contact: dropEmpty(contact) } : {}),
  };
}

function buyer(source: EInvoiceSource): Party {
  const c = source.customer;
  const a = c.address;
  const address = a ?? { line1: c.addressLines[0] ?? null, line2: c.addressLines[1] ?? null, city: null, postalCode: null, region: null, country: null };
  return {
    name: c.name,
    // A tax number without a country prefix (a US EIN) is not a VAT id (BR-CO-09): left out.
    ...(c.taxId && hasVatPrefix(c.taxId) && !outsideVat(source) ? { vatId: c.taxId.trim() } : {}),
    ...(c.electronicAddress && c.electronicAddressScheme ? { electronicAddress: { id: c.electronicAddress, scheme: c.electronicAddressScheme } } : {}),
    address: compactAddress(address),
  };
}

type NullableAddress = { line1: string | null; line2: string | null; city: string | null; postalCode: string | null; region: string | null; country: string | null };

function compactAddress(a: NullableAddress): Party["address"] {
  return { ...dropEmpty({ line1: a.line1, line2: a.line2, city: a.city, postalCode: a.postalCode, region: a.region }), country: a.country?.trim() ?? "" };
}

function dropEmpty<T extends Record<string, string | null | undefined>>(o: T): { [K in keyof T]?: string } {
  const out: { [K in keyof T]?: string } = {};
  for (const k of Object.keys(o) as (keyof T)[]) {
    const v = o[k]?.trim();
    if (v) out[k] = v;
  }
  return out;
}

/** BT-81: the document's payment means, else SEPA credit transfer when the organisation has an IBAN, else "not defined". */
export function paymentMeansCodeOf(source: Pick<EInvoiceSource, "document" | "organization">): string {
  return source.document.paymentMeansCode?.trim() || (source.organization.iban ? "58" : "1");
}

export const isCreditTransfer = (code: string) => code === "58" || code === "30";

/**
 * A credit note has no due date, but its amount (BT-115) is positive, so BR-CO-25 asks for payment
 * terms: say what the amount is.
 */
function creditNoteTerms(source: EInvoiceSource): string | undefined {
  if (source.document.kind !== "credit_note") return undefined;
  const invoice = source.precedingInvoice?.number;
  return invoice ? `Credited against invoice ${invoice}.` : "Credited to the buyer.";
}

export function buildEInvoice(source: EInvoiceSource, format: EInvoiceFormat): EInvoice {
  const { document: doc, organization: org } = source;
  const label = `Document ${doc.number ?? doc.id}`;
  if (doc.kind !== "invoice" && doc.kind !== "credit_note") throw new Error(`${label} is a ${doc.kind}: only invoices and credit notes are e-invoices.`);
  const currency = doc.currency;
  const groups = new Map<string, Group>();
  const lines = [...source.lines].sort((a, b) => a.position - b.position).map((l, i) => mapLine(l, i, currency, groups));
  const { breakdown, allowances } = breakdownOf(groups, source.taxes, label);

  const withholding: Withholding[] = [...source.taxes]
    .filter(isWithholding)
    .sort((a, b) => a.position - b.position)
    .map((t) => ({ name: t.name, rateE4: t.rateE4, base: t.base, amount: t.amount }));

  const lineNet = addAmounts(...lines.map((l) => l.netAmount));
  const allowanceTotal = addAmounts(...allowances.map((a) => a.amount));
  const taxExclusive = addAmounts(lineNet, -allowanceTotal);
  const vat = addAmounts(...breakdown.map((b) => b.taxAmount));
  const taxInclusive = addAmounts(taxExclusive, vat);
  // A withholding's amount is negative (it lowers the total): withheld = −amount, whatever the sign of its base.
  const prepaid = addAmounts(0, -addAmounts(...withholding.map((w) => w.amount)));
  const payable = addAmounts(taxInclusive, -prepaid);
  if (payable !== doc.total) {
    throw new Error(`${label}: the e-invoice amount due ${toDecimalString(payable, currency)} differs from the stored total ${toDecimalString(doc.total, currency)}.`);
  }

  const notes: string[] = [];
  if (doc.notes?.trim()) notes.push(doc.notes.trim());
  for (const b of breakdown) if (b.exemptionReason && !notes.includes(b.exemptionReason)) notes.push(b.exemptionReason);
  for (const w of withholding) notes.push(withholdingNote(w, currency));

  const delivery = dropEmpty({ date: doc.deliveryDate, periodStart: doc.periodStart, periodEnd: doc.periodEnd });
  const buyerReference = doc.buyerReference?.trim() || source.customer.buyerReference?.trim() || undefined;
  const meansCode = paymentMeansCodeOf(source);
  const paymentTerms = doc.terms?.trim() || (doc.dueDate ? `Payable by ${doc.dueDate}` : creditNoteTerms(source));
  const number = doc.number ?? "";
  return {
    format,
    kind: doc.kind,
    number,
    issueDate: doc.issueDate,
    ...(doc.dueDate ? { dueDate: doc.dueDate } : {}),
    currency,
    ...(buyerReference ? { buyerReference } : {}),
    ...(doc.purchaseOrderRef?.trim() ? { purchaseOrderRef: doc.purchaseOrderRef.trim() } : {}),
    ...(doc.kind === "credit_note" && source.precedingInvoice ? { precedingInvoice: { ...source.precedingInvoice } } : {}),
    notes,
    ...(paymentTerms ? { paymentTerms } : {}),
    seller: seller(source),
    buyer: buyer(source),
    ...(Object.keys(delivery).length ? { delivery } : {}),
    paymentMeans: {
      code: meansCode,
      // The seller's account belongs only to a credit transfer (BG-17); XRechnung refuses it beside a
      // card payment or a direct debit (BR-DE-24-b, BR-DE-25-b).
      ...(isCreditTransfer(meansCode) && org.iban
        ? { iban: org.iban.replace(/\s+/g, ""), ...(org.bic ? { bic: org.bic.replace(/\s+/g, "") } : {}), accountName: org.legalName?.trim() || org.name }
        : {}),
      ...(number ? { remittanceInformation: number } : {}),
    },
    lines,
    allowances,
    vatBreakdown: breakdown,
    withholding,
    totals: { lineNet, allowances: allowanceTotal, taxExclusive, vat, taxInclusive, prepaid, payable },
  };
}
