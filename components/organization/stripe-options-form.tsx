"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { saveStripePaymentOptions } from "@/lib/actions/stripe";
import { type PaymentOptionsInput, paymentOptionsSchema } from "@/lib/validation/stripe";

/**
 * Part payments and the pass-through fee. Amounts are in the organisation's default currency and
 * apply to invoices in that currency (others are paid in full, without a fee).
 */
export function StripeOptionsForm({ initial, currency, taxRates }: { initial: PaymentOptionsInput; currency: string; taxRates: { id: string; label: string }[] }) {
  const { form, onSubmit, formError, formMessage, pending } = useActionForm(paymentOptionsSchema, saveStripePaymentOptions, { defaultValues: initial });
  const { errors } = form.formState;
  const partOn = form.watch("partPaymentsEnabled");
  const feeOn = form.watch("feeEnabled");
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <div aria-live="polite">{formError ? <Alert tone="error">{formError}</Alert> : formMessage ? <Alert tone="success">{formMessage}</Alert> : null}</div>
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold text-slate-900">Part payments</legend>
        <div className="flex items-start gap-3">
          <input id="part-enabled" type="checkbox" className="mt-1 size-4" {...form.register("partPaymentsEnabled")} />
          <label htmlFor="part-enabled" className="text-sm text-slate-900">Let clients pay part of an invoice</label>
        </div>
        {partOn ? (
          <Field id="part-minimum" label={`Smallest part a client may pay (${currency})`} error={errors.partPaymentMinimum?.message} hint={`For invoices in ${currency}. Invoices in other currencies are paid in full.`}>
            <Input id="part-minimum" inputMode="decimal" autoComplete="off" invalid={!!errors.partPaymentMinimum} aria-describedby={describedBy("part-minimum", errors.partPaymentMinimum?.message, true)} {...form.register("partPaymentMinimum")} />
          </Field>
        ) : null}
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold text-slate-900">Payment fee (off by default)</legend>
        <Alert tone="info">
          Surcharging payments by consumer cards is banned in the EEA and the UK (and limited elsewhere). Only pass the fee on where the law allows it, for example to business clients outside those areas.
        </Alert>
        <div className="flex items-start gap-3">
          <input id="fee-enabled" type="checkbox" className="mt-1 size-4" {...form.register("feeEnabled")} />
          <label htmlFor="fee-enabled" className="text-sm text-slate-900">Add Stripe&apos;s fee to what the client pays, so you receive the full invoice amount</label>
        </div>
        {feeOn ? (
          <div className="grid gap-4 sm:grid-cols-3">
            <Field id="fee-rate" label="Rate (%)" error={errors.feeRate?.message} hint="For example 2.9 or 1.5.">
              <Input id="fee-rate" inputMode="decimal" autoComplete="off" invalid={!!errors.feeRate} aria-describedby={describedBy("fee-rate", errors.feeRate?.message, true)} {...form.register("feeRate")} />
            </Field>
            <Field id="fee-fixed" label={`Fixed amount (${currency})`} error={errors.feeFixed?.message} hint="For example 0.30.">
              <Input id="fee-fixed" inputMode="decimal" autoComplete="off" invalid={!!errors.feeFixed} aria-describedby={describedBy("fee-fixed", errors.feeFixed?.message, true)} {...form.register("feeFixed")} />
            </Field>
            <Field id="fee-tax" label="Tax on the fee" error={errors.feeTaxRateId?.message} hint="The fee is its own taxed line.">
              <Select id="fee-tax" invalid={!!errors.feeTaxRateId} aria-describedby={describedBy("fee-tax", errors.feeTaxRateId?.message, true)} {...form.register("feeTaxRateId")}>
                <option value="">No tax</option>
                {taxRates.map((t) => (
                  <option key={t.id} value={t.id}>{t.label}</option>
                ))}
              </Select>
            </Field>
          </div>
        ) : null}
      </fieldset>
      <Button type="submit" pending={pending} onMouseDown={(e) => e.preventDefault()}>
        {pending ? "Saving…" : "Save payment options"}
      </Button>
    </form>
  );
}
