/**
 * ICU messages (intl-messageformat): a catalog per surface and language, typed after the English
 * one so that a key missing from a translation fails `tsc`, never prints a key at run time.
 */
import { IntlMessageFormat, type PrimitiveType } from "intl-messageformat";
import type { Language } from "./languages";

/** A translation of `T` (the English catalog): the same keys, every one a message string. */
export type Catalog<T> = { readonly [K in keyof T]: string };

export type Translate<K extends string> = (key: K, values?: Record<string, PrimitiveType>) => string;

/** Parsing a message costs far more than formatting it; documents format the same few keys often. */
const compiled = new Map<string, IntlMessageFormat>();

function compile(message: string, language: string): IntlMessageFormat {
  const cacheKey = `${language}\u0000${message}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(message, language);
    if (compiled.size < 5_000) compiled.set(cacheKey, format);
  }
  return format;
}

/**
 * The translate function of one surface in one language. Documents use the ten launch languages
 * (`Language`), the app's own screens the shorter `AppLanguage` list.
 */
export function translator<T extends Record<string, string>, L extends string = Language>(catalogs: Record<L, Catalog<T>>, language: L): Translate<Extract<keyof T, string>> {
  const catalog = catalogs[language];
  return (key, values) => {
    const message = catalog[key];
    // Values are plain text (amounts, names, numbers), so the result is always a string.
    return String(compile(message, language).format(values));
  };
}
