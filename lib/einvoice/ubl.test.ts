/**
 * Every tax situation the product issues, written as UBL and checked against the official
 * artefacts: the UBL 2.1 XSD, the CEN EN 16931 rules and (for XRechnung) KoSIT's BR-DE rules.
 * Amounts are worked by hand in the comments; nothing here computes them with the code under test.
 */
import { describe, expect, it } from "vitest";
import { germanInvoice } from "@/tests/support/einvoice-fixtures";
import { VATEX } from "./codes";
import type { EInvoice, EInvoiceLine, Party } from "./model";
import { toUbl } from "./ubl";
import { validateEInvoice } from "./validate";

const PASSES = { valid: true, schemaErrors: [], failedAsserts: [] };

async function validate(invoice: EInvoice) {
  const xml = toUbl(invoice);
  return { xml, result: await validateEInvoice(xml, { xrechnung: invoice.format === "xrechnung-ubl" }) };
}

const line = (id: string, name: string, quantityE4: number, netPrice: string, netAmount: number, category: EInvoiceLine["vat"]["category"], rateE4: number): EInvoiceLine => ({
  id,
  name,
  quantityE4,
  unitCode: "C62",
  netPrice,
  netAmount,
  vat: { category, rateE4 },
});

const frenchBuyer: Party = {
  name: "Atelier Lumière SARL",
  vatId: "FR40303265045",
  electronicAddress: { id: "factures@atelier-lumiere.fr", scheme: "EM" },
  address: { line1: "12 rue de la Paix", city: "Paris", postalCode: "75002", country: "FR" },
};

/** One line of `amount` (minor units) at a zero-rate category with its VATEX reason; total = amount. */
function exemptInvoice(category: "AE" | "K" | "G" | "E" | "O", code: string, amount: number, overrides: Partial<EInvoice> = {}): EInvoice {
  const reason = VATEX[code]?.text ?? "";
  return germanInvoice({
    notes: [reason],
    lines: [line("1", "Consulting", 10_000, (amount / 100).toFixed(2), amount, category, 0)],
    vatBreakdown: [{ category, rateE4: 0, taxableAmount: amount, taxAmount: 0, exemptionReason: reason, exemptionCode: code }],
    totals: { lineNet: amount, allowances: 0, taxExclusive: amount, vat: 0, taxInclusive: amount, prepaid: 0, payable: amount },
    ...overrides,
  });
}

