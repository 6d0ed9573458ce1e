"use client";

import { type Path, useFieldArray } from "react-hook-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useUnsavedChangesWarning } from "@/components/forms/use-unsaved-changes-warning";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LanguageOptions } from "@/components/documents/language-options";
import { describedBy, Field, Input, Select, Textarea } from "@/components/ui/field";
import { createCustomer, updateCustomer } from "@/lib/actions/customers";
import { CURRENCIES } from "@/lib/currencies";
import { EAS_SCHEMES, FORMAT_LABELS } from "@/lib/einvoice/codes";
import { type CustomerFormInput, customerSchema, MAX_CONTACTS } from "@/lib/validation/customers";

const EMPTY: CustomerFormInput = {
  name: "",
  email: "",
  phone: "",
  addressLine1: "",
  addressLine2: "",
  city: "",
  postalCode: "",
  region: "",
  country: "",
  taxId: "",
  currency: "",
  language: "",
  paymentTermsDays: "",
  notes: "",
  buyerReference: "",
  electronicAddress: "",
  electronicAddressScheme: "",
  einvoiceFormat: "",
  contacts: [],
};

type TextFieldName = Exclude<keyof CustomerFormInput, "contacts" | "notes" | "currency" | "language" | "electronicAddressScheme" | "einvoiceFormat">;

/**
 * Create (no customerId) or edit a customer and its contacts. The resolver checks the fields in
 * the browser; the server action parses them again (with the id when editing) and is authoritative.
 */
