import { describe, expect, it } from "vitest";
import { formatDocumentNumber, isValidNumberFormat } from "./numbering";

describe("document number formats", () => {
  it("renders year and zero-padded sequence tokens", () => {
    expect(formatDocumentNumber("INV-{YYYY}-{SEQ:4}", 7, 2026)).toBe("INV-2026-0007");
    expect(formatDocumentNumber("{YY}/{SEQ}", 123, 2009)).toBe("09/123");
    expect(formatDocumentNumber("Q{SEQ:3}", 12345, 2026)).toBe("Q12345");
  });

  it("requires a sequence token and refuses unknown tokens", () => {
    expect(isValidNumberFormat("INV-{YYYY}-{SEQ:4}")).toBe(true);
    expect(isValidNumberFormat("INV-{YYYY}")).toBe(false);
    expect(isValidNumberFormat("INV-{MONTH}-{SEQ}")).toBe(false);
  });
});
