/**
 * Writes an EInvoice as an UN/CEFACT Cross Industry Invoice (CII D16B), the syntax of XRechnung CII
 * and of the XML inside a Factur-X / ZUGFeRD PDF (EN 16931 profile).
 *
 * The CII schema is a strict xsd:sequence at every level: an element out of order is a schema error
 * that buyers' validators reject. Every builder below lists its children in the order of the
 * matching complexType of vendor/einvoice/en16931/cii/schema (the comment above each names it).
 * Amounts carry no currencyID except BT-110 TaxTotalAmount, as the EN 16931 CII binding does.
 */
import { CUSTOMIZATION_IDS, PROFILE_IDS, syntaxOf } from "./codes";
import { xmlAmount, xmlPercent, xmlQuantity } from "./amount";
import type { DocumentAllowance, EInvoice, EInvoiceFormat, EInvoiceLine, Party, PostalAddress, VatBreakdown, VatCategory } from "./model";

const NAMESPACES = {
  "xmlns:rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
  "xmlns:ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
  "xmlns:qdt": "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
  "xmlns:udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
};

/** Payment means codes whose account is the seller's (BG-17 credit transfer); XRechnung forbids BG-17 for others (BR-DE-24/25). */
const CREDIT_TRANSFER_CODES = new Set(["30", "31", "42", "58"]);

// A small element tree, so nesting and indentation cannot go wrong; undefined children are left out.
type Node = { tag: string; attrs?: Record<string, string>; children: Node[] | string };
type Child = Node | undefined | null | false | "";

const el = (tag: string, ...children: Child[]): Node => ({ tag, children: children.filter((c): c is Node => typeof c === "object" && c !== null) });
const leaf = (tag: string, value: string, attrs?: Record<string, string>): Node => ({ tag, attrs, children: value });
const opt = (tag: string, value: string | undefined, attrs?: Record<string, string>): Node | undefined =>
  value === undefined || value.trim() === "" ? undefined : leaf(tag, value, attrs);