export function CustomerForm({ customerId, defaults }: { customerId?: string; defaults?: CustomerFormInput }) {
  const { form, onSubmit, formError, pending } = useActionForm(
    customerSchema,
    (values) => (customerId ? updateCustomer({ ...values, id: customerId }) : createCustomer(values)),
    { defaultValues: defaults ?? EMPTY },
  );
  const { errors, isDirty } = form.formState;
  const contacts = useFieldArray({ control: form.control, name: "contacts", keyName: "key" });
  const watched = form.watch("contacts") ?? [];

  useUnsavedChangesWarning(isDirty);

  const text = (name: TextFieldName, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => {
    // Bare field names as ids: pre-flight messages before issuing an e-invoice link to them (#buyerReference, #taxId…).
    const id = name;
    const error = errors[name]?.message;
    return (
      <Field id={id} label={label} error={error}>
        <Input id={id} invalid={!!error} aria-describedby={describedBy(id, error)} {...props} {...form.register(name)} />
      </Field>
    );
  };

  const setPrimary = (index: number) => {
    watched.forEach((_, j) => form.setValue(`contacts.${j}.isPrimary` as Path<CustomerFormInput>, j === index, { shouldDirty: true }));
  };
  const contactsError = errors.contacts?.message ?? errors.contacts?.root?.message;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <div aria-live="polite">{formError ? <Alert tone="error">{formError}</Alert> : null}</div>

      <section aria-labelledby="customer-details-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="customer-details-heading" className="text-base font-semibold">
          Details
        </h2>
        {text("name", "Name", { autoComplete: "organization" })}
        <div className="grid gap-4 sm:grid-cols-2">
          {text("email", "Email", { type: "email", autoComplete: "email" })}
          {text("phone", "Phone", { type: "tel", autoComplete: "tel" })}
        </div>
        {text("addressLine1", "Address line 1", { autoComplete: "address-line1" })}
        {text("addressLine2", "Address line 2", { autoComplete: "address-line2" })}
        <div className="grid gap-4 sm:grid-cols-2">
          {text("city", "City", { autoComplete: "address-level2" })}
          {text("postalCode", "Postal code", { autoComplete: "postal-code" })}
          {text("region", "Region or state", { autoComplete: "address-level1" })}
          {text("country", "Country code", { maxLength: 2, placeholder: "US", autoComplete: "country" })}
        </div>
      </section>

      <section aria-labelledby="customer-billing-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="customer-billing-heading" className="text-base font-semibold">
          Billing
        </h2>
        <div className="grid gap-4 sm:grid-cols-3">
          {text("taxId", "VAT ID", { placeholder: "DE123456789" })}
          <Field id="currency" label="Currency" error={errors.currency?.message}>
            <Select id="currency" invalid={!!errors.currency} aria-describedby={describedBy("currency", errors.currency?.message)} {...form.register("currency")}>
              <option value="">Organisation default</option>
              {CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </Select>
          </Field>
          {text("paymentTermsDays", "Payment terms (days)", { inputMode: "numeric", placeholder: "Organisation default" })}
          <Field id="language" label="Document language" error={errors.language?.message} hint="Their PDFs and client page are written in it.">
            <Select id="language" invalid={!!errors.language} aria-describedby={describedBy("language", errors.language?.message, true)} {...form.register("language")}>
              <option value="">Organisation default</option>
              <LanguageOptions />
            </Select>
          </Field>
        </div>
        <Field id="notes" label="Notes" error={errors.notes?.message} hint="Only your team sees these.">
          <Textarea
            id="notes"
            rows={4}
            invalid={!!errors.notes}
            aria-describedby={describedBy("notes", errors.notes?.message, true)}
            {...form.register("notes")}
          />
        </Field>
      </section>

      <section aria-labelledby="customer-einvoicing-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="customer-einvoicing-heading" className="text-base font-semibold">
          E-invoicing
        </h2>
        <p className="text-sm text-slate-700">What this customer&apos;s invoicing system needs to route and accept a structured e-invoice.</p>
        <div className="grid gap-4 sm:grid-cols-2">
          {text("buyerReference", "Buyer reference (Leitweg-ID)", { placeholder: "04011000-12345-67", autoComplete: "off" })}
          <Field id="einvoiceFormat" label="E-invoice format" error={errors.einvoiceFormat?.message}>
            <Select id="einvoiceFormat" invalid={!!errors.einvoiceFormat} aria-describedby={describedBy("einvoiceFormat", errors.einvoiceFormat?.message)} {...form.register("einvoiceFormat")}>
              <option value="">Organisation default</option>
              {Object.entries(FORMAT_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {value === "none" ? "None" : label}
                </option>
              ))}
            </Select>
          </Field>
          {text("electronicAddress", "Electronic address (Peppol ID or email)", { autoComplete: "off" })}
          <Field id="electronicAddressScheme" label="Electronic address scheme" error={errors.electronicAddressScheme?.message}>
            <Select
              id="electronicAddressScheme"
              invalid={!!errors.electronicAddressScheme}
              aria-describedby={describedBy("electronicAddressScheme", errors.electronicAddressScheme?.message)}
              {...form.register("electronicAddressScheme")}
            >
              <option value="">None</option>
              {Object.entries(EAS_SCHEMES).map(([code, label]) => (
                <option key={code} value={code}>
                  {label} ({code})
                </option>
              ))}
            </Select>
          </Field>
        </div>
      </section>

      <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-6" aria-describedby={contactsError ? "customer-contacts-error" : undefined}>
        <legend className="px-1 text-base font-semibold">Contacts</legend>
        <p className="text-sm text-slate-700">People who receive documents. The primary contact gets them by default.</p>
        {contactsError ? (
          <p id="customer-contacts-error" role="alert" className="text-sm text-red-700">
            {contactsError}
          </p>
        ) : null}
        {contacts.fields.map((field, i) => {
          const n = i + 1;
          const nameId = `contact-${i}-name`;
          const emailId = `contact-${i}-email`;
          const nameError = errors.contacts?.[i]?.name?.message;
          const emailError = errors.contacts?.[i]?.email?.message;
          return (
            <div key={field.key} className="grid gap-3 rounded-md border border-slate-200 p-4 sm:grid-cols-[1fr_1fr_auto_auto] sm:items-end">
              <Field id={nameId} label={`Contact ${n} name`} error={nameError}>
                <Input id={nameId} autoComplete="off" invalid={!!nameError} aria-describedby={describedBy(nameId, nameError)} {...form.register(`contacts.${i}.name`)} />
              </Field>
              <Field id={emailId} label={`Contact ${n} email`} error={emailError}>
                <Input id={emailId} type="email" autoComplete="off" invalid={!!emailError} aria-describedby={describedBy(emailId, emailError)} {...form.register(`contacts.${i}.email`)} />
              </Field>
              <label className="flex min-h-11 items-center gap-2 text-sm">
                <input type="radio" name="primary-contact" checked={!!watched[i]?.isPrimary} onChange={() => setPrimary(i)} className="size-4" />
                Primary<span className="sr-only"> contact ({n})</span>
              </label>
              <Button
                type="button"
                variant="ghost"
                onClick={() => {
                  const wasPrimary = !!watched[i]?.isPrimary;
                  contacts.remove(i);
                  // Keep one primary: the next contact takes over (the server does the same).
                  if (wasPrimary && watched.length > 1) form.setValue("contacts.0.isPrimary", true, { shouldDirty: true });
                }}
              >
                Remove<span className="sr-only"> contact {n}</span>
              </Button>
            </div>
          );
        })}
        {contacts.fields.length < MAX_CONTACTS ? (
          <Button type="button" variant="secondary" onClick={() => contacts.append({ name: "", email: "", isPrimary: contacts.fields.length === 0 }, { shouldFocus: true })}>
            Add contact
          </Button>
        ) : (
          <p className="text-sm text-slate-700">A customer can have up to {MAX_CONTACTS} contacts.</p>
        )}
      </fieldset>

      {/* mousedown would blur the last field first; its validation error appears above the button, moves it, and the click is lost. */}
      <Button type="submit" pending={pending} onMouseDown={(e) => e.preventDefault()}>
        {pending ? "Saving…" : customerId ? "Save changes" : "Create customer"}
      </Button>
    </form>
  );
}
