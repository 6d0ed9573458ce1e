/** Reads a CII D16B CrossIndustryInvoice (EN 16931 binding) into the viewer's display model (parse.ts). */
import type { ParsedAllowance, ParsedEInvoice, ParsedParty } from "./parse";
import { XReader, type XNode } from "./xreader";

const x = new XReader({
  rsm: "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
  ram: "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
  udt: "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
  qdt: "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
});

/** Format 102 (YYYYMMDD) shown as YYYY-MM-DD; anything else as written. */
const date = (value: string | undefined) => (value && /^\d{8}$/.test(value) ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6)}` : value);

function party(p: XNode | undefined): ParsedParty {
  if (!p) return { name: "", address: { lines: [] } };
  const uri = x.text(p, "ram:URIUniversalCommunication/ram:URIID");
  const address = x.node(p, "ram:PostalTradeAddress");
  const contact = x.node(p, "ram:DefinedTradeContact");
  return {
    name: x.text(p, "ram:Name") ?? "",
    tradingName: x.text(p, "ram:SpecifiedLegalOrganization/ram:TradingBusinessName"),
    vatId: x.text(p, "ram:SpecifiedTaxRegistration/ram:ID[@schemeID = 'VA']"),
    taxRegistrationId: x.text(p, "ram:SpecifiedTaxRegistration/ram:ID[@schemeID = 'FC']"),
    legalRegistrationId: x.text(p, "ram:SpecifiedLegalOrganization/ram:ID"),
    electronicAddress: uri ? { id: uri, scheme: x.text(p, "ram:URIUniversalCommunication/ram:URIID/@schemeID") } : undefined,
    address: {
      lines: address ? x.texts(address, "ram:LineOne | ram:LineTwo | ram:LineThree") : [],
      city: x.text(address, "ram:CityName"),
      postalCode: x.text(address, "ram:PostcodeCode"),
      region: x.text(address, "ram:CountrySubDivisionName"),
      country: x.text(address, "ram:CountryID"),
    },
    contact: contact
      ? {
          name: x.text(contact, "ram:PersonName"),
          phone: x.text(contact, "ram:TelephoneUniversalCommunication/ram:CompleteNumber"),
          email: x.text(contact, "ram:EmailURIUniversalCommunication/ram:URIID"),
        }
      : undefined,
  };
}

function allowanceCharge(a: XNode): ParsedAllowance {
  return {
    charge: x.text(a, "ram:ChargeIndicator/udt:Indicator") === "true",
    amount: x.text(a, "ram:ActualAmount") ?? "",
    baseAmount: x.text(a, "ram:BasisAmount"),
    percent: x.text(a, "ram:CalculationPercent"),
    reason: x.text(a, "ram:Reason"),
    reasonCode: x.text(a, "ram:ReasonCode"),
    vatCategory: x.text(a, "ram:CategoryTradeTax/ram:CategoryCode"),
    vatRate: x.text(a, "ram:CategoryTradeTax/ram:RateApplicablePercent"),
  };
}

export function parseCii(document: XNode): ParsedEInvoice {
  const root = x.node(document, "/rsm:CrossIndustryInvoice") as XNode;
  const header = x.node(root, "rsm:ExchangedDocument");
  const trade = x.node(root, "rsm:SupplyChainTradeTransaction");
  const agreement = trade && x.node(trade, "ram:ApplicableHeaderTradeAgreement");
  const settlement = trade && x.node(trade, "ram:ApplicableHeaderTradeSettlement");
  const sums = settlement && x.node(settlement, "ram:SpecifiedTradeSettlementHeaderMonetarySummation");
  const typeCode = x.text(header, "ram:TypeCode") ?? "380";
  const currency = x.text(settlement, "ram:InvoiceCurrencyCode") ?? "";
  const deliveryDate = date(x.text(trade, "ram:ApplicableHeaderTradeDelivery/ram:ActualDeliverySupplyChainEvent/ram:OccurrenceDateTime/udt:DateTimeString"));
  const periodStart = date(x.text(settlement, "ram:BillingSpecifiedPeriod/ram:StartDateTime/udt:DateTimeString"));
  const periodEnd = date(x.text(settlement, "ram:BillingSpecifiedPeriod/ram:EndDateTime/udt:DateTimeString"));
  const remittance = x.text(settlement, "ram:PaymentReference");
  return {
    syntax: "cii",
    kind: typeCode === "381" ? "credit_note" : "invoice",
    typeCode,
    customizationId: x.text(root, "rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID"),
    profileId: x.text(root, "rsm:ExchangedDocumentContext/ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID"),
    number: x.text(header, "ram:ID") ?? "",
    issueDate: date(x.text(header, "ram:IssueDateTime/udt:DateTimeString")) ?? "",
    dueDate: date(x.text(settlement, "ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString")),
    currency,
    buyerReference: x.text(agreement, "ram:BuyerReference"),
    purchaseOrderRef: x.text(agreement, "ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID"),
    precedingInvoices: settlement
      ? x.nodes(settlement, "ram:InvoiceReferencedDocument").map((r) => ({
          number: x.text(r, "ram:IssuerAssignedID") ?? "",
          issueDate: date(x.text(r, "ram:FormattedIssueDateTime/qdt:DateTimeString")),
        }))
      : [],
    notes: header ? x.texts(header, "ram:IncludedNote/ram:Content") : [],
    paymentTerms: x.text(settlement, "ram:SpecifiedTradePaymentTerms/ram:Description"),
    seller: party(agreement && x.node(agreement, "ram:SellerTradeParty")),
    buyer: party(agreement && x.node(agreement, "ram:BuyerTradeParty")),
    delivery: deliveryDate || periodStart || periodEnd ? { date: deliveryDate, periodStart, periodEnd } : undefined,
    paymentMeans: settlement
      ? x.nodes(settlement, "ram:SpecifiedTradeSettlementPaymentMeans").map((pm) => ({
          code: x.text(pm, "ram:TypeCode") ?? "",
          iban: x.text(pm, "ram:PayeePartyCreditorFinancialAccount/ram:IBANID | ram:PayeePartyCreditorFinancialAccount/ram:ProprietaryID"),
          accountName: x.text(pm, "ram:PayeePartyCreditorFinancialAccount/ram:AccountName"),
          bic: x.text(pm, "ram:PayeeSpecifiedCreditorFinancialInstitution/ram:BICID"),
          remittanceInformation: remittance,
        }))
      : [],
    lines: trade
      ? x.nodes(trade, "ram:IncludedSupplyChainTradeLineItem").map((l) => {
          const lineSettlement = x.node(l, "ram:SpecifiedLineTradeSettlement");
          const start = date(x.text(lineSettlement, "ram:BillingSpecifiedPeriod/ram:StartDateTime/udt:DateTimeString"));
          const end = date(x.text(lineSettlement, "ram:BillingSpecifiedPeriod/ram:EndDateTime/udt:DateTimeString"));
          return {
            id: x.text(l, "ram:AssociatedDocumentLineDocument/ram:LineID") ?? "",
            name: x.text(l, "ram:SpecifiedTradeProduct/ram:Name") ?? "",
            description: x.text(l, "ram:SpecifiedTradeProduct/ram:Description"),
            quantity: x.text(l, "ram:SpecifiedLineTradeDelivery/ram:BilledQuantity") ?? "",
            unitCode: x.text(l, "ram:SpecifiedLineTradeDelivery/ram:BilledQuantity/@unitCode"),
            price: x.text(l, "ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:ChargeAmount") ?? "",
            amount: x.text(lineSettlement, "ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount") ?? "",
            vatCategory: x.text(lineSettlement, "ram:ApplicableTradeTax/ram:CategoryCode"),
            vatRate: x.text(lineSettlement, "ram:ApplicableTradeTax/ram:RateApplicablePercent"),
            period: start || end ? { start, end } : undefined,
            allowances: lineSettlement ? x.nodes(lineSettlement, "ram:SpecifiedTradeAllowanceCharge").map(allowanceCharge) : [],
          };
        })
      : [],
    allowances: settlement ? x.nodes(settlement, "ram:SpecifiedTradeAllowanceCharge").map(allowanceCharge) : [],
    vatBreakdown: settlement
      ? x.nodes(settlement, "ram:ApplicableTradeTax").map((t) => ({
          category: x.text(t, "ram:CategoryCode") ?? "",
          rate: x.text(t, "ram:RateApplicablePercent"),
          taxableAmount: x.text(t, "ram:BasisAmount") ?? "",
          taxAmount: x.text(t, "ram:CalculatedAmount") ?? "",
          exemptionReason: x.text(t, "ram:ExemptionReason"),
          exemptionCode: x.text(t, "ram:ExemptionReasonCode"),
        }))
      : [],
    totals: {
      lineNet: x.text(sums, "ram:LineTotalAmount"),
      allowances: x.text(sums, "ram:AllowanceTotalAmount"),
      charges: x.text(sums, "ram:ChargeTotalAmount"),
      taxExclusive: x.text(sums, "ram:TaxBasisTotalAmount"),
      // BT-110 is the TaxTotalAmount in the invoice currency (a second one may be in the tax currency).
      vat: x.text(sums, `ram:TaxTotalAmount[@currencyID = '${currency.replace(/'/g, "")}']`) ?? x.text(sums, "ram:TaxTotalAmount"),
      taxInclusive: x.text(sums, "ram:GrandTotalAmount"),
      prepaid: x.text(sums, "ram:TotalPrepaidAmount"),
      rounding: x.text(sums, "ram:RoundingAmount"),
      payable: x.text(sums, "ram:DuePayableAmount"),
    },
  };
}
