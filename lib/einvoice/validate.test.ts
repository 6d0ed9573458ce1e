import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rootElement, validateEInvoice } from "./validate";

const examples = path.join(process.cwd(), "vendor", "einvoice", "en16931");
const read = (...parts: string[]) => readFileSync(path.join(examples, ...parts), "utf8");

describe("validateEInvoice (official artefacts)", () => {
  it("accepts the official UBL invoice and credit note examples", async () => {
    for (const file of ["ubl-tc434-example1.xml", "ubl-tc434-example2.xml", "ubl-tc434-creditnote1.xml"]) {
      const result = await validateEInvoice(read("ubl", "examples", file));
      expect({ file, ...result }).toEqual({ file, valid: true, schemaErrors: [], failedAsserts: [] });
    }
  });

  it("accepts the official CII example", async () => {
    const result = await validateEInvoice(read("cii", "examples", "CII_example1.xml"));
    expect(result).toEqual({ valid: true, schemaErrors: [], failedAsserts: [] });
  });

  it("a changed total fails BR-CO-15 and BR-CO-16", async () => {
    const xml = read("ubl", "examples", "ubl-tc434-example1.xml");
    const tampered = xml.replace(/(<cbc:TaxInclusiveAmount currencyID="EUR">)[\d.]+/, "$11.00");
    expect(tampered).not.toBe(xml);
    const result = await validateEInvoice(tampered);
    expect(result.valid).toBe(false);
    expect(result.failedAsserts.map((f) => f.id).sort()).toEqual(["BR-CO-15", "BR-CO-16"]);
    expect(result.failedAsserts[0]?.text).toMatch(/^\[BR-CO-1[56]\]/);
  });

  it("an element out of order fails the schema", async () => {
    const xml = read("ubl", "examples", "ubl-tc434-example1.xml").replace(/(<cbc:IssueDate>)/, "<cbc:Note>late</cbc:Note>$1");
    const result = await validateEInvoice(xml);
    expect(result.valid).toBe(false);
    expect(result.schemaErrors.join("\n")).toMatch(/Note': This element is not expected/);
  });

  it("names the root element, past the declaration and comments", () => {
    expect(rootElement('<?xml version="1.0"?><!-- x --><rsm:CrossIndustryInvoice xmlns:rsm="u"/>')).toBe("CrossIndustryInvoice");
    expect(rootElement("<Invoice>")).toBe("Invoice");
  });
});
