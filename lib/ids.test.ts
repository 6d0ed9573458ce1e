import { describe, expect, it } from "vitest";
import { idField, isId, parseId } from "./ids";

describe("parseId", () => {
  it("accepts a canonical uuid and folds it to lower case", () => {
    expect(parseId("3f2504e0-4f89-41d3-9a0c-0305e82c3301")).toBe("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
    expect(parseId("3F2504E0-4F89-41D3-9A0C-0305E82C3301")).toBe("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
    // Any version: the database's keys decide, not RFC 4122 bits.
    expect(parseId("00000000-0000-0000-0000-000000000000")).toBe("00000000-0000-0000-0000-000000000000");
  });

  it("refuses what used to reach Postgres and fail there", () => {
    for (const bad of [
      "------------------------------------",
      "3f2504e04f8941d39a0c0305e82c3301",
      "{3f2504e0-4f89-41d3-9a0c-0305e82c3301}",
      "3f2504e0-4f89-41d3-9a0c-0305e82c330",
      "3f2504e0-4f89-41d3-9a0c-0305e82c3301 ",
      "3f2504e0-4f89-41d3-9a0c-0305e82c330g",
      "3f2504e0-4f89-41d3-9a0c0-305e82c3301",
      "3f2504e0-4f89-41d3-9a0c-0305e82c3301\u0000",
      "",
      "new",
    ]) {
      expect(parseId(bad), JSON.stringify(bad)).toBeNull();
    }
    expect(parseId(undefined)).toBeNull();
    expect(parseId(42)).toBeNull();
    expect(isId(["3f2504e0-4f89-41d3-9a0c-0305e82c3301"])).toBe(false);
  });
});

describe("idField", () => {
  it("gives the field's own message for anything but an id", () => {
    const customer = idField("Choose a customer.");
    expect(customer.safeParse("x").error?.issues[0]?.message).toBe("Choose a customer.");
    expect(customer.safeParse(undefined).error?.issues[0]?.message).toBe("Choose a customer.");
    expect(customer.parse("3F2504E0-4F89-41D3-9A0C-0305E82C3301")).toBe("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
  });
});
