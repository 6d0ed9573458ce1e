import { describe, expect, it } from "vitest";
import { appTranslator } from "../../../app-language";
import { catalogs } from ".";

// ICU quotes: the hint shows the placeholders literally, braces included, as the English did before.
describe("send catalog", () => {
  it("shows the placeholders in the message hint literally", () => {
    expect(appTranslator(catalogs, "en")("messageHint")).toBe("Placeholders such as {number} and {amount_due} are filled in; the link to the document is added below.");
    expect(appTranslator(catalogs, "de")("messageHint")).toBe("Platzhalter wie {number} und {amount_due} werden ausgefüllt; der Link zum Dokument wird unten angefügt.");
  });
  it("names the copies", () => {
    expect(appTranslator(catalogs, "en")("issuedAndQueuedWithCopies", { to: "a@example.com", cc: "b@example.com, c@example.com" })).toBe(
      "Issued and queued for a@example.com (copy to b@example.com, c@example.com); it goes out in a moment.",
    );
  });
});
