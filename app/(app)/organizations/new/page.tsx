import { organizationChoices } from "@/components/organization/defaults";
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
  const { currencies, timeZones, locales } = organizationChoices(undefined, language);
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-bold tracking-tight">{t("newOrg.heading")}</h1>
      <p className="mt-2 text-sm text-slate-700">
        {t("newOrg.intro")}
      </p>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6">
        <NewOrganizationForm choices={{ countries: countryOptions(language), currencies, locales, timeZones }} submitLabel={t("newOrg.submit")} />
      </div>
    </div>
  );
}
