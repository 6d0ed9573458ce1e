/**
 * Writes an EInvoice (lib/einvoice/model.ts) as a UBL 2.1 Invoice (BT-3 380) or CreditNote (381),
 * for the UBL formats (XRechnung UBL, Peppol BIS Billing 3.0). Elements appear in the order the
 * UBL 2.1 XSD sequences require (Invoice and CreditNote differ: a credit note has no DueDate and
 * no PrepaidPayment, and its lines put TaxTotal before AllowanceCharge); each business term goes
 * where the EN 16931 UBL binding puts it. Pure: no I/O.
 */
import { CUSTOMIZATION_IDS, PROFILE_IDS, syntaxOf } from "./codes";
import { xmlAmount, xmlPercent, xmlQuantity } from "./amount";
import type { DocumentAllowance, EInvoice, EInvoiceLine, Party, VatBreakdown, VatCategory } from "./model";

const NS = {
  Invoice: "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
  CreditNote: "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
  cac: "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
  cbc: "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
};

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text and attribute values escaped; characters XML 1.0 forbids (C0 controls but tab/LF/CR) dropped. */
export function escapeXml(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "").replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

type Attrs = Record<string, string | undefined>;
type Child = string | null | undefined | false;

const attrs = (a: Attrs = {}) =>
  Object.entries(a)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join("");

/** A leaf element with escaped text; nothing when the value is absent or empty. */
const leaf = (name: string, value: string | undefined, a?: Attrs): string =>
  value === undefined || value === "" ? "" : `<${name}${attrs(a)}>${escapeXml(value)}</${name}>`;

/** An aggregate element; nothing when it has no children. */
const node = (name: string, children: Child[], a?: Attrs): string => {
  const inner = children.filter(Boolean).join("");
  return inner === "" ? "" : `<${name}${attrs(a)}>${inner}</${name}>`;
};

const VAT_SCHEME = node("cac:TaxScheme", [leaf("cbc:ID", "VAT")]);

/** Category O (outside the scope of VAT) carries no rate on lines and allowances (BR-O-05, BR-O-06). */
const percentOf = (category: VatCategory, rateE4: number) => (category === "O" ? "" : leaf("cbc:Percent", xmlPercent(rateE4)));

function address(a: Party["address"], wrapper = "cac:PostalAddress"): string {
  return node(wrapper, [
    leaf("cbc:StreetName", a.line1),
    leaf("cbc:AdditionalStreetName", a.line2),
    leaf("cbc:CityName", a.city),
    leaf("cbc:PostalZone", a.postalCode),
    leaf("cbc:CountrySubentity", a.region),
    node("cac:Country", [leaf("cbc:IdentificationCode", a.country)]),
  ]);
}

function party(wrapper: string, p: Party, role: "seller" | "buyer"): string {
  return node(wrapper, [
    node("cac:Party", [
      p.electronicAddress && leaf("cbc:EndpointID", p.electronicAddress.id, { schemeID: p.electronicAddress.scheme }),
      p.tradingName && node("cac:PartyName", [leaf("cbc:Name", p.tradingName)]),
      address(p.address),
      p.vatId && node("cac:PartyTaxScheme", [leaf("cbc:CompanyID", p.vatId), VAT_SCHEME]),
      // BT-32: the seller's tax number, under a scheme other than VAT ("FC", as XRechnung's examples).
      role === "seller" && p.taxRegistrationId && node("cac:PartyTaxScheme", [leaf("cbc:CompanyID", p.taxRegistrationId), node("cac:TaxScheme", [leaf("cbc:ID", "FC")])]),
      node("cac:PartyLegalEntity", [leaf("cbc:RegistrationName", p.name), leaf("cbc:CompanyID", p.legalRegistrationId)]),
      p.contact && node("cac:Contact", [leaf("cbc:Name", p.contact.name), leaf("cbc:Telephone", p.contact.phone), leaf("cbc:ElectronicMail", p.contact.email)]),
    ]),
  ]);
}

