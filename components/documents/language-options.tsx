import { LANGUAGE_NAMES, LANGUAGES, textDirection } from "@/lib/i18n/languages";

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
