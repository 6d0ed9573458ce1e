"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Select } from "@/components/ui/field";
import { saveLateFee } from "@/lib/actions/late-fees";
import { type LateFeeInput, lateFeeSchema } from "@/lib/validation/late-fees";
import { useAppMessages } from "@/components/i18n/app-language";
import { catalogs } from "@/lib/i18n/catalogs/app/settings";
import { DecimalInput } from "@/components/forms/decimal-input";

/**
 * Settings → Reminders: the optional late fee, a percent of the overdue balance or a flat amount in
 * one currency, with an optional tax rate added on top. Off by default.
 */
export function LateFeeForm({ initial, currencies, taxRates }: { initial: LateFeeInput; currencies: readonly string[]; taxRates: { id: string; label: string }[] }) {
  const t = useAppMessages(catalogs);
  const { form, onSubmit, formError, formMessage, pending } = useActionForm(lateFeeSchema, saveLateFee, {
    defaultValues: initial,
    onSuccess: (result) => form.reset(result.data),
  });
  const { errors } = form.formState;
  const feeType = form.watch("feeType");
  const currency = form.watch("currency");
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <div aria-live="polite">{formError ? <Alert tone="error">{formError}</Alert> : formMessage ? <Alert tone="success">{formMessage}</Alert> : null}</div>
      <div className="flex items-start gap-3">
        <input id="late-fee-enabled" type="checkbox" className="mt-1 size-4" aria-describedby="late-fee-enabled-hint" {...form.register("enabled")} />
        <div>
          <label htmlFor="late-fee-enabled" className="text-sm font-medium text-slate-900">
            {t("fee.enabled")}
          </label>
          <p id="late-fee-enabled-hint" className="text-xs text-slate-600">
            {t("fee.enabledHint")}
          </p>
        </div>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-900">{t("fee.legend")}</legend>
        <div className="flex flex-wrap gap-6 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" value="percent" className="size-4" {...form.register("feeType")} /> {t("fee.percent")}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" value="amount" className="size-4" {...form.register("feeType")} /> {t("fee.amount")}
          </label>
        </div>
      </fieldset>
      {feeType === "percent" ? (
        <Field id="late-fee-rate" label={t("fee.rate")} error={errors.rate?.message} hint={t("fee.rateHint")}>
          <DecimalInput control={form.control} name="rate" id="late-fee-rate" inputMode="decimal" autoComplete="off" invalid={!!errors.rate} aria-describedby={describedBy("late-fee-rate", errors.rate?.message, true)} />
        </Field>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="late-fee-amount" label={t("fee.amountLabel", { currency })} error={errors.amount?.message} hint={t("fee.amountHint", { currency })}>
            <DecimalInput control={form.control} name="amount" id="late-fee-amount" inputMode="decimal" autoComplete="off" invalid={!!errors.amount} aria-describedby={describedBy("late-fee-amount", errors.amount?.message, true)} />
          </Field>
          <Field id="late-fee-currency" label={t("fee.currency")} error={errors.currency?.message}>
            <Select id="late-fee-currency" invalid={!!errors.currency} aria-describedby={describedBy("late-fee-currency", errors.currency?.message)} {...form.register("currency")}>
              {currencies.map((c) => (
                <option key={c} value={c}>{c}</option>
              ))}
            </Select>
          </Field>
        </div>
      )}
      <Field id="late-fee-tax" label={t("fee.tax")} error={errors.taxRateId?.message} hint={t("fee.taxHint")}>
        <Select id="late-fee-tax" invalid={!!errors.taxRateId} aria-describedby={describedBy("late-fee-tax", errors.taxRateId?.message, true)} {...form.register("taxRateId")}>
          <option value="">{t("fee.noTax")}</option>
          {taxRates.map((rate) => (
            <option key={rate.id} value={rate.id}>{rate.label}</option>
          ))}
        </Select>
      </Field>
      <Button type="submit" pending={pending} onMouseDown={(e) => e.preventDefault()}>
        {pending ? t("fee.saving") : t("fee.save")}
      </Button>
    </form>
  );
}
