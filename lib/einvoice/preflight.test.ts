import { describe, expect, it } from "vitest";
import type { LineTaxSnapshot } from "@/db/schema";
import { germanSource, intraCommunity, reverseCharge, storedSource, vat19, vat19Inclusive, vat7 } from "@/tests/support/einvoice-sources";
import { preflight } from "./preflight";

const french = { name: "Société Exemple SARL", taxId: "FR12345678901", address: { line1: "1 rue de la Paix", line2: null, city: "Paris", postalCode: "75002", region: null, country: "FR" } };

describe("preflight", () => {
  it("finds nothing wrong with a complete German invoice, in every format", () => {
    for (const format of ["xrechnung-ubl", "xrechnung-cii", "peppol-bis", "factur-x"] as const) {
      expect(preflight(germanSource(), format)).toEqual([]);
    }
  });

  it("asks for the buyer reference (Leitweg-ID) for XRechnung only", () => {
    const source = germanSource({ customer: { buyerReference: null } });
    expect(preflight(source, "xrechnung-ubl")).toMatchObject([
      { term: "BT-10", message: "Buyer reference (Leitweg-ID) is required for XRechnung.", field: { scope: "document", name: "buyerReference" } },
    ]);
    expect(preflight(source, "peppol-bis")).toEqual([]);
    expect(preflight(germanSource({ customer: { buyerReference: null }, document: { buyerReference: "991-1" } }), "xrechnung-cii")).toEqual([]);
  });

  it("asks for the buyer's VAT id on a reverse-charge invoice", () => {
    const source = storedSource({ lines: [{ description: "Consulting", quantityE4: 10_000, unitPrice: 50_000, taxes: [reverseCharge] }], customer: { ...french, taxId: null } });
    expect(preflight(source, "peppol-bis")).toMatchObject([
      { term: "BT-48", message: "The customer's VAT number is required on a reverse-charge invoice (buyer VAT identifier, BR-AE-02).", field: { scope: "customer", name: "taxId" } },
    ]);
  });

  it("asks for a delivery date or period on an intra-community supply", () => {
    const lines = [{ description: "Machine parts", quantityE4: 10_000, unitPrice: 50_000, taxes: [intraCommunity] }];
    const source = storedSource({ lines, customer: french, document: { periodStart: null, periodEnd: null, deliveryDate: null } });
    expect(preflight(source, "factur-x")).toMatchObject([
      { term: "BT-72", message: "A delivery date or invoicing period is required on an intra-community supply (actual delivery date, BR-IC-11).", field: { scope: "document", name: "deliveryDate" } },
    ]);
    expect(preflight(storedSource({ lines, customer: french, document: { periodStart: null, periodEnd: null, deliveryDate: "2026-11-28" } }), "factur-x")).toEqual([]);
  });

  it("refuses a line with two VAT rates, once, naming the line", () => {
    const source = storedSource({
      lines: [
        { description: "Design", quantityE4: 10_000, unitPrice: 10_000, taxes: [vat19] },
        { description: "Mixed", quantityE4: 10_000, unitPrice: 10_000, taxes: [vat19, vat7] },
      ],
    });
    expect(preflight(source, "xrechnung-ubl")).toMatchObject([
      { term: "BT-151", message: "Line 2 has two VAT rates; an e-invoice carries one per line.", field: { scope: "line", name: "lineNumber", lineNumber: 2 } },
    ]);
  });

  it("refuses a standard rate at 0%, once for the rate however many lines use it", () => {
    const zero: LineTaxSnapshot = { id: "tax-0", name: "No VAT", rateE4: 0, inclusive: false, compound: false, vatCategory: "S" };
    const source = storedSource({
      lines: [
        { description: "A", quantityE4: 10_000, unitPrice: 10_000, taxes: [zero] },
        { description: "B", quantityE4: 10_000, unitPrice: 10_000, taxes: [zero] },
      ],
    });
    expect(preflight(source, "factur-x")).toMatchObject([
      {
        term: "BT-152",
        message: 'Tax rate "No VAT" is standard-rated at 0%: set its VAT category (zero-rated, exempt, reverse charge…) (BR-S-05).',
        field: { scope: "taxRate", name: "taxRateId", taxRateId: "tax-0" },
      },
    ]);
  });

  it("refuses a KWD amount that needs its third decimal, and accepts one that does not", () => {
    // 2 × 12.345 KWD = 24.690, zero-rated: a unit price may have three decimals (BT-146), amounts may not.
    const zeroRated: LineTaxSnapshot = { id: "tax-z", name: "Zero", rateE4: 0, inclusive: false, compound: false, vatCategory: "Z" };
    const priceOnly = storedSource({ currency: "KWD", lines: [{ description: "Service", quantityE4: 20_000, unitPrice: 12_345, taxes: [zeroRated] }] });
    expect(priceOnly.lines[0]).toMatchObject({ net: 24_690, tax: 0 });
    expect(preflight(priceOnly, "factur-x")).toEqual([]);
    // 1 × 12.345 KWD at 19%: the line amount needs three decimals.
    const needsThird = storedSource({ currency: "KWD", lines: [{ description: "Service", quantityE4: 10_000, unitPrice: 12_345, taxes: [vat19] }] });
    expect(preflight(needsThird, "factur-x").map((p) => [p.term, p.field.name])).toEqual([["BT-5", "currency"]]);
    expect(preflight(needsThird, "factur-x")[0]?.message).toMatch(/at most two decimals/);
    // 1 × 12.340 KWD at 19% = 2.3446 → 2.345: the VAT needs it too.
    const vatNeedsThird = storedSource({ currency: "KWD", lines: [{ description: "Service", quantityE4: 10_000, unitPrice: 12_340, taxes: [vat19] }] });
    expect(preflight(vatNeedsThird, "factur-x").map((p) => p.term)).toEqual(["BT-5"]);
    // 1 × 10.000 KWD incl. 19% less 0.040: stored 9.960 with 1.590 VAT inside (base 8.370) all end in 0,
    // but the discount net of VAT is 0.040 / 1.19 = 0.034, so BT-131 = 8.404 needs the third decimal.
    const netNeedsThird = storedSource({ currency: "KWD", discount: { type: "amount", amount: 40 }, lines: [{ description: "Service", quantityE4: 10_000, unitPrice: 10_000, taxes: [vat19Inclusive] }] });
    expect(netNeedsThird.lines[0]).toMatchObject({ taxable: 9_960, tax: 1_590 });
    expect(preflight(netNeedsThird, "factur-x").map((p) => p.term)).toEqual(["BT-5"]);
    // 1 × 10.000 KWD at 19% = 1.900: every amount ends in 0.
    const fits = storedSource({ currency: "KWD", lines: [{ description: "Service", quantityE4: 10_000, unitPrice: 10_000, taxes: [vat19] }] });
    expect(preflight(fits, "factur-x")).toEqual([]);
  });

  it("lists seller, then buyer, then document problems, each once", () => {
    const source = storedSource({
      lines: [
        { description: "A", quantityE4: 10_000, unitPrice: 10_000, taxes: [vat19] },
        { description: "B", quantityE4: 10_000, unitPrice: 10_000, taxes: [vat19] },
      ],
      organization: { contactName: null, phone: null, iban: null },
      customer: { electronicAddress: null },
      document: { dueDate: null, terms: null, paymentMeansCode: "58" },
    });
    expect(preflight(source, "xrechnung-ubl").map((p) => p.term)).toEqual(["BT-41", "BT-42", "BT-49", "BT-84", "BT-9"]);
    // Factur-X asks for no contact and no electronic addresses.
    expect(preflight(source, "factur-x").map((p) => p.term)).toEqual(["BT-84", "BT-9"]);
  });

  it("asks for the seller's VAT id and addresses", () => {
    const source = germanSource({ organization: { taxId: null, legalRegistrationId: null, electronicAddress: null, city: null }, customer: { address: { line1: null, line2: null, city: "Berlin", postalCode: "10178", region: null, country: null } } });
    expect(preflight(source, "peppol-bis").map((p) => [p.term, p.field.scope, p.field.name])).toMatchObject([
      ["BT-31", "organization", "taxId"],
      ["BT-34", "organization", "electronicAddress"],
      ["BT-55", "customer", "country"],
    ]);
    expect(preflight(source, "xrechnung-ubl").map((p) => p.term)).toEqual(["BT-37", "BT-31", "BT-34", "BT-50", "BT-55"]);
  });

  it("identifies a seller without a VAT id by its tax number and company registration number (BR-CO-26), except for K and G", () => {
    const noVatId = { taxId: null, taxRegistrationId: "201/113/40209", legalRegistrationId: "HRB 12345 B" };
    expect(preflight(germanSource({ organization: noVatId }), "factur-x")).toEqual([]);
    expect(preflight(germanSource({ organization: { ...noVatId, legalRegistrationId: null } }), "factur-x").map((p) => p.term)).toEqual(["BT-31"]);
    const outside: LineTaxSnapshot = { id: "tax-o", name: "Not subject", rateE4: 0, inclusive: false, compound: false, vatCategory: "O", exemptionReason: "Not subject to VAT." };
    const onlyOutside = storedSource({ lines: [{ description: "Donation handling", quantityE4: 10_000, unitPrice: 9_000, taxes: [outside] }] });
    expect(preflight(onlyOutside, "factur-x")).toEqual([]);
  });

  it("refuses a quote, an exempt rate without a reason, and category O mixed with others", () => {
    expect(preflight(germanSource({ document: { kind: "quote" } }), "factur-x").map((p) => p.term)).toEqual(["BT-3"]);
    const exempt: LineTaxSnapshot = { id: "tax-e", name: "Exempt", rateE4: 0, inclusive: false, compound: false, vatCategory: "E", exemptionReason: null, exemptionCode: null };
    const outside: LineTaxSnapshot = { id: "tax-o", name: "Not subject", rateE4: 0, inclusive: false, compound: false, vatCategory: "O", exemptionReason: "Not subject to VAT." };
    const source = storedSource({
      organization: { legalRegistrationId: null },
      lines: [
        { description: "A", quantityE4: 10_000, unitPrice: 10_000, taxes: [exempt] },
        { description: "B", quantityE4: 10_000, unitPrice: 10_000, taxes: [outside] },
      ],
    });
    expect(preflight(source, "factur-x")).toMatchObject([
      { term: "BT-30", message: expect.stringMatching(/company registration number/), field: { scope: "organization", name: "legalRegistrationId" } },
      { term: "BT-118", message: expect.stringMatching(/category O/), field: { scope: "line", name: "lines" } },
      { term: "BT-120", message: 'Tax rate "Exempt" needs an exemption reason (the legal wording printed on the invoice, BR-E-10).', field: { scope: "taxRate", name: "taxRateId", taxRateId: "tax-e" } },
    ]);
  });

  it("asks for document rounding when line-rounded VAT drifts a whole unit from rate × taxable (JPY)", () => {
    // 3 lines of ¥105 at 10%: 10.5 → ¥11 each, ¥33; 10% of ¥315 is ¥31.5: ¥1.5 apart (BR-CO-17 allows < 1).
    const vat10: LineTaxSnapshot = { id: "tax-10", name: "10%", rateE4: 100_000, inclusive: false, compound: false, vatCategory: "S" };
    const lines = ["A", "B", "C"].map((description) => ({ description, quantityE4: 10_000, unitPrice: 105, taxes: [vat10] }));
    expect(preflight(storedSource({ currency: "JPY", lines }), "peppol-bis")).toMatchObject([
      {
        term: "BT-117",
        message: "The 10% VAT added up line by line (33 JPY) is a whole JPY unit or more away from 10% of the taxable amount (315 JPY), which EN 16931 does not accept (BR-CO-17). Tax is rounded line by line (your organisation's rounding): fewer lines at this rate per invoice keep it within one unit.",
        field: { scope: "line", name: "lines" },
      },
    ]);
    // Rounded once on the total: round(31.5) = ¥32, half a yen away.
    expect(preflight(storedSource({ currency: "JPY", rounding: "document", lines }), "peppol-bis")).toEqual([]);
  });

  it("reports stored figures that cannot add up to the total in words, instead of throwing", () => {
    const source = germanSource();
    source.lines[0] = { ...source.lines[0]!, amount: source.lines[0]!.amount + 1 };
    expect(preflight(source, "factur-x").map((p) => [p.term, p.field.name])).toEqual([["BT-115", "lines"]]);
  });

  it("asks Peppol for a buyer reference or an order reference", () => {
    const source = germanSource({ customer: { buyerReference: null }, document: { purchaseOrderRef: null } });
    expect(preflight(source, "peppol-bis")).toMatchObject([
      { term: "BT-10", message: "A buyer reference or purchase order reference is required for Peppol (PEPPOL-EN16931-R003).", field: { scope: "document", name: "buyerReference" } },
    ]);
    expect(preflight(germanSource({ customer: { buyerReference: null } }), "peppol-bis")).toEqual([]);
  });

  it("refuses a direct debit or card payment for XRechnung, which needs details the app cannot carry", () => {
    expect(preflight(germanSource({ document: { paymentMeansCode: "59" } }), "xrechnung-ubl").map((p) => [p.term, p.field.name, p.message])).toMatchObject([
      ["BT-81", "paymentMeansCode", "For XRechnung 3.0 (UBL), a direct debit needs the mandate reference and the buyer's account, which an e-invoice from this app cannot carry yet: choose credit transfer or another payment means."],
    ]);
    expect(preflight(germanSource({ document: { paymentMeansCode: "48" } }), "xrechnung-cii").map((p) => p.term)).toEqual(["BT-81"]);
    expect(preflight(germanSource({ document: { paymentMeansCode: "59" } }), "factur-x")).toEqual([]);
    // Peppol refuses a direct debit without its mandate (PEPPOL-EN16931-R061); a card payment passes.
    expect(preflight(germanSource({ document: { paymentMeansCode: "59" } }), "peppol-bis").map((p) => p.term)).toEqual(["BT-81"]);
    expect(preflight(germanSource({ document: { paymentMeansCode: "48" } }), "peppol-bis")).toEqual([]);
  });

  it("asks for VAT numbers with their country prefix (BR-CO-09)", () => {
    expect(preflight(germanSource({ organization: { taxId: "123456789" } }), "factur-x").map((p) => [p.term, p.message])).toMatchObject([
      ["BT-31", "Your organisation's VAT number must start with its country code, like DE123456789 (seller VAT identifier, BR-CO-09)."],
    ]);
    const lines = [{ description: "Consulting", quantityE4: 10_000, unitPrice: 50_000, taxes: [reverseCharge] }];
    expect(preflight(storedSource({ lines, customer: { ...french, taxId: "12345678901" } }), "factur-x").map((p) => [p.term, p.field.name])).toEqual([["BT-48", "taxId"]]);
    // A US customer's tax number on a standard invoice is simply not written as a VAT id.
    expect(preflight(germanSource({ customer: { taxId: "12-3456789" } }), "factur-x")).toEqual([]);
  });

  it("asks XRechnung for a delivery date or service period", () => {
    const source = germanSource({ document: { periodStart: null, periodEnd: null } });
    expect(preflight(source, "xrechnung-cii")).toMatchObject([
      { term: "BT-72", message: "A delivery date or service period is required for XRechnung (actual delivery date or invoicing period, BR-DE-TMP-32).", field: { scope: "document", name: "deliveryDate" } },
    ]);
    expect(preflight(source, "factur-x")).toEqual([]);
    expect(preflight(germanSource({ document: { periodStart: null, periodEnd: null, deliveryDate: "2026-11-30" } }), "xrechnung-cii")).toEqual([]);
  });
});
