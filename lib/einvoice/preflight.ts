/**
 * Pre-flight checks: what a stored document (with its organisation and customer) lacks to become a
 * valid e-invoice in a given format, in words a user can act on, each naming the business term and
 * the form field to fix. Run before issuing, so the official validation (validate.ts) never has to
 * be the one that tells the user. Pure: no I/O. Order: seller, buyer, document, lines; each
 * problem once.
 */
import { vatWithinOneUnit } from "@/lib/money";
import { fitsTwoDecimals, xmlAmount, xmlPercent } from "./amount";
import { buildEInvoice, hasVatPrefix, isCreditTransfer, paymentMeansCodeOf, vatCategoryOf, vatTaxesOf } from "./build";
import { REASON_REQUIRED, VATEX, ZERO_RATE_CATEGORIES, type EInvoiceFormat } from "./codes";
import type { EInvoice, EInvoiceSource } from "./model";
import { type CheckCode, type CheckValues, checkMessage, formatName } from "./check-words";

export type PreflightProblem = {
  term: string; // "BT-10"
  /** What is missing, as data: worded in the reader's language by checkMessage (check-words.ts). */
  code: CheckCode;
  values?: CheckValues;
  /** The same in English: what is logged and stored (a timeline's "issued without an e-invoice" reasons). */
  message: string;
  field: { scope: "organization" | "customer" | "document" | "taxRate" | "line"; name: string; lineNumber?: number; taxRateId?: string };
};

const problem = (term: string, code: CheckCode, field: PreflightProblem["field"], values?: CheckValues): PreflightProblem => ({
  term,
  code,
  ...(values ? { values } : {}),
  message: checkMessage(code, values, "en"),
  field,
});

const blank = (v: string | null | undefined) => !v || v.trim() === "";

