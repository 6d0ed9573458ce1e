import { describe, expect, it } from "vitest";
import { findIban, groupIban } from "./iban";

describe("findIban", () => {
  it("finds a grouped IBAN in free text and drops its spaces", () => {
    expect(findIban("IBAN DE89 3704 0044 0532 0130 00 · BIC COBADEFFXXX")).toBe("DE89370400440532013000");
    expect(findIban("Bank: Lloyds\nIBAN: GB82WEST12345698765432\nSort code 12-34-56")).toBe("GB82WEST12345698765432");
  });

  it("stops before a following word that would break the checksum", () => {
    expect(findIban("FR14 2004 1010 0505 0001 3M02 606 BIC PSSTFRPPPAR")).toBe("FR1420041010050500013M02606");
  });

  it("offers nothing when no candidate passes the mod-97 check", () => {
    // Same digits as the valid German IBAN with the check digits changed: 88 instead of 89.
    expect(findIban("IBAN DE88 3704 0044 0532 0130 00")).toBeNull();
    expect(findIban("Pay by card at the front desk. Phone +44 20 7946 0958")).toBeNull();
    expect(findIban(null)).toBeNull();
  });
});

describe("groupIban", () => {
  it("groups by four as printed", () => {
    expect(groupIban("DE89370400440532013000")).toBe("DE89 3704 0044 0532 0130 00");
  });
});
