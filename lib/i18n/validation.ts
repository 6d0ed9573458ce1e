/**
 * The form schemas (lib/validation) speak English, in the browser and on the server alike; their
 * English message is the id of its translation (gettext style). This words one in an app language
 * by matching it against the validation catalog's English templates. Pure: the server action
 * boundary and the client form hook both call it.
 */
import { type AppLanguage, appTranslator } from "./app-language";
import { catalogs, type ValidationKey } from "./catalogs/app/validation";
import { gettextLocalizer, type Match } from "./gettext";

/** zod's own messages, for the few checks a schema leaves unworded ("Too big: expected string to have <=12 characters"). */
function zodDefault(message: string): Match<ValidationKey> | null {
  const tooBig = /^Too big: expected string to have <=(\d+) characters?$/.exec(message);
  if (tooBig) return { key: "maxChars", values: { max: Number(tooBig[1]) } };
  const tooSmall = /^Too small: expected string to have >=(\d+) characters?$/.exec(message);
  if (tooSmall) return { key: "minChars", values: { min: Number(tooSmall[1]) } };
  if (/^(Invalid|Too big|Too small)\b/.test(message)) return { key: "invalid", values: {} };
  return null;
}

/**
 * `label.*` are the field names put in "Enter {label}.", `vat.*` the VAT categories; the numbers a
 * template counts with go over as numbers so German writes "2.000", not "2,000".
 */
export const validationMessages = gettextLocalizer<ValidationKey>({
  catalogs,
  tables: { label: "label.", category: "vat." },
  numeric: ["max", "min", "decimals"],
  fallback: zodDefault,
});

/**
 * A schema's English message in `language`. English is returned as it is; so is a message the
 * catalog does not know (lib/i18n/validation.test.ts drives every schema so that none is unknown).
 */
export const localizeValidationMessage = (message: string, language: AppLanguage): string => validationMessages.localize(message, language);

/** An action's field errors (field path → message) in `language`. */
export function localizeFieldErrors(errors: Record<string, string>, language: AppLanguage): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, message]) => [field, localizeValidationMessage(message, language)]));
}

/**
 * react-hook-form's nested errors ({ lines: [{ quantity: { message } }] }) with every message in
 * `language`. `ref` is the input element itself and is left alone.
 */
export function localizeErrorTree<T>(errors: T, language: AppLanguage): T {
  if (language === "en" || !errors || typeof errors !== "object") return errors;
  if (Array.isArray(errors)) return errors.map((e: unknown) => localizeErrorTree(e, language)) as T;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(errors)) {
    if (key === "message" && typeof value === "string") out[key] = localizeValidationMessage(value, language);
    else if (key === "ref") out[key] = value;
    else out[key] = localizeErrorTree(value, language);
  }
  return out as T;
}

/** The form-level messages of the two boundaries, in `language`. */
export const formLevelMessage = (key: "form.correctFields" | "form.signedOut" | "form.unreachable" | "form.saved", language: AppLanguage) =>
  appTranslator(catalogs, language)(key);
