/** What the invoice, quote and credit-note lists and their CSV exports make of a hand-edited URL. */
import { describe, expect, it } from "vitest";
import { parseListQuery } from "./document-list-query";

describe("parseListQuery", () => {
  it("keeps valid filters", () => {
    expect(parseListQuery("invoice", { q: " acme ", from: "2026-01-01", to: "2026-03-31", customer: "3F2504E0-4F89-41D3-9A0C-0305E82C3301" })).toMatchObject({
      q: "acme",
      from: "2026-01-01",
      to: "2026-03-31",
      customerId: "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
    });
  });

  it("ignores what the database would refuse: impossible or out-of-range dates, malformed ids, control characters", () => {
    const query = parseListQuery("invoice", { q: "\u0000", from: "2026-99-99", to: "0000-01-01", customer: "-".repeat(36) });
    expect(query).toMatchObject({ q: undefined, from: undefined, to: undefined, customerId: undefined });
    expect(parseListQuery("quote", { q: "a\u0000b" }).q).toBe("ab");
    expect(parseListQuery("credit_note", { from: "2026-02-30" }).from).toBeUndefined();
  });
});
