/**
 * In-memory PdfData for benchmarks and unit tests (no database). Totals come from
 * lib/money.ts computeDocument, the same module saveDraft stores them from.
 */
import { type LineTaxSnapshot } from "@/db/schema";
import { computeDocument } from "@/lib/money";
import type { PdfData, PdfDocument, PdfOrganization } from "./types";

const VAT: LineTaxSnapshot = { id: "vat", name: "VAT", rateE4: 200_000, inclusive: false, compound: false };
const REDUCED: LineTaxSnapshot = { id: "reduced", name: "Reduced VAT", rateE4: 70_000, inclusive: false, compound: false };

export const sampleOrg: PdfOrganization = {
  name: "Northwind Studio",
  legalName: "Northwind Studio GmbH",
  addressLine1: "Hauptstraße 1",
  addressLine2: null,
  city: "Berlin",
  postalCode: "10115",
  region: null,
  country: "DE",
  email: "billing@northwind.test",
  phone: "+49 30 1234567",
  website: "northwind.test",
  taxId: "DE123456789",
  bankDetails: "IBAN DE89 3704 0044 0532 0130 00 · BIC COBADEFFXXX",
  iban: null,
  bic: null,
  locale: "en-US",
  timeZone: "Europe/Berlin",
  brandColor: "#1d4ed8",
};

export type SampleLine = { description: string; quantityE4: number; unitPrice: number; unit?: string | null; taxes?: LineTaxSnapshot[] };

export function sampleLines(count: number, description = (i: number) => `Consulting work package ${i + 1}`): SampleLine[] {
  return Array.from({ length: count }, (_, i) => ({
    description: description(i),
    quantityE4: (1 + (i % 5)) * 10_000,
    unitPrice: 12_500 + i * 37,
    unit: "h",
    taxes: i % 3 === 0 ? [REDUCED] : [VAT],
  }));
}

export function sampleDocument(lines: SampleLine[], overrides: Partial<PdfDocument> = {}): PdfData {
  const currency = overrides.currency ?? "EUR";
  const totals = computeDocument({
    currency,
    rounding: "line",
    lines: lines.map((l) => ({ quantityE4: l.quantityE4, unitPrice: l.unitPrice, taxes: l.taxes ?? [] })),
  });
  const customer = { name: "Acme Corporation", email: "ap@acme.test", addressLines: ["1 Main Street", "12345 Springfield", "US"], taxId: null };
  const document: PdfDocument = {
    id: "00000000-0000-4000-8000-000000000001",
    kind: "invoice",
    status: "issued",
    number: "INV-2026-0001",
    currency,
    issueDate: "2026-03-10",
    dueDate: "2026-04-09",
    notes: "Thank you for your business.",
    terms: "Payment within 30 days. Late payments incur interest at the statutory rate.",
    footer: null,
    subtotal: totals.subtotal,
    discountTotal: totals.discountTotal,
    lineAmountTotal: totals.lineAmountTotal,
    documentDiscount: totals.documentDiscountTotal,
    discountType: null,
    discountValue: null,
    taxTotal: totals.taxTotal,
    total: totals.total,
    amountPaid: 0,
    amountCredited: 0,
    balance: totals.total,
    voidReason: null,
    customerSnapshot: customer,
    customer,
    sourceNumber: null,
    lines: lines.map((l, i) => {
      const t = totals.lines[i]!;
      return {
        id: `line-${i}`,
        description: l.description,
        unit: l.unit ?? null,
        quantityE4: l.quantityE4,
        unitPrice: l.unitPrice,
        taxes: l.taxes ?? [],
        discountType: null,
        discountValue: null,
        net: t.net,
        lineDiscount: t.lineDiscount,
        amount: t.amount,
        discount: t.lineDiscount + t.documentDiscount,
        taxable: t.taxable,
        tax: t.tax,
        total: t.total,
      };
    }),
    taxes: totals.taxes,
    payments: [],
    ...overrides,
  };
  return { document, org: sampleOrg, logo: null };
}
