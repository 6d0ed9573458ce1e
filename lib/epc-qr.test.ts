import { describe, expect, it } from "vitest";
import { epcPayload, qrPath } from "./epc-qr";

describe("epcPayload", () => {
  it("writes the EPC069-12 v002 lines: service tag, version, UTF-8, SCT, no BIC, name, IBAN, amount, reference", () => {
    expect(epcPayload({ name: "Acme Ltd", iban: "IE29AIBK93115212345678", currency: "EUR", amount: 136_800, reference: "INV-2026-0001" })).toBe(
      "BCD\n002\n1\nSCT\n\nAcme Ltd\nIE29AIBK93115212345678\nEUR1368.00\n\n\nINV-2026-0001",
    );
  });

  it("is only for euros, an IBAN, and an amount from 0.01 to 999,999,999.99", () => {
    const base = { name: "Acme Ltd", iban: "IE29AIBK93115212345678", currency: "EUR", amount: 1, reference: null };
    expect(epcPayload(base)).toBe("BCD\n002\n1\nSCT\n\nAcme Ltd\nIE29AIBK93115212345678\nEUR0.01");
    expect(epcPayload({ ...base, currency: "USD" })).toBeNull();
    expect(epcPayload({ ...base, iban: null })).toBeNull();
    expect(epcPayload({ ...base, amount: 0 })).toBeNull();
    expect(epcPayload({ ...base, amount: 100_000_000_000 })).toBeNull();
  });
});

describe("qrPath", () => {
  it("draws a square symbol of whole modules with the three finder patterns", () => {
    const { size, d } = qrPath("BCD\n002\n1\nSCT\n\nAcme Ltd\nIE29AIBK93115212345678\nEUR1368.00");
    // Version n has 17 + 4n modules a side.
    expect((size - 17) % 4).toBe(0);
    // Each finder pattern's top-left module is dark: top left, top right, bottom left.
    for (const [x, y] of [[0, 0], [size - 7, 0], [0, size - 7]]) expect(d).toContain(`M${x} ${y}h1v1h-1z`);
  });
});
