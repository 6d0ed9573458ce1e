/** Reads a UBL 2.1 Invoice or CreditNote (EN 16931 binding) into the viewer's display model (parse.ts). */
import type { ParsedAllowance, ParsedEInvoice, ParsedParty } from "./parse";
import { XReader, type XNode } from "./xreader";

const x = new XReader({
  cbc: "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
  cac: "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
});

function party(p: XNode | undefined): ParsedParty {
  if (!p) return { name: "", address: { lines: [] } };
  const endpoint = x.text(p, "cbc:EndpointID");
  const address = x.node(p, "cac:PostalAddress");
  const contact = x.node(p, "cac:Contact");
  return {
    name: x.text(p, "cac:PartyLegalEntity/cbc:RegistrationName") ?? x.text(p, "cac:PartyName/cbc:Name") ?? "",
    tradingName: x.text(p, "cac:PartyName/cbc:Name"),
    vatId: x.text(p, "cac:PartyTaxScheme[normalize-space(cac:TaxScheme/cbc:ID) = 'VAT']/cbc:CompanyID"),
    taxRegistrationId: x.text(p, "cac:PartyTaxScheme[normalize-space(cac:TaxScheme/cbc:ID) != 'VAT']/cbc:CompanyID"),
    legalRegistrationId: x.text(p, "cac:PartyLegalEntity/cbc:CompanyID"),
    electronicAddress: endpoint ? { id: endpoint, scheme: x.text(p, "cbc:EndpointID/@schemeID") } : undefined,
    address: {
      lines: address ? x.texts(address, "cbc:StreetName | cbc:AdditionalStreetName | cac:AddressLine/cbc:Line") : [],
      city: x.text(address, "cbc:CityName"),
      postalCode: x.text(address, "cbc:PostalZone"),
      region: x.text(address, "cbc:CountrySubentity"),
      country: x.text(address, "cac:Country/cbc:IdentificationCode"),
    },
    contact: contact ? { name: x.text(contact, "cbc:Name"), phone: x.text(contact, "cbc:Telephone"), email: x.text(contact, "cbc:ElectronicMail") } : undefined,
  };
}

function allowanceCharge(a: XNode): ParsedAllowance {
  return {
    charge: x.text(a, "cbc:ChargeIndicator") === "true",
    amount: x.text(a, "cbc:Amount") ?? "",
    baseAmount: x.text(a, "cbc:BaseAmount"),
    percent: x.text(a, "cbc:MultiplierFactorNumeric"),
    reason: x.text(a, "cbc:AllowanceChargeReason"),
    reasonCode: x.text(a, "cbc:AllowanceChargeReasonCode"),
    vatCategory: x.text(a, "cac:TaxCategory/cbc:ID"),
    vatRate: x.text(a, "cac:TaxCategory/cbc:Percent"),
  };
}

