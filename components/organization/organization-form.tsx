"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select, Textarea } from "@/components/ui/field";
import { saveOrganization } from "@/lib/actions/organization";
import { EAS_SCHEMES, FORMAT_LABELS } from "@/lib/einvoice/codes";
import { timeZoneLabel } from "@/lib/time-zone-names";
import { organizationSchema, type OrganizationInput } from "@/lib/validation/organization";
import type { OrganizationChoices } from "./defaults";
import { useAppMessages } from "@/components/i18n/app-language";
import { catalogs } from "@/lib/i18n/catalogs/app/organization";

export function OrganizationForm({ defaults, choices }: { defaults: OrganizationInput; choices: OrganizationChoices }) {
  const t = useAppMessages(catalogs);
  const { form, onSubmit, formError, formMessage, pending } = useActionForm(organizationSchema, saveOrganization, { defaultValues: defaults });
  const { errors } = form.formState;
  const { currencies, timeZones, timeZoneNames, locales } = choices;

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
        <legend className="mb-3 text-base font-semibold">{t("form.business")}</legend>
        {text("name", t("form.name"), { autoComplete: "organization" })}
        {text("legalName", t("form.legalName"))}
        {text("taxId", t("form.taxId"), { placeholder: "DE123456789" })}
        {text("email", t("form.email"), { type: "email", autoComplete: "email" })}
        {text("phone", t("form.phone"), { type: "tel", autoComplete: "tel" })}
        {text("website", t("form.website"), { type: "url", autoComplete: "url" })}
      </fieldset>
      <fieldset className="grid gap-5 sm:grid-cols-2">
        <legend className="mb-3 text-base font-semibold">{t("form.address")}</legend>
        {text("addressLine1", t("form.addressLine1"), { autoComplete: "address-line1" })}
        {text("addressLine2", t("form.addressLine2"), { autoComplete: "address-line2" })}
        {text("city", t("form.city"), { autoComplete: "address-level2" })}
        {text("postalCode", t("form.postalCode"), { autoComplete: "postal-code" })}
        {text("region", t("form.region"), { autoComplete: "address-level1" })}
        {text("country", t("form.country"), { autoComplete: "country", maxLength: 2, placeholder: "US" })}
      </fieldset>
      <fieldset className="grid gap-5 sm:grid-cols-2">
        <legend className="mb-3 text-base font-semibold">{t("form.defaults")}</legend>
        <Field id="defaultCurrency" label={t("form.currency")} error={errors.defaultCurrency?.message}>
          <Select id="defaultCurrency" invalid={!!errors.defaultCurrency} aria-describedby={describedBy("defaultCurrency", errors.defaultCurrency?.message)} {...form.register("defaultCurrency")}>
            {currencies.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="locale" label={t("form.locale")} error={errors.locale?.message}>
          <Select id="locale" invalid={!!errors.locale} aria-describedby={describedBy("locale", errors.locale?.message)} {...form.register("locale")}>
            {locales.map(({ value, label }) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="timeZone" label={t("form.timeZone")} error={errors.timeZone?.message}>
          <Select id="timeZone" invalid={!!errors.timeZone} aria-describedby={describedBy("timeZone", errors.timeZone?.message)} {...form.register("timeZone")}>
            {timeZones.map((zone) => (
              <option key={zone} value={zone}>
                {timeZoneLabel(zone, timeZoneNames)}
              </option>
            ))}
          </Select>
        </Field>
        {text("paymentTermsDays", t("form.paymentTerms"), { type: "number", inputMode: "numeric", min: 0, max: 365 })}
        <Field id="bankDetails" label={t("form.bankDetails")} error={errors.bankDetails?.message}>
          <Textarea id="bankDetails" rows={3} invalid={!!errors.bankDetails} aria-describedby={describedBy("bankDetails", errors.bankDetails?.message)} {...form.register("bankDetails")} />
        </Field>
      </fieldset>
      <fieldset className="grid gap-5 sm:grid-cols-2" aria-describedby="einvoicing-intro">
        <legend className="mb-1 text-base font-semibold">{t("form.einvoicing")}</legend>
        <p id="einvoicing-intro" className="text-sm text-slate-700 sm:col-span-2">
          {t("form.einvoicingIntro")}
        </p>
        {text("taxRegistrationId", t("form.taxNumber"), { placeholder: "201/113/40209" })}
        {text("legalRegistrationId", t("form.registration"), { placeholder: "HRB 12345 B" })}
        {text("contactName", t("form.contactName"), { autoComplete: "name" })}
        {text("electronicAddress", t("form.electronicAddress"))}
        <Field id="electronicAddressScheme" label={t("form.electronicAddressScheme")} error={errors.electronicAddressScheme?.message}>
          <Select id="electronicAddressScheme" invalid={!!errors.electronicAddressScheme} aria-describedby={describedBy("electronicAddressScheme", errors.electronicAddressScheme?.message)} {...form.register("electronicAddressScheme")}>
            <option value="">{t("form.none")}</option>
            {Object.entries(EAS_SCHEMES).map(([code, label]) => (
              <option key={code} value={code}>
                {label} ({code})
              </option>
            ))}
          </Select>
        </Field>
        {text("iban", t("form.iban"), { autoComplete: "off", spellCheck: false })}
        {text("bic", t("form.bic"), { autoComplete: "off", spellCheck: false })}
        <Field id="einvoiceFormat" label={t("form.einvoiceFormat")} error={errors.einvoiceFormat?.message}>
          <Select id="einvoiceFormat" invalid={!!errors.einvoiceFormat} aria-describedby={describedBy("einvoiceFormat", errors.einvoiceFormat?.message)} {...form.register("einvoiceFormat")}>
            {Object.entries(FORMAT_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {value === "none" ? t("form.einvoiceNone") : value === "factur-x" ? t("form.facturX") : label}
              </option>
            ))}
          </Select>
        </Field>
      </fieldset>
      <Button type="submit" pending={pending}>
        {pending ? t("form.saving") : t("form.save")}
      </Button>
    </form>
  );
}
