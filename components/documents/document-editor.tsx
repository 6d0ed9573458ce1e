"use client";

import { useEffect, useMemo, useState, useTransition } from "react";
import { flushSync } from "react-dom";
import { useFieldArray, useWatch } from "react-hook-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select, Textarea } from "@/components/ui/field";
import type { DocumentKind } from "@/db/schema";
import { quickCreateCustomer } from "@/lib/actions/customers";
import { saveDocument } from "@/lib/actions/documents";
import { CURRENCIES } from "@/lib/currencies";
import { kindLabels } from "@/lib/document-labels";
import { computeDocument, type DocumentTotals, formatMoney, formatRate, parseMoney, parseQuantity, rateToString, toDecimalString } from "@/lib/money";
import { type DocumentFormValues, type DocumentLineValues, documentSchema, toDiscount } from "@/lib/validation/documents";

export type EditorCustomer = { id: string; name: string; currency: string | null; paymentTermsDays: number | null };
export type EditorItem = { id: string; name: string; description: string | null; unit: string | null; unitPrice: number; currency: string; taxRateIds: string[] };
export type EditorTaxRate = { id: string; name: string; rateE4: number; inclusive: boolean; compound: boolean };

const emptyLine = (): DocumentLineValues => ({ itemId: null, description: "", unit: "", quantity: "1", unitPrice: "", discountType: "none", discountValue: "", taxRateIds: [] });

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The live preview runs lib/money.ts on what is typed — the same function the server runs when
 * saving — so the totals shown here are the totals that get stored, to the cent. Lines that are
 * not valid yet are left out of the preview (their fields show an error instead).
 */
function previewTotals(values: DocumentFormValues, taxes: Map<string, EditorTaxRate>, rounding: "line" | "document"): DocumentTotals | null {
  try {
    const currency = values.currency;
    let discount = null;
    try {
      discount = toDiscount(values.discountType, values.discountValue, currency);
    } catch {
      discount = null;
    }
    const lines = (values.lines ?? []).flatMap((l) => {
      try {
        let lineDiscount = null;
        try {
          lineDiscount = toDiscount(l.discountType, l.discountValue, currency);
        } catch {
          lineDiscount = null;
        }
        return [{ quantityE4: parseQuantity(l.quantity), unitPrice: parseMoney(l.unitPrice || "0", currency), discount: lineDiscount, taxes: l.taxRateIds.flatMap((id) => (taxes.has(id) ? [taxes.get(id)!] : [])) }];
      } catch {
        return [{ quantityE4: 0, unitPrice: 0, discount: null, taxes: [] }];
      }
    });
    return computeDocument({ currency, rounding, discount, lines });
  } catch {
    return null;
  }
}

