/**
 * toCii for every tax situation the product supports (tests/support/einvoice-situations.ts, amounts
 * worked by hand there), each checked against the official CII D16B schema and the CEN EN 16931
 * CII rules with zero failed asserts, warnings included; then where each business term lands.
 */
import { describe, expect, it } from "vitest";
import { germanInvoice } from "@/tests/support/einvoice-fixtures";
import { SITUATIONS } from "@/tests/support/einvoice-situations";
import { toCii } from "./cii";
import { validateEInvoice } from "./validate";

const PASS = { valid: true, schemaErrors: [], failedAsserts: [] };
// The first run compiles the CII stylesheet into node_modules/.cache (about 25 s).
const SLOW = 120_000;

const xmlOf = (situation: keyof typeof SITUATIONS) => toCii(SITUATIONS[situation]("factur-x"));

describe("toCii passes the CII schema and the EN 16931 rules", { timeout: SLOW }, () => {
  for (const [situation, build] of Object.entries(SITUATIONS)) {
    it(`${situation} (Factur-X)`, async () => {
      expect(await validateEInvoice(toCii(build("factur-x")))).toEqual(PASS);
    });
  }

  it("XRechnung CII (its customization id and business process)", async () => {
    expect(await validateEInvoice(toCii(germanInvoice({ format: "xrechnung-cii" })))).toEqual(PASS);
  });

  // The integrator enables these once helper B's validateEInvoice(xml, { xrechnung: true }) is merged
  // (the KoSIT XRechnung rules, BR-DE-*); checked against that branch before this one was handed over.
  for (const [situation, build] of Object.entries(SITUATIONS)) {
    it.skip(`${situation} (XRechnung CII) passes the XRechnung rules too`, async () => {
      const validate = validateEInvoice as (xml: string, options?: { xrechnung?: boolean }) => ReturnType<typeof validateEInvoice>;
      expect(await validate(toCii(build("xrechnung-cii")), { xrechnung: true })).toEqual(PASS);
    });
  }
});

