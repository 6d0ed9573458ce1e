"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { createTaxRate } from "@/lib/actions/tax-rates";
import { type TaxRateFormInput, taxRateSchema } from "@/lib/validation/tax-rates";

const EMPTY: TaxRateFormInput = { name: "", rate: "", inclusive: false, compound: false };

export function TaxRateForm() {
  const { form, onSubmit, formError, formMessage, pending } = useActionForm(taxRateSchema, createTaxRate, {
    defaultValues: EMPTY,
    onSuccess: () => form.reset(EMPTY),
  });
  const { errors } = form.formState;
  // "Compound" and "included in prices" exclude each other: clear or show the error as either changes.
  const recheckCompound = () => {
    if (form.formState.errors.compound || (form.getValues("inclusive") && form.getValues("compound"))) void form.trigger("compound");
  };
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <div aria-live="polite">{formError ? <Alert tone="error">{formError}</Alert> : formMessage ? <Alert tone="success">{formMessage}</Alert> : null}</div>
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
        <Field id="tax-name" label="Tax name" error={errors.name?.message}>
          <Input id="tax-name" autoComplete="off" placeholder="VAT" invalid={!!errors.name} aria-describedby={describedBy("tax-name", errors.name?.message)} {...form.register("name")} />
        </Field>
        <Field id="tax-rate" label="Rate (%)" error={errors.rate?.message}>
          <Input id="tax-rate" inputMode="decimal" autoComplete="off" placeholder="20" invalid={!!errors.rate} aria-describedby={describedBy("tax-rate", errors.rate?.message)} {...form.register("rate")} />
        </Field>
      </div>
      <div className="space-y-2">
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-0.5 size-4" aria-describedby="tax-inclusive-hint" {...form.register("inclusive", { onChange: recheckCompound })} />
          <span>
            Included in prices
            <span id="tax-inclusive-hint" className="block text-xs text-slate-600">
              Prices already contain this tax (common for VAT on consumer prices).
            </span>
          </span>
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            className="mt-0.5 size-4"
            aria-invalid={errors.compound ? true : undefined}
            aria-describedby={errors.compound ? "tax-compound-error" : "tax-compound-hint"}
            {...form.register("compound", { onChange: recheckCompound })}
          />
          <span>
            Compound
            <span id="tax-compound-hint" className="block text-xs text-slate-600">
              Charged on the price plus the other taxes.
            </span>
          </span>
        </label>
        {errors.compound ? (
          <p id="tax-compound-error" className="text-sm text-red-700">
            {errors.compound.message}
          </p>
        ) : null}
      </div>
      {/* mousedown would blur the last field first; its validation error appears above the button, moves it, and the click is lost. */}
      <Button type="submit" pending={pending} onMouseDown={(e) => e.preventDefault()}>
        {pending ? "Adding…" : "Add tax rate"}
      </Button>
    </form>
  );
}
