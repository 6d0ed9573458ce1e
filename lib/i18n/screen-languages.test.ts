/** Languages and names chosen for a screen: the browser's document language, countries and locales in the app language, quote statuses. */
import { describe, expect, it } from "vitest";
import { localeOptions, countryOptions } from "@/lib/countries";
import { statusLabel } from "@/pdf/format";
import { documentMessages } from "./catalogs/document";
import { browserDocumentLanguage, requestedLanguages } from "./languages";

describe("browserDocumentLanguage", () => {
  it("takes the first document language the browser asks for, by quality then order", () => {
    expect(browserDocumentLanguage("fr-CH,fr;q=0.9,en;q=0.8")).toBe("fr");
    expect(browserDocumentLanguage("ja-JP,pl;q=0.5,de;q=0.7")).toBe("de");
    expect(browserDocumentLanguage("de;q=0,he")).toBe("he");
    expect(requestedLanguages("de-DE,en;q=0.5")).toEqual(["de", "en"]);
  });

  it("falls back to English", () => {
    expect(browserDocumentLanguage("ja-JP,zh;q=0.8")).toBe("en");
    expect(browserDocumentLanguage(null)).toBe("en");
    expect(browserDocumentLanguage("*")).toBe("en");
  });
});

describe("country and language names in the app language", () => {
  it("names and sorts countries in German", () => {
    const names = countryOptions("de").map((c) => c.name);
    expect(countryOptions("de").find((c) => c.code === "DE")?.name).toBe("Deutschland");
    expect(countryOptions("de").find((c) => c.code === "CH")?.name).toBe("Schweiz");
    // German order: Österreich files under O, after Oman and before Pakistan.
    expect(names.indexOf("Österreich")).toBeGreaterThan(names.indexOf("Oman"));
    expect(names.indexOf("Österreich")).toBeLessThan(names.indexOf("Pakistan"));
    // English stays as it was.
    expect(countryOptions().find((c) => c.code === "DE")?.name).toBe("Germany");
    expect(countryOptions("de").find((c) => c.code === "DE")?.currency).toBe("EUR");
  });

  it("names locales in German with their tag", () => {
    const german = localeOptions([], "de");
    expect(german.find((o) => o.value === "de-DE")?.label).toBe("Deutsch (Deutschland) · de-DE");
    expect(german.find((o) => o.value === "fr-CA")?.label).toBe("Französisch (Kanada) · fr-CA");
    // CLDR's own name for a dialect, as English has "Swiss High German".
    expect(german.find((o) => o.value === "de-CH")?.label).toBe("Schweizer Hochdeutsch · de-CH");
    expect(localeOptions().find((o) => o.value === "fr-CA")?.label).toBe("Canadian French · fr-CA");
  });
});

describe("quote statuses agree with the quote's noun", () => {
  it("French, Spanish, Italian and Portuguese quotes are masculine; invoices stay feminine", () => {
    expect(statusLabel("sent", documentMessages("fr"), "quote")).toBe("Envoyé");
    expect(statusLabel("viewed", documentMessages("fr"), "quote")).toBe("Consulté");
    expect(statusLabel("sent", documentMessages("fr"), "invoice")).toBe("Envoyée");
    expect(statusLabel("accepted", documentMessages("fr"), "quote")).toBe("Accepté");
    expect(statusLabel("sent", documentMessages("es"), "quote")).toBe("Enviado");
    expect(statusLabel("sent", documentMessages("it"), "quote")).toBe("Inviato");
    expect(statusLabel("viewed", documentMessages("pt"), "quote")).toBe("Visualizado");
    // Polish "oferta" is feminine, as "faktura" is.
    expect(statusLabel("sent", documentMessages("pl"), "quote")).toBe("Wysłana");
    expect(statusLabel("sent", documentMessages("de"), "quote")).toBe("Versendet");
    expect(statusLabel("sent", documentMessages("en"), "quote")).toBe("Sent");
  });
});
