import { describe, expect, it } from "vitest";
import { isValidBic, isValidIban, normalizeIban } from "@/lib/iban";
import { customerSchema } from "./customers";
import { BIC_ERROR, IBAN_ERROR, SCHEME_ERROR } from "./einvoice-fields";
import { organizationSchema } from "./organization";

const org = { name: "Acme GmbH", defaultCurrency: "EUR", locale: "de-DE", timeZone: "Europe/Berlin", paymentTermsDays: "14" };
const orgErrors = (input: Record<string, unknown>) => {
  const r = organizationSchema.safeParse({ ...org, ...input });
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("IBAN and BIC", () => {
  it("accepts a valid German IBAN typed with spaces and stores it compact and upper case", () => {
    // DE89 3704 0044 0532 0130 00: the standard example; 370400440532013000 131489 mod 97 = 1.
    expect(normalizeIban(" de89 3704 0044 0532 0130 00 ")).toBe("DE89370400440532013000");
    expect(isValidIban("DE89370400440532013000")).toBe(true);
    expect(organizationSchema.parse({ ...org, iban: "de89 3704 0044 0532 0130 00", bic: "cobadeffxxx" })).toMatchObject({ iban: "DE89370400440532013000", bic: "COBADEFFXXX" });
  });

  it("refuses a typo (one digit changed), a bad shape, and a BIC that is not 8 or 11 characters", () => {
    expect(isValidIban("DE89370400440532013001")).toBe(false);
    expect(orgErrors({ iban: "DE89 3704 0044 0532 0130 01" }).iban).toBe(IBAN_ERROR);
    expect(orgErrors({ iban: "1234" }).iban).toBe(IBAN_ERROR);
    expect(isValidBic("COBADEFF")).toBe(true);
    expect(orgErrors({ bic: "COBADEF" }).bic).toBe(BIC_ERROR);
    expect(orgErrors({ bic: "COBADEFFXX" }).bic).toBe(BIC_ERROR);
  });
});

describe("e-invoice fields of organisations and customers", () => {
  it("needs a scheme with an electronic address, and knows the formats", () => {
    expect(orgErrors({ electronicAddress: "0204:991-12345-67" }).electronicAddressScheme).toBe(SCHEME_ERROR);
    expect(orgErrors({ electronicAddress: "9930:DE123456789", electronicAddressScheme: "9930" })).toEqual({});
    expect(orgErrors({ electronicAddressScheme: "XXXX", electronicAddress: "x" }).electronicAddressScheme).toBe(SCHEME_ERROR);
    expect(organizationSchema.parse(org).einvoiceFormat).toBe("none");
    expect(orgErrors({ einvoiceFormat: "pdf" }).einvoiceFormat).toMatch(/Choose an e-invoice format/);
  });

  it("a customer's empty format means the organisation's default (null); its Leitweg-ID is kept as typed", () => {
    const parsed = customerSchema.parse({ name: "Stadt Musterhausen", contacts: [], buyerReference: " 04011000-12345-67 ", einvoiceFormat: "" });
    expect(parsed).toMatchObject({ buyerReference: "04011000-12345-67", einvoiceFormat: null, electronicAddress: null, electronicAddressScheme: null });
    expect(customerSchema.parse({ name: "X", contacts: [], einvoiceFormat: "none" }).einvoiceFormat).toBe("none");
  });
});
