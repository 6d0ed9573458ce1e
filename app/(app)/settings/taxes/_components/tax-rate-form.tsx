"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { createTaxRate } from "@/lib/actions/tax-rates";
import { REASON_REQUIRED, VAT_CATEGORIES, VATEX, type VatCategory } from "@/lib/einvoice/codes";
import { type TaxRateFormInput, taxRateSchema } from "@/lib/validation/tax-rates";
import { useAppMessages } from "@/components/i18n/app-language";
import { catalogs } from "@/lib/i18n/catalogs/app/settings";
import { DecimalInput } from "@/components/forms/decimal-input";

const EMPTY: TaxRateFormInput = { name: "", rate: "", inclusive: false, compound: false, withholding: false, vatCategory: "S", exemptionReason: "", exemptionCode: "" };

export function TaxRateForm() {
  const t = useAppMessages(catalogs);
  const { form, onSubmit, formError, formMessage, pending } = useActionForm(taxRateSchema, createTaxRate, {
    defaultValues: EMPTY,
    onSuccess: () => form.reset(EMPTY),
  });
  const { errors } = form.formState;
  // "Compound" and "included in prices" exclude each other: clear or show the error as either changes.
  const recheckCompound = () => {
    if (form.formState.errors.compound || (form.getValues("inclusive") && form.getValues("compound"))) void form.trigger("compound");
  };
  const withholding = form.watch("withholding");
  const category = (form.watch("vatCategory") || "S") as VatCategory;
  // Choosing a VATEX preset writes its legal wording into the reason (still editable) and picks its category.
  const applyPreset = (code: string) => {
    const preset = VATEX[code];
    if (!preset) return;
    form.setValue("exemptionReason", preset.text, { shouldDirty: true });
    form.setValue("vatCategory", preset.category, { shouldDirty: true });
    if (preset.category !== "S") form.setValue("rate", "0", { shouldDirty: true });
  };
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <div aria-live="polite">{formError ? <Alert tone="error">{formError}</Alert> : formMessage ? <Alert tone="success">{formMessage}</Alert> : null}</div>
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
        <Field id="tax-name" label={t("taxes.form.name")} error={errors.name?.message}>
          <Input id="tax-name" autoComplete="off" placeholder="VAT" invalid={!!errors.name} aria-describedby={describedBy("tax-name", errors.name?.message)} {...form.register("name")} />
        </Field>
        <Field id="tax-rate" label={t("taxes.form.rate")} error={errors.rate?.message}>
          <DecimalInput control={form.control} name="rate" id="tax-rate" inputMode="decimal" autoComplete="off" placeholder="20" invalid={!!errors.rate} aria-describedby={describedBy("tax-rate", errors.rate?.message)} />
        </Field>
      </div>
      <div className="space-y-2">
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-0.5 size-4" aria-describedby="tax-inclusive-hint" {...form.register("inclusive", { onChange: recheckCompound })} />
          <span>
            {t("taxes.form.inclusive")}
            <span id="tax-inclusive-hint" className="block text-xs text-slate-600">
              {t("taxes.form.inclusiveHint")}
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
            {t("taxes.form.compound")}
            <span id="tax-compound-hint" className="block text-xs text-slate-600">
              {t("taxes.form.compoundHint")}
            </span>
          </span>
        </label>
        {errors.compound ? (
          <p id="tax-compound-error" className="text-sm text-red-700">
            {errors.compound.message}
          </p>
        ) : null}
        <label className="flex items-start gap-2 text-sm">
          <input
            id="tax-withholding"
            type="checkbox"
            className="mt-0.5 size-4"
            aria-invalid={errors.inclusive ? true : undefined}
            aria-describedby={errors.inclusive ? "tax-inclusive-error" : "tax-withholding-hint"}
            {...form.register("withholding")}
          />
          <span>
            {t("taxes.form.withholding")}
            <span id="tax-withholding-hint" className="block text-xs text-slate-600">
              {t("taxes.form.withholdingHint")}
            </span>
          </span>
        </label>
        {errors.inclusive ? (
          <p id="tax-inclusive-error" className="text-sm text-red-700">
            {errors.inclusive.message}
          </p>
        ) : null}
      </div>
      {withholding ? null : (
        <fieldset className="space-y-4 rounded-md border border-slate-200 p-4">
          <legend className="px-1 text-sm font-medium">{t("taxes.form.vatCategoryLegend")}</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="tax-vat-category" label={t("taxes.form.vatCategory")} error={errors.vatCategory?.message}>
              <Select id="tax-vat-category" invalid={!!errors.vatCategory} aria-describedby={describedBy("tax-vat-category", errors.vatCategory?.message)} {...form.register("vatCategory")}>
                {VAT_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {t(`vat.${c}`)} ({c})
                  </option>
                ))}
              </Select>
            </Field>
            <Field id="tax-exemption-code" label={t("taxes.form.exemptionCode")} error={errors.exemptionCode?.message}>
              <Select
                id="tax-exemption-code"
                invalid={!!errors.exemptionCode}
                aria-describedby={describedBy("tax-exemption-code", errors.exemptionCode?.message)}
                {...form.register("exemptionCode", { onChange: (e: { target: { value: string } }) => applyPreset(e.target.value) })}
              >
                <option value="">{t("taxes.form.none")}</option>
                {Object.keys(VATEX).map((code) => (
                  <option key={code} value={code}>
                    {code}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          {REASON_REQUIRED.includes(category) || errors.exemptionReason ? (
            <Field id="tax-exemption-reason" label={t("taxes.form.exemptionReason")} error={errors.exemptionReason?.message}>
              <Input id="tax-exemption-reason" autoComplete="off" invalid={!!errors.exemptionReason} aria-describedby={describedBy("tax-exemption-reason", errors.exemptionReason?.message)} {...form.register("exemptionReason")} />
            </Field>
          ) : null}
        </fieldset>
      )}
      {/* mousedown would blur the last field first; its validation error appears above the button, moves it, and the click is lost. */}
      <Button type="submit" pending={pending} onMouseDown={(e) => e.preventDefault()}>
        {pending ? t("taxes.form.adding") : t("taxes.form.submit")}
      </Button>
    </form>
  );
}
