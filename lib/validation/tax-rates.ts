import { z } from "zod";
import { isVatCategory, REASON_REQUIRED, VAT_CATEGORY_LABELS, VATEX, ZERO_RATE_CATEGORIES, type VatCategory } from "@/lib/einvoice/codes";
import { MoneyError, parseRate } from "@/lib/money";
import { idField } from "@/lib/ids";
import { optionalText, text } from "./common";

export const RATE_ERROR = "Enter a rate from 0 to 100%.";
export const COMPOUND_INCLUSIVE_ERROR = "A compound tax can't be included in prices.";
export const WITHHOLDING_INCLUSIVE_ERROR = "A withholding tax is deducted from the total, so it can't be included in prices.";
export const WITHHOLDING_COMPOUND_ERROR = "A withholding tax can't be compound.";

/** "20", "7.25" or "7.25%" → rateE4; the message of the money module when it says more (too many decimals). */
function rateE4Of(value: string): { ok: true; rateE4: number } | { ok: false; message: string } {
  try {
    return { ok: true, rateE4: parseRate(value) };
  } catch (error) {
    if (error instanceof MoneyError && /decimals/.test(error.message)) return { ok: false, message: error.message };
    return { ok: false, message: RATE_ERROR };
  }
}

/** A typed "-15" means a withholding of 15%, like ticking the box. */
const splitSign = (rate: string) => {
  const trimmed = rate.trim();
  return trimmed.startsWith("-") ? { negative: true, magnitude: trimmed.slice(1) } : { negative: false, magnitude: trimmed };
};

export type TaxCategoryInput = {
  rateE4: number;
  inclusive: boolean;
  compound: boolean;
  vatCategory: string;
  exemptionReason?: string | null;
  exemptionCode?: string | null;
};

/**
 * The EN 16931 rules a tax rate must meet, as field errors in words (empty when it is fine). One
 * function for the form, the action and the DAL, so they cannot disagree. A withholding (negative
 * rate) is not VAT: only "exclusive and not compound" applies to it.
 */
export function taxCategoryErrors(input: TaxCategoryInput): Record<string, string> {
  const errors: Record<string, string> = {};
  if (input.rateE4 < 0) {
    if (input.inclusive) errors.inclusive = WITHHOLDING_INCLUSIVE_ERROR;
    if (input.compound) errors.compound = WITHHOLDING_COMPOUND_ERROR;
    return errors;
  }
  if (!isVatCategory(input.vatCategory)) {
    errors.vatCategory = "Choose a VAT category.";
    return errors;
  }
  const category: VatCategory = input.vatCategory;
  const label = VAT_CATEGORY_LABELS[category];
  // BR-Z-05, BR-E-05, BR-AE-05, BR-IC-05, BR-G-05, BR-O-05: these categories carry no VAT.
  if (ZERO_RATE_CATEGORIES.includes(category) && input.rateE4 !== 0) errors.rate = `"${label}" carries no VAT: its rate must be 0%.`;
  // BR-S-05: a standard rate is above zero.
  if (category === "S" && input.rateE4 === 0) errors.rate = `A standard rate must be above 0%. For 0%, choose "${VAT_CATEGORY_LABELS.Z}" or an exemption.`;
  // BR-E-10, BR-AE-10, BR-IC-10, BR-G-10, BR-O-10: the buyer must be told why no VAT is charged.
  if (REASON_REQUIRED.includes(category) && !input.exemptionReason?.trim() && !input.exemptionCode?.trim()) {
    errors.exemptionReason = `"${label}" needs an exemption reason (printed on the document) or a VATEX code.`;
  }
  if (input.exemptionCode && !Object.hasOwn(VATEX, input.exemptionCode)) errors.exemptionCode = "Choose an exemption code from the list.";
  return errors;
}

const fields = {
  name: text("a name, like VAT or Sales tax", 100),
  rate: z.string({ error: RATE_ERROR }).trim().min(1, { error: RATE_ERROR }),
  inclusive: z.boolean(),
  compound: z.boolean(),
  /** "Withholding tax (deducted from the total)": the rate is stored negative. */
  withholding: z.boolean().optional(),
  vatCategory: z.string().trim().optional(),
  exemptionReason: optionalText(500),
  exemptionCode: optionalText(40),
};

type Fields = {
  rate: string;
  inclusive: boolean;
  compound: boolean;
  withholding?: boolean;
  vatCategory?: string;
  exemptionReason: string | null;
  exemptionCode: string | null;
};

function signedRate(value: Pick<Fields, "rate" | "withholding">): { ok: true; rateE4: number } | { ok: false; message: string } {
  const { negative, magnitude } = splitSign(value.rate);
  const rate = rateE4Of(magnitude);
  if (!rate.ok) return rate;
  return { ok: true, rateE4: negative || value.withholding ? -rate.rateE4 : rate.rateE4 };
}

function refineRate(value: Fields, ctx: z.RefinementCtx) {
  const rate = signedRate(value);
  if (!rate.ok) ctx.addIssue({ code: "custom", path: ["rate"], message: rate.message });
  // A compound tax is charged on top of the other taxes; "included in the price" has no clear meaning for it.
  if (value.inclusive && value.compound) ctx.addIssue({ code: "custom", path: ["compound"], message: COMPOUND_INCLUSIVE_ERROR });
  if (!rate.ok) return;
  const errors = taxCategoryErrors({ ...value, rateE4: rate.rateE4, vatCategory: value.vatCategory || "S" });
  for (const [path, message] of Object.entries(errors)) {
    if (path === "compound" && value.inclusive && value.compound) continue;
    ctx.addIssue({ code: "custom", path: [path], message });
  }
}

const toInput = ({ rate, withholding, vatCategory, ...rest }: Fields & { name: string; inclusive: boolean; compound: boolean }) => {
  const signed = signedRate({ rate, withholding });
  return { ...rest, rateE4: signed.ok ? signed.rateE4 : 0, vatCategory: vatCategory || "S" };
};

/** The form sends the rate as typed; the output carries rateE4 (percent × 10^4, negative for a withholding) for the DAL. */
export const taxRateSchema = z.object(fields).superRefine(refineRate).transform(toInput);

export const updateTaxRateSchema = z
  .object({ id: idField("Unknown tax rate."), ...fields })
  .superRefine(refineRate)
  .transform(({ id, ...rest }) => ({ id, ...toInput(rest) }));

export const taxRateIdSchema = z.object({ id: idField("Unknown tax rate.") });

export type TaxRateFormInput = z.input<typeof taxRateSchema>;
