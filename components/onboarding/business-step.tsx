"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { useAppMessages } from "@/components/i18n/app-language";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions/safe-action";
import { browserHints, type CountryOption, proposeDefaults, proposeFromBrowser } from "@/lib/country-defaults";
import { catalogs } from "@/lib/i18n/catalogs/app/onboarding";
import { timeZoneLabel } from "@/lib/time-zone-names";
import { businessStepSchema, type BusinessStepInput } from "@/lib/validation/onboarding";

export type BusinessChoices = {
  countries: CountryOption[];
  currencies: string[];
  locales: { value: string; label: string }[];
  timeZones: string[];
  /** Each zone's name in the app language (lib/time-zone-names.ts), worked out on the server. */
  timeZoneNames: Record<string, string>;
};

type Props = {
  defaults: BusinessStepInput;
  choices: BusinessChoices;
  /** The organisation already has a country: its stored locale and zone stand, the browser's are not proposed over them. */
  stored: boolean;
  /** Also propose the country from the browser when none is chosen yet (the onboarding; a second organisation is chosen on purpose). */
  proposeCountry?: boolean;
  action: (values: BusinessStepInput) => Promise<ActionResult>;
  submitLabel: string;
  onSaved?: () => void;
};

/** "de" → "de-DE", "fr-CA" stays; null for what is not a language tag. */
function fullLocale(tag: string): string | null {
  try {
    const l = new Intl.Locale(tag);
    const region = l.region ?? l.maximize().region;
    return region ? `${l.language}-${region}` : null;
  } catch {
    return null;
  }
}

/** Step 1 (also Organisations → New): business name and country; the country proposes currency, locale and time zone. */
export function BusinessStep({ defaults, choices, stored, proposeCountry: proposeFromCountryField = false, action, submitLabel, onSaved }: Props) {
  const { form, onSubmit, formError, pending } = useActionForm(businessStepSchema, action, { defaultValues: defaults, onSuccess: () => onSaved?.() });
  const t = useAppMessages(catalogs);
  const { errors } = form.formState;
  const [proposed, setProposed] = useState<string | null>(null);
  const offered = useMemo(
    () => ({ currencies: new Set(choices.currencies), locales: new Set(choices.locales.map((l) => l.value)), timeZones: new Set(choices.timeZones) }),
    [choices],
  );

  // A new organisation starts in the browser's country, zone and language, not the database's UTC
  // and en-US. The server may already have proposed a country from Accept-Language (onboarding
  // page); the browser adds what only it knows, its time zone, and its languages where the server
  // had none. Read after hydration: the server has no navigator, and reading it while rendering
  // would not hydrate. Once, and never over a field the user has already changed: a later refresh
  // of the page's data must not undo what the user has chosen since.
  const proposedFromBrowser = useRef(false);
  useEffect(() => {
    if (stored || proposedFromBrowser.current) return;
    proposedFromBrowser.current = true;
    const hints = browserHints();
    const untouched = (name: keyof BusinessStepInput) => !form.getFieldState(name).isDirty;
    const setIf = (name: "defaultCurrency" | "locale" | "timeZone", value: string | null, list: Set<string>) => {
      if (value && list.has(value) && untouched(name)) form.setValue(name, value);
    };
    const current = choices.countries.find((c) => c.code === form.getValues("country"));
    const p = current ? { country: current.code, ...proposeDefaults(current, hints) } : proposeFromCountryField ? proposeFromBrowser(choices.countries, hints) : null;
    if (p) {
      if (!current && untouched("country")) form.setValue("country", p.country);
      setIf("defaultCurrency", p.currency, offered.currencies);
      setIf("locale", p.locale, offered.locales);
      setIf("timeZone", p.timeZone, offered.timeZones);
      return;
    }
    setIf("timeZone", hints.timeZone ?? null, offered.timeZones);
    // A language without a region ("de") stands for its main one ("de-DE").
    const locale = hints.languages.map(fullLocale).find((l) => l !== null && offered.locales.has(l));
    setIf("locale", locale ?? null, offered.locales);
  }, [stored, form, offered, choices.countries, proposeFromCountryField]);

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
    setProposed(t("business.proposed", { country: country.name, currency: v.defaultCurrency, locale: localeName, timeZone: v.timeZone }));
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
      <Field id="name" label={t("business.name")} error={nameError}>
        <Input id="name" autoComplete="organization" invalid={!!nameError} aria-describedby={describedBy("name", nameError)} {...form.register("name")} />
      </Field>
      <Field id="country" label={t("business.country")} error={countryError}>
        <Select
          id="country"
          autoComplete="country"
          invalid={!!countryError}
          aria-describedby={describedBy("country", countryError)}
          {...form.register("country", { onChange: (e: React.ChangeEvent<HTMLSelectElement>) => chooseCountry(e.target.value) })}
        >
          <option value="">{t("business.chooseCountry")}</option>
          {choices.countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </Select>
      </Field>
      <p aria-live="polite" className="text-sm text-slate-700">
        {proposed ?? t("business.proposes")}
      </p>
      <div className="grid gap-5 sm:grid-cols-3">
        {select("defaultCurrency", t("business.currency"), choices.currencies.map((c) => ({ value: c, label: c })))}
        {select("locale", t("business.locale"), choices.locales)}
        {select("timeZone", t("business.timeZone"), choices.timeZones.map((zone) => ({ value: zone, label: timeZoneLabel(zone, choices.timeZoneNames) })))}
      </div>
      <Button type="submit" pending={pending}>
        {pending ? t("saving") : submitLabel}
      </Button>
    </form>
  );
}
