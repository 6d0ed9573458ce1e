import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DATE_RANGE_MESSAGE } from "@/lib/dates";
import { emailTemplateKindSchema, emailTemplateSchema } from "@/lib/email-templates";
import { reminderSettingsSchema } from "@/lib/reminder-schedule";
import { APP_LANGUAGE_ERROR } from "./app-language";
import { LANGUAGE_ERROR } from "./languages";
import { localizeErrorTree, localizeFieldErrors, localizeValidationMessage } from "./validation";
import { documentSchema, paymentSchema } from "@/lib/validation/documents";
import { customerSchema } from "@/lib/validation/customers";
import { itemSchema } from "@/lib/validation/items";
import { lateFeeSchema } from "@/lib/validation/late-fees";
import { recurringSchema } from "@/lib/validation/recurring";
import { sendSchema } from "@/lib/validation/send";
import { paymentOptionsSchema, stripeKeysSchema } from "@/lib/validation/stripe";
import { taxRateSchema } from "@/lib/validation/tax-rates";
import { changePasswordSchema, loginSchema, registerSchema, resetPasswordSchema } from "@/lib/validation/auth";

const de = (message: string) => localizeValidationMessage(message, "de");
const ID = "00000000-0000-4000-8000-000000000001";

/** Every zod schema the validation modules export (a new schema is driven without being listed here). */
const modules = import.meta.glob<Record<string, unknown>>(["../validation/*.ts", "!../validation/*.test.ts"], { eager: true });
const schemas: [string, z.ZodType][] = [
  ...Object.entries(modules).flatMap(([path, exports]) =>
    Object.entries(exports)
      .filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType)
      .map(([name, schema]) => [`${path.split("/").at(-1)} ${name}`, schema] as [string, z.ZodType]),
  ),
  ["email-templates emailTemplateSchema", emailTemplateSchema],
  ["email-templates emailTemplateKindSchema", emailTemplateKindSchema],
  ["reminder-schedule reminderSettingsSchema", reminderSettingsSchema],
];

/** The object shape behind refinements and transforms, if the schema has one. */
function shapeOf(schema: unknown): Record<string, z.ZodType> | null {
  if (!schema || typeof schema !== "object") return null;
  const s = schema as { shape?: Record<string, z.ZodType>; in?: unknown; def?: { innerType?: unknown; options?: unknown[] } };
  if (s.shape) return s.shape;
  if (s.in) return shapeOf(s.in);
  if (s.def?.innerType) return shapeOf(s.def.innerType);
  return null;
}

const BAD: unknown[] = [
  undefined, null, "", "   ", "x".repeat(6000), "a\u0000b", "not a date", "2026-02-30", "1850-01-01", "name@", "-5", "abc",
  "1.23456", "9".repeat(40), "2000000", "99999999999999", true, 12, ["x"], "zz", "<b>", "pk_test_abc", "whsec_x",
];

/** Each bad value in every field at once (fields' own checks all report), arrays holding one such row. */
function badInputs(schema: z.ZodType): unknown[] {
  const shape = shapeOf(schema);
  if (!shape) return BAD;
  return BAD.flatMap((bad) => {
    const row = (inner: unknown) => {
      const innerShape = shapeOf((inner as { element?: unknown }).element);
      return innerShape ? Object.fromEntries(Object.keys(innerShape).map((k) => [k, bad])) : bad;
    };
    const input = Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, shapeOf((field as { element?: unknown }).element) ? [row(field)] : bad]));
    const many = Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, (field as { element?: unknown }).element ? Array.from({ length: 600 }, () => row(field)) : bad]));
    const empty = Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, (field as { element?: unknown }).element ? [] : bad]));
    return [input, many, empty];
  });
}

const line = { description: "Work", quantity: "1", unitPrice: "10", discountType: "none", discountValue: "", taxRateIds: [] };
const invoice = { kind: "invoice", customerId: ID, currency: "USD", issueDate: "2026-03-10", discountType: "none", discountValue: "", lines: [line] };
const recurring = {
  ...invoice, name: "Monthly", paymentTermsDays: "14", action: "draft", attachPdf: false, frequency: "monthly", interval: "1", weekday: "1",
  dayOfMonth: "1", monthOfYear: "1", startDate: "2026-03-01", endType: "never", endAfterCount: "", endDate: "",
};
const taxRate = { name: "VAT", rate: "20", inclusive: false, compound: false, vatCategory: "S" };

