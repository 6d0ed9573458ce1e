/**
 * Gettext-style wording: code speaks English, and the English message is the id of its translation.
 * A localizer matches a message against one catalog's English ICU templates (each `{argument}` a
 * capture group) and formats the key in the app language with the captured values. Pure and
 * language-free on the English side: the form schemas (validation.ts) and the messages services and
 * actions raise (app-messages.ts) each build one.
 */
import { IntlMessageFormat } from "intl-messageformat";
import { type AppCatalogs, type AppLanguage, appTranslator } from "./app-language";

/** A message found in a catalog: its key and the values to format it with. */
export type Match<K extends string> = { key: K; values: Record<string, string | number> };

export type GettextOptions<K extends string> = {
  catalogs: AppCatalogs<Record<K, string>>;
  /**
   * Arguments whose value is itself a catalog message (argument name → key prefix): "Enter {label}."
   * finds "the due date" among the `label.*` keys and puts its translation in. Such keys are not
   * messages on their own.
   */
  tables?: Record<string, string>;
  /** Arguments handed over as numbers (so German groups "2.000"); the rest stay exactly as captured. */
  numeric?: readonly string[];
  /** For messages no template matches (zod's own wording, say): a key and values, or null. */
  fallback?: (message: string) => Match<K> | null;
};

export type GettextLocalizer<K extends string> = {
  /** The catalog key and values of an English message, or null when the catalog does not know it. */
  match(message: string): Match<K> | null;
  /** The message in `language`; English, and a message the catalog does not know, come back as they are. */
  localize(message: string, language: AppLanguage): string;
};

type Pattern<K> = { key: K; regex: RegExp; names: string[] };
type Index<K> = { exact: Map<string, K>; patterns: Pattern<K>[]; tables: Map<string, Map<string, K>> };

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The English catalog as code prints it: ICU quoting resolved, each argument a capture group. */
function buildIndex<K extends string>(en: Record<K, string>, tables: Record<string, string>): Index<K> {
  const built: Index<K> = { exact: new Map(), patterns: [], tables: new Map(Object.keys(tables).map((name) => [name, new Map()])) };
  for (const [key, template] of Object.entries(en) as [K, string][]) {
    const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    if (names.length === 0) {
      const text = String(new IntlMessageFormat(template, "en").format());
      const table = Object.entries(tables).find(([, prefix]) => key.startsWith(prefix));
      if (table) built.tables.get(table[0])!.set(text, key);
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

export function gettextLocalizer<K extends string>({ catalogs, tables = {}, numeric = [], fallback }: GettextOptions<K>): GettextLocalizer<K> {
  let index: Index<K> | undefined;
  const numbers = new Set(numeric);

  function match(message: string): Match<K> | null {
    index ??= buildIndex(catalogs.en, tables);
    const exact = index.exact.get(message);
    if (exact) return { key: exact, values: {} };
    for (const { key, regex, names } of index.patterns) {
      const found = regex.exec(message);
      if (!found) continue;
      const values: Record<string, string | number> = {};
      const known = names.every((name, i) => {
        const raw = found[i + 1]!;
        const table = index!.tables.get(name);
        if (!table) {
          values[name] = numbers.has(name) && /^-?\d[\d,]*$/.test(raw) ? Number(raw.replaceAll(",", "")) : raw;
          return true;
        }
        const entry = table.get(raw);
        // The table key itself for now; localize() swaps in its translation.
        if (entry) values[name] = entry;
        return entry !== undefined;
      });
      if (known) return { key, values };
    }
    return fallback?.(message) ?? null;
  }

  function localize(message: string, language: AppLanguage): string {
    if (language === "en") return message;
    const found = match(message);
    if (!found) return message;
    // K is already a string key; the translator's Extract<…> says the same thing in its own words.
    const t = appTranslator(catalogs, language) as (key: K, values?: Record<string, string | number>) => string;
    const values = Object.fromEntries(
      Object.entries(found.values).map(([name, value]) => [name, index!.tables.has(name) ? t(value as K) : value]),
    );
    return t(found.key, values);
  }

  return { match, localize };
}
