import { z } from "zod";
import { MoneyError, parseRate } from "@/lib/money";
import { idField } from "@/lib/ids";
import { text } from "./common";

export const RATE_ERROR = "Enter a rate from 0 to 100%.";
export const COMPOUND_INCLUSIVE_ERROR = "A compound tax can't be included in prices.";

/** "20", "7.25" or "7.25%" → rateE4; the message of the money module when it says more (too many decimals). */
function rateE4Of(value: string): { ok: true; rateE4: number } | { ok: false; message: string } {
  try {
    return { ok: true, rateE4: parseRate(value) };
  } catch (error) {
    if (error instanceof MoneyError && /decimals/.test(error.message)) return { ok: false, message: error.message };
    return { ok: false, message: RATE_ERROR };
  }
}

const fields = {
  name: text("a name, like VAT or Sales tax", 100),
  rate: z.string({ error: RATE_ERROR }).trim().min(1, { error: RATE_ERROR }),
  inclusive: z.boolean(),
  compound: z.boolean(),
};

type Fields = { name: string; rate: string; inclusive: boolean; compound: boolean };

function refineRate(value: Fields, ctx: z.RefinementCtx) {
  const rate = rateE4Of(value.rate);
  if (!rate.ok) ctx.addIssue({ code: "custom", path: ["rate"], message: rate.message });
  // A compound tax is charged on top of the other taxes; "included in the price" has no clear meaning for it.
  if (value.inclusive && value.compound) ctx.addIssue({ code: "custom", path: ["compound"], message: COMPOUND_INCLUSIVE_ERROR });
}

/** The form sends the rate as typed; the output carries rateE4 (percent × 10^4) for the DAL. */
export const taxRateSchema = z
  .object(fields)
  .superRefine(refineRate)
  .transform(({ rate, ...rest }) => ({ ...rest, rateE4: parseRate(rate) }));

export const updateTaxRateSchema = z
  .object({ id: idField("Unknown tax rate."), ...fields })
  .superRefine(refineRate)
  .transform(({ rate, ...rest }) => ({ ...rest, rateE4: parseRate(rate) }));

export const taxRateIdSchema = z.object({ id: idField("Unknown tax rate.") });

export type TaxRateFormInput = z.input<typeof taxRateSchema>;
