/**
 * The form schemas (lib/validation) speak English, in the browser and on the server alike; their
 * English message is the id of its translation (gettext style). This words one in an app language
 * by matching it against the validation catalog's English templates. Pure: the server action
 * boundary and the client form hook both call it.
 */
import { IntlMessageFormat } from "intl-messageformat";
import { type AppLanguage, appTranslator } from "./app-language";
import { catalogs, type ValidationKey } from "./catalogs/app/validation";

type Pattern = { key: ValidationKey; regex: RegExp; names: string[] };
type Index = { exact: Map<string, ValidationKey>; patterns: Pattern[]; labels: Map<string, ValidationKey>; categories: Map<string, ValidationKey> };

// Numbers a template counts with, handed over as numbers so German writes "2.000", not "2,000".
const NUMERIC = new Set(["max", "min", "decimals"]);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

let index: Index | undefined;

/** The English catalog as the schemas print it: ICU quoting resolved, each argument a capture group. */
function buildIndex(): Index {
  const built: Index = { exact: new Map(), patterns: [], labels: new Map(), categories: new Map() };
  for (const [key, template] of Object.entries(catalogs.en) as [ValidationKey, string][]) {
    const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    if (names.length === 0) {
      const text = String(new IntlMessageFormat(template, "en").format());
      if (key.startsWith("label.")) built.labels.set(text, key);
      else if (key.startsWith("vat.")) built.categories.set(text, key);
      else built.exact.set(text, key);
      continue;
    }
    // Format with markers in place of the arguments, then turn the markers into capture groups.
    const marked = String(new IntlMessageFormat(template, "en").format(Object.fromEntries(names.map((n) => [n, `\u0000${n}\u0000`]))));
    const order: string[] = [];
    const source = marked
      .split(/\u0000(\w+)\u0000/)
      .map((part, i) => (i % 2 === 0 ? escape(part) : (order.push(part), "(.+?)")))
      .join("");
    built.patterns.push({ key, regex: new RegExp(`^${source}$`, "s"), names: order });
  }
  // The most literal text first: "Enter {label} as a date." must win over "Enter {label}.".
  built.patterns.sort((a, b) => b.regex.source.length - a.regex.source.length);
  return built;
}

/** zod's own messages, for the few checks a schema leaves unworded ("Too big: expected string to have <=12 characters"). */
function zodDefault(message: string): { key: ValidationKey; values: Record<string, number> } | null {
  const tooBig = /^Too big: expected string to have <=(\d+) characters?$/.exec(message);
  if (tooBig) return { key: "maxChars", values: { max: Number(tooBig[1]) } };
  const tooSmall = /^Too small: expected string to have >=(\d+) characters?$/.exec(message);
  if (tooSmall) return { key: "minChars", values: { min: Number(tooSmall[1]) } };
  if (/^(Invalid|Too big|Too small)\b/.test(message)) return { key: "invalid", values: {} };
  return null;
}

/**
 * A schema's English message in `language`. English is returned as it is; so is a message the
 * catalog does not know (lib/i18n/validation.test.ts drives every schema so that none is unknown).
 */
export function localizeValidationMessage(message: string, language: AppLanguage): string {
  if (language === "en") return message;
  index ??= buildIndex();
  const t = appTranslator(catalogs, language);
  const exact = index.exact.get(message);
  if (exact) return t(exact);
  for (const { key, regex, names } of index.patterns) {
    const match = regex.exec(message);
    if (!match) continue;
    const values: Record<string, string | number> = {};
    let known = true;
    names.forEach((name, i) => {
      const raw = match[i + 1]!;
      const table = name === "label" ? index!.labels : name === "category" ? index!.categories : null;
      if (table) {
        const labelKey = table.get(raw);
        if (labelKey) values[name] = t(labelKey);
        else known = false;
      } else values[name] = NUMERIC.has(name) && /^-?\d[\d,]*$/.test(raw) ? Number(raw.replaceAll(",", "")) : raw;
    });
    if (known) return t(key, values);
  }
  const fallback = zodDefault(message);
  return fallback ? t(fallback.key, fallback.values) : message;
}

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
