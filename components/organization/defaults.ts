import type { Organization } from "@/db/schema";
import { localeOptions, type LocaleOption } from "@/lib/countries";
import { acceptedLanguages, type CountryOption, proposeFromBrowser } from "@/lib/country-defaults";
import { timeZoneNames } from "@/lib/time-zone-names";
import type { BusinessStepInput } from "@/lib/validation/onboarding";
import type { OrganizationInput } from "@/lib/validation/organization";

export function organizationDefaults(org: Organization): OrganizationInput {
  return {
    name: org.name,
    legalName: org.legalName ?? "",
    addressLine1: org.addressLine1 ?? "",
    addressLine2: org.addressLine2 ?? "",
    city: org.city ?? "",
    postalCode: org.postalCode ?? "",
    region: org.region ?? "",
    country: org.country ?? "",
    email: org.email ?? "",
    phone: org.phone ?? "",
    website: org.website ?? "",
    taxId: org.taxId ?? "",
    bankDetails: org.bankDetails ?? "",
    defaultCurrency: org.defaultCurrency,
    locale: org.locale,
    timeZone: org.timeZone,
    paymentTermsDays: org.paymentTermsDays,
    brandColor: org.brandColor,
    taxRegistrationId: org.taxRegistrationId ?? "",
    legalRegistrationId: org.legalRegistrationId ?? "",
    electronicAddress: org.electronicAddress ?? "",
    electronicAddressScheme: org.electronicAddressScheme ?? "",
    contactName: org.contactName ?? "",
    iban: org.iban ?? "",
    bic: org.bic ?? "",
    einvoiceFormat: org.einvoiceFormat,
  };
}

const COMMON_CURRENCIES = ["USD", "EUR", "GBP", "CAD", "AUD", "CHF", "JPY", "SEK", "NOK", "DKK", "PLN", "INR", "BHD", "KWD"];

export type OrganizationChoices = { currencies: string[]; timeZones: string[]; timeZoneNames: Record<string, string>; locales: LocaleOption[] };

/**
 * The currencies and time zones the business-details form offers, listed by the server's ICU and
 * passed to the form as props. Node's and the browser's ICU list different zones and currencies:
 * a list computed on both sides made the server-rendered form fail to hydrate (React error 418),
 * and React's client re-render dropped whatever the user had already chosen on the page.
 */
/** `language`: the app language the locale names are written in. */
export function organizationChoices(currentLocale?: string, language = "en"): OrganizationChoices {
  const timeZones = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((t) => t !== "UTC")];
  return {
    // Every language of every country (the onboarding proposes from the same list), and the stored one in any case.
    locales: localeOptions(currentLocale ? [currentLocale] : [], language),
    currencies: [...COMMON_CURRENCIES, ...Intl.supportedValuesOf("currency").filter((c) => !COMMON_CURRENCIES.includes(c))],
    timeZones,
    timeZoneNames: timeZoneNames(timeZones, language),
  };
}

/**
 * The business step's values (onboarding and Organisations → New): what is stored, and before a
 * country is chosen, the country, currency, locale and zone the browser's languages
 * (Accept-Language) propose, already in the server's HTML: nothing jumps once the page hydrates, and
 * a plain "de" proposes Germany as "de-DE" does. The browser then adds its own zone (business-step.tsx).
 */
export function businessDefaults(stored: BusinessStepInput, choices: OrganizationChoices, countries: readonly CountryOption[], acceptLanguage: string | null): BusinessStepInput {
  const proposal = stored.country ? null : proposeFromBrowser(countries, { languages: acceptedLanguages(acceptLanguage), timeZone: undefined });
  const offered = (list: readonly string[], value: string | null | undefined) => (value && list.includes(value) ? value : undefined);
  return {
    name: stored.name,
    country: stored.country || proposal?.country || "",
    defaultCurrency: offered(choices.currencies, proposal?.currency) ?? stored.defaultCurrency,
    locale: offered(choices.locales.map((l) => l.value), proposal?.locale) ?? stored.locale,
    timeZone: offered(choices.timeZones, proposal?.timeZone) ?? stored.timeZone,
  };
}
