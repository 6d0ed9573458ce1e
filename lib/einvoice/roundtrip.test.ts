/**
 * Round trip, for the integrator (needs toUbl and toCii from helpers B and C): every source the
 * builder tests use, in every format. Whenever pre-flight finds nothing, the XML passes the schema,
 * the EN 16931 rules and (for XRechnung) the KoSIT rules; whenever the XML fails, pre-flight said why.
 * (Peppol's own rules are not vendored, so pre-flight may be stricter than the validator there.)
 */
import { describe, expect, it } from "vitest";
import type { LineTaxSnapshot } from "@/db/schema";
import { documentRow, germanCustomer, germanOrganization, germanSource, intraCommunity, reverseCharge, storedLine, storedSource, storedTax, vat19, vat19Inclusive, vat7 } from "@/tests/support/einvoice-sources";
import { buildEInvoice } from "./build";
import { toCii } from "./cii";
import { toUbl } from "./ubl";
import { validateEInvoice } from "./validate";
import type { EInvoiceSource } from "./model";
import { EINVOICE_FORMATS, syntaxOf } from "./codes";
import { preflight } from "./preflight";

const french = { name: "Société Exemple SARL", taxId: "FR12345678901", address: { line1: "1 rue de la Paix", line2: null, city: "Paris", postalCode: "75002", region: null, country: "FR" } };
const vat21: LineTaxSnapshot = { id: "tax-21", name: "IVA 21%", rateE4: 210_000, inclusive: false, compound: false, vatCategory: "S" };
const irpf: LineTaxSnapshot = { id: "tax-irpf", name: "IRPF", rateE4: -150_000, inclusive: false, compound: false };
const exempt: LineTaxSnapshot = { id: "tax-e", name: "Exempt", rateE4: 0, inclusive: false, compound: false, vatCategory: "E", exemptionReason: null, exemptionCode: "VATEX-EU-132" };
const sources: Record<string, EInvoiceSource> = {
  german: germanSource(),
  inclusive: storedSource({ discount: { type: "percent", rateE4: 100_000 }, lines: [
    { description: "Workshop seat", quantityE4: 30_000, unitPrice: 1_999, taxes: [vat19Inclusive] },
    { description: "Lunch", quantityE4: 10_000, unitPrice: 1_000, taxes: [vat19Inclusive] },
    { description: "Tickets", quantityE4: 20_000, unitPrice: 1_190, discount: { type: "percent", rateE4: 100_000 }, taxes: [vat19Inclusive] },
    { description: "Book", quantityE4: 30_000, unitPrice: 1_333, discount: { type: "amount", amount: 111 }, taxes: [vat7] },
  ] }),
  docRounding: storedSource({ rounding: "document", discount: { type: "amount", amount: 777 }, lines: [
    { description: "A", quantityE4: 10_000, unitPrice: 1_001, taxes: [vat19] },
    { description: "B", quantityE4: 25_000, unitPrice: 1_001, taxes: [vat19] },
    { description: "C", quantityE4: 10_000, unitPrice: 5, taxes: [vat7] },
  ] }),
  reverse: storedSource({ lines: [{ description: "Consulting", unit: "day", quantityE4: 20_000, unitPrice: 50_000, taxes: [reverseCharge] }], customer: french }),
  ic: storedSource({ lines: [{ description: "Parts", quantityE4: 20_000, unitPrice: 50_000, taxes: [intraCommunity] }], customer: french, document: { deliveryDate: "2026-11-20", periodStart: null, periodEnd: null } }),
  exempt: storedSource({ lines: [{ description: "Therapy", quantityE4: 10_000, unitPrice: 9_000, taxes: [exempt] }] }),
  irpf: {
    document: documentRow({ number: "F-2026-0007", subtotal: 139_350, lineAmountTotal: 139_350, taxTotal: 8_361, total: 147_711, balance: 147_711 }),
    lines: [storedLine(0, { description: "Desarrollo web", quantityE4: 10_000, unitPrice: 139_350, taxes: [vat21, irpf], net: 139_350, tax: 8_361, total: 147_711 })],
    taxes: [storedTax(0, vat21, 139_350, 29_264), storedTax(1, irpf, 139_350, -20_903)],
    organization: germanOrganization({ country: "ES", taxId: "ESB12345678" }),
    customer: germanCustomer({ taxId: "ESA87654321" }),
    precedingInvoice: null,
  },
  credit: germanSource({ document: { kind: "credit_note", number: "CN-2026-0003" }, precedingInvoice: { number: "INV-2026-0042", issueDate: "2026-12-01" } }),
  jpy: storedSource({ currency: "JPY", lines: [{ description: "Licence", quantityE4: 30_000, unitPrice: 12_345, taxes: [{ ...vat19, rateE4: 100_000, id: "t10", name: "10%" }] }] }),
  deposit: storedSource({ lines: [
    { description: "Website", quantityE4: 10_000, unitPrice: 100_000, taxes: [vat19] },
    { description: "Less deposits paid\nINV-2026-0040", quantityE4: 10_000, unitPrice: -30_000, taxes: [vat19] },
  ] }),
  outside: storedSource({ lines: [{ description: "Donation handling", quantityE4: 10_000, unitPrice: 9_000, taxes: [{ id: "o", name: "Outside", rateE4: 0, inclusive: false, compound: false, vatCategory: "O", exemptionReason: "Not subject to VAT." }] }] }),
  exportG: storedSource({ lines: [{ description: "Export", quantityE4: 10_000, unitPrice: 9_000, taxes: [{ id: "g", name: "Export", rateE4: 0, inclusive: false, compound: false, vatCategory: "G", exemptionCode: "VATEX-EU-G" }] }], customer: { ...french, taxId: null, address: { ...french.address, country: "US" } } }),
  kwd: storedSource({ currency: "KWD", lines: [{ description: "Service", quantityE4: 10_000, unitPrice: 10_000, taxes: [vat19] }] }),
  incWithholding: storedSource({ lines: [{ description: "Inc", quantityE4: 10_000, unitPrice: 11_900, taxes: [vat19Inclusive] }] }),
  minimal: germanSource({ organization: { contactName: null, phone: null, email: null, electronicAddress: null, electronicAddressScheme: null, iban: null, bic: null, taxRegistrationId: null, addressLine1: null, city: null, postalCode: null, legalName: null }, customer: { electronicAddress: null, electronicAddressScheme: null, buyerReference: null, address: { line1: null, line2: null, city: null, postalCode: null, region: null, country: "DE" } }, document: { dueDate: null, periodStart: null, periodEnd: null, purchaseOrderRef: null } }),
  bareCredit: germanSource({ document: { kind: "credit_note", number: "CN-1", terms: null, dueDate: null }, precedingInvoice: { number: "INV-2026-0042", issueDate: "2026-12-01" } }),
  cash: germanSource({ document: { paymentMeansCode: "10", deliveryDate: "2026-11-30", periodStart: null, periodEnd: null } }),
  debit: germanSource({ document: { paymentMeansCode: "59" } }),
  usBuyer: germanSource({ customer: { taxId: "12-3456789", address: { line1: "1 Main St", line2: null, city: "Austin", postalCode: "78701", region: "TX", country: "US" } } }),
  zeroQty: storedSource({ lines: [{ description: "Heading", quantityE4: 0, unitPrice: 5_000, taxes: [vat19] }, { description: "Work", quantityE4: 15_000, unitPrice: 1_001, discount: { type: "amount", amount: 3 }, taxes: [vat19] }] }),
  incIrpf: storedSource({ rounding: "document", discount: { type: "percent", rateE4: 75_000 }, lines: [
    { description: "Curso", quantityE4: 30_000, unitPrice: 12_100, taxes: [{ ...vat21, id: "t21i", inclusive: true }, irpf] },
    { description: "Libro", quantityE4: 10_000, unitPrice: 999, taxes: [vat7, irpf] },
  ], organization: { country: "ES", taxId: "ESB12345678" } }),
  kwdPrice: storedSource({ currency: "KWD", lines: [{ description: "Service", quantityE4: 20_000, unitPrice: 12_345, taxes: [{ id: "z", name: "Zero", rateE4: 0, inclusive: false, compound: false, vatCategory: "Z" }] }] }),
  // A compound rate alone on its line is computed like any other rate (lib/money compounds only over other taxes).
  compound: storedSource({ lines: [{ description: "Consulting", quantityE4: 20_000, unitPrice: 12_345, taxes: [{ ...vat19, id: "c19", compound: true }] }] }),
  noTerms: germanSource({ document: { terms: null, notes: "Danke & <bye>" } }),
};

