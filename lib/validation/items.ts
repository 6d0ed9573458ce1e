import { z } from "zod";
import { isCurrency, MoneyError, parseMoney } from "@/lib/money";
import { idField } from "@/lib/ids";
import { optionalText, text } from "./common";

export const PRICE_REQUIRED = "Enter a price, like 120.00.";

export const currencyField = z
  .string({ error: "Choose a currency from the list." })
  .trim()
  .toUpperCase()
  .refine((v) => isCurrency(v), { error: "Choose a currency from the list." });

const fields = {
  name: text("the item's name", 200),
  description: optionalText(2000, true),
  unit: optionalText(50),
  /** As typed ("1,200.50"); parsed exactly against the currency below, never through a float. */
  unitPrice: z.string({ error: PRICE_REQUIRED }).trim().min(1, { error: PRICE_REQUIRED }),
  currency: currencyField,
  taxRateIds: z.array(idField("Choose taxes from the list.")).max(10, { error: "Choose at most 10 taxes." }),
};

type Fields = { unitPrice: string; currency: string };

/** The money module's messages are written for people ("USD amounts can have at most 2 decimals."). */
function priceOf(value: Fields): { ok: true; minor: number } | { ok: false; message: string } {
  try {
    return { ok: true, minor: parseMoney(value.unitPrice, value.currency) };
  } catch (error) {
    if (error instanceof MoneyError) return { ok: false, message: error.message };
    throw error;
  }
}

function refinePrice(value: Fields, ctx: z.RefinementCtx) {
  // An unknown currency is reported on its own field; the price can't be checked without one.
  if (!value.unitPrice || !isCurrency(value.currency)) return;
  const price = priceOf(value);
  if (!price.ok) ctx.addIssue({ code: "custom", path: ["unitPrice"], message: price.message });
}

const toDal = <T extends Fields>({ unitPrice, ...rest }: T) => ({ ...rest, unitPrice: parseMoney(unitPrice, rest.currency) });

/** Input: the price as typed. Output: unitPrice in minor units of the currency, ready for the DAL. */
export const itemSchema = z.object(fields).superRefine(refinePrice).transform(toDal);
export const updateItemSchema = z.object({ id: idField("Unknown item."), ...fields }).superRefine(refinePrice).transform(toDal);
export const itemIdSchema = z.object({ id: idField("Unknown item.") });

export type ItemFormInput = z.input<typeof itemSchema>;
