import { describe, expect, it } from "vitest";
import { taxCategoryErrors, taxRateSchema } from "./tax-rates";

const base = { name: "VAT", rate: "19", inclusive: false, compound: false };
const errorsOf = (input: Record<string, unknown>) => {
  const result = taxRateSchema.safeParse({ ...base, ...input });
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("tax rate validation (EN 16931 categories)", () => {
  it("accepts a standard rate and a reverse charge with its VATEX code, and outputs the category", () => {
    expect(taxRateSchema.parse(base)).toMatchObject({ rateE4: 190_000, vatCategory: "S", exemptionReason: null, exemptionCode: null });
    expect(taxRateSchema.parse({ ...base, rate: "0", vatCategory: "AE", exemptionCode: "VATEX-EU-AE" })).toMatchObject({ rateE4: 0, vatCategory: "AE", exemptionCode: "VATEX-EU-AE" });
  });

  it("needs rate 0 for Z/E/AE/K/G/O (BR-*-05) and above 0 for S (BR-S-05)", () => {
    for (const vatCategory of ["Z", "E", "AE", "K", "G", "O"]) {
      expect(errorsOf({ vatCategory, exemptionReason: "Why" }).rate, vatCategory).toMatch(/rate must be 0%/);
    }
    expect(errorsOf({ rate: "0" }).rate).toBe('A standard rate must be above 0%. For 0%, choose "Zero rated" or an exemption.');
    expect(errorsOf({ rate: "0", vatCategory: "Z" })).toEqual({});
  });

  it("needs an exemption reason or code for E, AE, K, G, O (BR-*-10), and a known code", () => {
    for (const vatCategory of ["E", "AE", "K", "G", "O"]) expect(errorsOf({ rate: "0", vatCategory }).exemptionReason, vatCategory).toMatch(/needs an exemption reason/);
    expect(errorsOf({ rate: "0", vatCategory: "E", exemptionReason: "Exempt under §4 UStG" })).toEqual({});
    expect(errorsOf({ rate: "0", vatCategory: "E", exemptionCode: "VATEX-XX" }).exemptionCode).toBe("Choose an exemption code from the list.");
    // A name every object has is not a code of the list.
    expect(errorsOf({ rate: "0", vatCategory: "E", exemptionCode: "constructor" }).exemptionCode).toBe("Choose an exemption code from the list.");
  });

  it("reads the withholding box or a typed minus as a negative rate, exclusive and not compound", () => {
    expect(taxRateSchema.parse({ ...base, name: "IRPF", rate: "15", withholding: true }).rateE4).toBe(-150_000);
    expect(taxRateSchema.parse({ ...base, name: "IRPF", rate: "-15" }).rateE4).toBe(-150_000);
    expect(errorsOf({ rate: "15", withholding: true, inclusive: true }).inclusive).toMatch(/withholding tax is deducted from the total/);
    expect(errorsOf({ rate: "15", withholding: true, compound: true }).compound).toBe("A withholding tax can't be compound.");
    expect(errorsOf({ rate: "-150" }).rate).toBe("Enter a rate from 0 to 100%.");
  });

  it("taxCategoryErrors ignores the VAT category of a withholding", () => {
    expect(taxCategoryErrors({ rateE4: -150_000, inclusive: false, compound: false, vatCategory: "AE" })).toEqual({});
  });
});