describe("toCii puts each business term where EN 16931 CII puts it", () => {
  it("header, parties, delivery, payment and totals of the fixture", () => {
    const xml = xmlOf("mixedRates");
    expect(xml).toMatch(/<ram:GuidelineSpecifiedDocumentContextParameter>\s*<ram:ID>urn:cen.eu:en16931:2017<\/ram:ID>/);
    expect(xml).not.toContain("BusinessProcessSpecifiedDocumentContextParameter");
    expect(xml).toMatch(/<ram:ID>INV-2026-0042<\/ram:ID>\s*<ram:TypeCode>380<\/ram:TypeCode>\s*<ram:IssueDateTime>\s*<udt:DateTimeString format="102">20261201</);
    expect(xml).toContain("<ram:BuyerReference>04011000-12345-67</ram:BuyerReference>");
    expect(xml).toMatch(/<ram:BuyerOrderReferencedDocument>\s*<ram:IssuerAssignedID>PO-7781</);
    expect(xml).toMatch(/<ram:ActualDeliverySupplyChainEvent>\s*<ram:OccurrenceDateTime>\s*<udt:DateTimeString format="102">20261130</);
    expect(xml).toMatch(
      /<ram:BillingSpecifiedPeriod>\s*<ram:StartDateTime>\s*<udt:DateTimeString format="102">20261101<\/udt:DateTimeString>\s*<\/ram:StartDateTime>\s*<ram:EndDateTime>\s*<udt:DateTimeString format="102">20261130</,
    );
    expect(xml).toMatch(/<ram:PersonName>Anna Muster<\/ram:PersonName>\s*<ram:TelephoneUniversalCommunication>\s*<ram:CompleteNumber>\+49 30 1234567</);
    expect(xml).toMatch(/<ram:PostcodeCode>10115<\/ram:PostcodeCode>\s*<ram:LineOne>Hauptstraße 5<\/ram:LineOne>\s*<ram:CityName>Berlin<\/ram:CityName>\s*<ram:CountryID>DE</);
    expect(xml).toContain('<ram:URIID schemeID="EM">rechnung@muster-design.de</ram:URIID>');
    expect(xml).toContain('<ram:URIID schemeID="0204">04011000-12345-67</ram:URIID>');
    expect(xml).toMatch(/<ram:ID schemeID="VA">DE123456789<\/ram:ID>\s*<\/ram:SpecifiedTaxRegistration>\s*<ram:SpecifiedTaxRegistration>\s*<ram:ID schemeID="FC">201\/113\/40209</);
    expect(xml).toMatch(/<ram:TypeCode>58<\/ram:TypeCode>\s*<ram:PayeePartyCreditorFinancialAccount>\s*<ram:IBANID>DE02120300000000202051<\/ram:IBANID>\s*<ram:AccountName>Muster Design GmbH</);
    expect(xml).toContain("<ram:BICID>BYLADEM1001</ram:BICID>");
    expect(xml).toContain("<ram:PaymentReference>INV-2026-0042</ram:PaymentReference>");
    expect(xml).toMatch(/<ram:Description>Payable within 30 days, by 2026-12-31.<\/ram:Description>\s*<ram:DueDateDateTime>\s*<udt:DateTimeString format="102">20261231</);
    expect(xml).toMatch(/<ram:BilledQuantity unitCode="HUR">10<\/ram:BilledQuantity>/);
    expect(xml).toMatch(
      /<ram:CalculatedAmount>2.63<\/ram:CalculatedAmount>\s*<ram:TypeCode>VAT<\/ram:TypeCode>\s*<ram:BasisAmount>37.50<\/ram:BasisAmount>\s*<ram:CategoryCode>S<\/ram:CategoryCode>\s*<ram:RateApplicablePercent>7</,
    );
    expect(xml).toMatch(
      /<ram:LineTotalAmount>887.50<\/ram:LineTotalAmount>\s*<ram:TaxBasisTotalAmount>887.50<\/ram:TaxBasisTotalAmount>\s*<ram:TaxTotalAmount currencyID="EUR">164.13<\/ram:TaxTotalAmount>\s*<ram:GrandTotalAmount>1051.63<\/ram:GrandTotalAmount>\s*<ram:DuePayableAmount>1051.63</,
    );
    // Only BT-110 carries a currency (the EN 16931 CII binding).
    expect(xml.match(/currencyID=/g)).toHaveLength(1);
  });

  it("XRechnung: the business process and the XRechnung customization id", () => {
    expect(toCii(germanInvoice({ format: "xrechnung-cii" }))).toMatch(
      /<ram:BusinessProcessSpecifiedDocumentContextParameter>\s*<ram:ID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0<\/ram:ID>\s*<\/ram:BusinessProcessSpecifiedDocumentContextParameter>\s*<ram:GuidelineSpecifiedDocumentContextParameter>\s*<ram:ID>urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0</,
    );
  });

  it("document discount: one allowance per VAT rate, with its category", () => {
    const xml = xmlOf("documentDiscount");
    expect(xml).toMatch(
      /<ram:ChargeIndicator>\s*<udt:Indicator>false<\/udt:Indicator>\s*<\/ram:ChargeIndicator>\s*<ram:CalculationPercent>10<\/ram:CalculationPercent>\s*<ram:BasisAmount>850.00<\/ram:BasisAmount>\s*<ram:ActualAmount>85.00<\/ram:ActualAmount>\s*<ram:Reason>Discount<\/ram:Reason>\s*<ram:CategoryTradeTax>\s*<ram:TypeCode>VAT<\/ram:TypeCode>\s*<ram:CategoryCode>S<\/ram:CategoryCode>\s*<ram:RateApplicablePercent>19</,
    );
    expect(xml.match(/<ram:CategoryTradeTax>/g)).toHaveLength(2);
    expect(xml).toContain("<ram:AllowanceTotalAmount>88.75</ram:AllowanceTotalAmount>");
  });

  it("line discount", () => {
    expect(xmlOf("lineDiscount")).toMatch(
      /<ram:SpecifiedTradeAllowanceCharge>\s*<ram:ChargeIndicator>\s*<udt:Indicator>false<\/udt:Indicator>\s*<\/ram:ChargeIndicator>\s*<ram:ActualAmount>50.00<\/ram:ActualAmount>\s*<ram:Reason>Discount<\/ram:Reason>\s*<\/ram:SpecifiedTradeAllowanceCharge>\s*<ram:SpecifiedTradeSettlementLineMonetarySummation>\s*<ram:LineTotalAmount>800.00</,
    );
  });

  it("reverse charge: the exemption reason and VATEX code in schema order", () => {
    expect(xmlOf("reverseCharge")).toMatch(
      /<ram:TypeCode>VAT<\/ram:TypeCode>\s*<ram:ExemptionReason>Reverse charge: [^<]+<\/ram:ExemptionReason>\s*<ram:BasisAmount>1000.00<\/ram:BasisAmount>\s*<ram:CategoryCode>AE<\/ram:CategoryCode>\s*<ram:ExemptionReasonCode>VATEX-EU-AE<\/ram:ExemptionReasonCode>\s*<ram:RateApplicablePercent>0</,
    );
    expect(xmlOf("reverseCharge")).toContain('<ram:ID schemeID="VA">ATU12345678</ram:ID>');
  });

  it("intra-community supply: the buyer's address as deliver-to address (BT-80)", () => {
    const xml = xmlOf("intraCommunity");
    expect(xml).toMatch(/<ram:ApplicableHeaderTradeDelivery>\s*<ram:ShipToTradeParty>\s*<ram:PostalTradeAddress>[\s\S]*?<ram:CountryID>AT<\/ram:CountryID>/);
    expect(xmlOf("standard")).not.toContain("ShipToTradeParty");
  });

  it("outside the scope of VAT: no rate anywhere, the seller's register number, no VAT id", () => {
    const xml = xmlOf("outsideScope");
    expect(xml).not.toContain("RateApplicablePercent");
    expect(xml).not.toContain('schemeID="VA"');
    expect(xml).toMatch(/<ram:SpecifiedLegalOrganization>\s*<ram:ID>HRB 123456 B<\/ram:ID>\s*<ram:TradingBusinessName>Muster Design</);
    // XRechnung alone wants BT-119 in the breakdown (BR-DE-14): 0, and still none on the line.
    const xrechnung = toCii(SITUATIONS.outsideScope("xrechnung-cii"));
    expect(xrechnung.match(/<ram:RateApplicablePercent>0<\/ram:RateApplicablePercent>/g)).toHaveLength(1);
    expect(xrechnung).toMatch(/<ram:ExemptionReasonCode>VATEX-EU-O<\/ram:ExemptionReasonCode>\s*<ram:RateApplicablePercent>0</);
  });

  it("withholding: 1,686.14 − 209.03 prepaid = 1,477.11 due", () => {
    expect(xmlOf("withholding")).toMatch(
      /<ram:GrandTotalAmount>1686.14<\/ram:GrandTotalAmount>\s*<ram:TotalPrepaidAmount>209.03<\/ram:TotalPrepaidAmount>\s*<ram:DuePayableAmount>1477.11</,
    );
  });

  it("credit note: type 381 and the invoice it corrects", () => {
    const xml = xmlOf("creditNote");
    expect(xml).toContain("<ram:TypeCode>381</ram:TypeCode>");
    expect(xml).toMatch(
      /<ram:InvoiceReferencedDocument>\s*<ram:IssuerAssignedID>INV-2026-0042<\/ram:IssuerAssignedID>\s*<ram:FormattedIssueDateTime>\s*<qdt:DateTimeString format="102">20261201</,
    );
  });

  it("currencies: JPY without decimals, KWD with two when the third is 0", () => {
    expect(xmlOf("jpy")).toContain('<ram:TaxTotalAmount currencyID="JPY">6840</ram:TaxTotalAmount>');
    expect(xmlOf("jpy")).toContain("<ram:GrandTotalAmount>42840</ram:GrandTotalAmount>");
    expect(xmlOf("kwd")).toContain("<ram:GrandTotalAmount>26.95</ram:GrandTotalAmount>");
    expect(xmlOf("kwd")).toContain("<ram:ChargeAmount>12.250</ram:ChargeAmount>");
  });

  it("200 lines", () => {
    expect(xmlOf("twoHundredLines").match(/<ram:IncludedSupplyChainTradeLineItem>/g)).toHaveLength(200);
  });

  it("BG-17 (the seller's account) only for credit transfers", () => {
    const card = toCii(germanInvoice({ format: "factur-x", paymentMeans: { code: "48", iban: "DE02120300000000202051" } }));
    expect(card).toMatch(/<ram:SpecifiedTradeSettlementPaymentMeans>\s*<ram:TypeCode>48<\/ram:TypeCode>\s*<\/ram:SpecifiedTradeSettlementPaymentMeans>/);
  });
});

