/**
 * Reads a received e-invoice (UBL 2.1 Invoice / CreditNote or CII D16B CrossIndustryInvoice) into
 * a display model for the e-invoice viewer. Values are strings exactly as the file writes them
 * (amounts are not re-rounded, so what the viewer shows is what the sender sent); dates are shown
 * as YYYY-MM-DD. Nothing is resolved from outside the file: a DOCTYPE is refused before parsing, so
 * no external entity or DTD can be read (XXE), and SaxonJS's parser itself resolves none.
 */
import { einvoiceEnglish } from "./check-words";
import SaxonJS from "saxon-js";
import { parseCii } from "./parse-cii";
import { parseUbl } from "./parse-ubl";
import type { XNode } from "./xreader";

export type ParsedParty = {
  name: string;
  tradingName?: string;
  vatId?: string;
  taxRegistrationId?: string;
  legalRegistrationId?: string;
  electronicAddress?: { id: string; scheme?: string };
  address: { lines: string[]; city?: string; postalCode?: string; region?: string; country?: string };
  contact?: { name?: string; phone?: string; email?: string };
};

export type ParsedAllowance = {
  charge: boolean;
  amount: string;
  baseAmount?: string;
  percent?: string;
  reason?: string;
  reasonCode?: string;
  vatCategory?: string;
  vatRate?: string;
};

export type ParsedLine = {
  id: string;
  name: string;
  description?: string;
  quantity: string;
  unitCode?: string;
  price: string;
  amount: string;
  vatCategory?: string;
  vatRate?: string;
  period?: { start?: string; end?: string };
  allowances: ParsedAllowance[];
};

export type ParsedVat = { category: string; rate?: string; taxableAmount: string; taxAmount: string; exemptionReason?: string; exemptionCode?: string };

export type ParsedEInvoice = {
  syntax: "ubl" | "cii";
  /** 381 (and the CreditNote root) is a credit note; the rest are invoices of some type. */
  kind: "invoice" | "credit_note";
  typeCode: string;
  customizationId?: string;
  profileId?: string;
  number: string;
  issueDate: string;
  dueDate?: string;
  currency: string;
  buyerReference?: string;
  purchaseOrderRef?: string;
  precedingInvoices: { number: string; issueDate?: string }[];
  notes: string[];
  paymentTerms?: string;
  seller: ParsedParty;
  buyer: ParsedParty;
  delivery?: { date?: string; periodStart?: string; periodEnd?: string };
  paymentMeans: { code: string; iban?: string; bic?: string; accountName?: string; remittanceInformation?: string }[];
  lines: ParsedLine[];
  allowances: ParsedAllowance[];
  vatBreakdown: ParsedVat[];
  totals: {
    lineNet?: string;
    allowances?: string;
    charges?: string;
    taxExclusive?: string;
    vat?: string;
    taxInclusive?: string;
    prepaid?: string;
    rounding?: string;
    payable?: string;
  };
};

/** A file the viewer cannot read; the message is meant for the user. */
export class EInvoiceParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EInvoiceParseError";
  }
}

const ROOTS = {
  "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2 Invoice": "ubl",
  "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2 CreditNote": "ubl",
  "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100 CrossIndustryInvoice": "cii",
} as const;

export function parseEInvoice(xml: string): ParsedEInvoice {
  // No e-invoice syntax uses a DOCTYPE; refusing it keeps entity expansion and DTD fetching out.
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) {
    throw new EInvoiceParseError(einvoiceEnglish("parse.doctype"));
  }
  let document: XNode;
  try {
    document = SaxonJS.XPath.evaluate("parse-xml($xml)", null, { params: { xml: xml.replace(/^\uFEFF/, "") } }) as XNode;
  } catch {
    throw new EInvoiceParseError(einvoiceEnglish("parse.notXml"));
  }
  const root = SaxonJS.XPath.evaluate("concat(namespace-uri(/*), ' ', local-name(/*))", document) as string;
  const syntax = ROOTS[root as keyof typeof ROOTS];
  if (!syntax) {
    const name = root.split(" ")[1] || "missing";
    throw new EInvoiceParseError(einvoiceEnglish("parse.notEInvoice", { name }));
  }
  return syntax === "ubl" ? parseUbl(document) : parseCii(document);
}
