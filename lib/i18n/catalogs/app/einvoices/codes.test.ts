import { describe, expect, it } from "vitest";
import { PAYMENT_MEANS, VAT_CATEGORIES } from "../../../../einvoice/codes";
import { catalogs } from ".";

describe("e-invoice code names", () => {
  it("names every VAT category and payment means the viewer knows, in each language", () => {
    const keys = [...VAT_CATEGORIES.map((c) => `vat.${c}`), ...Object.keys(PAYMENT_MEANS).map((code) => `means.${code}`)];
    for (const key of keys) {
      expect(catalogs.en, key).toHaveProperty([key]);
      expect(catalogs.de, key).toHaveProperty([key]);
    }
  });
});
