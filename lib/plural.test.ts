import { describe, expect, it } from "vitest";
import { countLabel } from "./plural";

const invoices = { one: "invoice", other: "invoices" };
const days = { one: "day", other: "days" };

describe("countLabel", () => {
  it("says 1 invoice, 0 invoices, 2 invoices", () => {
    expect(countLabel(1, invoices)).toBe("1 invoice");
    expect(countLabel(0, invoices)).toBe("0 invoices");
    expect(countLabel(2, invoices)).toBe("2 invoices");
    expect(countLabel(1234, invoices, "de-DE")).toBe("1.234 invoices");
  });

  it("treats a number shown with a decimal as plural, as English does", () => {
    expect(countLabel(1, days, "en-US", 1)).toBe("1.0 days");
    expect(countLabel(26.6, days, "en-US", 1)).toBe("26.6 days");
    expect(countLabel(1, days)).toBe("1 day");
  });
});
