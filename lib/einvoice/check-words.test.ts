import { describe, expect, it } from "vitest";
import type { LineTaxSnapshot } from "@/db/schema";
import { en } from "@/lib/i18n/catalogs/app/einvoice-checks/en";
import { germanSource, storedSource, vat19, vat7 } from "@/tests/support/einvoice-sources";
import { checkMessage, formatName, localizeEInvoiceMessage, scopeName, storedCheckMessages } from "./check-words";
import { EINVOICE_FORMATS, FORMAT_LABELS } from "./codes";
import { preflight } from "./preflight";

/** What a German user reads for each problem pre-flight finds. */
const german = (problems: ReturnType<typeof preflight>) => problems.map((p) => checkMessage(p.code, p.values, "de"));

describe("e-invoice check messages in German", () => {
  it("words what XRechnung lacks from the seller and the buyer", () => {
    const source = germanSource({
      organization: { city: null, contactName: null },
      customer: { buyerReference: null, electronicAddress: null },
    });
    expect(german(preflight(source, "xrechnung-ubl"))).toEqual([
      "Der Ort Ihrer Organisation fehlt (Ort des Verkäufers, BR-DE-3).",
      "Für XRechnung fehlt ein Ansprechpartner (Kontaktstelle des Verkäufers, BR-DE-5).",
      "Für XRechnung 3.0 (UBL) sind die elektronische Adresse des Kunden und ihr Schema erforderlich (elektronische Adresse des Käufers).",
      "Für XRechnung ist die Käuferreferenz (Leitweg-ID) erforderlich.",
    ]);
  });

  it("words a line with two VAT rates and a tax rate without its exemption reason, with their values", () => {
    const exempt: LineTaxSnapshot = { id: "tax-e", name: "Steuerfrei", rateE4: 0, inclusive: false, compound: false, vatCategory: "E", exemptionReason: null, exemptionCode: null };
    const source = storedSource({
      lines: [
        { description: "Beratung", quantityE4: 10_000, unitPrice: 10_000, taxes: [exempt] },
        { description: "Gemischt", quantityE4: 10_000, unitPrice: 10_000, taxes: [vat19, vat7] },
      ],
    });
    expect(german(preflight(source, "factur-x"))).toEqual([
      "Position 2 hat zwei Umsatzsteuersätze; eine E-Rechnung enthält genau einen je Position.",
      "Der Steuersatz „Steuerfrei“ braucht einen Befreiungsgrund (den gesetzlichen Hinweis, der auf die Rechnung gedruckt wird, BR-E-10).",
    ]);
  });

  it("writes numbers the German way where they are the app's own", () => {
    expect(checkMessage("taxRateZeroCategory", { name: "Ermäßigt", category: "Z", rate: 7.5 }, "de")).toBe(
      "Der Steuersatz „Ermäßigt“ gehört zu einer Kategorie ohne Umsatzsteuer (Z), hat aber einen Satz von 7,5 %: Setzen Sie den Satz auf 0 % oder ändern Sie die Kategorie.",
    );
    expect(checkMessage("taxRateZeroCategory", { name: "Reduced", category: "Z", rate: 7.5 }, "en")).toBe(
      'Tax rate "Reduced" is in a category that charges no VAT (Z) but has a rate of 7.5%: set its rate to 0% or change its category.',
    );
    expect(checkMessage("lineManyVat", { line: 4, count: 3 }, "de")).toBe("Position 4 hat 3 Umsatzsteuersätze; eine E-Rechnung enthält genau einen je Position.");
  });

  it("keeps the English as the problem's message (stored and logged)", () => {
    const [problem] = preflight(germanSource({ organization: { city: null } }), "xrechnung-cii");
    expect(problem).toMatchObject({ term: "BT-37", code: "sellerCity", message: "Your organisation's city is required (seller city, BR-DE-3)." });
  });

  it("names the formats and where a problem is fixed", () => {
    expect(formatName("none", "de")).toBe("Keines (nur PDF)");
    expect(formatName("factur-x", "de")).toBe("Factur-X / ZUGFeRD EN 16931 (PDF mit CII)");
    expect(formatName("xrechnung-ubl", "de")).toBe("XRechnung 3.0 (UBL)");
    expect((["organization", "customer", "document", "taxRate", "line"] as const).map((s) => scopeName(s, "de"))).toEqual(["Einstellungen", "Kunde", "Dieses Dokument", "Steuersätze", "Positionen"]);
  });

  it("has the English format names the rest of the app uses (codes.ts)", () => {
    for (const format of [...EINVOICE_FORMATS, "none"] as const) expect(en[`format.${format}`]).toBe(FORMAT_LABELS[format]);
  });

  it("words the problems kept on an 'issued without an e-invoice' event, or gives up on any it does not know", () => {
    const checks = [{ code: "leitwegId" }, { code: "lineNoVat", values: { line: 3 } }];
    expect(storedCheckMessages(checks, "de")).toEqual([
      "Für XRechnung ist die Käuferreferenz (Leitweg-ID) erforderlich.",
      "Position 3 hat keinen Umsatzsteuersatz; eine E-Rechnung enthält genau einen je Position (verwenden Sie einen Satz von 0 % oder einen steuerbefreiten Satz, wo keine Umsatzsteuer anfällt).",
    ]);
    expect(storedCheckMessages(undefined, "de")).toBeNull();
    expect(storedCheckMessages([{ code: "notOurs" }], "de")).toBeNull();
    expect(storedCheckMessages([{ code: "toString" }], "de")).toBeNull();
    // A value its message needs is missing: the stored English is shown instead.
    expect(storedCheckMessages([{ code: "lineNoVat" }], "de")).toBeNull();
  });
});

