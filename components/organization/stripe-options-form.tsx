"use client";

import { useAppMessages } from "@/components/i18n/app-language";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Select } from "@/components/ui/field";
import { saveStripePaymentOptions } from "@/lib/actions/stripe";
import { catalogs } from "@/lib/i18n/catalogs/app/payments-settings";
import { type PaymentOptionsInput, paymentOptionsSchema } from "@/lib/validation/stripe";
import { DecimalInput } from "@/components/forms/decimal-input";

/**
 * Part payments and the pass-through fee. Amounts are in the organisation's default currency and
 * apply to invoices in that currency (others are paid in full, without a fee).
 */
export function StripeOptionsForm({ initial, currency, taxRates }: { initial: PaymentOptionsInput; currency: string; taxRates: { id: string; label: string }[] }) {
  const t = useAppMessages(catalogs);
  const { form, onSubmit, formError, formMessage, pending } = useActionForm(paymentOptionsSchema, saveStripePaymentOptions, { defaultValues: initial });
  const { errors } = form.formState;
  const partOn = form.watch("partPaymentsEnabled");
  const feeOn = form.watch("feeEnabled");
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <div aria-live="polite">{formError ? <Alert tone="error">{formError}</Alert> : formMessage ? <Alert tone="success">{formMessage}</Alert> : null}</div>
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold text-slate-900">{t("options.part")}</legend>
        <div className="flex items-start gap-3">
          <input id="part-enabled" type="checkbox" className="mt-1 size-4" {...form.register("partPaymentsEnabled")} />
          <label htmlFor="part-enabled" className="text-sm text-slate-900">{t("options.partEnabled")}</label>
        </div>
        {partOn ? (
          <Field id="part-minimum" label={t("options.partMinimum", { currency })} error={errors.partPaymentMinimum?.message} hint={t("options.partMinimumHint", { currency })}>
            <DecimalInput control={form.control} name="partPaymentMinimum" id="part-minimum" inputMode="decimal" autoComplete="off" invalid={!!errors.partPaymentMinimum} aria-describedby={describedBy("part-minimum", errors.partPaymentMinimum?.message, true)} />
          </Field>
        ) : null}
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold text-slate-900">{t("options.fee")}</legend>
        <Alert tone="info">{t("options.feeLaw")}</Alert>
        <div className="flex items-start gap-3">
          <input id="fee-enabled" type="checkbox" className="mt-1 size-4" {...form.register("feeEnabled")} />
          <label htmlFor="fee-enabled" className="text-sm text-slate-900">{t("options.feeEnabled")}</label>
        </div>
        {feeOn ? (
          <div className="grid gap-4 sm:grid-cols-3">
            <Field id="fee-rate" label={t("options.feeRate")} error={errors.feeRate?.message} hint={t("options.feeRateHint")}>
              <DecimalInput control={form.control} name="feeRate" id="fee-rate" inputMode="decimal" autoComplete="off" invalid={!!errors.feeRate} aria-describedby={describedBy("fee-rate", errors.feeRate?.message, true)} />
            </Field>
            <Field id="fee-fixed" label={t("options.feeFixed", { currency })} error={errors.feeFixed?.message} hint={t("options.feeFixedHint")}>
              <DecimalInput control={form.control} name="feeFixed" id="fee-fixed" inputMode="decimal" autoComplete="off" invalid={!!errors.feeFixed} aria-describedby={describedBy("fee-fixed", errors.feeFixed?.message, true)} />
            </Field>
            <Field id="fee-tax" label={t("options.feeTax")} error={errors.feeTaxRateId?.message} hint={t("options.feeTaxHint")}>
              <Select id="fee-tax" invalid={!!errors.feeTaxRateId} aria-describedby={describedBy("fee-tax", errors.feeTaxRateId?.message, true)} {...form.register("feeTaxRateId")}>
                <option value="">{t("options.noTax")}</option>
                {taxRates.map((t) => (
                  <option key={t.id} value={t.id}>{t.label}</option>
                ))}
              </Select>
            </Field>
          </div>
        ) : null}
      </fieldset>
      <Button type="submit" pending={pending} onMouseDown={(e) => e.preventDefault()}>
        {pending ? t("options.saving") : t("options.save")}
      </Button>
    </form>
  );
}
