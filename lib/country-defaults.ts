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
