/** The recurring profile form's schema: what must be a field error, and what saveProfile receives. */
import { describe, expect, it } from "vitest";
import { recurringSchema, toProfileInput } from "./recurring";

const CUSTOMER = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
const valid = {
  name: "Monthly retainer",
  customerId: CUSTOMER,
  currency: "EUR",
  discountType: "none" as const,
  discountValue: "",
  notes: "For {period}",
  terms: "",
  footer: "",
  paymentTermsDays: "14",
  action: "issue" as const,
  attachPdf: true,
  frequency: "monthly" as const,
  interval: "1",
  weekday: "1",
  dayOfMonth: "15",
  monthOfYear: "1",
  startDate: "2027-01-10",
  endType: "never" as const,
  endAfterCount: "",
  endDate: "",
  lines: [{ itemId: null, description: "Retainer {month}", unit: "", quantity: "2", unitPrice: "1,250.50", discountType: "none" as const, discountValue: "", taxRateIds: [] }],
};

function fieldErrors(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of recurringSchema.safeParse(value).error?.issues ?? []) out[issue.path.join(".")] ??= issue.message;
  return out;
}

const input = (value: unknown) => toProfileInput(recurringSchema.parse(value));

describe("recurringSchema: the schedule", () => {
  it("refuses every 0 months, and more than 52", () => {
    expect(fieldErrors({ ...valid, interval: "0" })).toEqual({ interval: "Enter a number from 1 to 52." });
    expect(fieldErrors({ ...valid, interval: "53" })).toEqual({ interval: "Enter a number from 1 to 52." });
    expect(fieldErrors({ ...valid, interval: "1.5" })).toEqual({ interval: "Enter a number from 1 to 52." });
    expect(fieldErrors({ ...valid, interval: "" })).toEqual({ interval: "Enter a number from 1 to 52." });
  });

  it("refuses ending after 0 invoices, and asks for the count when it ends after some", () => {
    expect(fieldErrors({ ...valid, endType: "after", endAfterCount: "0" })).toEqual({ endAfterCount: "Enter a number of invoices from 1 to 1,000." });
    expect(fieldErrors({ ...valid, endType: "after", endAfterCount: "" })).toEqual({ endAfterCount: "Enter after how many invoices it ends." });
    expect(input({ ...valid, endType: "after", endAfterCount: "12" }).schedule).toMatchObject({ endType: "after", endAfterCount: 12, endDate: null });
  });

  it("refuses an end date before the start date; the start date itself is allowed", () => {
    expect(fieldErrors({ ...valid, endType: "on", endDate: "2027-01-09" })).toEqual({ endDate: "The end date can't be before the start date." });
    expect(fieldErrors({ ...valid, endType: "on", endDate: "" })).toEqual({ endDate: "Enter the end date." });
    expect(input({ ...valid, endType: "on", endDate: "2027-01-10" }).schedule).toMatchObject({ endType: "on", endDate: "2027-01-10", endAfterCount: null });
  });

  it("an end count or date left in a hidden field does not count while the profile never ends", () => {
    expect(input({ ...valid, endType: "never", endAfterCount: "3", endDate: "2027-05-01" }).schedule).toMatchObject({ endType: "never", endAfterCount: null, endDate: null });
  });

  it("stores 'Last day' as day 31, and refuses a day past it or 0", () => {
    expect(input({ ...valid, dayOfMonth: "31" }).schedule.dayOfMonth).toBe(31);
    expect(fieldErrors({ ...valid, dayOfMonth: "32" })).toEqual({ dayOfMonth: "Choose a day of the month." });
    expect(fieldErrors({ ...valid, dayOfMonth: "0" })).toEqual({ dayOfMonth: "Choose a day of the month." });
  });

  it("keeps only the fields of the chosen frequency", () => {
    expect(input({ ...valid, frequency: "weekly", interval: "2", weekday: "5" }).schedule).toEqual({
      frequency: "weekly",
      interval: 2,
      weekday: 5,
      dayOfMonth: null,
      monthOfYear: null,
      startDate: "2027-01-10",
      endType: "never",
      endAfterCount: null,
      endDate: null,
    });
    expect(input({ ...valid, frequency: "yearly", dayOfMonth: "29", monthOfYear: "2" }).schedule).toMatchObject({ frequency: "yearly", weekday: null, dayOfMonth: 29, monthOfYear: 2 });
    expect(input({ ...valid, frequency: "monthly" }).schedule).toMatchObject({ weekday: null, dayOfMonth: 15, monthOfYear: null });
    expect(fieldErrors({ ...valid, weekday: "8" })).toEqual({ weekday: "Choose a weekday." });
    expect(fieldErrors({ ...valid, monthOfYear: "13" })).toEqual({ monthOfYear: "Choose a month." });
  });

  it("refuses a start date that is not a real day", () => {
    expect(fieldErrors({ ...valid, startDate: "2027-02-30" })).toEqual({ startDate: "Enter a real date for the start date." });
  });
});

describe("recurringSchema: the rest of the profile", () => {
  it("takes the invoice editor's money rules and messages for lines and discount", () => {
    expect(fieldErrors({ ...valid, lines: [{ ...valid.lines[0], unitPrice: "" }] })).toEqual({ "lines.0.unitPrice": "Enter a price." });
    expect(fieldErrors({ ...valid, lines: [{ ...valid.lines[0], quantity: "" }] })).toEqual({ "lines.0.quantity": "Enter a quantity." });
    expect(fieldErrors({ ...valid, discountType: "percent", discountValue: "" })).toEqual({ discountValue: "Enter the discount." });
    expect(fieldErrors({ ...valid, lines: [] })).toEqual({ lines: "Add at least one line." });
    expect(fieldErrors({ ...valid, lines: [{ ...valid.lines[0], description: "" }] })).toEqual({ "lines.0.description": "Describe this line." });
  });

  it("turns typed amounts into exact minor units: 2 × 1,250.50 EUR, 10 % off", () => {
    const p = input({ ...valid, discountType: "percent", discountValue: "10" });
    expect(p.lines).toEqual([{ itemId: null, description: "Retainer {month}", unit: null, quantityE4: 20_000, unitPrice: 125_050, discount: null, taxRateIds: [] }]);
    expect(p.discount).toEqual({ type: "percent", rateE4: 100_000 });
    expect(p).toMatchObject({ name: "Monthly retainer", currency: "EUR", paymentTermsDays: 14, action: "issue", attachPdf: false, notes: "For {period}", terms: null });
  });

  it("attaches the PDF only when the invoice is emailed", () => {
    expect(input({ ...valid, action: "send", attachPdf: true }).attachPdf).toBe(true);
    expect(input({ ...valid, action: "send", attachPdf: false }).attachPdf).toBe(false);
  });

  it("refuses payment terms outside 0–365 days, a missing name and an unknown action", () => {
    expect(fieldErrors({ ...valid, paymentTermsDays: "366" })).toEqual({ paymentTermsDays: "Enter a number of days from 0 to 365." });
    expect(input({ ...valid, paymentTermsDays: "0" }).paymentTermsDays).toBe(0);
    expect(fieldErrors({ ...valid, name: "  " })).toEqual({ name: "Enter a name for this profile." });
    expect(fieldErrors({ ...valid, action: "publish" })).toEqual({ action: "Choose what each occurrence does." });
  });
});
