/**
 * The code lists e-invoices use, with the words a user reads for each: formats, VAT categories
 * (UNCL5305), exemption reasons (VATEX), electronic address schemes (EAS) and payment means
 * (UNCL4461). Only the codes this product offers; the official lists are longer.
 */

export const EINVOICE_FORMATS = ["xrechnung-ubl", "xrechnung-cii", "peppol-bis", "factur-x"] as const;
export type EInvoiceFormat = (typeof EINVOICE_FORMATS)[number];

export const FORMAT_LABELS: Record<EInvoiceFormat | "none", string> = {
  none: "None (PDF only)",
  "xrechnung-ubl": "XRechnung 3.0 (UBL)",
  "xrechnung-cii": "XRechnung 3.0 (CII)",
  "peppol-bis": "Peppol BIS Billing 3.0 (UBL)",
  "factur-x": "Factur-X / ZUGFeRD EN 16931 (PDF with CII)",
};

export const isEInvoiceFormat = (value: unknown): value is EInvoiceFormat =>
  typeof value === "string" && (EINVOICE_FORMATS as readonly string[]).includes(value);

/** The XML syntax a format is written in. */
export const syntaxOf = (format: EInvoiceFormat): "ubl" | "cii" => (format === "xrechnung-ubl" || format === "peppol-bis" ? "ubl" : "cii");

/** CustomizationID (BT-24) per format. */
export const CUSTOMIZATION_IDS: Record<EInvoiceFormat, string> = {
  "xrechnung-ubl": "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0",
  "xrechnung-cii": "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0",
  "peppol-bis": "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0",
  "factur-x": "urn:cen.eu:en16931:2017",
};

/** BT-23 business process, where the format asks for one. */
export const PROFILE_IDS: Partial<Record<EInvoiceFormat, string>> = {
  "xrechnung-ubl": "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0",
  "xrechnung-cii": "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0",
  "peppol-bis": "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0",
};

export const VAT_CATEGORIES = ["S", "Z", "E", "AE", "K", "G", "O", "L", "M"] as const;
export type VatCategory = (typeof VAT_CATEGORIES)[number];

export const isVatCategory = (value: unknown): value is VatCategory =>
  typeof value === "string" && (VAT_CATEGORIES as readonly string[]).includes(value);

export const VAT_CATEGORY_LABELS: Record<VatCategory, string> = {
  S: "Standard rate",
  Z: "Zero rated",
  E: "Exempt from VAT",
  AE: "Reverse charge",
  K: "Intra-community supply (EU)",
  G: "Export outside the EU",
  O: "Outside the scope of VAT",
  L: "Canary Islands (IGIC)",
  M: "Ceuta and Melilla (IPSI)",
};

/** Categories whose rate must be 0 (BR-Z-05, BR-E-05, BR-AE-05, BR-IC-05, BR-G-05; O has no rate at all). */
export const ZERO_RATE_CATEGORIES: readonly VatCategory[] = ["Z", "E", "AE", "K", "G", "O"];

/** Categories that need an exemption reason text or code (BR-E-10, BR-AE-10, BR-IC-10, BR-G-10, BR-O-10). */
export const REASON_REQUIRED: readonly VatCategory[] = ["E", "AE", "K", "G", "O"];

/**
 * Common VATEX codes with the legal wording printed on the document. The reason text (BT-120) is
 * what the buyer reads; the code (BT-121) is what their software reads.
 */
export const VATEX: Record<string, { category: VatCategory; text: string }> = {
  "VATEX-EU-AE": { category: "AE", text: "Reverse charge: VAT to be accounted for by the recipient (Article 196, Council Directive 2006/112/EC)." },
  "VATEX-EU-IC": { category: "K", text: "Intra-community supply exempt from VAT (Article 138, Council Directive 2006/112/EC)." },
  "VATEX-EU-G": { category: "G", text: "Export outside the EU exempt from VAT (Article 146, Council Directive 2006/112/EC)." },
  "VATEX-EU-O": { category: "O", text: "Not subject to VAT." },
  "VATEX-EU-132": { category: "E", text: "Exempt from VAT (Article 132, Council Directive 2006/112/EC)." },
  "VATEX-EU-143": { category: "E", text: "Exempt from VAT (Article 143, Council Directive 2006/112/EC)." },
  "VATEX-EU-309": { category: "E", text: "Travel agents' margin scheme (Article 309, Council Directive 2006/112/EC)." },
  "VATEX-EU-D": { category: "E", text: "Margin scheme: travel agents (Article 306, Council Directive 2006/112/EC)." },
  "VATEX-EU-F": { category: "E", text: "Margin scheme: second-hand goods (Article 311, Council Directive 2006/112/EC)." },
  "VATEX-FR-FRANCHISE": { category: "E", text: "TVA non applicable, art. 293 B du CGI." },
};

/** Electronic address schemes (EAS) for BT-34 / BT-49 that the forms offer. */
export const EAS_SCHEMES: Record<string, string> = {
  "0204": "Leitweg-ID (German public sector)",
  "9930": "German VAT number",
  "0088": "GLN (Global Location Number)",
  "0208": "Belgian enterprise number",
  "9925": "Belgian VAT number",
  "0009": "French SIRET",
  "0225": "French SIREN (Chorus Pro)",
  "0106": "Dutch KvK number",
  "0190": "Dutch OIN",
  "0192": "Norwegian organisation number",
  "0007": "Swedish organisation number",
  "0184": "Danish CVR",
  "0211": "Italian VAT number",
  "9920": "Spanish VAT number",
  "0060": "DUNS number",
  EM: "Email address",
};

/** Payment means (UNCL4461) offered on documents. */
export const PAYMENT_MEANS: Record<string, string> = {
  "58": "SEPA credit transfer",
  "30": "Credit transfer",
  "59": "SEPA direct debit",
  "48": "Bank card",
  "54": "Credit card",
  "10": "Cash",
  "20": "Cheque",
  "1": "Not defined",
};
