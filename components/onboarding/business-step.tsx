"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions/safe-action";
import { browserHints, type CountryOption, proposeDefaults } from "@/lib/country-defaults";
import { businessStepSchema, type BusinessStepInput } from "@/lib/validation/onboarding";

export type BusinessChoices = {
  countries: CountryOption[];
  currencies: string[];
  locales: { value: string; label: string }[];
  timeZones: string[];
};

type Props = {
  defaults: BusinessStepInput;
  choices: BusinessChoices;
  /** The organisation already has a country: its stored locale and zone stand, the browser's are not proposed over them. */
  stored: boolean;
  action: (values: BusinessStepInput) => Promise<ActionResult>;
  submitLabel: string;
  onSaved?: () => void;
};

/** Step 1 (also Organisations → New): business name and country; the country proposes currency, locale and time zone. */
export function BusinessStep({ defaults, choices, stored, action, submitLabel, onSaved }: Props) {
  const { form, onSubmit, formError, pending } = useActionForm(businessStepSchema, action, { defaultValues: defaults, onSuccess: () => onSaved?.() });
  const { errors } = form.formState;
  const [proposed, setProposed] = useState<string | null>(null);
  const offered = useMemo(
    () => ({ currencies: new Set(choices.currencies), locales: new Set(choices.locales.map((l) => l.value)), timeZones: new Set(choices.timeZones) }),
    [choices],
  );

  // A new organisation starts in the browser's zone and language, not the database's UTC and en-US.
  // Read after hydration: the server has no navigator, and reading it while rendering would not hydrate.
  // Once: a later refresh of the page's data must not undo what the user has chosen since.
  const proposedFromBrowser = useRef(false);
  useEffect(() => {
    if (stored || proposedFromBrowser.current) return;
    proposedFromBrowser.current = true;
    const { languages, timeZone } = browserHints();
    if (timeZone && offered.timeZones.has(timeZone)) form.setValue("timeZone", timeZone);
    const locale = languages.find((l) => offered.locales.has(l));
    if (locale) form.setValue("locale", locale);
  }, [stored, form, offered]);

  const chooseCountry = (code: string) => {
    const country = choices.countries.find((c) => c.code === code);
    if (!country) return;
    const p = proposeDefaults(country, browserHints());
    const { currencies, locales, timeZones } = offered;
    if (p.currency && currencies.has(p.currency)) form.setValue("defaultCurrency", p.currency, { shouldValidate: form.formState.isSubmitted });
    if (locales.has(p.locale)) form.setValue("locale", p.locale, { shouldValidate: form.formState.isSubmitted });
    if (p.timeZone && timeZones.has(p.timeZone)) form.setValue("timeZone", p.timeZone, { shouldValidate: form.formState.isSubmitted });
    const v = form.getValues();
    const localeName = choices.locales.find((l) => l.value === v.locale)?.label ?? v.locale;
    setProposed(`For ${country.name}: ${v.defaultCurrency}, ${localeName}, ${v.timeZone}. Change any of them below.`);
  };

  const select = (name: "defaultCurrency" | "locale" | "timeZone", label: string, options: { value: string; label: string }[]) => {
    const error = errors[name]?.message;
    return (
      <Field id={name} label={label} error={error}>
        <Select id={name} invalid={!!error} aria-describedby={describedBy(name, error)} {...form.register(name)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>
    );
  };

  const nameError = errors.name?.message;
  const countryError = errors.country?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <div aria-live="polite">{formError ? <Alert tone="error">{formError}</Alert> : null}</div>
      <Field id="name" label="Business name" error={nameError}>
        <Input id="name" autoComplete="organization" invalid={!!nameError} aria-describedby={describedBy("name", nameError)} {...form.register("name")} />
      </Field>
      <Field id="country" label="Country" error={countryError}>
        <Select
          id="country"
          autoComplete="country"
          invalid={!!countryError}
          aria-describedby={describedBy("country", countryError)}
          {...form.register("country", { onChange: (e: React.ChangeEvent<HTMLSelectElement>) => chooseCountry(e.target.value) })}
        >
          <option value="">Choose your country</option>
          {choices.countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </Select>
      </Field>
      <p aria-live="polite" className="text-sm text-slate-700">
        {proposed ?? "Choosing your country proposes a currency, a language and a time zone."}
      </p>
      <div className="grid gap-5 sm:grid-cols-3">
        {select("defaultCurrency", "Default currency", choices.currencies.map((c) => ({ value: c, label: c })))}
        {select("locale", "Language and number format", choices.locales)}
        {select("timeZone", "Time zone", choices.timeZones.map((t) => ({ value: t, label: t.replaceAll("_", " ") })))}
      </div>
      <Button type="submit" pending={pending}>
        {pending ? "Saving…" : submitLabel}
      </Button>
    </form>
  );
}
