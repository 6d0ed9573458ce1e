"use client";

import { useMemo, useState } from "react";
import { flushSync } from "react-dom";
import { type UseFieldArrayReturn, useFieldArray, useWatch } from "react-hook-form";
import { EditorLines } from "@/components/documents/editor-lines";
import { customerLanguageLabel, LanguageOptions } from "@/components/documents/language-options";
import { EditorTotals, previewDiscount, previewTotals } from "@/components/documents/editor-totals";
import type { EditorCustomer, EditorForm, EditorItem, EditorTaxRate } from "@/components/documents/editor-types";
import { NewCustomer } from "@/components/documents/quick-customer";
import { useActionForm } from "@/components/forms/use-action-form";
import { useAppMessages } from "@/components/i18n/app-language";
import { useUnsavedChangesWarning } from "@/components/forms/use-unsaved-changes-warning";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select, Textarea } from "@/components/ui/field";
import { saveRecurringProfile } from "@/lib/actions/recurring";
import { CURRENCIES } from "@/lib/currencies";
import { catalogs as editorCatalogs } from "@/lib/i18n/catalogs/app/editor";
import { catalogs } from "@/lib/i18n/catalogs/app/recurring-editor";
import { formatMoney, toDecimalString } from "@/lib/money";
import { occurrencePeriod, resolvePlaceholders } from "@/lib/recurrence";
import type { DocumentFormValues } from "@/lib/validation/documents";
import { type RecurringFormValues, recurringSchema } from "@/lib/validation/recurring";
import { ActionFields } from "./action-fields";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { EditState } from "./preview-dates";
import { previewDates } from "./preview-dates";
import { ScheduleFields, typedSchedule } from "./schedule-fields";
import { DecimalInput } from "@/components/forms/decimal-input";

/**
 * The recurring profile form. Lines and totals are the invoice editor's own components: the profile
 * form holds `currency`, `discountType`, `discountValue` and `lines` in exactly the invoice form's
 * shape (the lines are validated by the invoice line schema), which is all those components read,
 * so the form is handed to them under the invoice form's type.
 */
/** The placeholder help's example, shown resolved against the first date of the preview. */
const EXAMPLE = "{month} {year}, {period}";

