import { describe, expect, it } from "vitest";
import { catalogs, errorPageText } from "./catalogs/app/error-page";

describe("the error pages' words (without the message formatter)", () => {
  it("quote the reference support asks for, in German and in English", () => {
    expect(errorPageText(catalogs.de)("bodyWithReference", { reference: "4173902815" })).toBe(
      "Wir konnten diese Anfrage nicht abschließen. Alles, was Sie bereits gespeichert haben, ist sicher. Bitte versuchen Sie es erneut; wenn es weiter passiert, wenden Sie sich an den Support und nennen Sie die Referenz 4173902815.",
    );
    expect(errorPageText(catalogs.en)("reference", { reference: "4173902815" })).toBe("Reference: 4173902815.");
    expect(errorPageText(catalogs.de)("retry")).toBe("Erneut versuchen");
  });
});
