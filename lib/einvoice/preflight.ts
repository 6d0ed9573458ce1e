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
import { FORMAT_LABELS, REASON_REQUIRED, VATEX, ZERO_RATE_CATEGORIES, type EInvoiceFormat } from "./codes";
import type { EInvoice, EInvoiceSource } from "./model";

export type PreflightProblem = {
  term: string; // "BT-10"
  message: string;
  field: { scope: "organization" | "customer" | "document" | "taxRate" | "line"; name: string; lineNumber?: number; taxRateId?: string };
};

const blank = (v: string | null | undefined) => !v || v.trim() === "";

export function preflight(source: EInvoiceSource, format: EInvoiceFormat): PreflightProblem[] {
  const problems: PreflightProblem[] = [];
  const add = (term: string, message: string, field: PreflightProblem["field"]) => {
    if (!problems.some((p) => p.term === term && p.message === message)) problems.push({ term, message, field });
  };
  const { document: doc, organization: org, customer } = source;
  const xrechnung = format === "xrechnung-ubl" || format === "xrechnung-cii";
  const peppol = format === "peppol-bis";
  const label = FORMAT_LABELS[format];
  const lines = [...source.lines].sort((a, b) => a.position - b.position);
  const vatTaxes = lines.flatMap((l) => vatTaxesOf(l));
  const categories = new Set(vatTaxes.map((t) => vatCategoryOf(t)));
  const org$ = (name: string) => ({ scope: "organization" as const, name });
  const customer$ = (name: string) => ({ scope: "customer" as const, name });
  const document$ = (name: string) => ({ scope: "document" as const, name });

  // Seller (BG-4)
  if (blank(org.legalName) && blank(org.name)) add("BT-27", "Your organisation's legal name is required (seller name).", org$("name"));
  if (blank(org.addressLine1) && xrechnung) add("BT-35", "Your organisation's street address is required for XRechnung (seller address line).", org$("addressLine1"));
  if (xrechnung && blank(org.city)) add("BT-37", "Your organisation's city is required (seller city, BR-DE-3).", org$("city"));
  if (xrechnung && blank(org.postalCode)) add("BT-38", "Your organisation's postal code is required (seller post code, BR-DE-4).", org$("postalCode"));
  if (blank(org.country)) add("BT-40", "Your organisation's country is required (seller country code, BR-09).", org$("country"));
  // BR-CO-26 asks for a seller identifier (BT-29), legal registration (BT-30) or VAT id (BT-31);
  // the category rules (BR-S-02, BR-E-02…) for the VAT id or the tax number (BT-32), and intra-community
  // supplies and exports (BR-IC-02, BR-G-02) for the VAT id itself. Outside the scope of VAT
  // (category O) no VAT number may show (BR-O-02): the legal registration identifies the seller.
  if (categories.has("O")) {
    if (blank(org.legalRegistrationId)) {
      add("BT-30", "Your organisation's company registration number is required on an invoice outside the scope of VAT, which may not show VAT numbers (seller legal registration identifier, BR-CO-26, BR-O-02).", org$("legalRegistrationId"));
    }
  } else if (blank(org.taxId)) {
    const needsVatId = categories.has("K") || categories.has("G");
    const identified = !blank(org.legalRegistrationId) && !blank(org.taxRegistrationId);
    if (needsVatId || !identified) {
      const why = needsVatId
        ? "on an intra-community supply or an export (BR-IC-02, BR-G-02)"
        : "to identify the seller (BR-CO-26); without one, give both your tax number and your company registration number";
      add("BT-31", `Your organisation's VAT number is required ${why} (seller VAT identifier).`, org$("taxId"));
    }
  } else if (!hasVatPrefix(org.taxId ?? "")) {
    add("BT-31", "Your organisation's VAT number must start with its country code, like DE123456789 (seller VAT identifier, BR-CO-09).", org$("taxId"));
  }
  if (blank(org.electronicAddress) || blank(org.electronicAddressScheme)) {
    if (xrechnung || peppol) add("BT-34", `Your organisation's electronic address and its scheme are required for ${label} (seller electronic address).`, org$("electronicAddress"));
  }
  if (xrechnung) {
    if (blank(org.contactName)) add("BT-41", "A contact name is required for XRechnung (seller contact point, BR-DE-5).", org$("contactName"));
    if (blank(org.phone)) add("BT-42", "A contact phone number is required for XRechnung (seller contact telephone, BR-DE-6).", org$("phone"));
    if (blank(org.email)) add("BT-43", "A contact email address is required for XRechnung (seller contact email, BR-DE-7).", org$("email"));
  }

  // Buyer (BG-7)
  if (blank(customer.name)) add("BT-44", "The customer's name is required (buyer name).", customer$("name"));
  const address = customer.address;
  if (xrechnung && blank(address ? address.line1 : customer.addressLines[0])) add("BT-50", "The customer's street address is required for XRechnung (buyer address line).", customer$("addressLine1"));
  if (xrechnung && blank(address?.city)) add("BT-52", "The customer's city is required for XRechnung (buyer city, BR-DE-8).", customer$("city"));
  if (xrechnung && blank(address?.postalCode)) add("BT-53", "The customer's postal code is required for XRechnung (buyer post code, BR-DE-9).", customer$("postalCode"));
  if (blank(address?.country)) add("BT-55", "The customer's country is required (buyer country code, BR-11).", customer$("country"));
  if ((xrechnung || peppol) && (blank(customer.electronicAddress) || blank(customer.electronicAddressScheme))) {
    add("BT-49", `The customer's electronic address and its scheme are required for ${label} (buyer electronic address).`, customer$("electronicAddress"));
  }
  if (!blank(customer.taxId) && !hasVatPrefix(customer.taxId ?? "") && (categories.has("AE") || categories.has("K"))) {
    add("BT-48", "The customer's VAT number must start with its country code, like FR12345678901 (buyer VAT identifier, BR-CO-09).", customer$("taxId"));
  }
  if (blank(customer.taxId)) {
    if (categories.has("AE")) add("BT-48", "The customer's VAT number is required on a reverse-charge invoice (buyer VAT identifier, BR-AE-02).", customer$("taxId"));
    else if (categories.has("K")) add("BT-48", "The customer's VAT number is required on an intra-community supply (buyer VAT identifier, BR-IC-02).", customer$("taxId"));
  }

  // Document
  if (doc.kind === "quote") add("BT-3", "A quote is not an e-invoice: only invoices and credit notes can be sent as one.", document$("kind"));
  if (xrechnung && blank(doc.buyerReference) && blank(customer.buyerReference)) {
    add("BT-10", "Buyer reference (Leitweg-ID) is required for XRechnung.", document$("buyerReference"));
  }
  if (peppol && blank(doc.buyerReference) && blank(customer.buyerReference) && blank(doc.purchaseOrderRef)) {
    add("BT-10", "A buyer reference or purchase order reference is required for Peppol (PEPPOL-EN16931-R003).", document$("buyerReference"));
  }
  if (categories.has("K") && blank(doc.deliveryDate) && blank(doc.periodStart)) {
    add("BT-72", "A delivery date or invoicing period is required on an intra-community supply (actual delivery date, BR-IC-11).", document$("deliveryDate"));
  } else if (xrechnung && blank(doc.deliveryDate) && blank(doc.periodStart) && !doc.depositForDocumentId) {
    // Only an "information" rule in XRechnung, but German invoices must state when the service was
    // delivered (§ 14 UStG), and the validator counts every failed rule. A deposit invoice is paid
    // before the supply (§ 14 (4) 6 UStG): it has no delivery date, and the information is all it gets.
    add("BT-72", "A delivery date or service period is required for XRechnung (actual delivery date or invoicing period, BR-DE-TMP-32).", document$("deliveryDate"));
  }
  const meansCode = paymentMeansCodeOf(source);
  if ((xrechnung && ["48", "54", "55", "59"].includes(meansCode)) || (peppol && meansCode === "59")) {
    add("BT-81", `For ${label}, ${meansCode === "59" ? "a direct debit needs the mandate reference and the buyer's account" : "a card payment needs the card's details"}, which an e-invoice from this app cannot carry yet: choose credit transfer or another payment means.`, document$("paymentMeansCode"));
  }
  if (isCreditTransfer(meansCode) && blank(org.iban)) {
    add("BT-84", "Your organisation's IBAN is required to be paid by credit transfer (payment account identifier, BR-61).", org$("iban"));
  }
  if (doc.kind === "invoice" && doc.total > 0 && blank(doc.dueDate) && blank(doc.terms)) {
    add("BT-9", "A due date or payment terms are required when an amount is due (BR-CO-25).", document$("dueDate"));
  }
  // The unit price is not among them: BT-146 may carry any number of decimals.
  const amounts = [doc.total, doc.taxTotal, doc.subtotal, doc.discountTotal, ...lines.flatMap((l) => [l.amount, l.net, l.discount, l.taxable, l.tax]), ...source.taxes.flatMap((t) => [t.base, t.amount])];
  if (!amounts.every((a) => fitsTwoDecimals(a, doc.currency))) {
    const p = threeDecimals(doc.currency);
    add(p.term, p.message, p.field);
  }

  // Lines and their taxes
  const taxRateProblems: PreflightProblem[] = [];
  const seenRates = new Set<string>();
  lines.forEach((line, i) => {
    const n = i + 1;
    const vats = vatTaxesOf(line);
    if (vats.length === 0) add("BT-151", `Line ${n} has no VAT rate; an e-invoice carries one per line (use a 0% or exempt rate where no VAT is charged).`, { scope: "line", name: "lineNumber", lineNumber: n });
    if (vats.length > 1) add("BT-151", `Line ${n} has ${vats.length === 2 ? "two" : vats.length} VAT rates; an e-invoice carries one per line.`, { scope: "line", name: "lineNumber", lineNumber: n });
    for (const tax of vats) {
      if (seenRates.has(tax.id)) continue;
      seenRates.add(tax.id);
      const category = vatCategoryOf(tax);
      const taxRate = { scope: "taxRate" as const, name: "taxRateId", taxRateId: tax.id };
      if (category === "S" && tax.rateE4 === 0) taxRateProblems.push({ term: "BT-152", message: `Tax rate "${tax.name}" is standard-rated at 0%: set its VAT category (zero-rated, exempt, reverse charge…) (BR-S-05).`, field: taxRate });
      if (ZERO_RATE_CATEGORIES.includes(category) && tax.rateE4 !== 0) taxRateProblems.push({ term: "BT-152", message: `Tax rate "${tax.name}" is in a category that charges no VAT (${category}) but has a rate of ${tax.rateE4 / 10_000}%: set its rate to 0% or change its category.`, field: taxRate });
      if (REASON_REQUIRED.includes(category) && blank(tax.exemptionReason) && !(tax.exemptionCode && VATEX[tax.exemptionCode.trim()])) {
        taxRateProblems.push({ term: "BT-120", message: `Tax rate "${tax.name}" needs an exemption reason (the legal wording printed on the invoice, BR-${category === "K" ? "IC" : category}-10).`, field: taxRate });
      }
    }
  });
  if (categories.has("O") && categories.size > 1) {
    add("BT-118", "An invoice outside the scope of VAT (category O) cannot also carry other VAT categories (BR-O-11 to BR-O-14): issue separate invoices.", { scope: "line", name: "lines" });
  }
  for (const p of taxRateProblems) add(p.term, p.message, p.field);
  if (doc.kind !== "quote" && !problems.some((p) => p.term === "BT-151")) figureProblems(source, format).forEach((p) => add(p.term, p.message, p.field));
  return problems;
}

