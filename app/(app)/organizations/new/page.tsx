import { headers } from "next/headers";
import { businessDefaults, organizationChoices } from "@/components/organization/defaults";
import { countryOptions } from "@/lib/countries";
import { catalogs } from "@/lib/i18n/catalogs/app/admin";
import { getAppLanguage, getAppMessages } from "@/lib/session";
import { NewOrganizationForm } from "./new-organization-form";

export async function generateMetadata() {
  const t = await getAppMessages(catalogs);
  return { title: t("newOrg.title") };
}

export default async function NewOrganizationPage() {
  const [t, language] = await Promise.all([getAppMessages(catalogs), getAppLanguage()]);
  const choices = organizationChoices(undefined, language);
  const countries = countryOptions(language);
  const blank = { name: "", country: "", defaultCurrency: "USD", locale: "en-US", timeZone: "UTC" };
  const defaults = businessDefaults(blank, choices, countries, (await headers()).get("accept-language"));
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-bold tracking-tight">{t("newOrg.heading")}</h1>
      <p className="mt-2 text-sm text-slate-700">
        {t("newOrg.intro")}
      </p>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6">
        <NewOrganizationForm defaults={defaults} choices={{ countries, ...choices }} submitLabel={t("newOrg.submit")} />
      </div>
    </div>
  );
}