// The situations the README promises: each passes pre-flight in every format, so the loop below
// holds its XML to zero failed asserts (no situation slips through as "pre-flight refused it").
const SUPPORTED = ["german", "inclusive", "docRounding", "reverse", "ic", "exempt", "irpf", "credit", "jpy", "deposit", "outside", "exportG", "kwd", "incWithholding", "compound"];

describe("e-invoice round trip: build → XML → official validation", () => {
  it("every supported situation passes pre-flight in every format", () => {
    const refused = SUPPORTED.flatMap((name) => EINVOICE_FORMATS.map((format) => [name, format, preflight(sources[name]!, format).map((p) => p.term)] as const)).filter(([, , terms]) => terms.length > 0);
    expect(refused).toEqual([]);
  });

  for (const [name, source] of Object.entries(sources)) {
    for (const format of EINVOICE_FORMATS) {
      it(`${name} as ${format}`, async () => {
        const xml = syntaxOf(format) === "ubl" ? toUbl(buildEInvoice(source, format)) : toCii(buildEInvoice(source, format));
        const result = await validateEInvoice(xml, { xrechnung: format.startsWith("xrechnung") });
        const problems = preflight(source, format).map((p) => p.term);
        const failed = [...result.schemaErrors, ...result.failedAsserts.map((a) => `${a.id} ${a.text.slice(0, 160)}`)];
        if (problems.length === 0) expect({ name, format, failed }).toEqual({ name, format, failed: [] });
        else if (format !== "peppol-bis") expect({ name, format, problems, valid: result.valid }).toMatchObject({ valid: false });
      }, 120_000);
    }
  }
});