export function parseUbl(document: XNode): ParsedEInvoice {
  const doc = x.node(document, "/*") as XNode;
  const credit = x.text(doc, "local-name(.)") === "CreditNote";
  const typeCode = x.text(doc, "cbc:InvoiceTypeCode | cbc:CreditNoteTypeCode") ?? (credit ? "381" : "380");
  const currency = x.text(doc, "cbc:DocumentCurrencyCode") ?? "";
  const totals = x.node(doc, "cac:LegalMonetaryTotal");
  const period = x.node(doc, "cac:InvoicePeriod");
  const deliveryDate = x.text(doc, "cac:Delivery/cbc:ActualDeliveryDate");
  const periodStart = x.text(period, "cbc:StartDate");
  const periodEnd = x.text(period, "cbc:EndDate");
  return {
    syntax: "ubl",
    kind: credit || typeCode === "381" ? "credit_note" : "invoice",
    typeCode,
    customizationId: x.text(doc, "cbc:CustomizationID"),
    profileId: x.text(doc, "cbc:ProfileID"),
    number: x.text(doc, "cbc:ID") ?? "",
    issueDate: x.text(doc, "cbc:IssueDate") ?? "",
    dueDate: x.text(doc, "cbc:DueDate | cac:PaymentMeans/cbc:PaymentDueDate"),
    currency,
    buyerReference: x.text(doc, "cbc:BuyerReference"),
    purchaseOrderRef: x.text(doc, "cac:OrderReference/cbc:ID"),
    precedingInvoices: x.nodes(doc, "cac:BillingReference/cac:InvoiceDocumentReference").map((r) => ({
      number: x.text(r, "cbc:ID") ?? "",
      issueDate: x.text(r, "cbc:IssueDate"),
    })),
    notes: x.texts(doc, "cbc:Note"),
    paymentTerms: x.text(doc, "cac:PaymentTerms/cbc:Note"),
    seller: party(x.node(doc, "cac:AccountingSupplierParty/cac:Party")),
    buyer: party(x.node(doc, "cac:AccountingCustomerParty/cac:Party")),
    delivery: deliveryDate || periodStart || periodEnd ? { date: deliveryDate, periodStart, periodEnd } : undefined,
    paymentMeans: x.nodes(doc, "cac:PaymentMeans").map((pm) => ({
      code: x.text(pm, "cbc:PaymentMeansCode") ?? "",
      iban: x.text(pm, "cac:PayeeFinancialAccount/cbc:ID"),
      accountName: x.text(pm, "cac:PayeeFinancialAccount/cbc:Name"),
      bic: x.text(pm, "cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID"),
      remittanceInformation: x.text(pm, "cbc:PaymentID"),
    })),
    lines: x.nodes(doc, "cac:InvoiceLine | cac:CreditNoteLine").map((l) => {
      const linePeriod = x.node(l, "cac:InvoicePeriod");
      return {
        id: x.text(l, "cbc:ID") ?? "",
        name: x.text(l, "cac:Item/cbc:Name") ?? "",
        description: x.text(l, "cac:Item/cbc:Description"),
        quantity: x.text(l, "cbc:InvoicedQuantity | cbc:CreditedQuantity") ?? "",
        unitCode: x.text(l, "(cbc:InvoicedQuantity | cbc:CreditedQuantity)/@unitCode"),
        price: x.text(l, "cac:Price/cbc:PriceAmount") ?? "",
        amount: x.text(l, "cbc:LineExtensionAmount") ?? "",
        vatCategory: x.text(l, "cac:Item/cac:ClassifiedTaxCategory/cbc:ID"),
        vatRate: x.text(l, "cac:Item/cac:ClassifiedTaxCategory/cbc:Percent"),
        period: linePeriod ? { start: x.text(linePeriod, "cbc:StartDate"), end: x.text(linePeriod, "cbc:EndDate") } : undefined,
        allowances: x.nodes(l, "cac:AllowanceCharge").map(allowanceCharge),
      };
    }),
    allowances: x.nodes(doc, "cac:AllowanceCharge").map(allowanceCharge),
    vatBreakdown: x.nodes(doc, "cac:TaxTotal/cac:TaxSubtotal").map((s) => ({
      category: x.text(s, "cac:TaxCategory/cbc:ID") ?? "",
      rate: x.text(s, "cac:TaxCategory/cbc:Percent"),
      taxableAmount: x.text(s, "cbc:TaxableAmount") ?? "",
      taxAmount: x.text(s, "cbc:TaxAmount") ?? "",
      exemptionReason: x.text(s, "cac:TaxCategory/cbc:TaxExemptionReason"),
      exemptionCode: x.text(s, "cac:TaxCategory/cbc:TaxExemptionReasonCode"),
    })),
    totals: {
      lineNet: x.text(totals, "cbc:LineExtensionAmount"),
      allowances: x.text(totals, "cbc:AllowanceTotalAmount"),
      charges: x.text(totals, "cbc:ChargeTotalAmount"),
      taxExclusive: x.text(totals, "cbc:TaxExclusiveAmount"),
      // BT-110 is the TaxTotal in the document currency (a second TaxTotal may be in the tax currency).
      vat: x.text(doc, `cac:TaxTotal/cbc:TaxAmount[@currencyID = '${currency.replace(/'/g, "")}']`) ?? x.text(doc, "cac:TaxTotal/cbc:TaxAmount"),
      taxInclusive: x.text(totals, "cbc:TaxInclusiveAmount"),
      prepaid: x.text(totals, "cbc:PrepaidAmount"),
      rounding: x.text(totals, "cbc:PayableRoundingAmount"),
      payable: x.text(totals, "cbc:PayableAmount"),
    },
  };
}