/** The checks that run on a whole, otherwise valid form (refinements across fields, the money parser). */
const crossField: [z.ZodType, unknown][] = [
  ...["", "abc", "1.234", "2000000", "1.23456", "9".repeat(31), "99999999999999999"].flatMap((v) => [
    [documentSchema, { ...invoice, lines: [{ ...line, quantity: v, unitPrice: v, discountType: "percent", discountValue: v }] }],
    [documentSchema, { ...invoice, discountType: "amount", discountValue: v, depositType: "percent", depositValue: v }],
    [documentSchema, { ...invoice, currency: "JPY", lines: [{ ...line, unitPrice: v }] }],
    [documentSchema, { ...invoice, discountType: "percent", discountValue: v, depositType: "amount", depositValue: v }],
    [itemSchema, { name: "Item", unitPrice: v, currency: "USD", taxRateIds: [] }],
    [taxRateSchema, { ...taxRate, rate: v }],
  ] as [z.ZodType, unknown][]),
  [documentSchema, { ...invoice, depositType: "amount", depositValue: "0" }],
  [documentSchema, { ...invoice, periodStart: "2026-03-05" }],
  [documentSchema, { ...invoice, periodStart: "2026-03-05", periodEnd: "2026-03-01", dueDate: "2026-03-01" }],
  [documentSchema, { ...invoice, kind: "quote", dueDate: "2026-03-01", deliveryDate: "2026-02-30", periodStart: "10.03.2026", periodEnd: "1850-01-01" }],
  [recurringSchema, { ...recurring, endType: "after" }],
  [recurringSchema, { ...recurring, endType: "on" }],
  [recurringSchema, { ...recurring, endType: "on", endDate: "2026-02-01", discountType: "percent", discountValue: "x" }],
  [recurringSchema, { ...recurring, endAfterCount: "5000" }],
  [taxRateSchema, { ...taxRate, inclusive: true, compound: true }],
  [taxRateSchema, { ...taxRate, rate: "-15", inclusive: true }],
  [taxRateSchema, { ...taxRate, withholding: true, compound: true }],
  [taxRateSchema, { ...taxRate, vatCategory: "XX" }],
  [taxRateSchema, { ...taxRate, vatCategory: "Z" }],
  [taxRateSchema, { ...taxRate, rate: "0" }],
  [taxRateSchema, { ...taxRate, rate: "0", vatCategory: "E", exemptionCode: "NOPE" }],
  [itemSchema, { name: "Item", unitPrice: "1.234", currency: "JPY", taxRateIds: [] }],
  [lateFeeSchema, { enabled: true, feeType: "percent", rate: "", amount: "", currency: "", taxRateId: "" }],
  [lateFeeSchema, { enabled: true, feeType: "amount", rate: "", amount: "", currency: "", taxRateId: "nope" }],
  [paymentOptionsSchema, { partPaymentsEnabled: true, partPaymentMinimum: "", feeEnabled: true, feeRate: "", feeFixed: "", feeTaxRateId: "" }],
  ...["pk_test_1", "whsec_abcdefgh1", "rk_nope", ""].map((key) => [stripeKeysSchema, { secretKey: key, webhookSecret: key.slice(0, 3) }] as [z.ZodType, unknown]),
  ...["bad", "a@x.test b@x.test c@x.test d@x.test e@x.test f@x.test", "x".repeat(1001)].map((cc) => [
    sendSchema, { id: ID, to: "", cc, subject: "Invoice {nope}\nx", body: "Hi {customer_name} {a} {b}", attachPdf: true, submissionKey: "x" },
  ] as [z.ZodType, unknown]),
  [sendSchema, { id: ID, to: "a@x.test", subject: "Hi {oops}", body: "", submissionKey: ID }],
  [customerSchema, { name: "A", electronicAddress: "x", contacts: Array.from({ length: 21 }, () => ({ email: "a@x.test", isPrimary: true })) }],
  [customerSchema, { name: "A", electronicAddressScheme: "0088", contacts: [{ email: "a@x.test", isPrimary: true }, { email: "b@x.test", isPrimary: true }] }],
  [resetPasswordSchema, { token: "t", password: "a long enough password", confirmPassword: "other" }],
  [changePasswordSchema, { currentPassword: "x", newPassword: "password123", confirmPassword: "other" }],
  [registerSchema, { name: "A", email: "a@x.test", password: "short", organizationName: "B" }],
  [loginSchema, { email: "a@x.test", password: "x".repeat(2000) }],
  [paymentSchema, { documentId: ID, paidOn: "2026-01-01", amount: "", method: "gift", idempotencyKey: "x" }],
  ...["-3, x", "-90, 400", "1 2 3 4 5 6 7 8 9 10 11", ""].map((steps) => [reminderSettingsSchema, { enabled: true, steps }] as [z.ZodType, unknown]),
];

