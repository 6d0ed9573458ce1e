/** The e-invoice details of the editor's schema: service period both-or-neither and ordered, payment means from the list. */
import { describe, expect, it } from "vitest";
import { documentSchema, PERIOD_BOTH, PERIOD_ORDER, toDraftInput } from "./documents";

const valid = {
  kind: "invoice" as const,
  customerId: "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
  currency: "EUR",
  issueDate: "2026-03-01",
  dueDate: "",
  discountType: "none" as const,
  discountValue: "",
  lines: [{ itemId: null, description: "Consulting", unit: "", quantity: "1", unitPrice: "100", discountType: "none" as const, discountValue: "", taxRateIds: [] }],
};
const errorsOf = (value: object) => Object.fromEntries((documentSchema.safeParse({ ...valid, ...value }).error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("documentSchema: e-invoice details", () => {
  it("needs both ends of a service period, in order", () => {
    expect(errorsOf({ periodStart: "2026-02-01", periodEnd: "" })).toEqual({ periodEnd: PERIOD_BOTH });
    expect(errorsOf({ periodStart: "", periodEnd: "2026-02-28" })).toEqual({ periodStart: PERIOD_BOTH });
    expect(errorsOf({ periodStart: "2026-02-10", periodEnd: "2026-02-01" })).toEqual({ periodEnd: PERIOD_ORDER });
    expect(errorsOf({ periodStart: "2026-02-01", periodEnd: "2026-02-01" })).toEqual({});
    expect(errorsOf({ deliveryDate: "2026-02-31" }).deliveryDate).toMatch(/real date/);
  });

  it("takes a payment means from the list only, and hands the terms to the draft (empty = none)", () => {
    expect(errorsOf({ paymentMeansCode: "99" }).paymentMeansCode).toBe("Choose a payment means from the list.");
    expect(errorsOf({ paymentMeansCode: "toString" }).paymentMeansCode).toBe("Choose a payment means from the list.");
    const draft = toDraftInput(documentSchema.parse({ ...valid, deliveryDate: "2026-02-15", purchaseOrderRef: " PO-1 ", buyerReference: "", paymentMeansCode: "58" }));
    expect(draft).toMatchObject({ deliveryDate: "2026-02-15", periodStart: null, periodEnd: null, purchaseOrderRef: "PO-1", buyerReference: null, paymentMeansCode: "58" });
  });
});
