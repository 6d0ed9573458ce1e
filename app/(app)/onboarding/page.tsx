import { businessDefaults, organizationChoices } from "@/components/organization/defaults";
import { OnboardingWizard } from "@/components/onboarding/onboarding-wizard";
import { NoAccess } from "@/app/(app)/_components/no-access";
import { can } from "@/lib/auth/roles";
import { headers } from "next/headers";
import { countryOptions } from "@/lib/countries";
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
  const choices = organizationChoices(org.locale, language);
  const countries = countryOptions(language);
  const stored = { name: org.name, country: org.country ?? "", defaultCurrency: org.defaultCurrency, locale: org.locale, timeZone: org.timeZone };
  const business = businessDefaults(stored, choices, countries, (await headers()).get("accept-language"));
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
        choices={{ countries, ...choices }}
        stored={!!org.country}
        orgId={org.id}
        logoVersion={org.logoVersion}
      />
    </div>
  );
}
