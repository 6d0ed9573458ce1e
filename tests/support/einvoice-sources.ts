/**
 * EInvoiceSource objects for the builder and pre-flight tests: typed rows with every column, as the
 * app stores them. `storedSource` runs lib/money computeDocument only to PRODUCE the stored line and
 * tax rows, the way saving a draft does; the tests' expected e-invoice figures are worked by hand.
 * Rows the current computeDocument cannot produce (withholding) are written with storedLine /
 * storedTax directly.
 */
import type { CustomerSnapshot, Document, DocumentLine, DocumentTax, LineTaxSnapshot, Organization } from "@/db/schema";
import type { EInvoiceSource } from "@/lib/einvoice/model";
import { computeDocument, type Discount, type Rounding } from "@/lib/money";

const ORG_ID = "00000000-0000-4000-8000-000000000001";
const DOC_ID = "00000000-0000-4000-8000-0000000000d1";
const AT = new Date("2026-12-01T09:00:00Z");

export const vat19: LineTaxSnapshot = { id: "tax-19", name: "USt 19%", rateE4: 190_000, inclusive: false, compound: false, vatCategory: "S", exemptionReason: null, exemptionCode: null };
export const vat7: LineTaxSnapshot = { id: "tax-7", name: "USt 7%", rateE4: 70_000, inclusive: false, compound: false, vatCategory: "S", exemptionReason: null, exemptionCode: null };
export const vat19Inclusive: LineTaxSnapshot = { ...vat19, id: "tax-19-incl", name: "USt 19% incl.", inclusive: true };
export const reverseCharge: LineTaxSnapshot = {
  id: "tax-rc", name: "Reverse charge", rateE4: 0, inclusive: false, compound: false, vatCategory: "AE",
  exemptionReason: "Reverse charge: VAT to be accounted for by the recipient (Article 196, Council Directive 2006/112/EC).", exemptionCode: "VATEX-EU-AE",
};
export const intraCommunity: LineTaxSnapshot = { id: "tax-ic", name: "Intra-EU supply", rateE4: 0, inclusive: false, compound: false, vatCategory: "K", exemptionReason: null, exemptionCode: "VATEX-EU-IC" };

export function germanOrganization(overrides: Partial<Organization> = {}): Organization {
  return {
    id: ORG_ID, name: "Muster Design", legalName: "Muster Design GmbH",
    addressLine1: "Hauptstraße 5", addressLine2: null, city: "Berlin", postalCode: "10115", region: null, country: "DE",
    email: "anna@muster-design.de", phone: "+49 30 1234567", website: null,
    taxId: "DE123456789", bankDetails: null, taxRegistrationId: "201/113/40209", legalRegistrationId: "HRB 12345 B",
    electronicAddress: "rechnung@muster-design.de", electronicAddressScheme: "EM", contactName: "Anna Muster",
    iban: "DE02120300000000202051", bic: "BYLADEM1001", einvoiceFormat: "xrechnung-ubl",
    defaultCurrency: "EUR", locale: "de-DE", timeZone: "Europe/Berlin", paymentTermsDays: 30, brandColor: "#1d4ed8",
    invoiceNumberFormat: "INV-{YYYY}-{SEQ:4}", quoteNumberFormat: "QUO-{YYYY}-{SEQ:4}", creditNoteNumberFormat: "CN-{YYYY}-{SEQ:4}",
    numberingResetsYearly: true, rounding: "line", defaultNotes: null, defaultTerms: null, defaultFooter: null,
    onboardedAt: AT, createdAt: AT, updatedAt: AT,
    ...overrides,
  };
}

export function germanCustomer(overrides: Partial<CustomerSnapshot> = {}): CustomerSnapshot {
  return {
    name: "Bezirksamt Mitte von Berlin", email: "einkauf@ba-mitte.berlin.de",
    addressLines: ["Karl-Marx-Allee 31", "10178 Berlin"], taxId: null,
    address: { line1: "Karl-Marx-Allee 31", line2: null, city: "Berlin", postalCode: "10178", region: null, country: "DE" },
    buyerReference: "04011000-12345-67", electronicAddress: "04011000-12345-67", electronicAddressScheme: "0204",
    ...overrides,
  };
}

export function documentRow(overrides: Partial<Document> = {}): Document {
  return {
    id: DOC_ID, orgId: ORG_ID, kind: "invoice", status: "issued", number: "INV-2026-0042",
    customerId: "00000000-0000-4000-8000-0000000000c1", customerSnapshot: germanCustomer(),
    currency: "EUR", issueDate: "2026-12-01", dueDate: "2026-12-31", rounding: "line", discountType: null, discountValue: null,
    notes: null, terms: "Payable within 30 days, by 2026-12-31.", footer: null, language: null,
    deliveryDate: null, periodStart: "2026-11-01", periodEnd: "2026-11-30", purchaseOrderRef: "PO-7781", buyerReference: null,
    paymentMeansCode: null, einvoiceFormat: "xrechnung-ubl",
    subtotal: 0, discountTotal: 0, lineAmountTotal: 0, documentDiscount: 0, taxTotal: 0, total: 0,
    amountPaid: 0, amountCredited: 0, balance: 0, sourceDocumentId: null,
    depositType: null, depositValue: null, depositAmount: 0, depositForDocumentId: null, voidReason: null,
    issuedAt: AT, sentAt: null, viewedAt: null, paidAt: null, lastPaidOn: null, gatewayOverpaid: false, disputedAt: null, voidedAt: null,
    createdById: null, createdAt: AT, updatedAt: AT,
    ...overrides,
  };
}