export function escapeXml(text: string): string {
  // Also drops the control characters XML 1.0 cannot carry at all (a pasted form feed would make the file unreadable).
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function render(node: Node, depth: number, out: string[]): void {
  const pad = "  ".repeat(depth);
  const attrs = Object.entries(node.attrs ?? {})
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join("");
  if (typeof node.children === "string") {
    out.push(`${pad}<${node.tag}${attrs}>${escapeXml(node.children)}</${node.tag}>`);
    return;
  }
  if (node.children.length === 0) {
    out.push(`${pad}<${node.tag}${attrs}/>`);
    return;
  }
  out.push(`${pad}<${node.tag}${attrs}>`);
  for (const child of node.children) render(child, depth + 1, out);
  out.push(`${pad}</${node.tag}>`);
}

/** "2026-12-01" → udt:DateTimeString format 102 ("20261201"). */
const date102 = (iso: string): string => iso.slice(0, 10).replace(/-/g, "");
const udtDate = (tag: string, iso: string): Node => el(tag, leaf("udt:DateTimeString", date102(iso), { format: "102" }));
const indicator = (tag: string, value: boolean): Node => el(tag, leaf("udt:Indicator", String(value)));

/** The rate is absent for category O (BR-O-05, BR-O-06: "Not subject to VAT" has no rate). */
const rateOf = (category: VatCategory, rateE4: number): Node | undefined =>
  category === "O" ? undefined : leaf("ram:RateApplicablePercent", xmlPercent(rateE4));

export function toCii(invoice: EInvoice): string {
  if (syntaxOf(invoice.format) !== "cii") throw new Error(`toCii: ${invoice.format} is written in UBL, not CII`);
  const amount = (minor: number) => xmlAmount(minor, invoice.currency);

  const root: Node = {
    tag: "rsm:CrossIndustryInvoice",
    attrs: NAMESPACES,
    children: [context(invoice), exchangedDocument(invoice), transaction(invoice, amount)],
  };
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  render(root, 0, out);
  return `${out.join("\n")}\n`;
}

// ExchangedDocumentContextType: BusinessProcess… before Guideline…
function context(invoice: EInvoice): Node {
  const process = PROFILE_IDS[invoice.format];
  return el(
    "rsm:ExchangedDocumentContext",
    process !== undefined && el("ram:BusinessProcessSpecifiedDocumentContextParameter", leaf("ram:ID", process)),
    el("ram:GuidelineSpecifiedDocumentContextParameter", leaf("ram:ID", CUSTOMIZATION_IDS[invoice.format])),
  );
}

// ExchangedDocumentType: ID, TypeCode, IssueDateTime, IncludedNote*
function exchangedDocument(invoice: EInvoice): Node {
  return el(
    "rsm:ExchangedDocument",
    leaf("ram:ID", invoice.number),
    leaf("ram:TypeCode", invoice.kind === "credit_note" ? "381" : "380"),
    udtDate("ram:IssueDateTime", invoice.issueDate),
    ...invoice.notes.filter((note) => note.trim() !== "").map((note) => el("ram:IncludedNote", leaf("ram:Content", note))),
  );
}

type Fmt = (minor: number) => string;

// SupplyChainTradeTransactionType: IncludedSupplyChainTradeLineItem*, ApplicableHeaderTradeAgreement,
// ApplicableHeaderTradeDelivery, ApplicableHeaderTradeSettlement
function transaction(invoice: EInvoice, amount: Fmt): Node {
  return el(
    "rsm:SupplyChainTradeTransaction",
    ...invoice.lines.map((line) => lineItem(line, amount)),
    agreement(invoice),
    delivery(invoice),
    settlement(invoice, amount),
  );
}

// SupplyChainTradeLineItemType: AssociatedDocumentLineDocument, SpecifiedTradeProduct,
// SpecifiedLineTradeAgreement, SpecifiedLineTradeDelivery, SpecifiedLineTradeSettlement
function lineItem(line: EInvoiceLine, amount: Fmt): Node {
  return el(
    "ram:IncludedSupplyChainTradeLineItem",
    el("ram:AssociatedDocumentLineDocument", leaf("ram:LineID", line.id)),
    // TradeProductType: Name, Description
    el("ram:SpecifiedTradeProduct", leaf("ram:Name", line.name), opt("ram:Description", line.description)),
    el("ram:SpecifiedLineTradeAgreement", el("ram:NetPriceProductTradePrice", leaf("ram:ChargeAmount", line.netPrice))),
    el("ram:SpecifiedLineTradeDelivery", leaf("ram:BilledQuantity", xmlQuantity(line.quantityE4), { unitCode: line.unitCode })),
    // LineTradeSettlementType: ApplicableTradeTax, BillingSpecifiedPeriod, SpecifiedTradeAllowanceCharge*,
    // SpecifiedTradeSettlementLineMonetarySummation
    el(
      "ram:SpecifiedLineTradeSettlement",
      el("ram:ApplicableTradeTax", leaf("ram:TypeCode", "VAT"), leaf("ram:CategoryCode", line.vat.category), rateOf(line.vat.category, line.vat.rateE4)),
      line.period && period(line.period.start, line.period.end),
      line.allowance !== undefined &&
        line.allowance !== 0 &&
        el(
          "ram:SpecifiedTradeAllowanceCharge",
          indicator("ram:ChargeIndicator", false),
          leaf("ram:ActualAmount", amount(line.allowance)),
          // BR-41/BR-42: a line allowance needs a reason; the product has one kind of line allowance.
          leaf("ram:Reason", "Discount"),
        ),
      el("ram:SpecifiedTradeSettlementLineMonetarySummation", leaf("ram:LineTotalAmount", amount(line.netAmount))),
    ),
  );
}

// SpecifiedPeriodType: StartDateTime, EndDateTime
function period(start: string | undefined, end: string | undefined): Node {
  return el("ram:BillingSpecifiedPeriod", start !== undefined && udtDate("ram:StartDateTime", start), end !== undefined && udtDate("ram:EndDateTime", end));
}

// HeaderTradeAgreementType: BuyerReference, SellerTradeParty, BuyerTradeParty, …, BuyerOrderReferencedDocument
function agreement(invoice: EInvoice): Node {
  return el(
    "ram:ApplicableHeaderTradeAgreement",
    opt("ram:BuyerReference", invoice.buyerReference),
    party("ram:SellerTradeParty", invoice.seller),
    party("ram:BuyerTradeParty", invoice.buyer),
    invoice.purchaseOrderRef?.trim() && el("ram:BuyerOrderReferencedDocument", leaf("ram:IssuerAssignedID", invoice.purchaseOrderRef)),
  );
}

// TradePartyType: Name, SpecifiedLegalOrganization, DefinedTradeContact, PostalTradeAddress,
// URIUniversalCommunication, SpecifiedTaxRegistration*
function party(tag: string, p: Party): Node {
  const contact = p.contact && (p.contact.name || p.contact.phone || p.contact.email) ? p.contact : undefined;
  return el(
    tag,
    leaf("ram:Name", p.name),
    // LegalOrganizationType: ID (BT-30 / BT-47), TradingBusinessName (BT-28 / BT-45)
    (p.legalRegistrationId?.trim() || p.tradingName?.trim()) &&
      el("ram:SpecifiedLegalOrganization", opt("ram:ID", p.legalRegistrationId), opt("ram:TradingBusinessName", p.tradingName)),
    // TradeContactType: PersonName, TelephoneUniversalCommunication, EmailURIUniversalCommunication
    contact &&
      el(
        "ram:DefinedTradeContact",
        opt("ram:PersonName", contact.name),
        contact.phone?.trim() && el("ram:TelephoneUniversalCommunication", leaf("ram:CompleteNumber", contact.phone)),
        contact.email?.trim() && el("ram:EmailURIUniversalCommunication", leaf("ram:URIID", contact.email)),
      ),
    address("ram:PostalTradeAddress", p.address),
    p.electronicAddress &&
      el("ram:URIUniversalCommunication", leaf("ram:URIID", p.electronicAddress.id, { schemeID: p.electronicAddress.scheme })),
    p.vatId?.trim() && el("ram:SpecifiedTaxRegistration", leaf("ram:ID", p.vatId, { schemeID: "VA" })),
    p.taxRegistrationId?.trim() && el("ram:SpecifiedTaxRegistration", leaf("ram:ID", p.taxRegistrationId, { schemeID: "FC" })),
  );
}

// TradeAddressType: PostcodeCode, LineOne, LineTwo, CityName, CountryID, CountrySubDivisionName
function address(tag: string, a: PostalAddress): Node {
  return el(
    tag,
    opt("ram:PostcodeCode", a.postalCode),
    opt("ram:LineOne", a.line1),
    opt("ram:LineTwo", a.line2),
    opt("ram:CityName", a.city),
    leaf("ram:CountryID", a.country),
    opt("ram:CountrySubDivisionName", a.region),
  );
}

// HeaderTradeDeliveryType: ShipToTradeParty, ActualDeliverySupplyChainEvent
function delivery(invoice: EInvoice): Node {
  // BR-IC-12: an intra-community supply names the deliver-to country (BT-80). The model has no
  // separate deliver-to address, so the goods are taken as delivered to the buyer's address.
  const intraCommunity = invoice.vatBreakdown.some((v) => v.category === "K");
  const date = invoice.delivery?.date;
  return el(
    "ram:ApplicableHeaderTradeDelivery",
    intraCommunity && el("ram:ShipToTradeParty", address("ram:PostalTradeAddress", invoice.buyer.address)),
    date !== undefined && date !== "" && el("ram:ActualDeliverySupplyChainEvent", udtDate("ram:OccurrenceDateTime", date)),
  );
}

// HeaderTradeSettlementType: PaymentReference, InvoiceCurrencyCode, SpecifiedTradeSettlementPaymentMeans,
// ApplicableTradeTax*, BillingSpecifiedPeriod, SpecifiedTradeAllowanceCharge*, SpecifiedTradePaymentTerms,
// SpecifiedTradeSettlementHeaderMonetarySummation, InvoiceReferencedDocument
function settlement(invoice: EInvoice, amount: Fmt): Node {
  const { totals, paymentMeans: means, delivery: when } = invoice;
  const creditTransfer = CREDIT_TRANSFER_CODES.has(means.code);
  const hasPeriod = Boolean(when?.periodStart || when?.periodEnd);
  const hasTerms = Boolean(invoice.paymentTerms?.trim() || invoice.dueDate);
  return el(
    "ram:ApplicableHeaderTradeSettlement",
    opt("ram:PaymentReference", means.remittanceInformation),
    leaf("ram:InvoiceCurrencyCode", invoice.currency),
    // TradeSettlementPaymentMeansType: TypeCode, PayeePartyCreditorFinancialAccount, PayeeSpecifiedCreditorFinancialInstitution
    el(
      "ram:SpecifiedTradeSettlementPaymentMeans",
      leaf("ram:TypeCode", means.code),
      creditTransfer &&
        means.iban?.trim() &&
        el("ram:PayeePartyCreditorFinancialAccount", leaf("ram:IBANID", means.iban.replace(/\s+/g, "")), opt("ram:AccountName", means.accountName)),
      creditTransfer && means.iban?.trim() && means.bic?.trim() && el("ram:PayeeSpecifiedCreditorFinancialInstitution", leaf("ram:BICID", means.bic)),
    ),
    ...invoice.vatBreakdown.map((v) => vatBreakdown(v, amount, invoice.format)),
    hasPeriod && period(when?.periodStart || undefined, when?.periodEnd || undefined),
    ...invoice.allowances.map((a) => documentAllowance(a, amount)),
    // TradePaymentTermsType: Description, DueDateDateTime
    hasTerms && el("ram:SpecifiedTradePaymentTerms", opt("ram:Description", invoice.paymentTerms), invoice.dueDate && udtDate("ram:DueDateDateTime", invoice.dueDate)),
    // TradeSettlementHeaderMonetarySummationType: LineTotalAmount, ChargeTotalAmount, AllowanceTotalAmount,
    // TaxBasisTotalAmount, TaxTotalAmount, GrandTotalAmount, TotalPrepaidAmount, DuePayableAmount
    el(
      "ram:SpecifiedTradeSettlementHeaderMonetarySummation",
      leaf("ram:LineTotalAmount", amount(totals.lineNet)),
      invoice.allowances.length > 0 && leaf("ram:AllowanceTotalAmount", amount(totals.allowances)),
      leaf("ram:TaxBasisTotalAmount", amount(totals.taxExclusive)),
      leaf("ram:TaxTotalAmount", amount(totals.vat), { currencyID: invoice.currency }),
      leaf("ram:GrandTotalAmount", amount(totals.taxInclusive)),
      totals.prepaid !== 0 && leaf("ram:TotalPrepaidAmount", amount(totals.prepaid)),
      leaf("ram:DuePayableAmount", amount(totals.payable)),
    ),
    // ReferencedDocumentType: IssuerAssignedID, FormattedIssueDateTime (qdt, not udt)
    invoice.precedingInvoice &&
      el(
        "ram:InvoiceReferencedDocument",
        leaf("ram:IssuerAssignedID", invoice.precedingInvoice.number),
        invoice.precedingInvoice.issueDate &&
          el("ram:FormattedIssueDateTime", leaf("qdt:DateTimeString", date102(invoice.precedingInvoice.issueDate), { format: "102" })),
      ),
  );
}

// TradeTaxType: CalculatedAmount, TypeCode, ExemptionReason, BasisAmount, CategoryCode, ExemptionReasonCode, RateApplicablePercent
function vatBreakdown(v: VatBreakdown, amount: Fmt, format: EInvoiceFormat): Node {
  // EN 16931 leaves BT-119 out for category O; XRechnung wants it in every breakdown (BR-DE-14), as 0.
  const rate = v.category === "O" && format === "xrechnung-cii" ? leaf("ram:RateApplicablePercent", "0") : rateOf(v.category, v.rateE4);
  return el(
    "ram:ApplicableTradeTax",
    leaf("ram:CalculatedAmount", amount(v.taxAmount)),
    leaf("ram:TypeCode", "VAT"),
    opt("ram:ExemptionReason", v.exemptionReason),
    leaf("ram:BasisAmount", amount(v.taxableAmount)),
    leaf("ram:CategoryCode", v.category),
    opt("ram:ExemptionReasonCode", v.exemptionCode),
    rate,
  );
}

// TradeAllowanceChargeType: ChargeIndicator, CalculationPercent, BasisAmount, ActualAmount, Reason, CategoryTradeTax
function documentAllowance(a: DocumentAllowance, amount: Fmt): Node {
  return el(
    "ram:SpecifiedTradeAllowanceCharge",
    indicator("ram:ChargeIndicator", false),
    a.percentE4 !== undefined && leaf("ram:CalculationPercent", xmlPercent(a.percentE4)),
    a.baseAmount !== undefined && leaf("ram:BasisAmount", amount(a.baseAmount)),
    leaf("ram:ActualAmount", amount(a.amount)),
    opt("ram:Reason", a.reason),
    el("ram:CategoryTradeTax", leaf("ram:TypeCode", "VAT"), leaf("ram:CategoryCode", a.vat.category), rateOf(a.vat.category, a.vat.rateE4)),
  );
}