export function preflight(source: EInvoiceSource, format: EInvoiceFormat): PreflightProblem[] {
  const problems: PreflightProblem[] = [];
  const push = (p: PreflightProblem) => {
    if (!problems.some((q) => q.term === p.term && q.message === p.message)) problems.push(p);
  };
  const add = (term: string, code: CheckCode, field: PreflightProblem["field"], values?: CheckValues) => push(problem(term, code, field, values));
  const { document: doc, organization: org, customer } = source;
  const xrechnung = format === "xrechnung-ubl" || format === "xrechnung-cii";
  const peppol = format === "peppol-bis";
  const label = formatName(format, "en");
  const lines = [...source.lines].sort((a, b) => a.position - b.position);
  const vatTaxes = lines.flatMap((l) => vatTaxesOf(l));
  const categories = new Set(vatTaxes.map((t) => vatCategoryOf(t)));
  const org$ = (name: string) => ({ scope: "organization" as const, name });
  const customer$ = (name: string) => ({ scope: "customer" as const, name });
  const document$ = (name: string) => ({ scope: "document" as const, name });

  // Seller (BG-4)
  if (blank(org.legalName) && blank(org.name)) add("BT-27", "sellerName", org$("name"));
  if (blank(org.addressLine1) && xrechnung) add("BT-35", "sellerStreet", org$("addressLine1"));
  if (xrechnung && blank(org.city)) add("BT-37", "sellerCity", org$("city"));
  if (xrechnung && blank(org.postalCode)) add("BT-38", "sellerPostalCode", org$("postalCode"));
  if (blank(org.country)) add("BT-40", "sellerCountry", org$("country"));
  // BR-CO-26 asks for a seller identifier (BT-29), legal registration (BT-30) or VAT id (BT-31);
  // the category rules (BR-S-02, BR-E-02…) for the VAT id or the tax number (BT-32), and intra-community
  // supplies and exports (BR-IC-02, BR-G-02) for the VAT id itself. Outside the scope of VAT
  // (category O) no VAT number may show (BR-O-02): the legal registration identifies the seller.
  if (categories.has("O")) {
    if (blank(org.legalRegistrationId)) {
      add("BT-30", "sellerRegistrationOutsideScope", org$("legalRegistrationId"));
    }
  } else if (blank(org.taxId)) {
    const needsVatId = categories.has("K") || categories.has("G");
    const identified = !blank(org.legalRegistrationId) && !blank(org.taxRegistrationId);
    if (needsVatId || !identified) add("BT-31", needsVatId ? "sellerVatIdIntraCommunity" : "sellerVatIdToIdentify", org$("taxId"));
  } else if (!hasVatPrefix(org.taxId ?? "")) {
    add("BT-31", "sellerVatIdPrefix", org$("taxId"));
  }
  if (blank(org.electronicAddress) || blank(org.electronicAddressScheme)) {
    if (xrechnung || peppol) add("BT-34", "sellerElectronicAddress", org$("electronicAddress"), { format: label });
  }
  if (xrechnung) {
    if (blank(org.contactName)) add("BT-41", "sellerContactName", org$("contactName"));
    if (blank(org.phone)) add("BT-42", "sellerPhone", org$("phone"));
    if (blank(org.email)) add("BT-43", "sellerEmail", org$("email"));
  }

  // Buyer (BG-7)
  if (blank(customer.name)) add("BT-44", "buyerName", customer$("name"));
  const address = customer.address;
  if (xrechnung && blank(address ? address.line1 : customer.addressLines[0])) add("BT-50", "buyerStreet", customer$("addressLine1"));
  if (xrechnung && blank(address?.city)) add("BT-52", "buyerCity", customer$("city"));
  if (xrechnung && blank(address?.postalCode)) add("BT-53", "buyerPostalCode", customer$("postalCode"));
  if (blank(address?.country)) add("BT-55", "buyerCountry", customer$("country"));
  if ((xrechnung || peppol) && (blank(customer.electronicAddress) || blank(customer.electronicAddressScheme))) {
    add("BT-49", "buyerElectronicAddress", customer$("electronicAddress"), { format: label });
  }
  if (!blank(customer.taxId) && !hasVatPrefix(customer.taxId ?? "") && (categories.has("AE") || categories.has("K"))) {
    add("BT-48", "buyerVatIdPrefix", customer$("taxId"));
  }
  if (blank(customer.taxId)) {
    if (categories.has("AE")) add("BT-48", "buyerVatIdReverseCharge", customer$("taxId"));
    else if (categories.has("K")) add("BT-48", "buyerVatIdIntraCommunity", customer$("taxId"));
  }

  // Document
  if (doc.kind === "quote") add("BT-3", "quote", document$("kind"));
  if (xrechnung && blank(doc.buyerReference) && blank(customer.buyerReference)) {
    add("BT-10", "leitwegId", document$("buyerReference"));
  }
  if (peppol && blank(doc.buyerReference) && blank(customer.buyerReference) && blank(doc.purchaseOrderRef)) {
    add("BT-10", "peppolReference", document$("buyerReference"));
  }
  if (categories.has("K") && blank(doc.deliveryDate) && blank(doc.periodStart)) {
    add("BT-72", "deliveryDateIntraCommunity", document$("deliveryDate"));
  } else if (xrechnung && blank(doc.deliveryDate) && blank(doc.periodStart) && !doc.depositForDocumentId) {
    // Only an "information" rule in XRechnung, but German invoices must state when the service was
    // delivered (§ 14 UStG), and the validator counts every failed rule. A deposit invoice is paid
    // before the supply (§ 14 (4) 6 UStG): it has no delivery date, and the information is all it gets.
    add("BT-72", "deliveryDateXRechnung", document$("deliveryDate"));
  }
  const meansCode = paymentMeansCodeOf(source);
  if ((xrechnung && ["48", "54", "55", "59"].includes(meansCode)) || (peppol && meansCode === "59")) {
    add("BT-81", meansCode === "59" ? "directDebit" : "card", document$("paymentMeansCode"), { format: label });
  }
  if (isCreditTransfer(meansCode) && blank(org.iban)) {
    add("BT-84", "iban", org$("iban"));
  }
  if (doc.kind === "invoice" && doc.total > 0 && blank(doc.dueDate) && blank(doc.terms)) {
    add("BT-9", "dueDate", document$("dueDate"));
  }
  // The unit price is not among them: BT-146 may carry any number of decimals.
  const amounts = [doc.total, doc.taxTotal, doc.subtotal, doc.discountTotal, ...lines.flatMap((l) => [l.amount, l.net, l.discount, l.taxable, l.tax]), ...source.taxes.flatMap((t) => [t.base, t.amount])];
  if (!amounts.every((a) => fitsTwoDecimals(a, doc.currency))) {
    push(threeDecimals(doc.currency));
  }

  // Lines and their taxes
  const taxRateProblems: PreflightProblem[] = [];
  const seenRates = new Set<string>();
  lines.forEach((line, i) => {
    const n = i + 1;
    const vats = vatTaxesOf(line);
    if (vats.length === 0) add("BT-151", "lineNoVat", { scope: "line", name: "lineNumber", lineNumber: n }, { line: n });
    if (vats.length > 1) add("BT-151", "lineManyVat", { scope: "line", name: "lineNumber", lineNumber: n }, { line: n, count: vats.length });
    for (const tax of vats) {
      if (seenRates.has(tax.id)) continue;
      seenRates.add(tax.id);
      const category = vatCategoryOf(tax);
      const taxRate = { scope: "taxRate" as const, name: "taxRateId", taxRateId: tax.id };
      if (category === "S" && tax.rateE4 === 0) taxRateProblems.push(problem("BT-152", "taxRateStandardZero", taxRate, { name: tax.name }));
      if (ZERO_RATE_CATEGORIES.includes(category) && tax.rateE4 !== 0) taxRateProblems.push(problem("BT-152", "taxRateZeroCategory", taxRate, { name: tax.name, category, rate: tax.rateE4 / 10_000 }));
      if (REASON_REQUIRED.includes(category) && blank(tax.exemptionReason) && !(tax.exemptionCode && VATEX[tax.exemptionCode.trim()])) {
        taxRateProblems.push(problem("BT-120", "taxRateExemptionReason", taxRate, { name: tax.name, rule: `BR-${category === "K" ? "IC" : category}-10` }));
      }
    }
  });
  if (categories.has("O") && categories.size > 1) {
    add("BT-118", "outsideScopeMixed", { scope: "line", name: "lines" });
  }
  taxRateProblems.forEach(push);
  if (doc.kind !== "quote" && !problems.some((p) => p.term === "BT-151")) figureProblems(source, format).forEach(push);
  return problems;
}