/** A stored line row; amounts as given (amount = net − lineDiscount, taxable = net − discount, as the table's check asks). */
export function storedLine(position: number, l: Pick<DocumentLine, "description" | "quantityE4" | "unitPrice" | "taxes" | "net" | "tax" | "total"> & Partial<DocumentLine>): DocumentLine {
  const lineDiscount = l.lineDiscount ?? 0;
  const discount = l.discount ?? lineDiscount;
  return {
    id: `00000000-0000-4000-8000-${String(position + 1).padStart(12, "0")}`, orgId: ORG_ID, documentId: DOC_ID, position,
    itemId: null, unit: null, discountType: null, discountValue: null, depositInvoiceId: null,
    lineDiscount, amount: l.net - lineDiscount, discount, taxable: l.net - discount,
    ...l,
  };
}

export function storedTax(position: number, tax: LineTaxSnapshot, base: number, amount: number): DocumentTax {
  return {
    orgId: ORG_ID, documentId: DOC_ID, taxId: tax.id, name: tax.name, rateE4: tax.rateE4, inclusive: tax.inclusive, compound: tax.compound,
    vatCategory: tax.vatCategory ?? null, exemptionReason: tax.exemptionReason ?? null, exemptionCode: tax.exemptionCode ?? null,
    base, amount, position,
  };
}

export type SourceLine = { description: string; unit?: string; quantityE4: number; unitPrice: number; discount?: Discount; taxes: LineTaxSnapshot[]; depositInvoiceId?: string };

export type SourceInput = {
  lines: SourceLine[];
  currency?: string;
  rounding?: Rounding;
  discount?: Discount;
  document?: Partial<Document>;
  organization?: Partial<Organization>;
  customer?: Partial<CustomerSnapshot>;
  precedingInvoice?: { number: string; issueDate: string } | null;
};

/** The rows saving such a draft stores (lib/money computeDocument), around a complete German seller and public buyer. */
export function storedSource(input: SourceInput): EInvoiceSource {
  const currency = input.currency ?? "EUR";
  const rounding = input.rounding ?? "line";
  const totals = computeDocument({
    currency, rounding, discount: input.discount,
    lines: input.lines.map((l) => ({ quantityE4: l.quantityE4, unitPrice: l.unitPrice, discount: l.discount, taxes: l.taxes.map(({ id, name, rateE4, inclusive, compound }) => ({ id, name, rateE4, inclusive, compound })) })),
  });
  const lines = input.lines.map((l, i) => {
    const t = totals.lines[i]!;
    const discount = l.discount ?? null;
    return storedLine(i, {
      description: l.description, unit: l.unit ?? null, quantityE4: l.quantityE4, unitPrice: l.unitPrice, taxes: l.taxes,
      discountType: discount?.type ?? null, discountValue: discount ? (discount.type === "percent" ? discount.rateE4 : discount.amount) : null,
      net: t.net, lineDiscount: t.lineDiscount, discount: t.lineDiscount + t.documentDiscount, tax: t.tax, total: t.total,
      depositInvoiceId: l.depositInvoiceId ?? null,
    });
  });
  const snapshots = new Map(input.lines.flatMap((l) => l.taxes.map((t) => [t.id, t] as const)));
  const taxes = totals.taxes.map((t, i) => storedTax(i, snapshots.get(t.taxId)!, t.base, t.amount));
  const discount = input.discount ?? null;
  const document = documentRow({
    currency, rounding,
    discountType: discount?.type ?? null, discountValue: discount ? (discount.type === "percent" ? discount.rateE4 : discount.amount) : null,
    subtotal: totals.subtotal, discountTotal: totals.discountTotal, lineAmountTotal: totals.lineAmountTotal, documentDiscount: totals.documentDiscountTotal,
    taxTotal: totals.taxTotal, total: totals.total, balance: totals.total,
    ...input.document,
  });
  return {
    document, lines, taxes,
    organization: germanOrganization(input.organization),
    customer: germanCustomer(input.customer),
    precedingInvoice: input.precedingInvoice ?? null,
  };
}

/** The fixture's invoice: 10 h × 85.00 at 19% and 3 × 12.50 at 7% (tests/support/einvoice-fixtures.ts). */
export const germanSource = (input: Partial<SourceInput> = {}): EInvoiceSource =>
  storedSource({
    lines: [
      { description: "Design work", unit: "hours", quantityE4: 100_000, unitPrice: 8_500, taxes: [vat19] },
      { description: "Printed brochure", unit: "pcs", quantityE4: 30_000, unitPrice: 1_250, taxes: [vat7] },
    ],
    ...input,
  });
