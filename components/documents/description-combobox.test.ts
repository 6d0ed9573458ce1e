import { describe, expect, it } from "vitest";
import { matchItems } from "./description-combobox";

const item = (name: string, description: string | null = null) => ({ id: name, name, description, unit: null, unitPrice: 100, currency: "USD", taxRateIds: [] });
const items = [item("Consulting hour"), item("Design", "Logo and brand consulting"), item("Hosting, monthly"), item("On-site consulting day")];

describe("matchItems", () => {
  it("finds every typed word in the name or description, names that start with the text first", () => {
    expect(matchItems(items, "consult").map((i) => i.name)).toEqual(["Consulting hour", "Design", "On-site consulting day"]);
    expect(matchItems(items, "CONSULTING day").map((i) => i.name)).toEqual(["On-site consulting day"]);
    expect(matchItems(items, "host").map((i) => i.name)).toEqual(["Hosting, monthly"]);
  });
  it("offers nothing for empty text or no match", () => {
    expect(matchItems(items, "  ")).toEqual([]);
    expect(matchItems(items, "plumbing")).toEqual([]);
  });
});
