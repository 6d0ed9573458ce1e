import { describe, expect, it } from "vitest";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { clientPageCatalogs, clientPageMessages } from "./catalogs/client-page";
import { documentCatalogs, documentMessages } from "./catalogs/document";
import { documentLanguage, formattingLocale, isRightToLeft, LANGUAGE_NAMES, LANGUAGES } from "./languages";

/**
 * Keys whose translation may read as the English does in that language (international words,
 * identical spellings). Anything else identical to English is a string someone forgot to translate.
 */
const SAME_AS_ENGLISH: Record<string, readonly string[]> = {
  de: ["meta.status"],
  fr: ["summary.total", "table.taxes"],
  es: ["summary.subtotal", "summary.total", "method.cheque"],
  it: [],
  nl: ["meta.status", "method.cheque"],
  pt: ["summary.subtotal", "summary.total", "method.cheque"],
  pl: [],
  ar: [],
  he: [],
};

describe("document catalogs", () => {
  const english = documentCatalogs.en;
  const keys = Object.keys(english) as (keyof typeof english)[];

  it.each(LANGUAGES.filter((l) => l !== "en"))("%s has every key, none empty, none left in English", (language) => {
    const catalog = documentCatalogs[language];
    expect(Object.keys(catalog).sort()).toEqual([...keys].sort());
    for (const key of keys) expect(catalog[key].trim(), key).not.toBe("");
    const untranslated = keys.filter((key) => catalog[key] === english[key] && !SAME_AS_ENGLISH[language]?.includes(key));
    expect(untranslated).toEqual([]);
  });

  it("keeps every ICU value of the English message in each translation (no amount or name dropped)", () => {
    const values = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    // "{kind} number" is the one message a language may word without its value ("Nummer").
    const optional = new Set(["meta.number"]);
    for (const language of LANGUAGES)
      for (const key of keys) if (!optional.has(key)) expect(values(documentCatalogs[language][key]), `${language} ${key}`).toEqual(values(english[key]));
  });

  it("fills in ICU values", () => {
    expect(documentMessages("de")("footer.page", { page: 2, total: 3 })).toBe("Seite 2 von 3");
    expect(documentMessages("fr")("payment.balanceDueBy", { amount: "1 234,50 €", date: "31 déc. 2026" })).toBe("Reste à payer 1 234,50 € avant le 31 déc. 2026");
    expect(documentMessages("en")("meta.number", { kind: "Invoice" })).toBe("Invoice number");
  });

  it("names the tax id as each jurisdiction does (data, not code)", () => {
    expect(LANGUAGES.map((l) => documentMessages(l)("party.vatId"))).toEqual([
      "VAT ID", "USt-IdNr.", "N° TVA intracommunautaire", "NIF-IVA", "P. IVA", "Btw-identificatienummer", "N.º IVA", "NIP UE", "رقم تسجيل ضريبة القيمة المضافة", "מספר מע״מ",
    ]);
  });
});

describe("client page catalogs", () => {
  const english = clientPageCatalogs.en;
  const keys = Object.keys(english) as (keyof typeof english)[];
  /** International words the page may print as English does. */
  const sameAsEnglish: Partial<Record<string, readonly string[]>> = { fr: ["date"] };

  it.each(LANGUAGES.filter((l) => l !== "en"))("%s has every key, none empty, none left in English, every ICU value kept", (language) => {
    const catalog = clientPageCatalogs[language];
    expect(Object.keys(catalog).sort()).toEqual([...keys].sort());
    for (const key of keys) expect(catalog[key].trim(), key).not.toBe("");
    expect(keys.filter((key) => catalog[key] === english[key] && !sameAsEnglish[language]?.includes(key))).toEqual([]);
    const values = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of keys) expect(values(catalog[key]), key).toEqual(values(english[key]));
  });

  it("words the payment panel as the page did before it was translated, and in Arabic and German", () => {
    const en = clientPageMessages("en");
    expect(en("pay.pay", { amount: "€100.00" })).toBe("Pay €100.00");
    expect(en("pay.feeInclTax", { tax: "VAT 20%" })).toBe("Payment fee (incl. VAT 20%)");
    expect(en("pay.partFeeTax", { rule: "1.5% + €0.25", tax: "VAT" })).toBe("A payment fee of 1.5% + €0.25, plus VAT, is added to the amount you choose.");
    // An apostrophe is ICU's quote character: "We're" must print as written.
    expect(en("return.confirming")).toBe("We're confirming your payment… This page refreshes by itself.");
    expect(clientPageMessages("ar")("pay.pay", { amount: "\u200f100.00\u00a0€" })).toBe("ادفع \u200f100.00\u00a0€");
    expect(clientPageMessages("de")("pay.amountRange", { minimum: "1,00 €", maximum: "100,00 €" })).toBe("Bitte geben Sie einen Betrag zwischen 1,00 € und 100,00 € ein.");
  });
});

describe("documentLanguage", () => {
  it("takes the document's override, then the customer's language, then the organisation's, then English", () => {
    expect(documentLanguage("fr", "de", "en-GB")).toBe("fr");
    expect(documentLanguage(null, "de", "en-GB")).toBe("de");
    expect(documentLanguage(null, null, "pl-PL")).toBe("pl");
    expect(documentLanguage(undefined, undefined, "ja-JP")).toBe("en");
    expect(documentLanguage(null, null, null)).toBe("en");
  });

  it("skips codes that are not launch languages", () => {
    expect(documentLanguage("xx", "ja", "nl-BE")).toBe("nl");
    expect(documentLanguage("DE", null, "en-US")).toBe("en");
  });

  it("names each language in itself and knows which are written right to left", () => {
    expect(LANGUAGE_NAMES.de).toBe("Deutsch");
    expect(LANGUAGE_NAMES.ar).toBe("العربية");
    expect(LANGUAGES.filter(isRightToLeft)).toEqual(["ar", "he"]);
  });
});

describe("formatting in the document's language", () => {
  it("formats 1,234.50 EUR as each language writes it", () => {
    expect(formatMoney(123450, "EUR", "de")).toBe("1.234,50\u00a0€");
    // French groups with a narrow no-break space (U+202F) and puts a no-break space (U+00A0) before €.
    expect(formatMoney(123450, "EUR", "fr")).toBe("1\u202f234,50\u00a0€");
    expect(formatMoney(123450, "EUR", "en")).toBe("€1,234.50");
  });

  it("formats dates as each language writes them", () => {
    expect(formatDate("2026-12-31", "de")).toBe("31.12.2026");
    expect(formatDate("2026-12-31", "fr")).toBe("31 déc. 2026");
    expect(formatDate("2026-12-31", "en")).toBe("Dec 31, 2026");
  });

  it("keeps the organisation's region when the document is in the organisation's language", () => {
    expect(formattingLocale("en", "en-GB")).toBe("en-GB");
    expect(formattingLocale("de", "de-CH")).toBe("de-CH");
    expect(formattingLocale("fr", "de-DE")).toBe("fr");
    expect(formatDate("2026-12-31", formattingLocale("en", "en-GB"))).toBe("31 Dec 2026");
  });
});
