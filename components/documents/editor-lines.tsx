"use client";

import type { UseFieldArrayReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { minus } from "@/lib/document-summary";
import { useAppMessages } from "@/components/i18n/app-language";
import { catalogs as editorCatalogs } from "@/lib/i18n/catalogs/app/editor";
import { type DocumentTotals, formatMoney, formatRate } from "@/lib/money";
import type { DocumentFormValues, DocumentLineValues } from "@/lib/validation/documents";
import { DescriptionCombobox } from "./description-combobox";
import { type EditorForm, type EditorItem, type EditorTaxRate, emptyLine } from "./editor-types";
import { DecimalInput } from "@/components/forms/decimal-input";

/**
 * The editor's lines: description (with the catalogue as suggestions), quantity, price, discount, taxes, and each line's live amount (net of its own discount).
 * Laid out by the section's own width (a container query), not the screen's: beside the live preview the form is narrower than the screen suggests.
 */
export function EditorLines({
  form,
  lines,
  values,
  items,
  taxRates,
  totals,
  money,
  locale,
  applyItem,
}: {
  form: EditorForm;
  lines: UseFieldArrayReturn<DocumentFormValues, "lines">;
  values: DocumentFormValues;
  items: EditorItem[];
  taxRates: EditorTaxRate[];
  totals: DocumentTotals | null;
  money: (minor: number) => string;
  locale: string;
  applyItem: (index: number, item: EditorItem) => void;
}) {
  const t = useAppMessages(editorCatalogs);
  const { register, setValue, formState } = form;
  // Set as an array here: registered checkboxes would give a lone rate's value as a string (or false)
  // on a line added after loading, which the totals and the schema then refused.
  const ticked = (index: number) => {
    const ids: unknown = values.lines?.[index]?.taxRateIds;
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string") : [];
  };
  const { errors } = formState;
  const currency = values.currency;
  const lineError = (i: number, field: keyof DocumentLineValues) => (errors.lines?.[i]?.[field] as { message?: string } | undefined)?.message;
  return (
    <section aria-labelledby="lines-heading" className="@container rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="lines-heading" className="mb-4 text-base font-semibold">
        {t("lines")}
      </h2>
      {typeof errors.lines?.message === "string" ? <p role="alert" className="mb-3 text-sm text-red-700">{errors.lines.message}</p> : null}
      <ol className="space-y-6">
        {lines.fields.map((field, index) => {
          const n = index + 1;
          const id = (f: string) => `lines-${index}-${f}`;
          return (
            <li key={field.id} className="rounded-md border border-slate-200 p-4" aria-label={t("line", { n })}>
              <div className="grid gap-4 @lg:grid-cols-6 @3xl:grid-cols-12">
                <div className="@lg:col-span-6 @3xl:col-span-5">
                  <Field id={id("description")} label={t("lineDescription", { n })} error={lineError(index, "description")} hint={items.length ? t("descriptionHint") : undefined}>
                    <DescriptionCombobox
                      id={id("description")}
                      value={values.lines?.[index]?.description ?? ""}
                      items={items}
                      invalid={!!lineError(index, "description")}
                      describedBy={describedBy(id("description"), lineError(index, "description"), items.length > 0)}
                      field={register(`lines.${index}.description`)}
                      onChoose={(item) => applyItem(index, item)}
                      formatPrice={(item) => formatMoney(item.unitPrice, item.currency, locale)}
                    />
                  </Field>
                </div>
                <div className="@lg:col-span-3 @3xl:col-span-2">
                  <Field id={id("quantity")} label={t("quantity")} error={lineError(index, "quantity")}>
                    <DecimalInput control={form.control} name={`lines.${index}.quantity`} id={id("quantity")} inputMode="decimal" invalid={!!lineError(index, "quantity")} aria-describedby={describedBy(id("quantity"), lineError(index, "quantity"))} />
                  </Field>
                  <Field id={id("unit")} label={t("unit")} error={lineError(index, "unit")}>
                    <Input id={id("unit")} placeholder={t("unitPlaceholder")} invalid={!!lineError(index, "unit")} aria-describedby={describedBy(id("unit"), lineError(index, "unit"))} {...register(`lines.${index}.unit`)} />
                  </Field>
                </div>
                <div className="@lg:col-span-3 @3xl:col-span-2">
                  <Field id={id("unitPrice")} label={t("unitPrice", { currency })} error={lineError(index, "unitPrice")}>
                    <DecimalInput control={form.control} name={`lines.${index}.unitPrice`} id={id("unitPrice")} inputMode="decimal" invalid={!!lineError(index, "unitPrice")} aria-describedby={describedBy(id("unitPrice"), lineError(index, "unitPrice"))} />
                  </Field>
                </div>
                <div className="@lg:col-span-6 @3xl:col-span-3">
                  <Field id={id("discountType")} label={t("lineDiscount")} error={lineError(index, "discountValue")}>
                    <div className="flex gap-2">
                      <Select id={id("discountType")} {...register(`lines.${index}.discountType`)} className="w-28">
                        <option value="none">{t("none")}</option>
                        <option value="percent">%</option>
                        <option value="amount">{currency}</option>
                      </Select>
                      <DecimalInput
                        control={form.control}
                        name={`lines.${index}.discountValue`}
                        aria-label={t("lineDiscountValue", { n })}
                        inputMode="decimal"
                        disabled={values.lines?.[index]?.discountType === "none"}
                        invalid={!!lineError(index, "discountValue")}
                        aria-describedby={describedBy(id("discountType"), lineError(index, "discountValue"))}
                      />
                    </div>
                  </Field>
                </div>
              </div>
              <div className="mt-3 flex flex-wrap items-center justify-between gap-3">
                <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
                  <legend className="sr-only">{t("lineTaxes", { n })}</legend>
                  {taxRates.length === 0 ? <span className="text-slate-600">{t("noTaxRates")}</span> : null}
                  {taxRates.map((rate) => (
                    <label key={rate.id} className="inline-flex items-center gap-1.5">
                      <input
                        type="checkbox"
                        value={rate.id}
                        checked={ticked(index).includes(rate.id)}
                        onChange={(e) => {
                          const ids = ticked(index).filter((id) => id !== rate.id);
                          setValue(`lines.${index}.taxRateIds`, e.target.checked ? [...ids, rate.id] : ids, { shouldDirty: true, shouldValidate: formState.isSubmitted });
                        }}
                      />
                      {rate.name} ({formatRate(rate.rateE4, locale)}
                      {rate.inclusive ? t("inclusive") : ""})
                    </label>
                  ))}
                </fieldset>
                <div className="flex items-center gap-2">
                  <span className="text-right text-sm font-medium tabular-nums" aria-label={t("lineAmount", { n })}>
                    {totals?.lines[index] ? money(totals.lines[index]!.amount) : "—"}
                    {totals?.lines[index]?.lineDiscount ? (
                      <span className="block text-xs font-normal text-slate-700">{t("lineDiscountAmount", { amount: minus(totals.lines[index]!.lineDiscount, money) })}</span>
                    ) : null}
                  </span>
                  <Button type="button" variant="ghost" onClick={() => lines.move(index, index - 1)} disabled={index === 0} aria-label={t("moveUp", { n })}>
                    ↑
                  </Button>
                  <Button type="button" variant="ghost" onClick={() => lines.move(index, index + 1)} disabled={index === lines.fields.length - 1} aria-label={t("moveDown", { n })}>
                    ↓
                  </Button>
                  <Button type="button" variant="ghost" onClick={() => lines.remove(index)} disabled={lines.fields.length === 1} aria-label={t("removeLine", { n })}>
                    {t("remove")}
                  </Button>
                </div>
              </div>
            </li>
          );
        })}
      </ol>
      <Button type="button" variant="secondary" className="mt-4" onClick={() => lines.append(emptyLine())}>
        {t("addLine")}
      </Button>
    </section>
  );
}
