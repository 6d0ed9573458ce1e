"use client";

import type { UseFieldArrayReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { minus } from "@/lib/document-summary";
import { type DocumentTotals, formatMoney, formatRate } from "@/lib/money";
import type { DocumentFormValues, DocumentLineValues } from "@/lib/validation/documents";
import { DescriptionCombobox } from "./description-combobox";
import { type EditorForm, type EditorItem, type EditorTaxRate, emptyLine } from "./editor-types";

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
        Lines
      </h2>
      {typeof errors.lines?.message === "string" ? <p role="alert" className="mb-3 text-sm text-red-700">{errors.lines.message}</p> : null}
      <ol className="space-y-6">
        {lines.fields.map((field, index) => {
          const n = index + 1;
          const id = (f: string) => `lines-${index}-${f}`;
          return (
            <li key={field.id} className="rounded-md border border-slate-200 p-4" aria-label={`Line ${n}`}>
              <div className="grid gap-4 @lg:grid-cols-6 @3xl:grid-cols-12">
                <div className="@lg:col-span-6 @3xl:col-span-5">
                  <Field id={id("description")} label={`Line ${n} description`} error={lineError(index, "description")} hint={items.length ? "Type to choose from your items, or describe the line." : undefined}>
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
                  <Field id={id("quantity")} label="Quantity" error={lineError(index, "quantity")}>
                    <Input id={id("quantity")} inputMode="decimal" invalid={!!lineError(index, "quantity")} aria-describedby={describedBy(id("quantity"), lineError(index, "quantity"))} {...register(`lines.${index}.quantity`)} />
                  </Field>
                  <Field id={id("unit")} label="Unit" error={lineError(index, "unit")}>
                    <Input id={id("unit")} placeholder="hours" invalid={!!lineError(index, "unit")} aria-describedby={describedBy(id("unit"), lineError(index, "unit"))} {...register(`lines.${index}.unit`)} />
                  </Field>
                </div>
                <div className="@lg:col-span-3 @3xl:col-span-2">
                  <Field id={id("unitPrice")} label={`Unit price (${currency})`} error={lineError(index, "unitPrice")}>
                    <Input id={id("unitPrice")} inputMode="decimal" invalid={!!lineError(index, "unitPrice")} aria-describedby={describedBy(id("unitPrice"), lineError(index, "unitPrice"))} {...register(`lines.${index}.unitPrice`)} />
                  </Field>
                </div>
                <div className="@lg:col-span-6 @3xl:col-span-3">
                  <Field id={id("discountType")} label="Line discount" error={lineError(index, "discountValue")}>
                    <div className="flex gap-2">
                      <Select id={id("discountType")} {...register(`lines.${index}.discountType`)} className="w-28">
                        <option value="none">None</option>
                        <option value="percent">%</option>
                        <option value="amount">{currency}</option>
                      </Select>
                      <Input
                        aria-label={`Line ${n} discount value`}
                        inputMode="decimal"
                        disabled={values.lines?.[index]?.discountType === "none"}
                        invalid={!!lineError(index, "discountValue")}
                        aria-describedby={describedBy(id("discountType"), lineError(index, "discountValue"))}
                        {...register(`lines.${index}.discountValue`)}
                      />
                    </div>
                  </Field>
                </div>
              </div>
              <div className="mt-3 flex flex-wrap items-center justify-between gap-3">
                <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
                  <legend className="sr-only">Line {n} taxes</legend>
                  {taxRates.length === 0 ? <span className="text-slate-600">No tax rates yet (Settings → Taxes).</span> : null}
                  {taxRates.map((t) => (
                    <label key={t.id} className="inline-flex items-center gap-1.5">
                      <input
                        type="checkbox"
                        value={t.id}
                        checked={ticked(index).includes(t.id)}
                        onChange={(e) => {
                          const ids = ticked(index).filter((id) => id !== t.id);
                          setValue(`lines.${index}.taxRateIds`, e.target.checked ? [...ids, t.id] : ids, { shouldDirty: true, shouldValidate: formState.isSubmitted });
                        }}
                      />
                      {t.name} ({formatRate(t.rateE4, locale)}
                      {t.inclusive ? ", incl." : ""})
                    </label>
                  ))}
                </fieldset>
                <div className="flex items-center gap-2">
                  <span className="text-right text-sm font-medium tabular-nums" aria-label={`Line ${n} amount`}>
                    {totals?.lines[index] ? money(totals.lines[index]!.amount) : "—"}
                    {totals?.lines[index]?.lineDiscount ? (
                      <span className="block text-xs font-normal text-slate-700">Discount {minus(totals.lines[index]!.lineDiscount, money)}</span>
                    ) : null}
                  </span>
                  <Button type="button" variant="ghost" onClick={() => lines.move(index, index - 1)} disabled={index === 0} aria-label={`Move line ${n} up`}>
                    ↑
                  </Button>
                  <Button type="button" variant="ghost" onClick={() => lines.move(index, index + 1)} disabled={index === lines.fields.length - 1} aria-label={`Move line ${n} down`}>
                    ↓
                  </Button>
                  <Button type="button" variant="ghost" onClick={() => lines.remove(index)} disabled={lines.fields.length === 1} aria-label={`Remove line ${n}`}>
                    Remove
                  </Button>
                </div>
              </div>
            </li>
          );
        })}
      </ol>
      <Button type="button" variant="secondary" className="mt-4" onClick={() => lines.append(emptyLine())}>
        Add line
      </Button>
    </section>
  );
}
