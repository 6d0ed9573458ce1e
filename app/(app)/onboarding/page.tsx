import { organizationChoices } from "@/components/organization/defaults";
import { OnboardingWizard } from "@/components/onboarding/onboarding-wizard";
import { NoAccess } from "@/app/(app)/_components/no-access";
import { can } from "@/lib/auth/roles";
import { headers } from "next/headers";
import { countryOptions } from "@/lib/countries";
import { acceptedLanguages, proposeFromBrowser } from "@/lib/country-defaults";
import { getOrganization } from "@/lib/data/organizations";
import { resumeStep } from "@/lib/onboarding-progress";
import { catalogs } from "@/lib/i18n/catalogs/app/onboarding";
import { getAppLanguage, getAppMessages, requireMembership } from "@/lib/session";

export async function generateMetadata() {
  const t = await getAppMessages(catalogs);
  return { title: t("page.title") };
}

export default async function OnboardingPage() {
  const [membership, t] = await Promise.all([requireMembership(), getAppMessages(catalogs)]);
  if (!can(membership.role, "settings.manage")) return <NoAccess area="businessDetails" />;
  const [org, language] = await Promise.all([getOrganization(membership), getAppLanguage()]);
  const { currencies, timeZones, timeZoneNames, locales } = organizationChoices(org.locale, language);
  const countries = countryOptions(language);
  // Before step 1 is saved, the browser's languages (Accept-Language) propose the country and what
  // goes with it, already in the server's HTML: nothing jumps once the page hydrates, and a plain
  // "de" proposes Germany as "de-DE" does. The browser then adds its own zone (business-step.tsx).
  const proposal = org.country ? null : proposeFromBrowser(countries, { languages: acceptedLanguages((await headers()).get("accept-language")), timeZone: undefined });
  const offered = (list: readonly string[], value: string | null | undefined) => (value && list.includes(value) ? value : undefined);
  const business = {
    name: org.name,
    country: org.country ?? proposal?.country ?? "",
    defaultCurrency: offered(currencies, proposal?.currency) ?? org.defaultCurrency,
    locale: offered(locales.map((l) => l.value), proposal?.locale) ?? org.locale,
    timeZone: offered(timeZones, proposal?.timeZone) ?? org.timeZone,
  };
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-bold tracking-tight">{t("page.title")}</h1>
      <p className="mt-2 mb-6 text-sm text-slate-700">{t("page.intro")}</p>
      <OnboardingWizard
        initialStep={resumeStep(org)}
        business={business}
        address={{
          addressLine1: org.addressLine1 ?? "",
          addressLine2: org.addressLine2 ?? "",
          city: org.city ?? "",
          postalCode: org.postalCode ?? "",
          region: org.region ?? "",
          taxId: org.taxId ?? "",
        }}
        payment={{ iban: org.iban ?? "", bic: org.bic ?? "", bankDetails: org.bankDetails ?? "" }}
        choices={{ countries, currencies, locales, timeZones, timeZoneNames }}
        stored={!!org.country}
        orgId={org.id}
        logoVersion={org.logoVersion}
      />
    </div>
  );
}
