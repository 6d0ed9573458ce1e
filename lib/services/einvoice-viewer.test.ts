/** The viewer service: what it reads, which rules it applies, and the message for each refusal. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { toUbl } from "@/lib/einvoice/ubl";
import { germanInvoice } from "@/tests/support/einvoice-fixtures";
import { viewEInvoice } from "./einvoice-viewer";

const bytes = (text: string) => new TextEncoder().encode(text);
const example = readFileSync(path.join(process.cwd(), "vendor", "einvoice", "en16931", "ubl", "examples", "ubl-tc434-example1.xml"));

describe("viewEInvoice", () => {
  it("reads and validates an EN 16931 invoice (no XRechnung rules for a plain EN 16931 file)", async () => {
    const view = await viewEInvoice({ name: "example1.xml", bytes: new Uint8Array(example) });
    expect(view.invoice.number).toBe("12115118");
    expect(view.invoice.totals.payable).toBe("250.33");
    expect(view.xrechnung).toBe(false);
    expect(view.validation).toEqual({ valid: true, schemaErrors: [], failedAsserts: [] });
  });

  it("applies the XRechnung rules when the file says it is an XRechnung", async () => {
    const passing = await viewEInvoice({ name: "x.xml", bytes: bytes(toUbl(germanInvoice())) });
    expect(passing.xrechnung).toBe(true);
    expect(passing.validation?.valid).toBe(true);
    const withoutBt10 = await viewEInvoice({ name: "x.xml", bytes: bytes(toUbl(germanInvoice({ buyerReference: undefined }))) });
    expect(withoutBt10.validation?.failedAsserts.map((f) => f.id)).toEqual(["BR-DE-15"]);
  });

  it("shows a tampered invoice with the rule it breaks", async () => {
    const tampered = example.toString("utf8").replace('<cbc:PayableAmount currencyID="EUR">250.33<', '<cbc:PayableAmount currencyID="EUR">250.34<');
    const view = await viewEInvoice({ name: "t.xml", bytes: bytes(tampered) });
    expect(view.invoice.totals.payable).toBe("250.34");
    expect(view.validation?.valid).toBe(false);
    expect(view.validation?.failedAsserts.map((f) => f.id)).toContain("BR-CO-16");
  });

  it("refuses bad input with a message for the user", async () => {
    const refusal = (data: Uint8Array) => viewEInvoice({ name: "f", bytes: data }).then(
      () => "accepted",
      (error: Error & { code?: string }) => `${error.code}: ${error.message}`,
    );
    expect(await refusal(new Uint8Array())).toBe("BAD_REQUEST: The file is empty. Choose the invoice's XML file.");
    expect(await refusal(new Uint8Array(2 * 1024 * 1024 + 1))).toBe("BAD_REQUEST: This file is larger than 2 MB. E-invoices are smaller; choose the invoice's XML file.");
    expect(await refusal(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0xff, 0xfe]))).toMatch(/^BAD_REQUEST: This file is not UTF-8 text/);
    expect(await refusal(bytes("hello"))).toBe("BAD_REQUEST: This file is not well-formed XML, so it cannot be an e-invoice.");
    expect(await refusal(bytes('<!DOCTYPE x SYSTEM "http://example.com/x.dtd"><x/>'))).toMatch(/^BAD_REQUEST: This file declares a DOCTYPE/);
    expect(await refusal(bytes("<Order/>"))).toMatch(/^BAD_REQUEST: This XML file is not an e-invoice: its root element is Order\./);
  });
});
