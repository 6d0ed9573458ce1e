/**
 * A hand-worked e-invoice for serializer and validation tests: a German seller invoicing a public
 * buyer (Leitweg-ID) for 10 h × 85.00 at 19% and 3 × 12.50 at 7%.
 *   19% on 850.00 = 161.50; 7% on 37.50 = 2.625 → 2.63; VAT 164.13; 887.50 + 164.13 = 1,051.63.
 */
import type { EInvoice } from "@/lib/einvoice/model";

export function germanInvoice(overrides: Partial<EInvoice> = {}): EInvoice {
  return {
    format: "xrechnung-ubl",
    kind: "invoice",
    number: "INV-2026-0042",
    issueDate: "2026-12-01",
    dueDate: "2026-12-31",
    currency: "EUR",
    buyerReference: "04011000-12345-67",
    purchaseOrderRef: "PO-7781",
    notes: [],
    paymentTerms: "Payable within 30 days, by 2026-12-31.",
    seller: {
      name: "Muster Design GmbH",
      vatId: "DE123456789",
      taxRegistrationId: "201/113/40209",
      legalRegistrationId: "HRB 12345 B",
      electronicAddress: { id: "rechnung@muster-design.de", scheme: "EM" },
      address: { line1: "Hauptstraße 5", city: "Berlin", postalCode: "10115", country: "DE" },
      contact: { name: "Anna Muster", phone: "+49 30 1234567", email: "anna@muster-design.de" },
    },
    buyer: {
      name: "Bezirksamt Mitte von Berlin",
      electronicAddress: { id: "04011000-12345-67", scheme: "0204" },
      address: { line1: "Karl-Marx-Allee 31", city: "Berlin", postalCode: "10178", country: "DE" },
    },
    delivery: { periodStart: "2026-11-01", periodEnd: "2026-11-30" },
    paymentMeans: { code: "58", iban: "DE02120300000000202051", bic: "BYLADEM1001", accountName: "Muster Design GmbH", remittanceInformation: "INV-2026-0042" },
    lines: [
      { id: "1", name: "Design work", quantityE4: 100_000, unitCode: "HUR", netPrice: "85.00", netAmount: 85_000, vat: { category: "S", rateE4: 190_000 } },
      { id: "2", name: "Printed brochure", quantityE4: 30_000, unitCode: "C62", netPrice: "12.50", netAmount: 3_750, vat: { category: "S", rateE4: 70_000 } },
    ],
    allowances: [],
    vatBreakdown: [
      { category: "S", rateE4: 190_000, taxableAmount: 85_000, taxAmount: 16_150 },
      { category: "S", rateE4: 70_000, taxableAmount: 3_750, taxAmount: 263 },
    ],
    withholding: [],
    totals: { lineNet: 88_750, allowances: 0, taxExclusive: 88_750, vat: 16_413, taxInclusive: 105_163, prepaid: 0, payable: 105_163 },
    ...overrides,
  };
}