export function ProfileEditor({
  defaults,
  customers: initialCustomers,
  items,
  taxRates,
  locale,
  rounding,
  today,
  edit,
  emailOff = false,
}: {
  defaults: RecurringFormValues;
  customers: EditorCustomer[];
  items: EditorItem[];
  taxRates: EditorTaxRate[];
  locale: string;
  rounding: "line" | "document";
  /** Today in the organisation's time zone (the server's, so the preview starts where saving will). */
  today: string;
  edit: EditState | null;
  /** No email provider (lib/mail/delivery.ts): "issue and email" is flagged where it is chosen. */
  emailOff?: boolean;
}) {
  const t = useAppMessages(catalogs);
  const te = useAppMessages(editorCatalogs);
  const { form, onSubmit, formError, pending } = useActionForm(recurringSchema, saveRecurringProfile, { defaultValues: defaults });
  const [customers, setCustomers] = useState(initialCustomers);
  const { control, register, setValue, getValues, formState } = form;
  const { errors, isDirty } = formState;
  const lines = useFieldArray({ control, name: "lines" });
  const values = useWatch({ control }) as RecurringFormValues;
  const taxMap = useMemo(() => new Map(taxRates.map((t) => [t.id, t])), [taxRates]);
  const asInvoice: DocumentFormValues = { ...values, kind: "invoice", issueDate: values.startDate };
  const totals = previewTotals(asInvoice, taxMap, rounding);
  useUnsavedChangesWarning(isDirty);

  const applyCustomer = (customerId: string) => {
    const customer = customers.find((c) => c.id === customerId);
    if (!customer) return;
    if (customer.currency && !getValues("id")) setValue("currency", customer.currency, { shouldDirty: true });
    if (customer.paymentTermsDays !== null && !formState.dirtyFields.paymentTermsDays) setValue("paymentTermsDays", String(customer.paymentTermsDays), { shouldDirty: true });
  };

  // As in the invoice editor: the description is always filled; a price in another currency is left to type.
  const applyItem = (index: number, item: EditorItem) => {
    const touch = { shouldDirty: true, shouldValidate: formState.isSubmitted };
    setValue(`lines.${index}.itemId`, item.id, touch);
    setValue(`lines.${index}.description`, (item.description ? `${item.name} — ${item.description}` : item.name).slice(0, 2000), touch);
    setValue(`lines.${index}.unit`, item.unit ?? "", touch);
    if (item.currency === getValues("currency")) setValue(`lines.${index}.unitPrice`, toDecimalString(item.unitPrice, item.currency), touch);
    setValue(`lines.${index}.taxRateIds`, item.taxRateIds.filter((id) => taxMap.has(id)), touch);
  };

  const money = (minor: number) => {
    try {
      return formatMoney(minor, values.currency, locale);
    } catch {
      return String(minor);
    }
  };

  // The placeholder help shows what they become on the first date of the preview.
  const schedule = typedSchedule(values);
  const first = schedule ? previewDates(schedule, today, edit, 1)[0] : undefined;
  // Like the schedule preview, the example's dates are shown once hydrated (components/ui/use-hydrated.ts).
  const hydrated = useHydrated();
  const example = hydrated && schedule && first ? resolvePlaceholders(EXAMPLE, occurrencePeriod(schedule, first), locale) : null;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-8" aria-label={t("form.label")}>
      <div aria-live="polite">{formError ? <Alert tone="error">{formError}</Alert> : null}</div>

      <section aria-labelledby="details-heading" className="grid gap-5 rounded-lg border border-slate-200 bg-white p-6 sm:grid-cols-2 lg:grid-cols-4">
        <h2 id="details-heading" className="sr-only">
          {te("details")}
        </h2>
        <div className="sm:col-span-2">
          <Field id="name" label={t("form.name")} error={errors.name?.message} hint={t("form.nameHint")}>
            <Input id="name" placeholder={t("form.namePlaceholder")} invalid={!!errors.name} aria-describedby={describedBy("name", errors.name?.message, true)} {...register("name")} />
          </Field>
        </div>
        <div className="sm:col-span-2">
          <Field id="customerId" label={te("customer")} error={errors.customerId?.message} hint={customers.length === 0 ? te("addCustomerFirst") : undefined}>
            <Select id="customerId" invalid={!!errors.customerId} aria-describedby={describedBy("customerId", errors.customerId?.message, customers.length === 0)} {...register("customerId", { onChange: (e) => applyCustomer(e.target.value) })}>
              <option value="">{te("chooseCustomer")}</option>
              {customers.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
          </Field>
          <NewCustomer
            onCreated={(c) => {
              flushSync(() => setCustomers((list) => [...list, c].sort((a, b) => a.name.localeCompare(b.name))));
              setValue("customerId", c.id, { shouldDirty: true, shouldValidate: true });
              applyCustomer(c.id);
            }}
          />
        </div>
        <Field id="currency" label={te("currency")} error={errors.currency?.message}>
          <Select id="currency" invalid={!!errors.currency} aria-describedby={describedBy("currency", errors.currency?.message)} {...register("currency")}>
            {CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </Field>
      </section>

      <ScheduleFields form={form} values={values} today={today} edit={edit} locale={locale} />

      <div className="space-y-2">
        <p id="placeholders-help" className="rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-brand-900">
          {t("form.placeholdersBefore")}
          <code>{"{period}"}</code>, <code>{"{month}"}</code>, <code>{"{year}"}</code>, <code>{"{period_start}"}</code>
          {t("form.placeholdersAnd")}
          <code>{"{period_end}"}</code>
          {t("form.placeholdersAfter")}
          {example ? t("form.placeholdersExample", { pattern: EXAMPLE, example }) : null}
        </p>
        <EditorLines
          form={form as unknown as EditorForm}
          lines={lines as unknown as UseFieldArrayReturn<DocumentFormValues, "lines">}
          values={asInvoice}
          items={items}
          taxRates={taxRates}
          totals={totals}
          money={money}
          locale={locale}
          applyItem={applyItem}
        />
      </div>

      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="notes-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="notes-heading" className="text-base font-semibold">
            {te("discountAndNotes")}
          </h2>
          <Field id="discountType" label={te("documentDiscount.invoice")} error={errors.discountValue?.message}>
            <div className="flex gap-2">
              <Select id="discountType" {...register("discountType")} className="w-28">
                <option value="none">{te("none")}</option>
                <option value="percent">%</option>
                <option value="amount">{values.currency}</option>
              </Select>
              <DecimalInput control={control} name="discountValue" aria-label={te("documentDiscountValue")} inputMode="decimal" disabled={values.discountType === "none"} invalid={!!errors.discountValue} aria-describedby={describedBy("discountType", errors.discountValue?.message)} />
            </div>
          </Field>
          <Field id="notes" label={te("notes")} error={errors.notes?.message}>
            <Textarea id="notes" rows={3} invalid={!!errors.notes} aria-describedby={describedBy("notes", errors.notes?.message)} {...register("notes")} />
          </Field>
          <Field id="terms" label={te("terms")} error={errors.terms?.message}>
            <Textarea id="terms" rows={3} invalid={!!errors.terms} aria-describedby={describedBy("terms", errors.terms?.message)} {...register("terms")} />
          </Field>
          <Field id="footer" label={te("footer")} error={errors.footer?.message}>
            <Textarea id="footer" rows={2} invalid={!!errors.footer} aria-describedby={describedBy("footer", errors.footer?.message)} {...register("footer")} />
          </Field>
          <Field id="language" label={te("language")} error={errors.language?.message} hint={t("form.languageHint")}>
            <Select id="language" invalid={!!errors.language} aria-describedby={describedBy("language", errors.language?.message, true)} {...register("language")}>
              <option value="">{customerLanguageLabel(customers.find((c) => c.id === values.customerId)?.language, te)}</option>
              <LanguageOptions />
            </Select>
          </Field>
        </section>
        <div className="space-y-8">
          <EditorTotals totals={totals} discount={previewDiscount(asInvoice)} deposit={{ deposit: null, amount: 0 }} kind="invoice" money={money} />
          <ActionFields form={form} values={values} emailOff={emailOff} />
        </div>
      </div>

      <div
        role="group"
        aria-label={te("save")}
        className="sticky bottom-0 z-10 flex flex-wrap items-center justify-between gap-3 rounded-t-lg border-t border-slate-200 bg-white/95 px-4 py-3 shadow-[0_-2px_6px_rgba(15,23,42,0.06)]"
      >
        <p className="text-sm">
          {t("form.eachInvoice")} <strong className="ml-1 text-base tabular-nums" data-testid="running-total">{totals ? money(totals.total) : "—"}</strong>
        </p>
        <Button type="submit" pending={pending}>
          {pending ? te("saving") : defaults.id ? t("form.saveChanges") : t("form.saveNew")}
        </Button>
      </div>
    </form>
  );
}
