import { organizationChoices } from "@/components/organization/defaults";
import { OnboardingWizard } from "@/components/onboarding/onboarding-wizard";
import { NoAccess } from "@/components/ui/no-access";
import { can } from "@/lib/auth/roles";
import { countryOptions } from "@/lib/countries";
import { getOrganization } from "@/lib/data/organizations";
import { resumeStep } from "@/lib/onboarding-progress";
import { requireMembership } from "@/lib/session";

export const metadata = { title: "Set up your business" };

export default async function OnboardingPage() {
  const membership = await requireMembership();
  if (!can(membership.role, "settings.manage")) return <NoAccess what="the business details" />;
  const org = await getOrganization(membership);
  const { currencies, timeZones, locales } = organizationChoices(org.locale);
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-bold tracking-tight">Set up your business</h1>
      <p className="mt-2 mb-6 text-sm text-slate-700">Three short steps. Each is saved as you go; you can change everything later in Settings.</p>
      <OnboardingWizard
        initialStep={resumeStep(org)}
        business={{ name: org.name, country: org.country ?? "", defaultCurrency: org.defaultCurrency, locale: org.locale, timeZone: org.timeZone }}
        address={{
          addressLine1: org.addressLine1 ?? "",
          addressLine2: org.addressLine2 ?? "",
          city: org.city ?? "",
          postalCode: org.postalCode ?? "",
          region: org.region ?? "",
          taxId: org.taxId ?? "",
        }}
        payment={{ iban: org.iban ?? "", bic: org.bic ?? "", bankDetails: org.bankDetails ?? "" }}
        choices={{ countries: countryOptions(), currencies, locales, timeZones }}
        stored={!!org.country}
        orgId={org.id}
        logoVersion={org.logoVersion}
      />
    </div>
  );
}
