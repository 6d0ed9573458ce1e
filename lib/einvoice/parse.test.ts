/**
 * The viewer's reader on official examples (vendor/einvoice/en16931): values hand-checked against
 * the files, written exactly as the files write them ("229.6" stays "229.6").
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { germanInvoice } from "@/tests/support/einvoice-fixtures";
import { EInvoiceParseError, parseEInvoice } from "./parse";
import { toUbl } from "./ubl";

const read = (...parts: string[]) => readFileSync(path.join(process.cwd(), "vendor", "einvoice", "en16931", ...parts), "utf8");

describe("parseEInvoice: UBL", () => {
  it("reads the official UBL example 1 (De Koksmaat, 12115118)", () => {
    const invoice = parseEInvoice(read("ubl", "examples", "ubl-tc434-example1.xml"));
    expect(invoice).toMatchObject({ syntax: "ubl", kind: "invoice", typeCode: "380", number: "12115118", issueDate: "2015-01-09", currency: "EUR" });
    expect(invoice.seller).toMatchObject({
      name: "De Koksmaat",
      vatId: "NL8200.98.395.B.01",
      legalRegistrationId: "57151520",
      address: { lines: ["Postbus 7l"], city: "Velsen-Noord", postalCode: "1950 AB", country: "NL" },
    });
    expect(invoice.buyer).toMatchObject({ name: "ODIN 59", contact: { name: "Dhr. J BLOKKER" } });
    expect(invoice.lines).toHaveLength(20);
    expect(invoice.lines[0]).toEqual({
      id: "1",
      name: "PATAT FRITES 10MM 10KG",
      description: undefined,
      quantity: "2",
      unitCode: "EA",
      price: "9.95",
      amount: "19.90",
      vatCategory: "S",
      vatRate: "6",
      period: undefined,
      allowances: [],
    });
    expect(invoice.vatBreakdown).toEqual([
      { category: "S", rate: "6", taxableAmount: "183.23", taxAmount: "10.99", exemptionReason: undefined, exemptionCode: undefined },
      { category: "S", rate: "21", taxableAmount: "46.37", taxAmount: "9.74", exemptionReason: undefined, exemptionCode: undefined },
    ]);
    expect(invoice.totals).toMatchObject({ lineNet: "229.60", taxExclusive: "229.60", vat: "20.73", taxInclusive: "250.33", payable: "250.33" });
    expect(invoice.paymentMeans.map((p) => [p.code, p.iban, p.remittanceInformation])).toEqual([
      ["30", "NL57 RABO 0107307510", "Deb. 10202 / Fact. 12115118"],
      ["30", "NL03 INGB 0004489902", undefined],
    ]);
    expect(invoice.notes[0]).toMatch(/^Alle leveringen zijn franco/);
  });

  it("reads the official UBL credit note as a credit note", () => {
    const note = parseEInvoice(read("ubl", "examples", "ubl-tc434-creditnote1.xml"));
    expect(note.kind).toBe("credit_note");
    expect(note.typeCode).toBe("381");
  });

  it("reads back what toUbl wrote: discounts, exemption, withholding, preceding invoice", () => {
    const fixture = germanInvoice();
    const xml = toUbl(
      germanInvoice({
        kind: "credit_note",
        precedingInvoice: { number: "INV-2026-0042", issueDate: "2026-12-01" },
        lines: [{ ...fixture.lines[0]!, netAmount: 80_000, allowance: 5_000 }, fixture.lines[1]!],
        totals: { ...fixture.totals, prepaid: 1_000, payable: fixture.totals.payable - 1_000 },
      }),
    );
    const parsed = parseEInvoice(xml);
    expect(parsed.kind).toBe("credit_note");
    expect(parsed.precedingInvoices).toEqual([{ number: "INV-2026-0042", issueDate: "2026-12-01" }]);
    expect(parsed.dueDate).toBe("2026-12-31");
    expect(parsed.buyerReference).toBe("04011000-12345-67");
    expect(parsed.lines[0]?.allowances).toEqual([expect.objectContaining({ charge: false, amount: "50.00", reason: "Discount" })]);
    // 1,051.63 − 10.00 prepaid = 1,041.63.
    expect(parsed.totals).toMatchObject({ prepaid: "10.00", payable: "1041.63" });
    expect(parsed.seller.electronicAddress).toEqual({ id: "rechnung@muster-design.de", scheme: "EM" });
    expect(parsed.seller.taxRegistrationId).toBe("201/113/40209");
    expect(parsed.delivery).toEqual({ date: undefined, periodStart: "2026-11-01", periodEnd: "2026-11-30" });
  });
});

describe("parseEInvoice: CII", () => {
  it("reads the official CII example 1 (dates as YYYY-MM-DD, amounts as written)", () => {
    const invoice = parseEInvoice(read("cii", "examples", "CII_example1.xml"));
    expect(invoice).toMatchObject({ syntax: "cii", kind: "invoice", typeCode: "380", number: "12115118", issueDate: "2015-01-09", currency: "EUR" });
    expect(invoice.customizationId).toBe("urn:cen.eu:en16931:2017");
    expect(invoice.seller).toMatchObject({ name: "De Koksmaat", legalRegistrationId: "57151520" });
    expect(invoice.lines).toHaveLength(20);
    expect(invoice.lines[0]).toMatchObject({ id: "1", name: "PATAT FRITES 10MM 10KG", quantity: "2", unitCode: "H87", price: "9.95", amount: "19.9", vatCategory: "S", vatRate: "6" });
    expect(invoice.vatBreakdown.map((v) => [v.category, v.rate, v.taxableAmount, v.taxAmount])).toEqual([
      ["S", "6", "183.23", "10.99"],
      ["S", "21", "46.37", "9.74"],
    ]);
    expect(invoice.totals).toMatchObject({ lineNet: "229.6", taxExclusive: "229.6", vat: "20.73", taxInclusive: "250.33", payable: "250.33" });
    expect(invoice.paymentMeans[0]?.iban).toBe("NL57 RABO 0107307510");
  });

  it("reads the XRechnung CII example's buyer reference", () => {
    expect(parseEInvoice(read("cii", "examples", "XRechnung-O.xml")).buyerReference).toBe("XX");
  });
});

describe("parseEInvoice: what it refuses, with a message for the user", () => {
  const refusal = (xml: string) => {
    try {
      parseEInvoice(xml);
    } catch (error) {
      expect(error).toBeInstanceOf(EInvoiceParseError);
      return (error as Error).message;
    }
    throw new Error("expected a refusal");
  };

  it("text that is not XML", () => {
    expect(refusal("Invoice 42, total 100 EUR")).toBe("This file is not well-formed XML, so it cannot be an e-invoice.");
    expect(refusal("<Invoice><unclosed></Invoice>")).toBe("This file is not well-formed XML, so it cannot be an e-invoice.");
  });

  it("a DOCTYPE (external entities are never read)", () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE Invoice [<!ENTITY secret SYSTEM "file:///etc/passwd">]><Invoice>&secret;</Invoice>';
    expect(refusal(xxe)).toBe("This file declares a DOCTYPE, which e-invoices never do, so it was not read.");
  });

  it("an XML file of another kind", () => {
    expect(refusal('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>')).toBe(
      "This XML file is not an e-invoice: its root element is svg. Expected a UBL Invoice or CreditNote, or a CII CrossIndustryInvoice.",
    );
    // The right name in the wrong namespace is not a UBL invoice either.
    expect(refusal("<Invoice/>")).toMatch(/its root element is Invoice\./);
  });
});
