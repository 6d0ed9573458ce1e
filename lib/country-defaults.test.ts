import { describe, expect, it } from "vitest";
import { countryOptions } from "./countries";
import { acceptedLanguages, proposeDefaults, proposeFromBrowser } from "./country-defaults";

const country = (code: string) => {
  const c = countryOptions().find((o) => o.code === code);
  if (!c) throw new Error(`no ${code}`);
  return c;
};
const parisBrowser = { languages: ["fr-FR", "fr"], timeZone: "Europe/Paris" };
const newYorkBrowser = { languages: ["en-US", "en"], timeZone: "America/New_York" };

describe("proposeDefaults: what choosing a country proposes", () => {
  it("France from a French browser in Paris: EUR, fr-FR, Europe/Paris", () => {
    expect(proposeDefaults(country("FR"), parisBrowser)).toEqual({ currency: "EUR", locale: "fr-FR", timeZone: "Europe/Paris" });
  });

  it("Germany from a French browser: EUR, German for Germany (French is not spoken there), Berlin rather than the browser's Paris", () => {
    expect(proposeDefaults(country("DE"), parisBrowser)).toEqual({ currency: "EUR", locale: "de-DE", timeZone: "Europe/Berlin" });
  });

  it("Japan: JPY, ja-JP, Asia/Tokyo", () => {
    expect(proposeDefaults(country("JP"), newYorkBrowser)).toEqual({ currency: "JPY", locale: "ja-JP", timeZone: "Asia/Tokyo" });
  });

  it("United Kingdom from an American browser: GBP, English for the UK, London", () => {
    expect(proposeDefaults(country("GB"), newYorkBrowser)).toEqual({ currency: "GBP", locale: "en-GB", timeZone: "Europe/London" });
  });

  it("United States keeps the browser's own US zone (Chicago), and proposes New York from abroad rather than ICU's first zone (Adak)", () => {
    expect(proposeDefaults(country("US"), { languages: ["en-US"], timeZone: "America/Chicago" })).toEqual({ currency: "USD", locale: "en-US", timeZone: "America/Chicago" });
    expect(proposeDefaults(country("US"), parisBrowser)).toEqual({ currency: "USD", locale: "en-US", timeZone: "America/New_York" });
  });

  it("a bilingual country follows the browser's language: Canada is fr-CA for a French browser, en-CA for an English one", () => {
    expect(proposeDefaults(country("CA"), parisBrowser).locale).toBe("fr-CA");
    expect(proposeDefaults(country("CA"), newYorkBrowser).locale).toBe("en-CA");
  });

  it("Switzerland proposes the franc, not the fund codes listed beside it (CHE, CHW)", () => {
    expect(proposeDefaults(country("CH"), parisBrowser).currency).toBe("CHF");
  });

  it("Spain proposes Madrid (its capital), not ICU's alphabetically first Africa/Ceuta", () => {
    expect(proposeDefaults(country("ES"), newYorkBrowser).timeZone).toBe("Europe/Madrid");
  });

  it("never proposes UTC: a country without zones of its own keeps the browser's", () => {
    const nowhere = { code: "XX", name: "Nowhere", currency: null, languages: [], timeZones: [] };
    expect(proposeDefaults(nowhere, parisBrowser)).toEqual({ currency: null, locale: "fr-XX", timeZone: "Europe/Paris" });
  });
});

describe("countryOptions", () => {
  it("lists every country once, named in English and sorted by name", () => {
    const all = countryOptions();
    expect(all.length).toBeGreaterThan(240);
    expect(new Set(all.map((c) => c.code)).size).toBe(all.length);
    expect(country("DE").name).toBe("Germany");
    expect(country("CI").name).toBe("Côte d’Ivoire");
    const names = all.map((c) => c.name);
    expect(names).toEqual([...names].sort(new Intl.Collator("en").compare));
  });

  it("offers a currency invoices are written in for every country that has one", () => {
    for (const c of countryOptions()) if (c.currency) expect(c.currency).toMatch(/^[A-Z]{3}$/);
    expect(countryOptions().filter((c) => !c.currency).map((c) => c.code)).toEqual(["AQ"]);
  });
});

describe("acceptedLanguages: an Accept-Language header, ranked", () => {
  it("orders by quality, then by position, and drops q=0 and the wildcard", () => {
    expect(acceptedLanguages("de-DE,de;q=0.9,en-US;q=0.8,en;q=0.7")).toEqual(["de-DE", "de", "en-US", "en"]);
    expect(acceptedLanguages("en;q=0.5, fr-FR, *;q=0.1, it;q=0")).toEqual(["fr-FR", "en"]);
    expect(acceptedLanguages(null)).toEqual([]);
    expect(acceptedLanguages("")).toEqual([]);
  });
});

describe("proposeFromBrowser: the country, currency, locale and zone a new business starts with", () => {
  const all = countryOptions();

  it("a de-DE browser in Berlin: Germany, EUR, de-DE, Europe/Berlin", () => {
    expect(proposeFromBrowser(all, { languages: ["de-DE", "de"], timeZone: "Europe/Berlin" })).toEqual({ country: "DE", currency: "EUR", locale: "de-DE", timeZone: "Europe/Berlin" });
  });

  it("a fr-FR browser in Paris: France, EUR, fr-FR, Europe/Paris", () => {
    expect(proposeFromBrowser(all, parisBrowser)).toEqual({ country: "FR", currency: "EUR", locale: "fr-FR", timeZone: "Europe/Paris" });
  });

  it("a language without a region still points to its main country: plain \"de\" is Germany, plain \"fr\" France", () => {
    expect(proposeFromBrowser(all, { languages: ["de"], timeZone: "Europe/Berlin" })).toEqual({ country: "DE", currency: "EUR", locale: "de-DE", timeZone: "Europe/Berlin" });
    expect(proposeFromBrowser(all, { languages: ["fr"], timeZone: undefined })?.country).toBe("FR");
  });

  it("the server, before the browser's zone is known: de-AT is Austria in Vienna, the country's main zone", () => {
    expect(proposeFromBrowser(all, { languages: acceptedLanguages("de-AT,de;q=0.9"), timeZone: undefined })).toEqual({ country: "AT", currency: "EUR", locale: "de-AT", timeZone: "Europe/Vienna" });
  });

  it("a Swiss French browser: Switzerland, CHF, fr-CH, Europe/Zurich", () => {
    expect(proposeFromBrowser(all, { languages: ["fr-CH"], timeZone: "Europe/Zurich" })).toEqual({ country: "CH", currency: "CHF", locale: "fr-CH", timeZone: "Europe/Zurich" });
  });

  it("nothing to go on: no proposal", () => {
    expect(proposeFromBrowser(all, { languages: [], timeZone: "UTC" })).toBeNull();
    expect(proposeFromBrowser(all, { languages: ["not a tag!"], timeZone: undefined })).toBeNull();
  });
});
