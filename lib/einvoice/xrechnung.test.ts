/**
 * The XRechnung rules (KoSIT's schematron, compiled by lib/einvoice/schematron/sch2xslt.xsl) run
 * through validateEInvoice(xml, { xrechnung: true }): they flag what XRechnung adds to EN 16931 and
 * pass a correct invoice, for UBL and for CII.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { germanInvoice } from "@/tests/support/einvoice-fixtures";
import type { Party } from "./model";
import { toUbl } from "./ubl";
import { validateEInvoice } from "./validate";

const PASSES = { valid: true, schemaErrors: [], failedAsserts: [] };
const ids = async (xml: string) => (await validateEInvoice(xml, { xrechnung: true })).failedAsserts.map((f) => f.id).sort();
const withSellerContact = (contact: Party["contact"]) => germanInvoice({ seller: { ...germanInvoice().seller, contact } });

describe("XRechnung rules on UBL", () => {
  it("pass a correct XRechnung invoice", async () => {
    expect(await validateEInvoice(toUbl(germanInvoice()), { xrechnung: true })).toEqual(PASSES);
  });

  it("flag a missing buyer reference (BR-DE-15), which EN 16931 alone allows", async () => {
    const xml = toUbl(germanInvoice({ buyerReference: undefined }));
    expect(await validateEInvoice(xml)).toEqual(PASSES);
    const result = await validateEInvoice(xml, { xrechnung: true });
    expect(result.valid).toBe(false);
    expect(result.failedAsserts).toEqual([
      expect.objectContaining({ id: "BR-DE-15", flag: "fatal", text: '[BR-DE-15] Das Element "Buyer reference" (BT-10) muss übermittelt werden.' }),
    ]);
  });

  it("flag a missing seller contact (BR-DE-2) and each missing part of it (BR-DE-5, -6, -7)", async () => {
    expect(await ids(toUbl(withSellerContact(undefined)))).toEqual(["BR-DE-2"]);
    // Without phone and email, their format rules (BR-DE-27, BR-DE-28: warnings) fail too.
    expect(await ids(toUbl(withSellerContact({ name: "Anna Muster" })))).toEqual(["BR-DE-27", "BR-DE-28", "BR-DE-6", "BR-DE-7"]);
    expect(await ids(toUbl(withSellerContact({ phone: "+49 30 1234567", email: "anna@muster-design.de" })))).toEqual(["BR-DE-5"]);
  });

  it("flag a missing seller city and post code (BR-DE-3, BR-DE-4)", async () => {
    const seller = { ...germanInvoice().seller, address: { line1: "Hauptstraße 5", country: "DE" } };
    expect(await ids(toUbl(germanInvoice({ seller })))).toEqual(["BR-DE-3", "BR-DE-4"]);
  });

  it("report an invoice without delivery date or period (BR-DE-TMP-32, flag information)", async () => {
    const result = await validateEInvoice(toUbl(germanInvoice({ delivery: undefined })), { xrechnung: true });
    expect(result.failedAsserts.map((f) => [f.id, f.flag])).toEqual([["BR-DE-TMP-32", "information"]]);
    expect(result.valid).toBe(false);
  });

  it("warn (BR-DE-21) when the specification identifier is not XRechnung's", async () => {
    const result = await validateEInvoice(toUbl(germanInvoice({ format: "peppol-bis" })), { xrechnung: true });
    expect(result.failedAsserts.map((f) => [f.id, f.flag])).toEqual([["BR-DE-21", "warning"]]);
  });
});

describe("XRechnung rules on CII", () => {
  const example = readFileSync(path.join(process.cwd(), "vendor", "einvoice", "en16931", "cii", "examples", "XRechnung-O.xml"), "utf8");
  // The official example predates XRechnung 3.0 and has placeholders ("XX") for the seller's
  // contact: given the 3.0 identifier and a real phone number and email address, it passes.
  const xrechnung30 = example
    .replace("<ram:ID>urn:cen.eu:en16931:2017</ram:ID>", "<ram:ID>urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0</ram:ID>")
    .replace("<ram:CompleteNumber>XX</ram:CompleteNumber>", "<ram:CompleteNumber>+49 711 123456</ram:CompleteNumber>")
    .replace("<ram:URIID>XX</ram:URIID>", "<ram:URIID>info@example.de</ram:URIID>");

  it("pass the official XRechnung CII example (brought to 3.0)", async () => {
    expect(xrechnung30).not.toBe(example);
    expect(await validateEInvoice(xrechnung30, { xrechnung: true })).toEqual(PASSES);
  });

  it("flag a CII document without a buyer reference (BR-DE-15)", async () => {
    const withoutBt10 = xrechnung30.replace("<ram:BuyerReference>XX</ram:BuyerReference>", "");
    expect(withoutBt10).not.toBe(xrechnung30);
    expect(await ids(withoutBt10)).toEqual(["BR-DE-15"]);
  });
});
