"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { saveLateFee } from "@/lib/actions/late-fees";
import { type LateFeeInput, lateFeeSchema } from "@/lib/validation/late-fees";

/**
 * Settings → Reminders: the optional late fee, a percent of the overdue balance or a flat amount in
 * one currency, with an optional tax rate added on top. Off by default.
 */
export function LateFeeForm({ initial, currencies, taxRates }: { initial: LateFeeInput; currencies: readonly string[]; taxRates: { id: string; label: string }[] }) {
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
            Add a late fee at each reminder after the due date
          </label>
          <p id="late-fee-enabled-hint" className="text-xs text-slate-600">
            The fee is its own issued invoice (&quot;Late fee: INV-0007, 7 days after the due date&quot;) for the same customer, due at once; the overdue invoice is not changed. One fee per invoice and reminder step, added only when that reminder is sent.
          </p>
        </div>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-900">Fee</legend>
        <div className="flex flex-wrap gap-6 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" value="percent" className="size-4" {...form.register("feeType")} /> A percent of the balance due
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" value="amount" className="size-4" {...form.register("feeType")} /> A flat amount
          </label>
        </div>
      </fieldset>
      {feeType === "percent" ? (
        <Field id="late-fee-rate" label="Percent of the balance (%)" error={errors.rate?.message} hint="For example 1.5. Rounded to the cent; a fee that rounds to zero is not added.">
          <Input id="late-fee-rate" inputMode="decimal" autoComplete="off" invalid={!!errors.rate} aria-describedby={describedBy("late-fee-rate", errors.rate?.message, true)} {...form.register("rate")} />
        </Field>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="late-fee-amount" label={`Amount (${currency})`} error={errors.amount?.message} hint={`Invoices in other currencies than ${currency} get no flat fee.`}>
            <Input id="late-fee-amount" inputMode="decimal" autoComplete="off" invalid={!!errors.amount} aria-describedby={describedBy("late-fee-amount", errors.amount?.message, true)} {...form.register("amount")} />
          </Field>
          <Field id="late-fee-currency" label="Currency" error={errors.currency?.message}>
            <Select id="late-fee-currency" invalid={!!errors.currency} aria-describedby={describedBy("late-fee-currency", errors.currency?.message)} {...form.register("currency")}>
              {currencies.map((c) => (
                <option key={c} value={c}>{c}</option>
              ))}
            </Select>
          </Field>
        </div>
      )}
      <Field id="late-fee-tax" label="Tax on the fee" error={errors.taxRateId?.message} hint="Added on top of the fee. Only rates that are not inclusive or compound are listed.">
        <Select id="late-fee-tax" invalid={!!errors.taxRateId} aria-describedby={describedBy("late-fee-tax", errors.taxRateId?.message, true)} {...form.register("taxRateId")}>
          <option value="">No tax</option>
          {taxRates.map((t) => (
            <option key={t.id} value={t.id}>{t.label}</option>
          ))}
        </Select>
      </Field>
      <Button type="submit" pending={pending} onMouseDown={(e) => e.preventDefault()}>
        {pending ? "Saving…" : "Save late fee"}
      </Button>
    </form>
  );
}