describe("toCii", { timeout: SLOW }, () => {
  it("a tampered grand total fails BR-CO-15", async () => {
    const xml = xmlOf("mixedRates");
    const tampered = xml.replace("<ram:GrandTotalAmount>1051.63<", "<ram:GrandTotalAmount>1051.64<");
    expect(tampered).not.toBe(xml);
    const result = await validateEInvoice(tampered);
    expect(result.valid).toBe(false);
    expect(result.failedAsserts.map((f) => f.id)).toContain("BR-CO-15");
  });

  it("escapes XML text and drops characters XML cannot carry", async () => {
    const fixture = germanInvoice({ format: "factur-x" });
    const xml = toCii({ ...fixture, notes: ['Fish & Chips <"quoted"> \u000C'], buyer: { ...fixture.buyer, name: "Müller & Söhne <GmbH>" } });
    expect(await validateEInvoice(xml)).toEqual(PASS);
    expect(xml).toContain("<ram:Content>Fish &amp; Chips &lt;&quot;quoted&quot;&gt; </ram:Content>");
    expect(xml).toContain("<ram:Name>Müller &amp; Söhne &lt;GmbH&gt;</ram:Name>");
  });

  it("refuses a UBL-only format", () => {
    expect(() => toCii(germanInvoice({ format: "peppol-bis" }))).toThrow(/UBL/);
    expect(() => toCii(germanInvoice({ format: "xrechnung-ubl" }))).toThrow(/UBL/);
  });
});
