/** The editor's schema, in the browser and on the server: what a person or a script sends that must be a field error. */
import { describe, expect, it } from "vitest";
import { documentSchema, paymentSchema, voidSchema } from "./documents";

const CUSTOMER = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
const valid = {
  kind: "invoice" as const,
  customerId: CUSTOMER,
  currency: "USD",
  issueDate: "2026-03-01",
  dueDate: "",
  discountType: "none" as const,
  discountValue: "",
  notes: "",
  terms: "",
  footer: "",
  lines: [{ itemId: null, description: "Design work", unit: "", quantity: "1", unitPrice: "100", discountType: "none" as const, discountValue: "", taxRateIds: [] }],
};

function fieldErrors(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of documentSchema.safeParse(value).error?.issues ?? []) out[issue.path.join(".")] ??= issue.message;
  return out;
}

describe("documentSchema: deposit", () => {
  it("reads a percent or an amount, refuses nothing or less, and is optional", () => {
    expect(documentSchema.safeParse({ ...valid, depositType: "percent", depositValue: "30" }).success).toBe(true);
    expect(documentSchema.safeParse({ ...valid, depositType: "amount", depositValue: "410.40" }).success).toBe(true);
    expect(fieldErrors({ ...valid, depositType: "percent", depositValue: "" })).toEqual({ depositValue: "Enter the deposit." });
    expect(fieldErrors({ ...valid, depositType: "percent", depositValue: "0" })).toEqual({ depositValue: "Enter a deposit greater than zero." });
    expect(fieldErrors({ ...valid, depositType: "amount", depositValue: "-5" })).toEqual({ depositValue: "Enter a deposit greater than zero." });
    expect(fieldErrors({ ...valid, depositType: "percent", depositValue: "101" })).toHaveProperty("depositValue");
  });

  it("a line may carry the deposit invoice it deducts; anything but an id is refused", () => {
    expect(documentSchema.safeParse({ ...valid, lines: [{ ...valid.lines[0], depositInvoiceId: CUSTOMER }] }).success).toBe(true);
    expect(fieldErrors({ ...valid, lines: [{ ...valid.lines[0], depositInvoiceId: "x" }] })).toEqual({ "lines.0.depositInvoiceId": "Unknown deposit invoice." });
  });
});

describe("documentSchema", () => {
  it("accepts a plain draft; an empty item picker is no item", () => {
    expect(documentSchema.safeParse(valid).success).toBe(true);
    expect(documentSchema.parse({ ...valid, lines: [{ ...valid.lines[0], itemId: "" }] }).lines[0]!.itemId).toBeNull();
  });

  it("says what is missing or mistyped in plain words", () => {
    const line = valid.lines[0]!;
    expect(fieldErrors({ ...valid, lines: [{ ...line, unitPrice: "", quantity: " " }] })).toEqual({ "lines.0.unitPrice": "Enter a price.", "lines.0.quantity": "Enter a quantity." });
    expect(fieldErrors({ ...valid, lines: [{ ...line, unitPrice: "12,5" }] })).toEqual({ "lines.0.unitPrice": "Enter the amount in digits, like 1234.56." });
    expect(fieldErrors({ ...valid, discountType: "percent", lines: [{ ...line, discountType: "amount" }] })).toEqual({ discountValue: "Enter the discount.", "lines.0.discountValue": "Enter the discount." });
  });

  it("refuses dates outside 1900-2199 with a field error", () => {
    expect(fieldErrors({ ...valid, issueDate: "0000-01-01" })).toEqual({ issueDate: "Use a date from 1900 to 2199." });
    expect(fieldErrors({ ...valid, issueDate: "2200-01-01", dueDate: "2200-02-01" })).toEqual({ issueDate: "Use a date from 1900 to 2199.", dueDate: "Use a date from 1900 to 2199." });
    expect(fieldErrors({ ...valid, issueDate: "2026-02-30" })).toEqual({ issueDate: "Enter a real date for the issue date." });
  });

  it("refuses NUL and other control characters in every text field", () => {
    const line = valid.lines[0]!;
    expect(fieldErrors({ ...valid, notes: "a\u0000b", terms: "x\u0007", footer: "\u001b[31m" })).toEqual({
      notes: "Remove control characters.",
      terms: "Remove control characters.",
      footer: "Remove control characters.",
    });
    expect(fieldErrors({ ...valid, lines: [{ ...line, description: "Design\u0000work", unit: "h\u0000" }] })).toEqual({
      "lines.0.description": "Remove control characters.",
      "lines.0.unit": "Remove control characters.",
    });
    // Line breaks are fine in a line's description (a textarea), not in its unit.
    expect(fieldErrors({ ...valid, lines: [{ ...line, description: "Design\nwork", unit: "h\tr" }] })).toEqual({ "lines.0.unit": "Remove control characters." });
  });

  it("refuses malformed ids with the field's own message", () => {
    const line = valid.lines[0]!;
    expect(fieldErrors({ ...valid, id: "x", customerId: "-".repeat(36), lines: [{ ...line, itemId: "item-1", taxRateIds: ["vat"] }] })).toEqual({
      id: "Unknown document.",
      customerId: "Choose a customer.",
      "lines.0.itemId": "Choose an item from the list.",
      "lines.0.taxRateIds.0": "Choose taxes from the list.",
    });
    expect(fieldErrors({ ...valid, customerId: "" })).toEqual({ customerId: "Choose a customer." });
  });
});

describe("payment and void schemas", () => {
  it("refuse a malformed document id, an out-of-range date and control characters", () => {
    const payment = paymentSchema.safeParse({ documentId: "nope", paidOn: "0000-01-01", amount: "1", method: "cash", reference: "r\u0000", idempotencyKey: "0b7c2b5e-8f1a-4c3d-9e2f-1a2b3c4d5e6f" });
    expect(payment.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["documentId", "Unknown document."],
      ["paidOn", "Use a date from 1900 to 2199."],
      ["reference", "Remove control characters."],
    ]);
    const voided = voidSchema.safeParse({ id: "-".repeat(36), reason: "typo\u0000" });
    expect(voided.error?.issues.map((i) => i.message)).toEqual(["Unknown document.", "Remove control characters."]);
  });
});
