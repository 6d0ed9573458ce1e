"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select, Textarea } from "@/components/ui/field";
import { saveOrganization } from "@/lib/actions/organization";
import { EAS_SCHEMES, FORMAT_LABELS } from "@/lib/einvoice/codes";
import { organizationSchema, type OrganizationInput } from "@/lib/validation/organization";
import type { OrganizationChoices } from "./defaults";

export function OrganizationForm({ defaults, choices }: { defaults: OrganizationInput; choices: OrganizationChoices }) {
  const { form, onSubmit, formError, formMessage, pending } = useActionForm(organizationSchema, saveOrganization, { defaultValues: defaults });
  const { errors } = form.formState;
  const { currencies, timeZones, locales } = choices;

  const text = (name: keyof OrganizationInput & string, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => {
    const error = errors[name]?.message as string | undefined;
    return (
      <Field id={name} label={label} error={error}>
        <Input id={name} invalid={!!error} aria-describedby={describedBy(name, error)} {...props} {...form.register(name)} />
      </Field>
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-8">
      <div aria-live="polite">
        {formError ? <Alert tone="error">{formError}</Alert> : formMessage ? <Alert tone="success">{formMessage}</Alert> : null}
      </div>
      <fieldset className="grid gap-5 sm:grid-cols-2">
        <legend className="mb-3 text-base font-semibold">Business</legend>
        {text("name", "Business name", { autoComplete: "organization" })}
        {text("legalName", "Legal name (if different)")}
        {text("taxId", "VAT ID", { placeholder: "DE123456789" })}
        {text("email", "Billing email", { type: "email", autoComplete: "email" })}
        {text("phone", "Phone", { type: "tel", autoComplete: "tel" })}
        {text("website", "Website", { type: "url", autoComplete: "url" })}
      </fieldset>
      <fieldset className="grid gap-5 sm:grid-cols-2">
        <legend className="mb-3 text-base font-semibold">Address</legend>
        {text("addressLine1", "Address line 1", { autoComplete: "address-line1" })}
        {text("addressLine2", "Address line 2", { autoComplete: "address-line2" })}
        {text("city", "City", { autoComplete: "address-level2" })}
        {text("postalCode", "Postal code", { autoComplete: "postal-code" })}
        {text("region", "State / region", { autoComplete: "address-level1" })}
        {text("country", "Country code", { autoComplete: "country", maxLength: 2, placeholder: "US" })}
      </fieldset>
      <fieldset className="grid gap-5 sm:grid-cols-2">
        <legend className="mb-3 text-base font-semibold">Invoicing defaults</legend>
        <Field id="defaultCurrency" label="Default currency" error={errors.defaultCurrency?.message}>
          <Select id="defaultCurrency" invalid={!!errors.defaultCurrency} aria-describedby={describedBy("defaultCurrency", errors.defaultCurrency?.message)} {...form.register("defaultCurrency")}>
            {currencies.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="locale" label="Language and number format" error={errors.locale?.message}>
          <Select id="locale" invalid={!!errors.locale} aria-describedby={describedBy("locale", errors.locale?.message)} {...form.register("locale")}>
            {locales.map(({ value, label }) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="timeZone" label="Time zone" error={errors.timeZone?.message}>
          <Select id="timeZone" invalid={!!errors.timeZone} aria-describedby={describedBy("timeZone", errors.timeZone?.message)} {...form.register("timeZone")}>
            {timeZones.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </Select>
        </Field>
        {text("paymentTermsDays", "Payment terms (days)", { type: "number", inputMode: "numeric", min: 0, max: 365 })}
        <Field id="bankDetails" label="Bank details (shown on invoices)" error={errors.bankDetails?.message}>
          <Textarea id="bankDetails" rows={3} invalid={!!errors.bankDetails} aria-describedby={describedBy("bankDetails", errors.bankDetails?.message)} {...form.register("bankDetails")} />
        </Field>
      </fieldset>
      <fieldset className="grid gap-5 sm:grid-cols-2" aria-describedby="einvoicing-intro">
        <legend className="mb-1 text-base font-semibold">E-invoicing</legend>
        <p id="einvoicing-intro" className="text-sm text-slate-700 sm:col-span-2">
          What structured e-invoices (XRechnung, Peppol, Factur-X) say about you: buyers&apos; systems read these fields instead of the PDF.
        </p>
        {text("taxRegistrationId", "Tax number", { placeholder: "201/113/40209" })}
        {text("legalRegistrationId", "Company registration number", { placeholder: "HRB 12345 B" })}
        {text("contactName", "Contact name", { autoComplete: "name" })}
        {text("electronicAddress", "Electronic address (Peppol ID or email)")}
        <Field id="electronicAddressScheme" label="Electronic address scheme" error={errors.electronicAddressScheme?.message}>
          <Select id="electronicAddressScheme" invalid={!!errors.electronicAddressScheme} aria-describedby={describedBy("electronicAddressScheme", errors.electronicAddressScheme?.message)} {...form.register("electronicAddressScheme")}>
            <option value="">None</option>
            {Object.entries(EAS_SCHEMES).map(([code, label]) => (
              <option key={code} value={code}>
                {label} ({code})
              </option>
            ))}
          </Select>
        </Field>
        {text("iban", "IBAN", { autoComplete: "off", spellCheck: false })}
        {text("bic", "BIC", { autoComplete: "off", spellCheck: false })}
        <Field id="einvoiceFormat" label="Default e-invoice format" error={errors.einvoiceFormat?.message}>
          <Select id="einvoiceFormat" invalid={!!errors.einvoiceFormat} aria-describedby={describedBy("einvoiceFormat", errors.einvoiceFormat?.message)} {...form.register("einvoiceFormat")}>
            {Object.entries(FORMAT_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
      </fieldset>
      <Button type="submit" pending={pending}>
        {pending ? "Saving…" : "Save settings"}
      </Button>
    </form>
  );
}