function delivery(inv: EInvoice): string {
  // An intra-community supply needs the deliver-to country (BT-80, BR-IC-12), and XRechnung then
  // the deliver-to city and post code (BR-DE-10, BR-DE-11): the goods go to the buyer's address.
  const intraCommunity = inv.vatBreakdown.some((b) => b.category === "K");
  return node("cac:Delivery", [
    leaf("cbc:ActualDeliveryDate", inv.delivery?.date),
    intraCommunity && node("cac:DeliveryLocation", [address(inv.buyer.address, "cac:Address")]),
  ]);
}

function paymentMeans(inv: EInvoice): string {
  const pm = inv.paymentMeans;
  return node("cac:PaymentMeans", [
    leaf("cbc:PaymentMeansCode", pm.code),
    // BT-9 of a credit note: the CreditNote schema has no DueDate, EN 16931 puts it here.
    inv.kind === "credit_note" && leaf("cbc:PaymentDueDate", inv.dueDate),
    leaf("cbc:PaymentID", pm.remittanceInformation),
    pm.iban &&
      node("cac:PayeeFinancialAccount", [
        leaf("cbc:ID", pm.iban),
        leaf("cbc:Name", pm.accountName),
        pm.bic && node("cac:FinancialInstitutionBranch", [leaf("cbc:ID", pm.bic)]),
      ]),
  ]);
}

function allowance(a: DocumentAllowance, currency: string): string {
  const money = { currencyID: currency };
  return node("cac:AllowanceCharge", [
    leaf("cbc:ChargeIndicator", "false"),
    leaf("cbc:AllowanceChargeReason", a.reason),
    a.percentE4 !== undefined && leaf("cbc:MultiplierFactorNumeric", xmlPercent(a.percentE4)),
    leaf("cbc:Amount", xmlAmount(a.amount, currency), money),
    a.baseAmount !== undefined && leaf("cbc:BaseAmount", xmlAmount(a.baseAmount, currency), money),
    node("cac:TaxCategory", [leaf("cbc:ID", a.vat.category), percentOf(a.vat.category, a.vat.rateE4), VAT_SCHEME]),
  ]);
}

function taxSubtotal(b: VatBreakdown, currency: string, format: EInvoice["format"]): string {
  const money = { currencyID: currency };
  // EN 16931 lets the breakdown of category O carry a rate or not; XRechnung requires one in every
  // breakdown (BR-DE-14), so it gets 0 there, and none elsewhere (as Peppol's examples).
  const percent = b.category === "O" && format === "xrechnung-ubl" ? leaf("cbc:Percent", "0") : percentOf(b.category, b.rateE4);
  return node("cac:TaxSubtotal", [
    leaf("cbc:TaxableAmount", xmlAmount(b.taxableAmount, currency), money),
    leaf("cbc:TaxAmount", xmlAmount(b.taxAmount, currency), money),
    node("cac:TaxCategory", [
      leaf("cbc:ID", b.category),
      percent,
      leaf("cbc:TaxExemptionReasonCode", b.exemptionCode),
      leaf("cbc:TaxExemptionReason", b.exemptionReason),
      VAT_SCHEME,
    ]),
  ]);
}

function line(l: EInvoiceLine, inv: EInvoice): string {
  const currency = inv.currency;
  const money = { currencyID: currency };
  const credit = inv.kind === "credit_note";
  const lineAllowance =
    l.allowance && l.allowance !== 0
      ? node("cac:AllowanceCharge", [leaf("cbc:ChargeIndicator", "false"), leaf("cbc:AllowanceChargeReason", "Discount"), leaf("cbc:Amount", xmlAmount(l.allowance, currency), money)])
      : "";
  return node(credit ? "cac:CreditNoteLine" : "cac:InvoiceLine", [
    leaf("cbc:ID", l.id),
    leaf(credit ? "cbc:CreditedQuantity" : "cbc:InvoicedQuantity", xmlQuantity(l.quantityE4), { unitCode: l.unitCode }),
    leaf("cbc:LineExtensionAmount", xmlAmount(l.netAmount, currency), money),
    l.period && node("cac:InvoicePeriod", [leaf("cbc:StartDate", l.period.start), leaf("cbc:EndDate", l.period.end)]),
    lineAllowance,
    node("cac:Item", [
      leaf("cbc:Description", l.description),
      leaf("cbc:Name", l.name),
      node("cac:ClassifiedTaxCategory", [leaf("cbc:ID", l.vat.category), percentOf(l.vat.category, l.vat.rateE4), VAT_SCHEME]),
    ]),
    node("cac:Price", [leaf("cbc:PriceAmount", l.netPrice, money)]),
  ]);
}

