"use client";

import { type Path, useFieldArray } from "react-hook-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useUnsavedChangesWarning } from "@/components/forms/use-unsaved-changes-warning";
import { useAppMessages } from "@/components/i18n/app-language";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LanguageOptions } from "@/components/documents/language-options";
import { describedBy, Field, Input, Select, Textarea } from "@/components/ui/field";
import { createCustomer, updateCustomer } from "@/lib/actions/customers";
import { catalogs } from "@/lib/i18n/catalogs/app/customers";
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
  const t = useAppMessages(catalogs);
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
          {t("form.details")}
        </h2>
        {text("name", t("form.name"), { autoComplete: "organization" })}
        <div className="grid gap-4 sm:grid-cols-2">
          {text("email", t("form.email"), { type: "email", autoComplete: "email" })}
          {text("phone", t("form.phone"), { type: "tel", autoComplete: "tel" })}
        </div>
        {text("addressLine1", t("form.addressLine1"), { autoComplete: "address-line1" })}
        {text("addressLine2", t("form.addressLine2"), { autoComplete: "address-line2" })}
        <div className="grid gap-4 sm:grid-cols-2">
          {text("city", t("form.city"), { autoComplete: "address-level2" })}
          {text("postalCode", t("form.postalCode"), { autoComplete: "postal-code" })}
          {text("region", t("form.region"), { autoComplete: "address-level1" })}
          {text("country", t("form.country"), { maxLength: 2, placeholder: "US", autoComplete: "country" })}
        </div>
      </section>

      <section aria-labelledby="customer-billing-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="customer-billing-heading" className="text-base font-semibold">
          {t("form.billing")}
        </h2>
        <div className="grid gap-4 sm:grid-cols-3">
          {text("taxId", t("form.taxId"), { placeholder: "DE123456789" })}
          <Field id="currency" label={t("form.currency")} error={errors.currency?.message}>
            <Select id="currency" invalid={!!errors.currency} aria-describedby={describedBy("currency", errors.currency?.message)} {...form.register("currency")}>
              <option value="">{t("form.orgDefault")}</option>
              {CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </Select>
          </Field>
          {text("paymentTermsDays", t("form.paymentTerms"), { inputMode: "numeric", placeholder: t("form.orgDefault") })}
          <Field id="language" label={t("form.language")} error={errors.language?.message} hint={t("form.languageHint")}>
            <Select id="language" invalid={!!errors.language} aria-describedby={describedBy("language", errors.language?.message, true)} {...form.register("language")}>
              <option value="">{t("form.orgDefault")}</option>
              <LanguageOptions />
            </Select>
          </Field>
        </div>
        <Field id="notes" label={t("form.notes")} error={errors.notes?.message} hint={t("form.notesHint")}>
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
          {t("form.einvoicing")}
        </h2>
        <p className="text-sm text-slate-700">{t("form.einvoicingIntro")}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          {text("buyerReference", t("form.buyerReference"), { placeholder: "04011000-12345-67", autoComplete: "off" })}
          <Field id="einvoiceFormat" label={t("form.einvoiceFormat")} error={errors.einvoiceFormat?.message}>
            <Select id="einvoiceFormat" invalid={!!errors.einvoiceFormat} aria-describedby={describedBy("einvoiceFormat", errors.einvoiceFormat?.message)} {...form.register("einvoiceFormat")}>
              <option value="">{t("form.orgDefault")}</option>
              {Object.entries(FORMAT_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {value === "none" ? t("form.none") : value === "factur-x" ? t("form.facturX") : label}
                </option>
              ))}
            </Select>
          </Field>
          {text("electronicAddress", t("form.electronicAddress"), { autoComplete: "off" })}
          <Field id="electronicAddressScheme" label={t("form.electronicAddressScheme")} error={errors.electronicAddressScheme?.message}>
            <Select
              id="electronicAddressScheme"
              invalid={!!errors.electronicAddressScheme}
              aria-describedby={describedBy("electronicAddressScheme", errors.electronicAddressScheme?.message)}
              {...form.register("electronicAddressScheme")}
            >
              <option value="">{t("form.none")}</option>
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
        <legend className="px-1 text-base font-semibold">{t("form.contacts")}</legend>
        <p className="text-sm text-slate-700">{t("form.contactsIntro")}</p>
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
              <Field id={nameId} label={t("form.contactName", { n })} error={nameError}>
                <Input id={nameId} autoComplete="off" invalid={!!nameError} aria-describedby={describedBy(nameId, nameError)} {...form.register(`contacts.${i}.name`)} />
              </Field>
              <Field id={emailId} label={t("form.contactEmail", { n })} error={emailError}>
                <Input id={emailId} type="email" autoComplete="off" invalid={!!emailError} aria-describedby={describedBy(emailId, emailError)} {...form.register(`contacts.${i}.email`)} />
              </Field>
              <label className="flex min-h-11 items-center gap-2 text-sm">
                <input type="radio" name="primary-contact" checked={!!watched[i]?.isPrimary} onChange={() => setPrimary(i)} className="size-4" />
                {t("form.primary")}<span className="sr-only">{t("form.primaryContact", { n })}</span>
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
                {t("form.remove")}<span className="sr-only">{t("form.removeContact", { n })}</span>
              </Button>
            </div>
          );
        })}
        {contacts.fields.length < MAX_CONTACTS ? (
          <Button type="button" variant="secondary" onClick={() => contacts.append({ name: "", email: "", isPrimary: contacts.fields.length === 0 }, { shouldFocus: true })}>
            {t("form.addContact")}
          </Button>
        ) : (
          <p className="text-sm text-slate-700">{t("form.maxContacts", { max: MAX_CONTACTS })}</p>
        )}
      </fieldset>

      {/* mousedown would blur the last field first; its validation error appears above the button, moves it, and the click is lost. */}
      <Button type="submit" pending={pending} onMouseDown={(e) => e.preventDefault()}>
        {pending ? t("form.saving") : customerId ? t("form.saveChanges") : t("form.create")}
      </Button>
    </form>
  );
}