const threeDecimals = (currency: string): PreflightProblem => ({
  term: "BT-5",
  message: `An e-invoice carries amounts with at most two decimals (BR-DEC): this ${currency} document has amounts (a line's quantity × price, a discount or the VAT) that need a third. Choose prices and quantities whose amounts end in 0, or send it as a PDF only.`,
  field: { scope: "document", name: "currency" },
});

/** What only the built figures show: a mapping that does not reach the stored total, or VAT drifting from rate × taxable. */
function figureProblems(source: EInvoiceSource, format: EInvoiceFormat): PreflightProblem[] {
  const currency = source.document.currency;
  let built: EInvoice;
  try {
    built = buildEInvoice(source, format);
  } catch {
    // A mapping bug, never the user's: say so in words instead of failing the issue with a 500.
    return [{ term: "BT-115", message: "This document's figures cannot be written as an e-invoice that adds up to its total. Please report it; send it as a PDF meanwhile.", field: { scope: "line", name: "lines" } }];
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
    .map((b) => ({
      term: "BT-117",
      message: `The ${xmlPercent(b.rateE4)}% VAT added up line by line (${xmlAmount(b.taxAmount, currency)} ${currency}) is a whole ${currency} unit or more away from ${xmlPercent(b.rateE4)}% of the taxable amount (${xmlAmount(b.taxableAmount, currency)} ${currency}), which EN 16931 does not accept (BR-CO-17). Tax is rounded line by line (your organisation's rounding): fewer lines at this rate per invoice keep it within one unit.`,
      field: { scope: "line" as const, name: "lines" },
    })));
}

