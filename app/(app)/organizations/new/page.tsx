import { headers } from "next/headers";
import { organizationChoices } from "@/components/organization/defaults";
import { countryOptions } from "@/lib/countries";
import { acceptedLanguages, proposeFromBrowser } from "@/lib/country-defaults";
import { catalogs } from "@/lib/i18n/catalogs/app/admin";
import { getAppLanguage, getAppMessages } from "@/lib/session";
import { NewOrganizationForm } from "./new-organization-form";

export async function generateMetadata() {
  const t = await getAppMessages(catalogs);
  return { title: t("newOrg.title") };
}

export default async function NewOrganizationPage() {
  const [t, language] = await Promise.all([getAppMessages(catalogs), getAppLanguage()]);
  const { currencies, timeZones, timeZoneNames, locales } = organizationChoices(undefined, language);
  const countries = countryOptions(language);
  // As in the onboarding: the browser's languages propose the country and what goes with it, in the
  // server's HTML; the browser then adds its own time zone (components/onboarding/business-step.tsx).
  const proposal = proposeFromBrowser(countries, { languages: acceptedLanguages((await headers()).get("accept-language")), timeZone: undefined });
  const offered = (list: readonly string[], value: string | null | undefined) => (value && list.includes(value) ? value : undefined);
  const defaults = {
    name: "",
    country: proposal?.country ?? "",
    defaultCurrency: offered(currencies, proposal?.currency) ?? "USD",
    locale: offered(locales.map((l) => l.value), proposal?.locale) ?? "en-US",
    timeZone: offered(timeZones, proposal?.timeZone) ?? "UTC",
  };
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-bold tracking-tight">{t("newOrg.heading")}</h1>
      <p className="mt-2 text-sm text-slate-700">
        {t("newOrg.intro")}
      </p>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6">
        <NewOrganizationForm defaults={defaults} choices={{ countries, currencies, locales, timeZones, timeZoneNames }} submitLabel={t("newOrg.submit")} />
      </div>
    </div>
  );
}
