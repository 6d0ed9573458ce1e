/**
 * The EN 16931 VAT category names (UNCL 5305, lib/einvoice/codes.ts) in the app languages, one wording
 * shared by the surfaces that print them: the e-invoice viewer and the validation messages that name
 * a category. Each spreads these into its own catalog, so the keys read "vat.S" in both.
 */
export const vatCategoriesEn = {
  "vat.S": "Standard rate",
  "vat.Z": "Zero rated",
  "vat.E": "Exempt from VAT",
  "vat.AE": "Reverse charge",
  "vat.K": "Intra-community supply (EU)",
  "vat.G": "Export outside the EU",
  "vat.O": "Outside the scope of VAT",
  "vat.L": "Canary Islands (IGIC)",
  "vat.M": "Ceuta and Melilla (IPSI)",
} as const;

export const vatCategoriesDe: Record<keyof typeof vatCategoriesEn, string> = {
  "vat.S": "Normalsatz",
  "vat.Z": "Nullsatz",
  "vat.E": "Von der Umsatzsteuer befreit",
  "vat.AE": "Steuerschuldnerschaft des Leistungsempfängers (Reverse Charge)",
  "vat.K": "Innergemeinschaftliche Lieferung (EU)",
  "vat.G": "Ausfuhr außerhalb der EU",
  "vat.O": "Nicht umsatzsteuerbar",
  "vat.L": "Kanarische Inseln (IGIC)",
  "vat.M": "Ceuta und Melilla (IPSI)",
};
