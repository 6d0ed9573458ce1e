/**
 * What choosing a country in the onboarding proposes: its currency, a locale and a time zone.
 * Pure, so it runs in the browser (which knows the user's languages and zone) and in tests.
 * The locale and zone follow the browser when they fit the country, and never fall back to UTC.
 */

/** One country as the onboarding offers it (built on the server by lib/countries.ts). */
export type CountryOption = {
  /** ISO 3166-1 alpha-2. */
  code: string;
  /** English name. */
  name: string;
  /** ISO 4217 code invoices there are usually written in; null where there is none (Antarctica). */
  currency: string | null;
  /** ISO 639-1 languages spoken there, most used first. */
  languages: string[];
  /** IANA zones, the one to propose first. */
  timeZones: string[];
};

/** What the browser tells about its user: navigator.languages and Intl.DateTimeFormat().resolvedOptions().timeZone. */
export type BrowserHints = { languages: readonly string[]; timeZone: string | undefined };

export type Proposal = { currency: string | null; locale: string; timeZone: string | null };

function languageOf(tag: string): string | null {
  try {
    return new Intl.Locale(tag).language;
  } catch {
    return null;
  }
}

export function proposeDefaults(country: CountryOption, browser: BrowserHints): Proposal {
  // The first browser language spoken in the country wins (an English browser choosing Canada gets
  // en-CA, a French one fr-CA); otherwise the country's main language (a French browser choosing Japan gets ja-JP).
  const spoken = browser.languages.map(languageOf).find((l) => l !== null && country.languages.includes(l));
  const language = spoken ?? country.languages[0] ?? languageOf(browser.languages[0] ?? "") ?? "en";
  const fits = browser.timeZone !== undefined && country.timeZones.includes(browser.timeZone);
  const timeZone = fits ? browser.timeZone! : (country.timeZones[0] ?? browser.timeZone ?? null);
  return { currency: country.currency, locale: `${language}-${country.code}`, timeZone };
}

/** The browser's hints, read only after hydration (the server has no navigator). */
export function browserHints(): BrowserHints {
  return {
    languages: navigator.languages?.length ? navigator.languages : [navigator.language],
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
}

/**
 * The languages an Accept-Language header asks for, full tags ("de-CH", "de"), by quality then
 * order: on the server, the browser's languages before any script has run.
 */
export function acceptedLanguages(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.tag && entry.tag !== "*" && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
    .map((entry) => entry.tag);
}

/** The region a language tag names, or the one its language is most likely spoken in ("de" → DE, "fr" → FR, "en" → US). */
function regionOf(tag: string): string | null {
  try {
    return new Intl.Locale(tag).maximize().region ?? null;
  } catch {
    return null;
  }
}

/**
 * The country a new business is probably in, from the browser's first language that names or
 * implies one the list has (a "de-DE" or a plain "de" browser: Germany), with what that country
 * proposes. Null when no language points anywhere; the user then chooses.
 */
export function proposeFromBrowser(countries: readonly CountryOption[], browser: BrowserHints): (Proposal & { country: string }) | null {
  for (const tag of browser.languages) {
    const region = regionOf(tag);
    const country = region ? countries.find((c) => c.code === region) : undefined;
    if (country) return { country: country.code, ...proposeDefaults(country, browser) };
  }
  return null;
}
