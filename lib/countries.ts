/**
 * The countries the onboarding offers, with what choosing one proposes: its currency, its
 * languages and its time zones. Built on the server and passed to the form as props: the country
 * data comes from `countries-list` (ISO 3166-1 names, ISO 4217 currencies, ISO 639-1 languages),
 * the time zones from the server's ICU (`Intl.Locale#timeZones`, which Firefox lacks), so the
 * browser never needs either table and the form cannot fail to hydrate over an ICU difference.
 */
import { countries } from "countries-list";
import { isCurrency } from "@/lib/currencies";
import type { CountryOption } from "@/lib/country-defaults";

/**
 * The zone to propose for a country that spans several, when the browser's own zone is not one
 * of them. Most are found from the capital (Europe/Madrid, Europe/Moscow, America/Mexico_City);
 * these are the countries whose capital names no zone, given their most populous zone instead.
 */
const MAIN_ZONE: Readonly<Record<string, string>> = {
  US: "America/New_York",
  CA: "America/Toronto",
  AU: "Australia/Sydney",
  BR: "America/Sao_Paulo",
  KZ: "Asia/Almaty",
  MN: "Asia/Ulaanbaatar",
};

type LocaleWithZones = Intl.Locale & { getTimeZones?: () => string[]; timeZones?: string[] };

/** The IANA zones ICU lists for a region (ICU sorts them alphabetically), limited to those the server validates. */
function zonesOf(code: string, known: ReadonlySet<string>): string[] {
  const locale = new Intl.Locale(`und-${code}`) as LocaleWithZones;
  const zones = locale.getTimeZones?.() ?? locale.timeZones ?? [];
  return zones.filter((z) => known.has(z));
}

function mainZoneFirst(code: string, capital: string, zones: string[]): string[] {
  const city = capital.normalize("NFD").replace(/\p{Diacritic}/gu, "").replaceAll(" ", "_");
  const main = MAIN_ZONE[code] ?? zones.find((z) => city && z.endsWith(`/${city}`));
  return main && zones.includes(main) ? [main, ...zones.filter((z) => z !== main)] : zones;
}

function isLocale(tag: string): boolean {
  try {
    return Intl.NumberFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false;
  }
}

const cache = new Map<string, CountryOption[]>();

/** Every country, named in `language` (the app language: "Deutschland" in German) and sorted by that name. */
export function countryOptions(language = "en"): CountryOption[] {
  const cached = cache.get(language);
  if (cached) return cached;
  const known = new Set(Intl.supportedValuesOf("timeZone"));
  const collator = new Intl.Collator(language);
  // CLDR's names ("Åland Islands", "Côte d’Ivoire") read better than the package's ASCII English ones.
  const names = new Intl.DisplayNames(language, { type: "region", fallback: "none" });
  const options = Object.entries(countries)
    .map(([code, c]) => ({
      code,
      name: names.of(code) ?? c.name,
      // countries-list puts fund codes beside the currency (CH: CHF, CHE, CHW; CL: CLF, CLP): take the first one invoices are written in.
      currency: c.currency.find(isCurrency) ?? null,
      languages: c.languages.filter((l) => isLocale(`${l}-${code}`)),
      timeZones: mainZoneFirst(code, c.capital, zonesOf(code, known)),
    }))
    .sort((a, b) => collator.compare(a.name, b.name));
  cache.set(language, options);
  return options;
}

export type LocaleOption = { value: string; label: string };

const localeCache = new Map<string, LocaleOption[]>();

/**
 * Every language of every country ("French (France)", "French (Canada)"…; "Französisch (Kanada)" in
 * German), named in `language` and sorted; plus `extra` (a stored locale) if missing.
 */
export function localeOptions(extra: readonly string[] = [], language = "en"): LocaleOption[] {
  const names = new Intl.DisplayNames(language, { type: "language" });
  const option = (value: string) => ({ value, label: `${names.of(value) ?? value} · ${value}` });
  const collator = new Intl.Collator(language);
  let all = localeCache.get(language);
  if (!all) {
    const tags = new Set<string>();
    for (const c of countryOptions()) for (const l of c.languages) tags.add(`${l}-${c.code}`);
    all = [...tags].map(option).sort((a, b) => collator.compare(a.label, b.label));
    localeCache.set(language, all);
  }
  const missing = extra.filter((t) => isLocale(t) && !all.some((o) => o.value === t));
  return missing.length ? [...all, ...missing.map(option)].sort((a, b) => collator.compare(a.label, b.label)) : all;
}