/** Messages of the small schemas written inside the actions (lib/actions/documents.ts, recurring.ts). */
const inActions = ["Choose one.", "Choose lines from the list.", "Choose at least one line to credit."];

function messagesOf(schema: z.ZodType, input: unknown): string[] {
  return schema.safeParse(input).error?.issues.map((issue) => issue.message) ?? [];
}

const collected = new Set<string>([
  ...schemas.flatMap(([, schema]) => badInputs(schema).flatMap((input) => messagesOf(schema, input))),
  ...crossField.flatMap(([schema, input]) => messagesOf(schema, input)),
  ...inActions,
]);

describe("localizeValidationMessage", () => {
  it("finds the schemas", () => {
    expect(schemas.length).toBeGreaterThan(30);
    expect(collected.size).toBeGreaterThan(150);
  });

  // Words that read the same in both languages; none so far.
  const sameInGerman = new Set<string>([]);

  it("words in German every message the schemas produce", () => {
    const untranslated = [...collected].filter((message) => de(message) === message && !sameInGerman.has(message));
    expect(untranslated).toEqual([]);
  });

  it("leaves English exactly as the schema wrote it", () => {
    for (const message of collected) expect(localizeValidationMessage(message, "en")).toBe(message);
  });

  it("words the shared constants", () => {
    for (const message of [DATE_RANGE_MESSAGE, LANGUAGE_ERROR, APP_LANGUAGE_ERROR]) expect(de(message), message).not.toBe(message);
    expect(de(DATE_RANGE_MESSAGE)).toBe("Verwenden Sie ein Datum zwischen 1900 und 2199.");
  });

  it("reads as written German", () => {
    expect(de("Enter the customer's name.")).toBe("Geben Sie den Namen des Kunden ein.");
    expect(de("Enter your business name.")).toBe("Geben Sie den Namen Ihres Unternehmens ein.");
    expect(de("Enter the due date as a date.")).toBe("Geben Sie das Fälligkeitsdatum als Datum ein.");
    expect(de("Enter a real date for the start of the service period.")).toBe("Geben Sie ein existierendes Datum für den Beginn des Leistungszeitraums ein.");
    expect(de("Use at most 2,000 characters.")).toBe("Verwenden Sie höchstens 2.000 Zeichen.");
    expect(de("Too big: expected string to have <=12 characters")).toBe("Verwenden Sie höchstens 12 Zeichen.");
    expect(de("Remove control characters.")).toBe("Entfernen Sie die Steuerzeichen.");
    expect(de("EUR amounts can have at most 2 decimals.")).toBe("Beträge in EUR können höchstens 2 Nachkommastellen haben.");
    expect(de('"Zero rated" carries no VAT: its rate must be 0%.')).toBe("„Nullsatz“ ist ohne Umsatzsteuer: Der Satz muss 0 % sein.");
    expect(de("“bob@” is not an email address. Separate addresses with commas.")).toBe("„bob@“ ist keine E-Mail-Adresse. Trennen Sie Adressen durch Kommas.");
    expect(de("The passwords don't match.")).toBe("Die Passwörter stimmen nicht überein.");
    expect(de("Enter a name, like VAT or Sales tax.")).toBe("Geben Sie einen Namen ein, etwa USt oder MwSt.");
    expect(de("Use steps from -30 (a month before the due date) to 365 (a year after).")).toBe(
      "Verwenden Sie Stufen von -30 (einen Monat vor dem Fälligkeitsdatum) bis 365 (ein Jahr danach).",
    );
  });

  it("returns a message it does not know unchanged, and an unknown label too", () => {
    expect(de("Something no schema says.")).toBe("Something no schema says.");
    expect(de("Enter the moon's phase.")).toBe("Enter the moon's phase.");
  });

  it("words field errors and react-hook-form's error tree", () => {
    expect(localizeFieldErrors({ name: "Enter the item's name." }, "de")).toEqual({ name: "Geben Sie den Namen des Artikels ein." });
    const ref = { focus: () => undefined };
    const tree = { lines: [undefined, { quantity: { type: "custom", message: "Enter a quantity.", ref } }], name: { message: "Enter your name.", ref } };
    const out = localizeErrorTree(tree, "de");
    expect(out.lines[1]!.quantity.message).toBe("Geben Sie eine Menge ein.");
    expect(out.lines[1]!.quantity.ref).toBe(ref);
    expect(out.name.message).toBe("Geben Sie Ihren Namen ein.");
    expect(localizeErrorTree(tree, "en")).toBe(tree);
  });
});
