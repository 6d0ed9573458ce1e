import { describe, expect, it } from "vitest";
import { problemHref } from "./links";

const place = { documentPath: "/invoices", documentId: "d1", customerId: "c1" };
const problem = (scope: "organization" | "customer" | "document" | "taxRate" | "line", name: string) => ({ term: "BT-10", message: "m", field: { scope, name } });

describe("problemHref", () => {
  it("sends each scope to the page its field is edited on", () => {
    expect(problemHref(problem("organization", "iban"), place)).toBe("/settings#iban");
    expect(problemHref(problem("customer", "buyerReference"), place)).toBe("/customers/c1/edit#buyerReference");
    expect(problemHref(problem("document", "deliveryDate"), place)).toBe("/invoices/d1/edit#deliveryDate");
    expect(problemHref(problem("taxRate", "vatCategory"), place)).toBe("/settings/taxes");
    expect(problemHref(problem("line", "unit"), place)).toBe("/invoices/d1/edit#lines-heading");
  });

  it("keeps a field name from breaking out of the fragment", () => {
    expect(problemHref(problem("organization", 'a"b<c d'), place)).toBe("/settings#a-b-c-d");
  });
});
