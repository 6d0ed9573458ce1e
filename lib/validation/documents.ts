import { z } from "zod";
import { isCurrency } from "@/lib/currencies";
import { type Discount, MoneyError, parseMoney, parseQuantity, parseRate } from "@/lib/money";
import { idField, isId } from "@/lib/ids";
import { PAYMENT_MEANS } from "@/lib/einvoice/codes";
import { isoDate, languageField, optionalText, safeString } from "./common";

/**
 * The editor works with strings (what the user typed); this schema checks them with the money
 * module — in the browser for instant feedback and again on the server — and `toDraftInput`
 * turns them into exact integers. The same parse runs in both places, so both agree. Ids are
 * checked for shape here (a field error, not a database error); whether they belong to the
 * organisation is the DAL's check.
 */

const discountKind = z.enum(["none", "percent", "amount"]);

/** An optional date field: empty, or a date with isoDate's own message (a union would only say "Invalid input"). */
const optionalDate = (label: string) =>
  z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      if (!v) return;
      const issue = isoDate(label).safeParse(v).error?.issues[0];
      if (issue) ctx.addIssue({ code: "custom", message: issue.message });
    });

export const PERIOD_BOTH = "Enter both the start and the end of the service period, or neither.";
export const PERIOD_ORDER = "The service period can't end before it starts.";

export const documentLineSchema = z.object({
  // "" is what the item picker holds when no item is chosen.
  itemId: z
    .string({ error: "Choose an item from the list." })
    .refine((v) => v === "" || isId(v), { error: "Choose an item from the list." })
    .transform((v) => (v ? v.toLowerCase() : null))
    .nullable()
    .optional(),
  description: safeString({ multiline: true, required: "Describe this line." })
    .min(1, { error: "Describe this line." })
    .max(2000, { error: "Use at most 2,000 characters." }),
  unit: safeString().max(20, { error: "Use at most 20 characters." }).optional(),
  quantity: z.string().trim(),
  unitPrice: z.string().trim(),
  discountType: discountKind,
  discountValue: z.string().trim(),
  taxRateIds: z.array(idField("Choose taxes from the list.")).max(5, { error: "Use at most 5 taxes per line." }),
  /** A final invoice's "Less deposits paid" line keeps the deposit invoice it deducts (a hidden field). */
  depositInvoiceId: z
    .string()
    .refine((v) => v === "" || isId(v), { error: "Unknown deposit invoice." })
    .nullable()
    .optional(),
});

export const documentSchema = z
  .object({
    id: idField("Unknown document.").optional(),
    kind: z.enum(["invoice", "quote", "credit_note"]),
    customerId: idField("Choose a customer."),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .refine((c) => isCurrency(c), { error: "Choose a currency from the list." }),
    issueDate: isoDate("the issue date"),
    dueDate: z.union([z.literal(""), isoDate("the due date")]).optional(),
    discountType: discountKind,
    discountValue: z.string().trim(),
    /** The deposit asked for (quotes and invoices); absent means none. */
    depositType: discountKind.optional(),
    depositValue: z.string().trim().optional(),
    notes: optionalText(5000, true),
    terms: optionalText(5000, true),
    footer: optionalText(1000, true),
    /** The document's own language; empty = the customer's. */
    language: languageField,
    // E-invoice details (optional; a format may require some at issue): BT-72, BG-14, BT-13, BT-10, BT-81.
    deliveryDate: optionalDate("the delivery date"),
    periodStart: optionalDate("the start of the service period"),
    periodEnd: optionalDate("the end of the service period"),
    purchaseOrderRef: optionalText(200),
    buyerReference: optionalText(200),
    paymentMeansCode: z
      .string()
      .optional()
      .refine((v) => !v || Object.hasOwn(PAYMENT_MEANS, v), { error: "Choose a payment means from the list." }),
    lines: z.array(documentLineSchema).min(1, { error: "Add at least one line." }).max(500, { error: "A document can have at most 500 lines." }),
  })
  .superRefine((v, ctx) => {
    const check = (path: (string | number)[], parse: () => unknown) => {
      try {
        parse();
      } catch (error) {
        ctx.addIssue({ code: "custom", path, message: error instanceof MoneyError ? error.message : "Enter a number." });
      }
    };
    // What the field is for, in the words of the form: "Enter a price", not the parser's "amount".
    const checkNumber = (path: (string | number)[], text: string, name: string, parse: () => unknown) => {
      if (text.trim() === "") ctx.addIssue({ code: "custom", path, message: `Enter ${name}.` });
      else check(path, parse);
    };
    const currency = isCurrency(v.currency) ? v.currency : null;
    v.lines.forEach((line, i) => {
      checkNumber(["lines", i, "quantity"], line.quantity, "a quantity", () => parseQuantity(line.quantity));
      if (currency) checkNumber(["lines", i, "unitPrice"], line.unitPrice, "a price", () => parseMoney(line.unitPrice, currency));
      if (line.discountType === "percent") checkNumber(["lines", i, "discountValue"], line.discountValue, "the discount", () => parseRate(line.discountValue));
      if (line.discountType === "amount" && currency) checkNumber(["lines", i, "discountValue"], line.discountValue, "the discount", () => parseMoney(line.discountValue, currency));
    });
    if (v.discountType === "percent") checkNumber(["discountValue"], v.discountValue, "the discount", () => parseRate(v.discountValue));
    if (v.discountType === "amount" && currency) checkNumber(["discountValue"], v.discountValue, "the discount", () => parseMoney(v.discountValue, currency));
    // A deposit is money asked for: zero or less asks for nothing.
    const positiveDeposit = (amount: number) => {
      if (amount <= 0) throw new MoneyError("Enter a deposit greater than zero.");
    };
    if (v.depositType === "percent") checkNumber(["depositValue"], v.depositValue ?? "", "the deposit", () => positiveDeposit(parseRate(v.depositValue ?? "")));
    if (v.depositType === "amount" && currency) checkNumber(["depositValue"], v.depositValue ?? "", "the deposit", () => positiveDeposit(parseMoney(v.depositValue ?? "", currency)));
    if (!v.periodStart !== !v.periodEnd) ctx.addIssue({ code: "custom", path: [v.periodStart ? "periodEnd" : "periodStart"], message: PERIOD_BOTH });
    if (v.periodStart && v.periodEnd && v.periodEnd < v.periodStart) ctx.addIssue({ code: "custom", path: ["periodEnd"], message: PERIOD_ORDER });
    if (v.dueDate && v.dueDate < v.issueDate) {
      ctx.addIssue({ code: "custom", path: ["dueDate"], message: v.kind === "quote" ? "The quote can't expire before its date." : "The due date can't be before the issue date." });
    }
  });