describe("an e-invoice refusal and the reader's errors in German", () => {
  it("words the refusal line by line, its rule texts as the validator gives them", () => {
    const refusal = [
      "This invoice can't be issued as XRechnung 3.0 (UBL) yet. Fix these first:",
      "• Buyer reference (Leitweg-ID) is required for XRechnung.",
      "• Your organisation's electronic address and its scheme are required for XRechnung 3.0 (UBL) (seller electronic address).",
      "• Official rule BR-DE-15 (rule text from the German XRechnung standard): Das Element „Buyer reference“ (BT-10) muss übermittelt werden.",
      "• Official rule BR-CO-10: Sum of Invoice line net amount = Σ Invoice line net amount.",
      "• XML schema: element 'cbc:Note' is not expected",
      "• Line 2 has two VAT rates; an e-invoice carries one per line.",
    ].join("\n");
    expect(localizeEInvoiceMessage(refusal, "de")).toBe(
      [
        "Diese Rechnung kann noch nicht als XRechnung 3.0 (UBL) ausgestellt werden. Beheben Sie zuerst:",
        "• Für XRechnung ist die Käuferreferenz (Leitweg-ID) erforderlich.",
        "• Für XRechnung 3.0 (UBL) sind die elektronische Adresse Ihrer Organisation und ihr Schema erforderlich (elektronische Adresse des Verkäufers).",
        "• Offizielle Regel BR-DE-15: Das Element „Buyer reference“ (BT-10) muss übermittelt werden.",
        "• Offizielle Regel BR-CO-10: Sum of Invoice line net amount = Σ Invoice line net amount.",
        "• XML-Schema: element 'cbc:Note' is not expected",
        // A plural cannot be matched back from its English: it stays (the document page words it from its code).
        "• Line 2 has two VAT rates; an e-invoice carries one per line.",
      ].join("\n"),
    );
    expect(localizeEInvoiceMessage(refusal, "en")).toBe(refusal);
  });

  it("words the reader's errors and leaves other messages alone", () => {
    expect(localizeEInvoiceMessage("This XML file is not an e-invoice: its root element is html. Expected a UBL Invoice or CreditNote, or a CII CrossIndustryInvoice.", "de")).toBe(
      "Diese XML-Datei ist keine E-Rechnung: Ihr Wurzelelement ist html. Erwartet wird eine UBL-Invoice oder -CreditNote oder eine CII-CrossIndustryInvoice.",
    );
    expect(localizeEInvoiceMessage("This file is not well-formed XML, so it cannot be an e-invoice.", "de")).toBe("Diese Datei ist kein wohlgeformtes XML und kann daher keine E-Rechnung sein.");
    expect(localizeEInvoiceMessage("Customer not found.", "de")).toBeNull();
  });
});