const threeDecimals = (currency: string): PreflightProblem => problem("BT-5", "threeDecimals", { scope: "document", name: "currency" }, { currency });

/** What only the built figures show: a mapping that does not reach the stored total, or VAT drifting from rate × taxable. */
function figureProblems(source: EInvoiceSource, format: EInvoiceFormat): PreflightProblem[] {
  const currency = source.document.currency;
  let built: EInvoice;
  try {
    built = buildEInvoice(source, format);
  } catch {
    // A mapping bug, never the user's: say so in words instead of failing the issue with a 500.
    return [problem("BT-115", "figures", { scope: "line", name: "lines" })];
  }
  const derived = [
    ...built.lines.flatMap((l) => [l.netAmount, l.allowance ?? 0]),
    ...built.allowances.map((a) => a.amount),
    ...built.vatBreakdown.flatMap((b) => [b.taxableAmount, b.taxAmount]),
    ...Object.values(built.totals),
  ];
  const decimals: PreflightProblem[] = derived.every((a) => fitsTwoDecimals(a, currency)) ? [] : [threeDecimals(currency)];
  return decimals.concat(built.vatBreakdown
    .filter((b) => b.rateE4 > 0 && !vatWithinOneUnit(b.taxAmount, b.taxableAmount, b.rateE4, currency))
    // The figures as the XML writes them ("19", "12.34"): the user compares them with the file.
    .map((b) => problem("BT-117", "vatDrift", { scope: "line", name: "lines" }, { rate: xmlPercent(b.rateE4), taxAmount: xmlAmount(b.taxAmount, currency), taxableAmount: xmlAmount(b.taxableAmount, currency), currency })));
}

