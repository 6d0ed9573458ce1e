import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { appLanguage, appTranslator, preferredAppLanguage } from "./app-language";
import { catalogs as shellCatalogs } from "./catalogs/app/shell";

type Surface = { catalogs: { en: Record<string, string>; de: Record<string, string> }; sameInGerman?: readonly string[] };

/** Every app surface's catalogs, found on disk: a new surface is checked without being listed here. */
const surfaces = Object.entries(import.meta.glob<Surface>("./catalogs/app/*/index.ts", { eager: true })).map(
  ([path, surface]) => [path.split("/").at(-2)!, surface] as const,
);
type Element = { type: number; value?: unknown; options?: Record<string, { value: Element[] }>; children?: Element[] };
/** The names of a message's ICU arguments, from its parsed form ("{role, select, admin {an admin}}" → role). */
function argumentNames(elements: Element[], names = new Set<string>()): Set<string> {
  for (const element of elements) {
    // Literal text (0), "#" in a plural (7) and a tag's name (8) are not arguments.
    if (![0, 7, 8].includes(element.type) && typeof element.value === "string") names.add(element.value);
    argumentNames(element.children ?? [], names);
    for (const option of Object.values(element.options ?? {})) argumentNames(option.value, names);
  }
  return names;
}
const values = (message: string) => [...argumentNames(new IntlMessageFormat(message, "en").getAst() as Element[])].sort();

describe("app catalogs", () => {
  it("finds the surfaces", () => {
    expect(surfaces.map(([name]) => name)).toEqual(expect.arrayContaining(["account", "shell"]));
  });

  it.each(surfaces)("%s: German has every key, none empty, none left in English, every ICU value kept, every message valid", (name, { catalogs, sameInGerman = [] }) => {
    const keys = Object.keys(catalogs.en);
    expect(Object.keys(catalogs.de).sort()).toEqual([...keys].sort());
    for (const key of keys) expect(catalogs.de[key]!.trim(), key).not.toBe("");
    expect(keys.filter((key) => catalogs.de[key] === catalogs.en[key] && !sameInGerman.includes(key))).toEqual([]);
    for (const key of keys) expect(values(catalogs.de[key]!), `${name} ${key}`).toEqual(values(catalogs.en[key]!));
    // Formatting every message once proves it parses (a stray "{" or an unquoted apostrophe would throw).
    const placeholders = (message: string) => Object.fromEntries(values(message).map((v) => [v, 1]));
    for (const language of ["en", "de"] as const) {
      const t = appTranslator(catalogs as never, language) as (key: string, v?: Record<string, number>) => string;
      for (const key of keys) expect(() => t(key, placeholders(catalogs.en[key]!)), `${name} ${language} ${key}`).not.toThrow();
    }
  });

  it("words the navigation in German", () => {
    const t = appTranslator(shellCatalogs, "de");
    expect([t("nav.invoices"), t("nav.quotes"), t("nav.creditNotes"), t("nav.customers"), t("signOut")]).toEqual(["Rechnungen", "Angebote", "Gutschriften", "Kunden", "Abmelden"]);
  });
});

describe("appLanguage", () => {
  it("takes the user's choice over the browser's", () => {
    expect(appLanguage("de", "en-US,en;q=0.9")).toBe("de");
    expect(appLanguage("en", "de-DE")).toBe("en");
  });

  it("follows the browser when the user has not chosen, by quality then order", () => {
    expect(appLanguage(null, "de-CH,de;q=0.9,en;q=0.8")).toBe("de");
    expect(appLanguage(null, "fr-FR,fr;q=0.9,de;q=0.8,en;q=0.7")).toBe("de");
    expect(appLanguage(null, "en;q=0.5,de;q=0.8")).toBe("de");
    expect(appLanguage(null, "de;q=0,en")).toBe("en");
  });

  it("falls back to English for unknown choices and browsers", () => {
    expect(appLanguage("xx", "ja-JP")).toBe("en");
    expect(appLanguage(undefined, null)).toBe("en");
    expect(preferredAppLanguage("*")).toBeUndefined();
    expect(preferredAppLanguage("de;q=abc")).toBeUndefined();
  });
});
