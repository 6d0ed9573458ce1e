/**
 * Every tax situation the product supports, as hand-built e-invoices for the serializer tests (CII
 * and, after the merge, the XRechnung rules). Built from the German fixture of einvoice-fixtures.ts;
 * the amounts are worked out in the comments, never computed by the code under test.
 */
import { VATEX } from "@/lib/einvoice/codes";
import type { EInvoice, EInvoiceFormat, EInvoiceLine, Party } from "@/lib/einvoice/model";
import { germanInvoice } from "./einvoice-fixtures";

type Build = (format: EInvoiceFormat) => EInvoice;

const fixture = germanInvoice();
const designWork = fixture.lines[0]!;
const brochure = fixture.lines[1]!;

export const austrianBuyer: Party = {
  name: "Alpen Handel GmbH",
  vatId: "ATU12345678",
  electronicAddress: { id: "rechnung@alpenhandel.at", scheme: "EM" },
  address: { line1: "Ringstraße 1", city: "Wien", postalCode: "1010", country: "AT" },
};

const americanBuyer: Party = {
  name: "Acme Inc.",
  electronicAddress: { id: "ap@acme.example", scheme: "EM" },
  address: { line1: "1 Main St", city: "Springfield", postalCode: "62701", region: "IL", country: "US" },
};

/** A zero-rated category: one line of 1,000.00 with the VATEX wording as note and BT-120/BT-121. */
function exempted(format: EInvoiceFormat, category: "AE" | "K" | "G" | "E", code: string, buyer: Party, extra: Partial<EInvoice> = {}): EInvoice {
  const reason = VATEX[code]!.text;
  return germanInvoice({
    format,
    buyer,
    notes: [reason],
    lines: [{ ...designWork, quantityE4: 10_000, netPrice: "1000.00", netAmount: 100_000, vat: { category, rateE4: 0 } }],
    vatBreakdown: [{ category, rateE4: 0, taxableAmount: 100_000, taxAmount: 0, exemptionReason: reason, exemptionCode: code }],
    // 1,000.00 + 0.00 VAT = 1,000.00
    totals: { lineNet: 100_000, allowances: 0, taxExclusive: 100_000, vat: 0, taxInclusive: 100_000, prepaid: 0, payable: 100_000 },
    ...extra,
  });
}