describe("toUbl: every tax situation passes the XSD, EN 16931 and (XRechnung) BR-DE with no failed assert", () => {
  it("standard rate 19%", async () => {
    // 10 h × 85.00 = 850.00; 19% = 161.50; total 1,011.50.
    const { xml, result } = await validate(
      germanInvoice({
        lines: [{ ...line("1", "Design work", 100_000, "85.00", 85_000, "S", 190_000), unitCode: "HUR" }],
        vatBreakdown: [{ category: "S", rateE4: 190_000, taxableAmount: 85_000, taxAmount: 16_150 }],
        totals: { lineNet: 85_000, allowances: 0, taxExclusive: 85_000, vat: 16_150, taxInclusive: 101_150, prepaid: 0, payable: 101_150 },
      }),
    );
    expect(result).toEqual(PASSES);
    expect(xml).toContain('<cbc:InvoicedQuantity unitCode="HUR">10</cbc:InvoicedQuantity>');
    expect(xml).toContain('<cbc:PayableAmount currencyID="EUR">1011.50</cbc:PayableAmount>');
  });

  it("mixed rates 19% and 7% (the fixture: 850.00 + 37.50, VAT 161.50 + 2.63, total 1,051.63)", async () => {
    const { xml, result } = await validate(germanInvoice());
    expect(result).toEqual(PASSES);
    expect(xml).toContain('<cbc:TaxAmount currencyID="EUR">164.13</cbc:TaxAmount>');
    expect(xml).toContain('<cbc:TaxInclusiveAmount currencyID="EUR">1051.63</cbc:TaxInclusiveAmount>');
  });

  it("a 10% document discount, one allowance per VAT rate", async () => {
    // 19%: 850.00 − 85.00 = 765.00, VAT 145.35. 7%: 37.50 − 3.75 = 33.75, VAT 2.3625 → 2.36.
    // 887.50 − 88.75 = 798.75; VAT 147.71; total 946.46.
    const { xml, result } = await validate(
      germanInvoice({
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
    );
    expect(result).toEqual(PASSES);
    expect(xml).toContain('<cbc:AllowanceTotalAmount currencyID="EUR">88.75</cbc:AllowanceTotalAmount>');
    expect(xml).toContain("<cbc:ChargeIndicator>false</cbc:ChargeIndicator><cbc:AllowanceChargeReason>Discount</cbc:AllowanceChargeReason><cbc:MultiplierFactorNumeric>10</cbc:MultiplierFactorNumeric>");
  });

  it("a line discount", async () => {
    // Line 1: 10 × 85.00 = 850.00 − 50.00 = 800.00, VAT 19% 152.00. Line 2: 37.50, VAT 2.63.
    // 837.50 + 154.63 = 992.13.
    const fixture = germanInvoice();
    const { xml, result } = await validate(
      germanInvoice({
        lines: [{ ...fixture.lines[0]!, netAmount: 80_000, allowance: 5_000 }, fixture.lines[1]!],
        vatBreakdown: [
          { category: "S", rateE4: 190_000, taxableAmount: 80_000, taxAmount: 15_200 },
          { category: "S", rateE4: 70_000, taxableAmount: 3_750, taxAmount: 263 },
        ],
        totals: { lineNet: 83_750, allowances: 0, taxExclusive: 83_750, vat: 15_463, taxInclusive: 99_213, prepaid: 0, payable: 99_213 },
      }),
    );
    expect(result).toEqual(PASSES);
    expect(xml).toContain('<cbc:LineExtensionAmount currencyID="EUR">800.00</cbc:LineExtensionAmount><cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator>');
  });

  it("reverse charge (AE): both VAT ids and the reason", async () => {
    const { xml, result } = await validate(exemptInvoice("AE", "VATEX-EU-AE", 100_000, { buyer: frenchBuyer }));
    expect(result).toEqual(PASSES);
    expect(xml).toContain("<cbc:TaxExemptionReasonCode>VATEX-EU-AE</cbc:TaxExemptionReasonCode>");
  });

  it("intra-community supply (K): both VAT ids, delivery date, deliver-to address = the buyer's (BR-IC-12, BR-DE-10/11)", async () => {
    const austrianBuyer: Party = {
      name: "Wiener Werkstätten GmbH",
      vatId: "ATU12345678",
      address: { line1: "Ringstraße 1", city: "Wien", postalCode: "1010", country: "AT" },
    };
    const { xml, result } = await validate(exemptInvoice("K", "VATEX-EU-IC", 200_000, { buyer: austrianBuyer, delivery: { date: "2026-11-20" } }));
    expect(result).toEqual(PASSES);
    expect(xml).toContain("<cac:Delivery><cbc:ActualDeliveryDate>2026-11-20</cbc:ActualDeliveryDate><cac:DeliveryLocation><cac:Address><cbc:StreetName>Ringstraße 1</cbc:StreetName><cbc:CityName>Wien</cbc:CityName><cbc:PostalZone>1010</cbc:PostalZone><cac:Country><cbc:IdentificationCode>AT</cbc:IdentificationCode>");
  });

  it("export outside the EU (G)", async () => {
    const buyer: Party = { name: "Acme Inc.", address: { line1: "1 Main St", city: "New York", postalCode: "10001", region: "NY", country: "US" } };
    expect((await validate(exemptInvoice("G", "VATEX-EU-G", 50_000, { buyer }))).result).toEqual(PASSES);
  });

  it("exempt with a reason (E, VATEX-EU-132)", async () => {
    const { xml, result } = await validate(exemptInvoice("E", "VATEX-EU-132", 30_000));
    expect(result).toEqual(PASSES);
    expect(xml).toContain("<cbc:TaxExemptionReason>Exempt from VAT (Article 132, Council Directive 2006/112/EC).</cbc:TaxExemptionReason>");
  });

  it("outside the scope of VAT (O): no VAT ids (BR-O-02), the register number identifies the seller (BR-CO-26)", async () => {
    const seller = { ...germanInvoice().seller, vatId: undefined, legalRegistrationId: "HRB 123456 B" };
    const { xml, result } = await validate(exemptInvoice("O", "VATEX-EU-O", 40_000, { seller }));
    expect(result).toEqual(PASSES);
    expect(xml).toContain("<cbc:CompanyID>HRB 123456 B</cbc:CompanyID></cac:PartyLegalEntity>");
    // XRechnung wants a breakdown rate (BR-DE-14): 0; the line carries none (BR-O-05).
    expect(xml).toContain("<cbc:ID>O</cbc:ID><cbc:Percent>0</cbc:Percent><cbc:TaxExemptionReasonCode>");
    expect(xml).toContain("<cac:ClassifiedTaxCategory><cbc:ID>O</cbc:ID><cac:TaxScheme>");
  });

  it("outside the scope of VAT (O) in Peppol BIS: no rate anywhere", async () => {
    const seller = { ...germanInvoice().seller, vatId: undefined, legalRegistrationId: "HRB 123456 B" };
    const { xml, result } = await validate(exemptInvoice("O", "VATEX-EU-O", 40_000, { seller, format: "peppol-bis" }));
    expect(result).toEqual(PASSES);
    expect(xml).not.toContain("<cbc:Percent>");
  });

  it("zero rated (Z): rate 0 and no exemption reason (BR-Z-10)", async () => {
    // 250.00 at 0%: VAT 0.00, total 250.00.
    const { result } = await validate(
      germanInvoice({
        lines: [line("1", "Printed books", 10_000, "250.00", 25_000, "Z", 0)],
        vatBreakdown: [{ category: "Z", rateE4: 0, taxableAmount: 25_000, taxAmount: 0 }],
        totals: { lineNet: 25_000, allowances: 0, taxExclusive: 25_000, vat: 0, taxInclusive: 25_000, prepaid: 0, payable: 25_000 },
      }),
    );
    expect(result).toEqual(PASSES);
  });

  it("withholding (IRPF −15%): a note and BT-113, no WithholdingTaxTotal", async () => {
    // 1 × 1,393.50; VAT 21% = 292.635 → 292.64; 1,393.50 + 292.64 = 1,686.14.
    // IRPF 15% of 1,393.50 = 209.025 → 209.03 withheld (BT-113); due 1,686.14 − 209.03 = 1,477.11.
    const note = "IRPF −15% on 1,393.50 EUR: 209.03 EUR withheld by the buyer.";
    const { xml, result } = await validate(
      germanInvoice({
        format: "peppol-bis",
        notes: [note],
        seller: {
          name: "Estudio Gráfico SL",
          vatId: "ESB12345678",
          electronicAddress: { id: "ESB12345678", scheme: "9920" },
          address: { line1: "Calle Mayor 10", city: "Madrid", postalCode: "28013", country: "ES" },
          contact: { name: "Lucía García", email: "lucia@estudio.es" },
        },
        buyer: {
          name: "Comercial Norte SA",
          vatId: "ESA87654321",
          electronicAddress: { id: "ESA87654321", scheme: "9920" },
          address: { line1: "Avinguda Diagonal 200", city: "Barcelona", postalCode: "08018", country: "ES" },
        },
        lines: [line("1", "Brand design", 10_000, "1393.50", 139_350, "S", 210_000)],
        vatBreakdown: [{ category: "S", rateE4: 210_000, taxableAmount: 139_350, taxAmount: 29_264 }],
        withholding: [{ name: "IRPF", rateE4: -150_000, base: 139_350, amount: -20_903 }],
        totals: { lineNet: 139_350, allowances: 0, taxExclusive: 139_350, vat: 29_264, taxInclusive: 168_614, prepaid: 20_903, payable: 147_711 },
      }),
    );
    expect(result).toEqual(PASSES);
    expect(xml).toContain(`<cbc:Note>${note}</cbc:Note>`);
    expect(xml).toContain('<cbc:TaxInclusiveAmount currencyID="EUR">1686.14</cbc:TaxInclusiveAmount><cbc:PrepaidAmount currencyID="EUR">209.03</cbc:PrepaidAmount><cbc:PayableAmount currencyID="EUR">1477.11</cbc:PayableAmount>');
    expect(xml).not.toContain("WithholdingTaxTotal");
  });

  it("a credit note with its preceding invoice (BG-3) and due date in the payment means", async () => {
    const { xml, result } = await validate(
      germanInvoice({ kind: "credit_note", number: "CN-2026-0007", issueDate: "2026-12-05", precedingInvoice: { number: "INV-2026-0042", issueDate: "2026-12-01" } }),
    );
    expect(result).toEqual(PASSES);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"/);
    expect(xml).toContain("<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>");
    expect(xml).toContain("<cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>INV-2026-0042</cbc:ID><cbc:IssueDate>2026-12-01</cbc:IssueDate>");
    expect(xml).toContain("<cbc:PaymentDueDate>2026-12-31</cbc:PaymentDueDate>");
    expect(xml).toContain('<cac:CreditNoteLine><cbc:ID>1</cbc:ID><cbc:CreditedQuantity unitCode="HUR">10</cbc:CreditedQuantity>');
  });

  it("JPY: no decimals", async () => {
    // 3 × 12,000 = 36,000 JPY; 10% = 3,600; total 39,600.
    const { xml, result } = await validate(
      germanInvoice({
        currency: "JPY",
        lines: [line("1", "Licence", 30_000, "12000", 36_000, "S", 100_000)],
        vatBreakdown: [{ category: "S", rateE4: 100_000, taxableAmount: 36_000, taxAmount: 3_600 }],
        totals: { lineNet: 36_000, allowances: 0, taxExclusive: 36_000, vat: 3_600, taxInclusive: 39_600, prepaid: 0, payable: 39_600 },
      }),
    );
    expect(result).toEqual(PASSES);
    expect(xml).toContain('<cbc:PayableAmount currencyID="JPY">39600</cbc:PayableAmount>');
  });

  it("KWD: amounts whose third decimal is 0 are written with two", async () => {
    // 2 × 12.500 = 25.000 KWD; 5% = 1.250; total 26.250 → "25.00", "1.25", "26.25".
    const { xml, result } = await validate(
      germanInvoice({
        currency: "KWD",
        lines: [line("1", "Support", 20_000, "12.5", 25_000, "S", 50_000)],
        vatBreakdown: [{ category: "S", rateE4: 50_000, taxableAmount: 25_000, taxAmount: 1_250 }],
        totals: { lineNet: 25_000, allowances: 0, taxExclusive: 25_000, vat: 1_250, taxInclusive: 26_250, prepaid: 0, payable: 26_250 },
      }),
    );
    expect(result).toEqual(PASSES);
    expect(xml).toContain('<cbc:TaxAmount currencyID="KWD">1.25</cbc:TaxAmount>');
    expect(xml).toContain('<cbc:PayableAmount currencyID="KWD">26.25</cbc:PayableAmount>');
  });

  it("200 lines", async () => {
    // 200 × (1 × 1.00) = 200.00; 19% = 38.00; total 238.00.
    const lines = Array.from({ length: 200 }, (_, i) => line(String(i + 1), `Item ${i + 1}`, 10_000, "1.00", 100, "S", 190_000));
    const { xml, result } = await validate(
      germanInvoice({
        lines,
        vatBreakdown: [{ category: "S", rateE4: 190_000, taxableAmount: 20_000, taxAmount: 3_800 }],
        totals: { lineNet: 20_000, allowances: 0, taxExclusive: 20_000, vat: 3_800, taxInclusive: 23_800, prepaid: 0, payable: 23_800 },
      }),
    );
    expect(result).toEqual(PASSES);
    expect(xml.match(/<cac:InvoiceLine>/g)).toHaveLength(200);
  });

  it("Peppol BIS Billing 3.0 customisation, with the notes joined into one (PEPPOL-EN16931-R002)", async () => {
    const { xml, result } = await validate(germanInvoice({ format: "peppol-bis", notes: ["First note.", "Second note."] }));
    expect(result).toEqual(PASSES);
    expect(xml).toContain("<cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>");
    expect(xml).toContain("<cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>");
    expect(xml).toContain("<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode><cbc:Note>First note.\nSecond note.</cbc:Note><cbc:DocumentCurrencyCode>");
  });

  it("XRechnung 3.0 customisation passes the BR-DE rules", async () => {
    const invoice = germanInvoice();
    const xml = toUbl(invoice);
    expect(xml).toContain("<cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0</cbc:CustomizationID>");
    expect(xml).toContain("<cbc:BuyerReference>04011000-12345-67</cbc:BuyerReference>");
    expect(await validateEInvoice(xml, { xrechnung: true })).toEqual(PASSES);
  });
});

describe("toUbl: text and refusals", () => {
  it("escapes XML text", async () => {
    const seller = { ...germanInvoice().seller, name: `Müller & Söhne <"GmbH">` };
    const { xml, result } = await validate(germanInvoice({ seller }));
    expect(result).toEqual(PASSES);
    expect(xml).toContain("<cbc:RegistrationName>Müller &amp; Söhne &lt;&quot;GmbH&quot;&gt;</cbc:RegistrationName>");
  });

  it("a seller with neither VAT id nor register number fails BR-CO-26 (the tax number BT-32 does not count)", async () => {
    // A small business exempt from VAT (E) that only has a tax number: EN 16931 needs BT-29, BT-30 or BT-31.
    const seller = { ...germanInvoice().seller, vatId: undefined, legalRegistrationId: undefined };
    const { result } = await validate(exemptInvoice("E", "VATEX-EU-132", 30_000, { seller, format: "peppol-bis" }));
    expect(result.failedAsserts.map((f) => f.id)).toEqual(["BR-CO-26"]);
    const registered = { ...seller, legalRegistrationId: "HRB 123456 B" };
    expect((await validate(exemptInvoice("E", "VATEX-EU-132", 30_000, { seller: registered }))).result).toEqual(PASSES);
  });

  it("refuses a CII-only format", () => {
    expect(() => toUbl(germanInvoice({ format: "factur-x" }))).toThrow(/not a UBL format/);
    expect(() => toUbl(germanInvoice({ format: "xrechnung-cii" }))).toThrow(/not a UBL format/);
  });

  it("a tampered TaxInclusiveAmount fails BR-CO-15", async () => {
    const xml = toUbl(germanInvoice()).replace('<cbc:TaxInclusiveAmount currencyID="EUR">1051.63<', '<cbc:TaxInclusiveAmount currencyID="EUR">1051.64<');
    const result = await validateEInvoice(xml);
    expect(result.valid).toBe(false);
    expect(result.failedAsserts.map((f) => f.id)).toContain("BR-CO-15");
  });
});