export type DocumentFormValues = z.input<typeof documentSchema>;
export type DocumentLineValues = z.input<typeof documentLineSchema>;

export function toDiscount(type: "none" | "percent" | "amount", value: string, currency: string): Discount {
  if (type === "percent") return { type, rateE4: parseRate(value) };
  if (type === "amount") return { type, amount: parseMoney(value, currency) };
  return null;
}

/** Strings → exact integers. Throws MoneyError on anything the schema would have refused. */
export function toDraftInput(v: z.output<typeof documentSchema>) {
  return {
    kind: v.kind,
    customerId: v.customerId,
    currency: v.currency,
    issueDate: v.issueDate,
    dueDate: v.dueDate || null,
    discount: toDiscount(v.discountType, v.discountValue, v.currency),
    deposit: v.kind === "credit_note" ? null : toDiscount(v.depositType ?? "none", v.depositValue ?? "", v.currency),
    notes: v.notes,
    terms: v.terms,
    footer: v.footer,
    language: v.language,
    deliveryDate: v.deliveryDate || null,
    periodStart: v.periodStart || null,
    periodEnd: v.periodEnd || null,
    purchaseOrderRef: v.purchaseOrderRef,
    buyerReference: v.buyerReference,
    paymentMeansCode: v.paymentMeansCode || null,
    lines: v.lines.map((l) => ({
      itemId: l.itemId || null,
      description: l.description,
      unit: l.unit || null,
      quantityE4: parseQuantity(l.quantity),
      unitPrice: parseMoney(l.unitPrice, v.currency),
      discount: toDiscount(l.discountType, l.discountValue, v.currency),
      taxRateIds: l.taxRateIds,
      depositInvoiceId: l.depositInvoiceId || null,
    })),
  };
}

export const paymentSchema = z.object({
  documentId: idField("Unknown document."),
  paidOn: isoDate("the payment date"),
  amount: z.string().trim().min(1, { error: "Enter the amount received." }),
  method: z.enum(["bank_transfer", "card", "cash", "cheque", "other"], { error: "Choose how it was paid." }),
  reference: optionalText(200),
  /** Made by the form when it opens: every request of one submission carries the same key. */
  idempotencyKey: idField("Reload the page and try again."),
  /** Set by "Record it again" after the server pointed out an identical payment moments ago. */
  confirmDuplicate: z.boolean().optional(),
  /** "Email a receipt to the client" (off by default): the payment receipt template, queued with the payment. */
  emailReceipt: z.boolean().optional(),
});

export const voidSchema = z.object({
  id: idField("Unknown document."),
  reason: safeString({ required: "Say why this document is void." }).min(1, { error: "Say why this document is void." }).max(500, { error: "Use at most 500 characters." }),
  copy: z.boolean().optional(),
});