export function DocumentEditor({
  kind,
  defaults,
  customers: initialCustomers,
  items,
  taxRates,
  locale,
  rounding,
}: {
  kind: DocumentKind;
  defaults: DocumentFormValues;
  customers: EditorCustomer[];
  items: EditorItem[];
  taxRates: EditorTaxRate[];
  locale: string;
  rounding: "line" | "document";
}) {
  const { form, onSubmit, formError, pending } = useActionForm(documentSchema, saveDocument, { defaultValues: defaults });
  const [customers, setCustomers] = useState(initialCustomers);
  const { control, register, setValue, getValues, formState } = form;
  const { errors, isDirty, isSubmitSuccessful } = formState;
  const lines = useFieldArray({ control, name: "lines" });
  const values = useWatch({ control }) as DocumentFormValues;
  const taxMap = useMemo(() => new Map(taxRates.map((t) => [t.id, t])), [taxRates]);
  const totals = previewTotals(values, taxMap, rounding);
  const label = kindLabels[kind].one.toLowerCase();

  // Warn before leaving with unsaved changes (not after a successful save, which navigates away).
  useEffect(() => {
    if (!isDirty || isSubmitSuccessful) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [isDirty, isSubmitSuccessful]);

  const applyCustomer = (customerId: string) => {
    const customer = customers.find((c) => c.id === customerId);
    if (!customer) return;
    if (customer.currency && !getValues("id")) setValue("currency", customer.currency, { shouldDirty: true });
    if (kind === "invoice" && customer.paymentTermsDays !== null && !formState.dirtyFields.dueDate) {
      setValue("dueDate", addDays(getValues("issueDate"), customer.paymentTermsDays), { shouldDirty: true });
    }
  };

  const applyItem = (index: number, name: string) => {
    const item = items.find((i) => i.name === name);
    if (!item) return;
    setValue(`lines.${index}.itemId`, item.id);
    if (item.unit) setValue(`lines.${index}.unit`, item.unit);
    if (item.currency === getValues("currency")) setValue(`lines.${index}.unitPrice`, toDecimalString(item.unitPrice, item.currency));
    setValue(`lines.${index}.taxRateIds`, item.taxRateIds.filter((id) => taxMap.has(id)));
    if (item.description) setValue(`lines.${index}.description`, `${item.name} — ${item.description}`.slice(0, 2000));
  };

  const currency = values.currency;
  const money = (minor: number) => {
    try {
      return formatMoney(minor, currency, locale);
    } catch {
      return String(minor);
    }
  };
  const lineError = (i: number, field: keyof DocumentLineValues) => (errors.lines?.[i]?.[field] as { message?: string } | undefined)?.message;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-8" aria-label={`${kindLabels[kind].one} editor`}>
      <input type="hidden" {...register("kind")} />
      <div aria-live="polite">{formError ? <Alert tone="error">{formError}</Alert> : null}</div>

      <section aria-labelledby="details-heading" className="grid gap-5 rounded-lg border border-slate-200 bg-white p-6 sm:grid-cols-2 lg:grid-cols-4">
        <h2 id="details-heading" className="sr-only">Details</h2>
        <div className="sm:col-span-2">
          <Field id="customerId" label="Customer" error={errors.customerId?.message} hint={customers.length === 0 ? "Add a customer first." : undefined}>
            <Select id="customerId" invalid={!!errors.customerId} aria-describedby={describedBy("customerId", errors.customerId?.message, customers.length === 0)} {...register("customerId", { onChange: (e) => applyCustomer(e.target.value) })}>
              <option value="">Choose a customer…</option>
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
        <Field id="currency" label="Currency" error={errors.currency?.message}>
          <Select id="currency" invalid={!!errors.currency} aria-describedby={describedBy("currency", errors.currency?.message)} {...register("currency")}>
            {CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </Field>
        <div />
        <Field id="issueDate" label={kind === "quote" ? "Quote date" : "Issue date"} error={errors.issueDate?.message}>
          <Input id="issueDate" type="date" invalid={!!errors.issueDate} aria-describedby={describedBy("issueDate", errors.issueDate?.message)} {...register("issueDate")} />
        </Field>
        {kind !== "credit_note" ? (
          <Field id="dueDate" label={kind === "quote" ? "Valid until" : "Due date"} error={errors.dueDate?.message}>
            <Input id="dueDate" type="date" invalid={!!errors.dueDate} aria-describedby={describedBy("dueDate", errors.dueDate?.message)} {...register("dueDate")} />
          </Field>
        ) : null}
      </section>

      <section aria-labelledby="lines-heading" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="lines-heading" className="mb-4 text-base font-semibold">
          Lines
        </h2>
        {typeof errors.lines?.message === "string" ? <p role="alert" className="mb-3 text-sm text-red-700">{errors.lines.message}</p> : null}
        <datalist id="catalogue-items">
          {items.map((i) => (
            <option key={i.id} value={i.name} />
          ))}
        </datalist>
        <ol className="space-y-6">
          {lines.fields.map((field, index) => {
            const n = index + 1;
            const id = (f: string) => `lines-${index}-${f}`;
            return (
              <li key={field.id} className="rounded-md border border-slate-200 p-4" aria-label={`Line ${n}`}>
                <div className="grid gap-4 md:grid-cols-12">
                  <div className="md:col-span-5">
                    <Field id={id("description")} label={`Line ${n} description`} error={lineError(index, "description")}>
                      <Textarea
                        id={id("description")}
                        rows={2}
                        invalid={!!lineError(index, "description")}
                        aria-describedby={describedBy(id("description"), lineError(index, "description"))}
                        {...register(`lines.${index}.description`)}
                      />
                    </Field>
                    {items.length ? (
                      <div className="mt-2">
                        <label htmlFor={id("item")} className="text-xs font-medium text-slate-700">
                          Fill from item
                        </label>
                        <input
                          id={id("item")}
                          className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
                          onChange={(e) => applyItem(index, e.target.value)}
                          placeholder="Type to search items"
                        />
                      </div>
                    ) : null}
                  </div>
                  <div className="md:col-span-2">
                    <Field id={id("quantity")} label="Quantity" error={lineError(index, "quantity")}>
                      <Input id={id("quantity")} inputMode="decimal" invalid={!!lineError(index, "quantity")} aria-describedby={describedBy(id("quantity"), lineError(index, "quantity"))} {...register(`lines.${index}.quantity`)} />
                    </Field>
                    <Field id={id("unit")} label="Unit" error={lineError(index, "unit")}>
                      <Input id={id("unit")} placeholder="hours" invalid={!!lineError(index, "unit")} aria-describedby={describedBy(id("unit"), lineError(index, "unit"))} {...register(`lines.${index}.unit`)} />
                    </Field>
                  </div>
                  <div className="md:col-span-2">
                    <Field id={id("unitPrice")} label={`Unit price (${currency})`} error={lineError(index, "unitPrice")}>
                      <Input id={id("unitPrice")} inputMode="decimal" invalid={!!lineError(index, "unitPrice")} aria-describedby={describedBy(id("unitPrice"), lineError(index, "unitPrice"))} {...register(`lines.${index}.unitPrice`)} />
                    </Field>
                  </div>
                  <div className="md:col-span-3">
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
                        <input type="checkbox" value={t.id} {...register(`lines.${index}.taxRateIds`)} />
                        {t.name} ({formatRate(t.rateE4, locale)}
                        {t.inclusive ? ", incl." : ""})
                      </label>
                    ))}
                  </fieldset>
                  <div className="flex items-center gap-2">
                    <span className="text-sm font-medium tabular-nums" aria-label={`Line ${n} total`}>
                      {totals?.lines[index] ? money(totals.lines[index]!.total) : "—"}
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

      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="notes-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="notes-heading" className="text-base font-semibold">
            Discount and notes
          </h2>
          <Field id="discountType" label={`Discount on the whole ${label}`} error={errors.discountValue?.message}>
            <div className="flex gap-2">
              <Select id="discountType" {...register("discountType")} className="w-28">
                <option value="none">None</option>
                <option value="percent">%</option>
                <option value="amount">{currency}</option>
              </Select>
              <Input aria-label="Document discount value" inputMode="decimal" disabled={values.discountType === "none"} invalid={!!errors.discountValue} aria-describedby={describedBy("discountType", errors.discountValue?.message)} {...register("discountValue")} />
            </div>
          </Field>
          <Field id="notes" label="Notes" error={errors.notes?.message}>
            <Textarea id="notes" rows={3} invalid={!!errors.notes} aria-describedby={describedBy("notes", errors.notes?.message)} {...register("notes")} />
          </Field>
          <Field id="terms" label="Terms" error={errors.terms?.message}>
            <Textarea id="terms" rows={3} invalid={!!errors.terms} aria-describedby={describedBy("terms", errors.terms?.message)} {...register("terms")} />
          </Field>
          <Field id="footer" label="Footer" error={errors.footer?.message}>
            <Textarea id="footer" rows={2} invalid={!!errors.footer} aria-describedby={describedBy("footer", errors.footer?.message)} {...register("footer")} />
          </Field>
        </section>

        <section aria-labelledby="totals-heading" className="rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="totals-heading" className="mb-4 text-base font-semibold">
            Totals
          </h2>
          {totals ? (
            <dl className="space-y-2 text-sm tabular-nums" aria-live="polite">
              <div className="flex justify-between">
                <dt>Subtotal</dt>
                <dd data-testid="subtotal">{money(totals.subtotal)}</dd>
              </div>
              {totals.discountTotal ? (
                <div className="flex justify-between">
                  <dt>Discounts</dt>
                  <dd data-testid="discount-total">−{money(totals.discountTotal)}</dd>
                </div>
              ) : null}
              {totals.taxes.map((t) => (
                <div key={t.taxId} className="flex justify-between">
                  <dt>
                    {t.name} {rateToString(t.rateE4)}% {t.inclusive ? "(included)" : ""} on {money(t.base)}
                  </dt>
                  <dd>{money(t.amount)}</dd>
                </div>
              ))}
              <div className="flex justify-between border-t border-slate-200 pt-2 text-base font-semibold">
                <dt>Total</dt>
                <dd data-testid="total">{money(totals.total)}</dd>
              </div>
            </dl>
          ) : (
            <p className="text-sm text-slate-700">Totals appear as you fill in the lines.</p>
          )}
        </section>
      </div>

      <div className="flex flex-wrap gap-3">
        <Button type="submit" pending={pending}>
          {pending ? "Saving…" : "Save draft"}
        </Button>
      </div>
    </form>
  );
}

/** Inline "new customer" (not a nested form: its button calls the action directly). */
function NewCustomer({ onCreated }: { onCreated: (c: EditorCustomer) => void }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className="mt-1 text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        New customer…
      </button>
    );
  }
  const create = () =>
    startTransition(async () => {
      const r = await quickCreateCustomer({ name, email });
      if (r.ok) {
        onCreated(r.data);
        setOpen(false);
        setName("");
        setEmail("");
        setErrors({});
      } else {
        setErrors({ ...(r.fieldErrors ?? {}), form: r.message });
      }
    });
  return (
    <div role="group" aria-label="New customer" className="mt-3 space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3">
      <Field id="new-customer-name" label="New customer's name" error={errors.name}>
        <Input id="new-customer-name" value={name} onChange={(e) => setName(e.target.value)} invalid={!!errors.name} aria-describedby={describedBy("new-customer-name", errors.name)} autoFocus />
      </Field>
      <Field id="new-customer-email" label="Email (optional)" error={errors.email}>
        <Input id="new-customer-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} invalid={!!errors.email} aria-describedby={describedBy("new-customer-email", errors.email)} />
      </Field>
      {errors.form && !errors.name && !errors.email ? <p role="alert" className="text-sm text-red-700">{errors.form}</p> : null}
      <div className="flex gap-2">
        <Button type="button" pending={pending} onClick={create}>Add customer</Button>
        <Button type="button" variant="ghost" onClick={() => setOpen(false)}>Cancel</Button>
      </div>
    </div>
  );
}
