import { describe, expect, it } from "vitest";
import { legalNotes, showsBothVatIds, type SummaryDocument, summaryRows } from "./document-summary";
import { formatMoney } from "./money";

const eur = (minor: number) => formatMoney(minor, "EUR", "en-US");
// Invoice Ninja #10774 by hand: 1393.50, VAT 21% = 292.64, IRPF −15% = −209.03, total 1477.11.
const irpf = { taxId: "irpf", name: "IRPF", rateE4: -150_000, inclusive: false, base: 139_350, amount: -20_903 };
const vat = { taxId: "vat", name: "IVA", rateE4: 210_000, inclusive: false, base: 139_350, amount: 29_264, vatCategory: "S" };
const doc: SummaryDocument = {
  kind: "invoice",
  status: "draft",
  lineAmountTotal: 139_350,
  documentDiscount: 0,
  discountType: null,
  discountValue: null,
  // The withholding first on purpose: the box still lists VAT first.
  taxes: [irpf, vat],
  total: 147_711,
  amountPaid: 0,
  amountCredited: 0,
  balance: 147_711,
};

describe("summaryRows: withholding", () => {
  it("shows the withholding on its own row after VAT, as a deduction", () => {
    expect(summaryRows(doc, eur).map((r) => `${r.label} ${r.value}`)).toEqual([
      "Subtotal €1,393.50",
      "IVA 21% on €1,393.50 €292.64",
      "IRPF −15% on €1,393.50 −€209.03",
      "Total €1,477.11",
    ]);
  });
});

describe("legalNotes", () => {
  const reverse = { rateE4: 0, vatCategory: "AE", exemptionReason: "Reverse charge: VAT to be accounted for by the recipient (Article 196, Council Directive 2006/112/EC).", exemptionCode: "VATEX-EU-AE" };
  it("prints each distinct reason once, the VATEX wording when no reason was typed, and nothing for standard VAT or withholding", () => {
    const export_ = { rateE4: 0, vatCategory: "G", exemptionReason: null, exemptionCode: "VATEX-EU-G" };
    expect(legalNotes([vat, reverse, { ...reverse }, export_, irpf])).toEqual([
      "Reverse charge: VAT to be accounted for by the recipient (Article 196, Council Directive 2006/112/EC).",
      "Export outside the EU exempt from VAT (Article 146, Council Directive 2006/112/EC).",
    ]);
    expect(legalNotes([vat, irpf])).toEqual([]);
    // Zero rated (Z) needs no reason: nothing printed even if one was stored.
    expect(legalNotes([{ rateE4: 0, vatCategory: "Z", exemptionReason: "Zero", exemptionCode: null }])).toEqual([]);
  });

  it("asks for both VAT ids on reverse-charge and intra-community documents only", () => {
    expect(showsBothVatIds([vat, reverse])).toBe(true);
    expect(showsBothVatIds([{ rateE4: 0, vatCategory: "K" }])).toBe(true);
    expect(showsBothVatIds([vat, irpf])).toBe(false);
  });
});