export const SITUATIONS = {
  // 10 h × 85.00 = 850.00; 19% = 161.50; 850.00 + 161.50 = 1,011.50
  standard: (format) =>
    germanInvoice({
      format,
      lines: [designWork],
      vatBreakdown: [{ category: "S", rateE4: 190_000, taxableAmount: 85_000, taxAmount: 16_150 }],
      totals: { lineNet: 85_000, allowances: 0, taxExclusive: 85_000, vat: 16_150, taxInclusive: 101_150, prepaid: 0, payable: 101_150 },
    }),

  // The fixture: 850.00 at 19% (161.50) + 37.50 at 7% (2.625 → 2.63) = 887.50 + 164.13 = 1,051.63,
  // with a delivery date beside the service period.
  mixedRates: (format) => germanInvoice({ format, delivery: { date: "2026-11-30", periodStart: "2026-11-01", periodEnd: "2026-11-30" } }),

  // 19%: 10% of 850.00 = 85.00 → taxable 765.00, VAT 145.35
  // 7%: 10% of 37.50 = 3.75 → taxable 33.75, VAT 2.3625 → 2.36
  // 887.50 − 88.75 = 798.75; VAT 147.71; 798.75 + 147.71 = 946.46
  documentDiscount: (format) =>
    germanInvoice({
      format,
      allowances: [
        { amount: 8_500, baseAmount: 85_000, percentE4: 100_000, reason: "Discount", vat: { category: "S", rateE4: 190_000 } },
        { amount: 375, baseAmount: 3_750, percentE4: 100_000, reason: "Discount", vat: { category: "S", rateE4: 70_000 } },
      ],
      vatBreakdown: [
        { category: "S", rateE4: 190_000, taxableAmount: 76_500, taxAmount: 14_535 },
        { category: "S", rateE4: 70_000, taxableAmount: 3_375, taxAmount: 236 },
      ],
      totals: { lineNet: 88_750, allowances: 8_875, taxExclusive: 79_875, vat: 14_771, taxInclusive: 94_646, prepaid: 0, payable: 94_646 },
    }),

  // Line 1: 10 × 85.00 = 850.00 − 50.00 = 800.00; 19% = 152.00
  // Line 2: 37.50; 7% = 2.63. 837.50 + 154.63 = 992.13
  lineDiscount: (format) =>
    germanInvoice({
      format,
      lines: [{ ...designWork, allowance: 5_000, netAmount: 80_000 }, brochure],
      vatBreakdown: [
        { category: "S", rateE4: 190_000, taxableAmount: 80_000, taxAmount: 15_200 },
        { category: "S", rateE4: 70_000, taxableAmount: 3_750, taxAmount: 263 },
      ],
      totals: { lineNet: 83_750, allowances: 0, taxExclusive: 83_750, vat: 15_463, taxInclusive: 99_213, prepaid: 0, payable: 99_213 },
    }),

  reverseCharge: (format) => exempted(format, "AE", "VATEX-EU-AE", austrianBuyer),
  intraCommunity: (format) => exempted(format, "K", "VATEX-EU-IC", austrianBuyer, { delivery: { date: "2026-11-20" } }),
  export: (format) => exempted(format, "G", "VATEX-EU-G", americanBuyer, { delivery: { date: "2026-11-20" } }),
  exempt: (format) => exempted(format, "E", "VATEX-EU-132", fixture.buyer),

  // 850.00, no VAT. BR-O-02: no VAT id anywhere; BR-CO-26 still wants a seller id, so the
  // commercial register number (BT-30) stands in for it.
  outsideScope: (format) => {
    const reason = VATEX["VATEX-EU-O"]!.text;
    const { vatId: _vatId, ...seller } = fixture.seller;
    return germanInvoice({
      format,
      seller: { ...seller, legalRegistrationId: "HRB 123456 B", tradingName: "Muster Design" },
      notes: [reason],
      lines: [{ ...designWork, vat: { category: "O", rateE4: 0 } }],
      vatBreakdown: [{ category: "O", rateE4: 0, taxableAmount: 85_000, taxAmount: 0, exemptionReason: reason, exemptionCode: "VATEX-EU-O" }],
      totals: { lineNet: 85_000, allowances: 0, taxExclusive: 85_000, vat: 0, taxInclusive: 85_000, prepaid: 0, payable: 85_000 },
    });
  },

  // 850.00 at 0% = 850.00, without an exemption reason (BR-Z-10)
  zeroRated: (format) =>
    germanInvoice({
      format,
      lines: [{ ...designWork, vat: { category: "Z", rateE4: 0 } }],
      vatBreakdown: [{ category: "Z", rateE4: 0, taxableAmount: 85_000, taxAmount: 0 }],
      totals: { lineNet: 85_000, allowances: 0, taxExclusive: 85_000, vat: 0, taxInclusive: 85_000, prepaid: 0, payable: 85_000 },
    }),

  // 1 × 1,393.50; 21% = 292.635 → 292.64; 1,393.50 + 292.64 = 1,686.14
  // IRPF 15% of 1,393.50 = 209.025 → 209.03 withheld by the buyer: 1,686.14 − 209.03 = 1,477.11
  withholding: (format) => {
    const spain = (name: string, vatId: string): Party => ({
      name,
      vatId,
      electronicAddress: { id: `facturas@${vatId.toLowerCase()}.example`, scheme: "EM" },
      address: { line1: "Calle Mayor 1", city: "Madrid", postalCode: "28013", country: "ES" },
    });
    return germanInvoice({
      format,
      buyerReference: "CLIENTE-0042",
      seller: { ...spain("Estudio Gráfico SL", "ESB12345678"), contact: { name: "Lucía Pérez", phone: "+34 91 123 45 67", email: "hola@estudio.example" } },
      buyer: spain("Cliente SA", "ESA87654321"),
      notes: ["IRPF −15% on 1,393.50: −209.03 withheld by the buyer."],
      lines: [{ ...designWork, quantityE4: 10_000, unitCode: "C62", netPrice: "1393.50", netAmount: 139_350, vat: { category: "S", rateE4: 210_000 } }],
      vatBreakdown: [{ category: "S", rateE4: 210_000, taxableAmount: 139_350, taxAmount: 29_264 }],
      withholding: [{ name: "IRPF", rateE4: -150_000, base: 139_350, amount: -20_903 }],
      totals: { lineNet: 139_350, allowances: 0, taxExclusive: 139_350, vat: 29_264, taxInclusive: 168_614, prepaid: 20_903, payable: 147_711 },
    });
  },

  // The fixture's amounts, corrected in full.
  creditNote: (format) =>
    germanInvoice({ format, kind: "credit_note", number: "CN-2026-0003", precedingInvoice: { number: "INV-2026-0042", issueDate: "2026-12-01" } }),

  // 3 × ¥12,000 = ¥36,000; 19% = ¥6,840; ¥42,840
  jpy: (format) =>
    germanInvoice({
      format,
      currency: "JPY",
      lines: [{ ...designWork, quantityE4: 30_000, netPrice: "12000", netAmount: 36_000 }],
      vatBreakdown: [{ category: "S", rateE4: 190_000, taxableAmount: 36_000, taxAmount: 6_840 }],
      totals: { lineNet: 36_000, allowances: 0, taxExclusive: 36_000, vat: 6_840, taxInclusive: 42_840, prepaid: 0, payable: 42_840 },
    }),

  // 2 × 12.250 KWD = 24.500; 10% = 2.450; 26.950: written 24.50, 2.45, 26.95 (BR-DEC-*)
  kwd: (format) =>
    germanInvoice({
      format,
      currency: "KWD",
      lines: [{ ...designWork, quantityE4: 20_000, netPrice: "12.250", netAmount: 24_500, vat: { category: "S", rateE4: 100_000 } }],
      vatBreakdown: [{ category: "S", rateE4: 100_000, taxableAmount: 24_500, taxAmount: 2_450 }],
      totals: { lineNet: 24_500, allowances: 0, taxExclusive: 24_500, vat: 2_450, taxInclusive: 26_950, prepaid: 0, payable: 26_950 },
    }),

  // Line i: 1 × i.00 at 19%. Σ 1…200 = 200 × 201 / 2 = 20,100.00; 19% = 3,819.00; 23,919.00
  twoHundredLines: (format) =>
    germanInvoice({
      format,
      lines: Array.from(
        { length: 200 },
        (_, index): EInvoiceLine => ({
          ...designWork,
          id: String(index + 1),
          name: `Item ${index + 1}`,
          quantityE4: 10_000,
          unitCode: "C62",
          netPrice: `${index + 1}.00`,
          netAmount: (index + 1) * 100,
        }),
      ),
      vatBreakdown: [{ category: "S", rateE4: 190_000, taxableAmount: 2_010_000, taxAmount: 381_900 }],
      totals: { lineNet: 2_010_000, allowances: 0, taxExclusive: 2_010_000, vat: 381_900, taxInclusive: 2_391_900, prepaid: 0, payable: 2_391_900 },
    }),
} satisfies Record<string, Build>;
