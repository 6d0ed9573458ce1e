"use client";

import { useMemo, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { useFieldArray, useWatch } from "react-hook-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useUnsavedChangesWarning } from "@/components/forms/use-unsaved-changes-warning";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select, Textarea } from "@/components/ui/field";
import type { DocumentKind } from "@/db/schema";
import { saveAndIssueDocument, saveDocument } from "@/lib/actions/documents";
import { useAppMessages } from "@/components/i18n/app-language";
import { CURRENCIES } from "@/lib/currencies";
import { catalogs as editorCatalogs } from "@/lib/i18n/catalogs/app/editor";
import { formatMoney, toDecimalString } from "@/lib/money";
import { type DocumentFormValues, documentSchema } from "@/lib/validation/documents";
import { EditorEInvoice } from "./editor-einvoice";
import { EditorLines } from "./editor-lines";
import { EditorTotals, previewDeposit, previewDiscount, previewTotals } from "./editor-totals";
import type { EditorCustomer, EditorItem, EditorTaxRate } from "./editor-types";
import { customerLanguageLabel, LanguageOptions } from "./language-options";
import { EditorWithPreview } from "./preview/editor-with-preview";
import { LivePreview, type PreviewSource } from "./preview/live-preview";
import { NewCustomer } from "./quick-customer";
import { DecimalInput } from "@/components/forms/decimal-input";

/**
 * The invoice, quote and credit note editor: the form and its details and notes sections; the lines
 * (editor-lines.tsx), the live totals (editor-totals.tsx) and the inline new customer
 * (quick-customer.tsx) are their own files; the live preview beside it is in preview/.
 */

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function DocumentEditor({
  kind,
  defaults,
  customers: initialCustomers,
  items,
  taxRates,
  locale,
  rounding,
  preview,
}: {
  kind: DocumentKind;
  defaults: DocumentFormValues;
  customers: EditorCustomer[];
  items: EditorItem[];
  taxRates: EditorTaxRate[];
  locale: string;
  rounding: "line" | "document";
  /** The sender and logo the preview prints (and the invoice a credit note credits). */
  preview: PreviewSource;
}) {
  // Which button submitted: both run the same validation, "issue" then issues the saved draft.
  // A ref for the action (it runs within the click, before a state update would land), state for the label.
  const intent = useRef<"save" | "issue">("save");
  const [submitting, setSubmitting] = useState<"save" | "issue">("save");
  const choose = (which: "save" | "issue") => {
    intent.current = which;
    setSubmitting(which);
  };
  const { form, onSubmit, formError, pending } = useActionForm(documentSchema, (values) => (intent.current === "issue" ? saveAndIssueDocument(values) : saveDocument(values)), {
    defaultValues: defaults,
  });
  const [customers, setCustomers] = useState(initialCustomers);
  const { control, register, setValue, getValues, formState } = form;
  const { errors, isDirty } = formState;
  const lines = useFieldArray({ control, name: "lines" });
  const values = useWatch({ control }) as DocumentFormValues;
  const taxMap = useMemo(() => new Map(taxRates.map((t) => [t.id, t])), [taxRates]);
  const totals = previewTotals(values, taxMap, rounding);
  const t = useAppMessages(editorCatalogs);

  // Ask before leaving with unsaved changes. Saving navigates with the router, which neither unloads the
  // page nor clicks a link, so it needs no opt-out, and a save the server refused still asks.
  useUnsavedChangesWarning(isDirty);

  const applyCustomer = (customerId: string) => {
    const customer = customers.find((c) => c.id === customerId);
    if (!customer) return;
    if (customer.currency && !getValues("id")) setValue("currency", customer.currency, { shouldDirty: true });
    // The customer's buyer reference (Leitweg-ID) unless one was typed for this document.
    if (customer.buyerReference && !getValues("buyerReference")) setValue("buyerReference", customer.buyerReference, { shouldDirty: true });
    if (kind === "invoice" && customer.paymentTermsDays !== null && !formState.dirtyFields.dueDate) {
      setValue("dueDate", addDays(getValues("issueDate"), customer.paymentTermsDays), { shouldDirty: true });
    }
  };

  // The description is always filled (it is required); a price in another currency is left to type.
  const applyItem = (index: number, item: EditorItem) => {
    const touch = { shouldDirty: true, shouldValidate: formState.isSubmitted };
    setValue(`lines.${index}.itemId`, item.id, touch);
    setValue(`lines.${index}.description`, (item.description ? `${item.name} — ${item.description}` : item.name).slice(0, 2000), touch);
    setValue(`lines.${index}.unit`, item.unit ?? "", touch);
    if (item.currency === getValues("currency")) setValue(`lines.${index}.unitPrice`, toDecimalString(item.unitPrice, item.currency), touch);
    setValue(`lines.${index}.taxRateIds`, item.taxRateIds.filter((id) => taxMap.has(id)), touch);
  };

  const currency = values.currency;
  const money = (minor: number) => {
    try {
      return formatMoney(minor, currency, locale);
    } catch {
      return String(minor);
    }
  };

  const editor = (
    <form onSubmit={onSubmit} noValidate className="@container space-y-8" aria-label={t(`formLabel.${kind}`)}>
      <input type="hidden" {...register("kind")} />
      <div aria-live="polite">{formError ? <Alert tone="error">{formError}</Alert> : null}</div>

      <section aria-labelledby="details-heading" className="grid gap-5 rounded-lg border border-slate-200 bg-white p-6 @md:grid-cols-2 @3xl:grid-cols-4">
        <h2 id="details-heading" className="sr-only">{t("details")}</h2>
        <div className="@md:col-span-2">
          <Field id="customerId" label={t("customer")} error={errors.customerId?.message} hint={customers.length === 0 ? t("addCustomerFirst") : undefined}>
            <Select id="customerId" invalid={!!errors.customerId} aria-describedby={describedBy("customerId", errors.customerId?.message, customers.length === 0)} {...register("customerId", { onChange: (e) => applyCustomer(e.target.value) })}>
              <option value="">{t("chooseCustomer")}</option>
              {customers.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
          </Field>
          <NewCustomer
            onCreated={(c) => {
              // Render the new <option> now, so the select can take its value straight away.
              flushSync(() => setCustomers((list) => [...list, c].sort((a, b) => a.name.localeCompare(b.name))));
              setValue("customerId", c.id, { shouldDirty: true, shouldValidate: true });
              applyCustomer(c.id);
            }}
          />
        </div>
        <Field id="currency" label={t("currency")} error={errors.currency?.message}>
          <Select id="currency" invalid={!!errors.currency} aria-describedby={describedBy("currency", errors.currency?.message)} {...register("currency")}>
            {CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </Field>
        <div />
        <Field id="issueDate" label={kind === "quote" ? t("quoteDate") : t("issueDate")} error={errors.issueDate?.message}>
          <Input id="issueDate" type="date" invalid={!!errors.issueDate} aria-describedby={describedBy("issueDate", errors.issueDate?.message)} {...register("issueDate")} />
        </Field>
        {kind !== "credit_note" ? (
          <Field id="dueDate" label={kind === "quote" ? t("validUntil") : t("dueDate")} error={errors.dueDate?.message}>
            <Input id="dueDate" type="date" invalid={!!errors.dueDate} aria-describedby={describedBy("dueDate", errors.dueDate?.message)} {...register("dueDate")} />
          </Field>
        ) : null}
      </section>

      <EditorLines form={form} lines={lines} values={values} items={items} taxRates={taxRates} totals={totals} money={money} locale={locale} applyItem={applyItem} />

      <EditorEInvoice form={form} />

      <div className="grid gap-8 @3xl:grid-cols-2">
        <section aria-labelledby="notes-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="notes-heading" className="text-base font-semibold">
            {t("discountAndNotes")}
          </h2>
          <Field id="discountType" label={t(`documentDiscount.${kind}`)} error={errors.discountValue?.message}>
            <div className="flex gap-2">
              <Select id="discountType" {...register("discountType")} className="w-28">
                <option value="none">{t("none")}</option>
                <option value="percent">%</option>
                <option value="amount">{currency}</option>
              </Select>
              <DecimalInput control={control} name="discountValue" aria-label={t("documentDiscountValue")} inputMode="decimal" disabled={values.discountType === "none"} invalid={!!errors.discountValue} aria-describedby={describedBy("discountType", errors.discountValue?.message)} />
            </div>
          </Field>
          {kind !== "credit_note" ? (
            <Field
              id="depositType"
              label={t("deposit")}
              error={errors.depositValue?.message}
              hint={kind === "quote" ? t("depositHintQuote") : t("depositHintInvoice")}
            >
              <div className="flex gap-2">
                <Select id="depositType" {...register("depositType")} className="w-28">
                  <option value="none">{t("none")}</option>
                  <option value="percent">%</option>
                  <option value="amount">{currency}</option>
                </Select>
                <DecimalInput control={control} name="depositValue" aria-label={t("depositValue")} inputMode="decimal" disabled={(values.depositType ?? "none") === "none"} invalid={!!errors.depositValue} aria-describedby={describedBy("depositType", errors.depositValue?.message, true)} />
              </div>
            </Field>
          ) : null}
          <Field id="notes" label={t("notes")} error={errors.notes?.message}>
            <Textarea id="notes" rows={3} invalid={!!errors.notes} aria-describedby={describedBy("notes", errors.notes?.message)} {...register("notes")} />
          </Field>
          <Field id="terms" label={t("terms")} error={errors.terms?.message}>
            <Textarea id="terms" rows={3} invalid={!!errors.terms} aria-describedby={describedBy("terms", errors.terms?.message)} {...register("terms")} />
          </Field>
          <Field id="footer" label={t("footer")} error={errors.footer?.message}>
            <Textarea id="footer" rows={2} invalid={!!errors.footer} aria-describedby={describedBy("footer", errors.footer?.message)} {...register("footer")} />
          </Field>
          <Field id="language" label={t("language")} error={errors.language?.message} hint={t("languageHint")}>
            <Select id="language" invalid={!!errors.language} aria-describedby={describedBy("language", errors.language?.message, true)} {...register("language")}>
              <option value="">{customerLanguageLabel(customers.find((c) => c.id === values.customerId)?.language, t)}</option>
              <LanguageOptions />
            </Select>
          </Field>
        </section>

        <EditorTotals totals={totals} discount={previewDiscount(values)} deposit={previewDeposit(values, totals, taxMap, rounding)} kind={values.kind} money={money} />
      </div>

      {/* Always in reach on a long form: the running total and both ways to finish. */}
      <div
        role="group"
        aria-label={t("save")}
        className="sticky bottom-0 z-10 flex flex-wrap items-center justify-between gap-3 rounded-t-lg border-t border-slate-200 bg-white/95 px-4 py-3 shadow-[0_-2px_6px_rgba(15,23,42,0.06)]"
      >
        <p className="text-sm">
          {t("total")} <strong className="ml-1 text-base tabular-nums" data-testid="running-total">{totals ? money(totals.total) : "—"}</strong>
        </p>
        <div className="flex flex-wrap gap-3">
          <Button type="submit" variant="secondary" pending={pending} onClick={() => choose("save")}>
            {pending && submitting === "save" ? t("saving") : t("saveDraft")}
          </Button>
          <Button type="submit" pending={pending} onClick={() => choose("issue")}>
            {pending && submitting === "issue" ? t("issuing") : t(`saveAndIssue.${kind}`)}
          </Button>
        </div>
      </div>
    </form>
  );
  return (
    <EditorWithPreview
      labels={{ edit: t("tab.edit"), preview: t("tab.preview"), heading: t("previewHeading"), tabs: t("tabsLabel", { title: t(`kindTitle.${kind}`) }), region: t("previewRegion") }}
      editor={editor}
      preview={<LivePreview values={values} source={preview} customers={customers} taxRates={taxRates} rounding={rounding} pending={t("previewPending")} />}
    />
  );
}

