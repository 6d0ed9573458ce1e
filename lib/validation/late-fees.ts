import { z } from "zod";
import { rateToString, toDecimalString } from "@/lib/money";
import { safeString } from "./common";

/**
 * Settings → Reminders, the late fee: shared by the form and the server action. The rate and the
 * amount stay text here; the server parses them (lib/money.ts parseRate, parseMoney in the chosen currency).
 */
export const lateFeeSchema = z
  .object({
    enabled: z.boolean(),
    feeType: z.enum(["percent", "amount"], { error: "Choose a percent of the balance or a flat amount." }),
    rate: safeString().max(12),
    amount: safeString().max(30),
    currency: safeString().max(3),
    taxRateId: z.union([z.uuid({ error: "Choose a tax rate from the list." }), z.literal("")]),
  })
  .superRefine((v, ctx) => {
    if (!v.enabled) return;
    if (v.feeType === "percent" && !v.rate.trim()) ctx.addIssue({ code: "custom", path: ["rate"], message: "Enter the percent of the balance to charge, for example 1.5." });
    if (v.feeType === "amount" && !v.amount.trim()) ctx.addIssue({ code: "custom", path: ["amount"], message: "Enter the amount to charge, for example 25.00." });
    if (v.feeType === "amount" && !v.currency) ctx.addIssue({ code: "custom", path: ["currency"], message: "Choose the fee's currency." });
  });
export type LateFeeInput = z.input<typeof lateFeeSchema>;

/** The form's values for a saved late fee (or none: off, a percent, in the organisation's currency). */
export function lateFeeFormValues(
  settings: { enabled: boolean; feeType: "percent"; rateE4: number; taxRateId: string | null } | { enabled: boolean; feeType: "amount"; amount: number; currency: string; taxRateId: string | null } | null,
  defaultCurrency: string,
): LateFeeInput {
  if (!settings) return { enabled: false, feeType: "percent", rate: "", amount: "", currency: defaultCurrency, taxRateId: "" };
  return settings.feeType === "percent"
    ? { enabled: settings.enabled, feeType: "percent", rate: rateToString(settings.rateE4), amount: "", currency: defaultCurrency, taxRateId: settings.taxRateId ?? "" }
    : { enabled: settings.enabled, feeType: "amount", rate: "", amount: toDecimalString(settings.amount, settings.currency), currency: settings.currency, taxRateId: settings.taxRateId ?? "" };
}
