import type { Translate } from "@/lib/i18n/messages";
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, textDirection } from "@/lib/i18n/languages";

/**
 * The <option>s of a document-language select (the customer form's "Document language", the
 * editor's "Language"): every launch language named in itself, marked with its language and
 * direction so screen readers pronounce it and Arabic and Hebrew names read right to left.
 * The select's first, empty option (the fallback) is the caller's.
 */
export function LanguageOptions() {
  return LANGUAGES.map((code) => (
    <option key={code} value={code} lang={code} dir={textDirection(code)}>
      {LANGUAGE_NAMES[code]}
    </option>
  ));
}

/** The empty choice of a document's or recurring profile's select follows the customer: say which language that is ("Customer's language (Français)"). */
export const customerLanguageLabel = (language: string | null | undefined, t?: Translate<"customerLanguage" | "organisationDefault">) =>
  t
    ? t("customerLanguage", { language: isLanguage(language) ? LANGUAGE_NAMES[language] : t("organisationDefault") })
    : `Customer's language (${isLanguage(language) ? LANGUAGE_NAMES[language] : "organisation default"})`;
