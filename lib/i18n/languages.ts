/**
 * The languages documents (PDF and client page) can be written in, and which one a document uses.
 * Pure: no database, no React; the PDF renderer, the client page and the forms all read it.
 */

/** The launch languages, English first (the fallback). Adding one: see lib/i18n/README in the project README's "Languages". */
export const LANGUAGES = ["en", "de", "fr", "es", "it", "nl", "pt", "pl", "ar", "he"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language named in itself, as a customer reading a list of them would look for it. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: "English",
  de: "Deutsch",
  fr: "Français",
  es: "Español",
  it: "Italiano",
  nl: "Nederlands",
  pt: "Português",
  pl: "Polski",
  ar: "العربية",
  he: "עברית",
};

export const isLanguage = (value: unknown): value is Language => typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);

const RIGHT_TO_LEFT: readonly Language[] = ["ar", "he"];
export const isRightToLeft = (language: Language) => RIGHT_TO_LEFT.includes(language);
export const textDirection = (language: Language): "rtl" | "ltr" => (isRightToLeft(language) ? "rtl" : "ltr");

/**
 * The languages an Accept-Language header ("de-CH,de;q=0.9,en;q=0.8") asks for, best first (by
 * quality, then order), as lower-case language codes; refused ones (q=0) left out.
 */
export function requestedLanguages(acceptLanguage: string | null | undefined): string[] {
  if (!acceptLanguage) return [];
  return acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { language: (tag ?? "").split("-")[0]?.trim().toLowerCase() ?? "", quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
    .map((entry) => entry.language);
}

/** The document language a visitor's browser asks for first (a client page's visitor has no account), else English. */
export const browserDocumentLanguage = (acceptLanguage: string | null | undefined): Language => requestedLanguages(acceptLanguage).find(isLanguage) ?? "en";

/** "de-DE" → "de"; the language part of a BCP 47 tag, lower-cased. */
const languageOf = (locale: string | null | undefined) => locale?.split(/[-_]/)[0]?.toLowerCase() ?? "";

/**
 * The language a document is written in: its own override, else its customer's language, else the
 * language of the organisation's locale when it is a launch language, else English. Unknown codes
 * (a value stored before the list changed) are skipped rather than trusted.
 */
export function documentLanguage(documentOverride: string | null | undefined, customerLanguage: string | null | undefined, orgLocale: string | null | undefined): Language {
  for (const candidate of [documentOverride, customerLanguage, languageOf(orgLocale)]) if (isLanguage(candidate)) return candidate;
  return "en";
}

/**
 * The language a document reaches its customer in: its own, else its customer's — as issued (the
 * snapshot, as the PDF prints it) — else the organisation's. The client page, and what the client
 * types on it, follow it.
 */
export function clientDocumentLanguage(
  doc: { status: string; language: string | null; customerSnapshot: { language?: string | null } | null; customer: { language: string | null } },
  orgLocale: string | null | undefined,
): Language {
  const party = doc.status !== "draft" && doc.customerSnapshot ? doc.customerSnapshot.language : doc.customer.language;
  return documentLanguage(doc.language, party, orgLocale);
}

/**
 * The Intl locale numbers and dates are formatted with. A document in the organisation's own
 * language keeps the organisation's region (en-GB prints "12 Mar 2026", de-CH "1’234.50"), so
 * such documents print exactly as before; a document in another language uses that language's
 * default conventions (de → "1.234,50 €", fr → "1 234,50 €").
 */
export function formattingLocale(language: Language, orgLocale: string | null | undefined): string {
  return orgLocale && languageOf(orgLocale) === language ? orgLocale : language;
}

export const LANGUAGE_ERROR = "Choose a language from the list.";

