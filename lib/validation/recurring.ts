import { z } from "zod";
import { isCurrency } from "@/lib/currencies";
import { idField } from "@/lib/ids";
import { LAST_DAY, type Schedule } from "@/lib/recurrence";
import { isoDate, languageField, optionalText, text } from "./common";
import { documentLineSchema, documentSchema, toDraftInput } from "./documents";

/**
 * The recurring profile form. Lines, discount and notes follow the invoice editor's rules exactly:
 * the lines use the invoice line schema, and their numbers (quantities, prices, discounts) are
 * checked by running the invoice schema itself on them, so a profile accepts what an invoice
 * accepts, with the same messages. The schedule is strings as the form holds them, turned into
 * lib/recurrence.ts's Schedule by toProfileInput.
 */

const discountKind = z.enum(["none", "percent", "amount"]);

/** A whole number typed or chosen in the form, from `min` to `max`. */
const wholeNumber = (message: string, min: number, max: number) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^\d{1,6}$/, { error: message, abort: true })
    .refine((v) => Number(v) >= min && Number(v) <= max, { error: message });

export const MAX_END_AFTER = 1000;

export const recurringSchema = z
  .object({
    id: idField("Unknown recurring profile.").optional(),
    name: text("a name for this profile", 200),
    customerId: idField("Choose a customer."),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .refine((c) => isCurrency(c), { error: "Choose a currency from the list." }),
    discountType: discountKind,
    discountValue: z.string().trim(),
    notes: optionalText(5000, true),
    terms: optionalText(5000, true),
    footer: optionalText(1000, true),
    /** The occurrences' language; empty = the customer's. */
    language: languageField,
    paymentTermsDays: wholeNumber("Enter a number of days from 0 to 365.", 0, 365),
    action: z.enum(["draft", "issue", "send"], { error: "Choose what each occurrence does." }),
    attachPdf: z.boolean(),
    frequency: z.enum(["weekly", "monthly", "yearly"], { error: "Choose how often." }),
    interval: wholeNumber("Enter a number from 1 to 52.", 1, 52),
    weekday: wholeNumber("Choose a weekday.", 1, 7),
    /** 1–30, or 31 for "Last day" (28/29 February, 30 April, 31 May). */
    dayOfMonth: wholeNumber("Choose a day of the month.", 1, LAST_DAY),
    monthOfYear: wholeNumber("Choose a month.", 1, 12),
    startDate: isoDate("the start date"),
    endType: z.enum(["never", "after", "on"], { error: "Choose when it ends." }),
    endAfterCount: z
      .string()
      .trim()
      .refine((v) => v === "" || (/^\d{1,6}$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_END_AFTER), { error: `Enter a number of invoices from 1 to ${MAX_END_AFTER.toLocaleString("en-US")}.` }),
    endDate: z.union([z.literal(""), isoDate("the end date")]),
    lines: z.array(documentLineSchema).min(1, { error: "Add at least one line." }).max(500, { error: "A profile can have at most 500 lines." }),
  })
  .superRefine((v, ctx) => {
    if (v.endType === "after" && v.endAfterCount === "") ctx.addIssue({ code: "custom", path: ["endAfterCount"], message: "Enter after how many invoices it ends." });
    if (v.endType === "on") {
      if (v.endDate === "") ctx.addIssue({ code: "custom", path: ["endDate"], message: "Enter the end date." });
      else if (v.endDate < v.startDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: "The end date can't be before the start date." });
    }
    // The invoice editor's money rules, run on the lines and discount as an invoice would hold them.
    const asInvoice = documentSchema.safeParse(invoiceShape(v));
    if (asInvoice.success) return;
    for (const issue of asInvoice.error.issues) {
      if (issue.path[0] === "lines" || issue.path[0] === "discountValue") ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    }
  });

export type RecurringFormValues = z.input<typeof recurringSchema>;
export type RecurringValues = z.output<typeof recurringSchema>;

/** The profile's lines and discount in the invoice schema's shape (its date is the start date: a profile has no issue date of its own). */
function invoiceShape(v: Pick<RecurringFormValues, "customerId" | "currency" | "startDate" | "discountType" | "discountValue" | "lines">) {
  return { kind: "invoice" as const, customerId: v.customerId, currency: v.currency, issueDate: v.startDate, discountType: v.discountType, discountValue: v.discountValue, lines: v.lines };
}

/** The schedule as lib/recurrence.ts reads it; only the fields of the chosen frequency and end count. */
export function toSchedule(v: Pick<RecurringFormValues, "frequency" | "interval" | "weekday" | "dayOfMonth" | "monthOfYear" | "startDate" | "endType" | "endAfterCount" | "endDate">): Schedule {
  return {
    frequency: v.frequency,
    interval: Number(v.interval),
    weekday: v.frequency === "weekly" ? Number(v.weekday) : null,
    dayOfMonth: v.frequency === "weekly" ? null : Number(v.dayOfMonth),
    monthOfYear: v.frequency === "yearly" ? Number(v.monthOfYear) : null,
    startDate: v.startDate,
    endType: v.endType,
    endAfterCount: v.endType === "after" ? Number(v.endAfterCount) : null,
    endDate: v.endType === "on" ? v.endDate : null,
  };
}

/** Strings → what saveProfile takes: exact integers through the invoice's own conversion (toDraftInput). Throws MoneyError on what the schema refused. */
export function toProfileInput(v: RecurringValues) {
  const draft = toDraftInput(documentSchema.parse(invoiceShape(v)));
  return {
    name: v.name,
    customerId: v.customerId,
    currency: draft.currency,
    discount: draft.discount,
    notes: v.notes,
    terms: v.terms,
    footer: v.footer,
    language: v.language,
    paymentTermsDays: Number(v.paymentTermsDays),
    action: v.action,
    attachPdf: v.action === "send" && v.attachPdf,
    schedule: toSchedule(v),
    lines: draft.lines.map(({ depositInvoiceId: _, ...line }) => line),
  };
}
