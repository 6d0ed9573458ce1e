"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { useUnsavedChangesWarning } from "@/components/forms/use-unsaved-changes-warning";
import { useAppMessages } from "@/components/i18n/app-language";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select, Textarea } from "@/components/ui/field";
import { createItem, updateItem } from "@/lib/actions/items";
import { catalogs } from "@/lib/i18n/catalogs/app/items";
import { CURRENCIES } from "@/lib/currencies";
import { type ItemFormInput, itemSchema } from "@/lib/validation/items";
import { DecimalInput } from "@/components/forms/decimal-input";

export type TaxOption = { id: string; label: string };

/** Create (no itemId) or edit an item. The price is typed as text and parsed exactly for its currency. */
export function ItemForm({ itemId, defaults, taxOptions }: { itemId?: string; defaults: ItemFormInput; taxOptions: TaxOption[] }) {
  const { form, onSubmit, formError, pending } = useActionForm(itemSchema, (values) => (itemId ? updateItem({ ...values, id: itemId }) : createItem(values)), {
    defaultValues: defaults,
  });
  const t = useAppMessages(catalogs);
  const { errors, isDirty } = form.formState;

  useUnsavedChangesWarning(isDirty);

  // The number of decimals allowed depends on the currency: check the price again when it changes.
  const recheckPrice = () => {
    if (form.getValues("unitPrice")) void form.trigger("unitPrice");
  };
  // Controlled rather than register(): with a single checkbox react-hook-form yields a string or
  // false instead of an array.
  const selectedTaxes = form.watch("taxRateIds") ?? [];
  const toggleTax = (id: string, on: boolean) => {
    const next = on ? [...selectedTaxes.filter((x) => x !== id), id] : selectedTaxes.filter((x) => x !== id);
    form.setValue("taxRateIds", next, { shouldDirty: true, shouldValidate: true });
  };
  const taxError = errors.taxRateIds?.message ?? errors.taxRateIds?.root?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
      <div aria-live="polite">{formError ? <Alert tone="error">{formError}</Alert> : null}</div>
      <Field id="item-name" label={t("form.name")} error={errors.name?.message}>
        <Input id="item-name" autoComplete="off" invalid={!!errors.name} aria-describedby={describedBy("item-name", errors.name?.message)} {...form.register("name")} />
      </Field>
      <Field id="item-description" label={t("form.description")} error={errors.description?.message} hint={t("form.descriptionHint")}>
        <Textarea
          id="item-description"
          rows={3}
          invalid={!!errors.description}
          aria-describedby={describedBy("item-description", errors.description?.message, true)}
          {...form.register("description")}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="item-unitPrice" label={t("form.unitPrice")} error={errors.unitPrice?.message}>
          <DecimalInput
            control={form.control}
            name="unitPrice"
            id="item-unitPrice"
            inputMode="decimal"
            autoComplete="off"
            placeholder="120.00"
            invalid={!!errors.unitPrice}
            aria-describedby={describedBy("item-unitPrice", errors.unitPrice?.message)}
          />
        </Field>
        <Field id="item-currency" label={t("form.currency")} error={errors.currency?.message}>
          <Select id="item-currency" invalid={!!errors.currency} aria-describedby={describedBy("item-currency", errors.currency?.message)} {...form.register("currency", { onChange: recheckPrice })}>
            {CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="item-unit" label={t("form.unit")} error={errors.unit?.message} hint={t("form.unitHint")}>
          <Input id="item-unit" autoComplete="off" invalid={!!errors.unit} aria-describedby={describedBy("item-unit", errors.unit?.message, true)} {...form.register("unit")} />
        </Field>
      </div>
      <fieldset aria-describedby={taxError ? "item-taxes-error" : undefined} className="space-y-2">
        <legend className="text-sm font-medium text-slate-900">{t("form.defaultTaxes")}</legend>
        {taxOptions.length === 0 ? (
          <p className="text-sm text-slate-700">{t("form.noTaxRates")}</p>
        ) : (
          taxOptions.map((option) => (
            <label key={option.id} className="flex min-h-11 items-center gap-2 text-sm">
              <input type="checkbox" value={option.id} className="size-4" checked={selectedTaxes.includes(option.id)} onChange={(e) => toggleTax(option.id, e.target.checked)} />
              {option.label}
            </label>
          ))
        )}
        {taxError ? (
          <p id="item-taxes-error" className="text-sm text-red-700">
            {taxError}
          </p>
        ) : null}
      </fieldset>
      {/* mousedown would blur the last field first; its validation error appears above the button, moves it, and the click is lost. */}
      <Button type="submit" pending={pending} onMouseDown={(e) => e.preventDefault()}>
        {pending ? t("form.saving") : itemId ? t("form.saveChanges") : t("form.create")}
      </Button>
    </form>
  );
}