function monetaryTotal(inv: EInvoice): string {
  const c = inv.currency;
  const money = { currencyID: c };
  const t = inv.totals;
  return node("cac:LegalMonetaryTotal", [
    leaf("cbc:LineExtensionAmount", xmlAmount(t.lineNet, c), money),
    leaf("cbc:TaxExclusiveAmount", xmlAmount(t.taxExclusive, c), money),
    leaf("cbc:TaxInclusiveAmount", xmlAmount(t.taxInclusive, c), money),
    (inv.allowances.length > 0 || t.allowances !== 0) && leaf("cbc:AllowanceTotalAmount", xmlAmount(t.allowances, c), money),
    // BT-113: what the buyer withholds (IRPF, ritenuta) and pays to the tax office instead.
    t.prepaid !== 0 && leaf("cbc:PrepaidAmount", xmlAmount(t.prepaid, c), money),
    leaf("cbc:PayableAmount", xmlAmount(t.payable, c), money),
  ]);
}

export function toUbl(invoice: EInvoice): string {
  const inv = invoice;
  if (syntaxOf(inv.format) !== "ubl") throw new Error(`einvoice: ${inv.format} is not a UBL format`);
  const credit = inv.kind === "credit_note";
  const root = credit ? "CreditNote" : "Invoice";
  const c = inv.currency;
  // Peppol BIS allows one document note (PEPPOL-EN16931-R002): its notes are joined into one.
  const notes = inv.format === "peppol-bis" && inv.notes.length > 1 ? [inv.notes.join("\n")] : inv.notes;
  const period = inv.delivery?.periodStart || inv.delivery?.periodEnd;

  const body = [
    leaf("cbc:CustomizationID", CUSTOMIZATION_IDS[inv.format]),
    leaf("cbc:ProfileID", PROFILE_IDS[inv.format]),
    leaf("cbc:ID", inv.number),
    leaf("cbc:IssueDate", inv.issueDate),
    !credit && leaf("cbc:DueDate", inv.dueDate),
    leaf(credit ? "cbc:CreditNoteTypeCode" : "cbc:InvoiceTypeCode", credit ? "381" : "380"),
    ...notes.map((n) => leaf("cbc:Note", n)),
    leaf("cbc:DocumentCurrencyCode", c),
    leaf("cbc:BuyerReference", inv.buyerReference),
    period && node("cac:InvoicePeriod", [leaf("cbc:StartDate", inv.delivery?.periodStart), leaf("cbc:EndDate", inv.delivery?.periodEnd)]),
    inv.purchaseOrderRef && node("cac:OrderReference", [leaf("cbc:ID", inv.purchaseOrderRef)]),
    inv.precedingInvoice &&
      node("cac:BillingReference", [node("cac:InvoiceDocumentReference", [leaf("cbc:ID", inv.precedingInvoice.number), leaf("cbc:IssueDate", inv.precedingInvoice.issueDate)])]),
    party("cac:AccountingSupplierParty", inv.seller, "seller"),
    party("cac:AccountingCustomerParty", inv.buyer, "buyer"),
    delivery(inv),
    paymentMeans(inv),
    inv.paymentTerms && node("cac:PaymentTerms", [leaf("cbc:Note", inv.paymentTerms)]),
    ...inv.allowances.map((a) => allowance(a, c)),
    node("cac:TaxTotal", [leaf("cbc:TaxAmount", xmlAmount(inv.totals.vat, c), { currencyID: c }), ...inv.vatBreakdown.map((b) => taxSubtotal(b, c, inv.format))]),
    monetaryTotal(inv),
    ...inv.lines.map((l) => line(l, inv)),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${NS[root]}" xmlns:cac="${NS.cac}" xmlns:cbc="${NS.cbc}">${body.filter(Boolean).join("")}</${root}>\n`;
}
