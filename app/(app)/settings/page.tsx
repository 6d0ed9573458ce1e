import { organizationChoices, organizationDefaults } from "@/components/organization/defaults";
import { LogoForm } from "@/components/organization/logo-form";
import { OrganizationForm } from "@/components/organization/organization-form";
import { NoAccess } from "@/app/(app)/_components/no-access";
import { UnreadableNotice } from "@/components/ui/unreadable-notice";
import { can } from "@/lib/auth/roles";
import { getOrganization } from "@/lib/data/organizations";
import { catalogs } from "@/lib/i18n/catalogs/app/organization";
import { getAppLanguage, getAppMessages, requireMembership } from "@/lib/session";
import Link from "next/link";

export async function generateMetadata() {
  const t = await getAppMessages(catalogs);
  return { title: t("title") };
}

export default async function SettingsPage() {
  const membership = await requireMembership();
  if (!can(membership.role, "settings.manage")) return <NoAccess area="organisationSettings" />;
  const [org, t] = await Promise.all([getOrganization(membership), getAppMessages(catalogs)]);
  return (
    <div className="max-w-3xl space-y-8">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-2xl font-bold tracking-tight">{t("heading")}</h1>
        <nav aria-label={t("nav.label")} className="flex flex-wrap gap-x-4 gap-y-1 text-sm font-medium">
          <Link href="/settings/team" className="text-brand-700 underline-offset-2 hover:underline max-sm:inline-flex max-sm:min-h-11 max-sm:items-center">{t("nav.team")}</Link>
          <Link href="/settings/taxes" className="text-brand-700 underline-offset-2 hover:underline max-sm:inline-flex max-sm:min-h-11 max-sm:items-center">{t("nav.taxes")}</Link>
          <Link href="/settings/reminders" className="text-brand-700 underline-offset-2 hover:underline max-sm:inline-flex max-sm:min-h-11 max-sm:items-center">{t("nav.reminders")}</Link>
          <Link href="/settings/payments" className="text-brand-700 underline-offset-2 hover:underline max-sm:inline-flex max-sm:min-h-11 max-sm:items-center">{t("nav.payments")}</Link>
          <Link href="/settings/emails" className="text-brand-700 underline-offset-2 hover:underline max-sm:inline-flex max-sm:min-h-11 max-sm:items-center">{t("nav.emails")}</Link>
          <Link href="/settings/audit" className="text-brand-700 underline-offset-2 hover:underline max-sm:inline-flex max-sm:min-h-11 max-sm:items-center">{t("nav.audit")}</Link>
          <Link href="/settings/jobs" className="text-brand-700 underline-offset-2 hover:underline max-sm:inline-flex max-sm:min-h-11 max-sm:items-center">{t("nav.jobs")}</Link>
        </nav>
      </div>
      <section aria-labelledby="logo-heading" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="logo-heading" className="mb-4 text-base font-semibold">{t("logo")}</h2>
        <LogoForm orgId={org.id} logoVersion={org.logoVersion} />
      </section>
      <UnreadableNotice fields={org.unreadableFields} />
      <section aria-label={t("businessDetails")} className="rounded-lg border border-slate-200 bg-white p-6">
        <OrganizationForm defaults={organizationDefaults(org)} choices={organizationChoices(org.locale, await getAppLanguage())} />
      </section>
    </div>
  );
}
