import { organizationChoices, organizationDefaults } from "@/components/organization/defaults";
import { LogoForm } from "@/components/organization/logo-form";
import { OrganizationForm } from "@/components/organization/organization-form";
import { NoAccess } from "@/components/ui/no-access";
import { UnreadableNotice } from "@/components/ui/unreadable-notice";
import { can } from "@/lib/auth/roles";
import { getOrganization } from "@/lib/data/organizations";
import { requireMembership } from "@/lib/session";
import Link from "next/link";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const membership = await requireMembership();
  if (!can(membership.role, "settings.manage")) return <NoAccess what="organisation settings" />;
  const org = await getOrganization(membership);
  return (
    <div className="max-w-3xl space-y-8">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-2xl font-bold tracking-tight">Organisation settings</h1>
        <nav aria-label="Settings" className="flex flex-wrap gap-x-4 gap-y-1 text-sm font-medium">
          <Link href="/settings/team" className="text-brand-700 underline-offset-2 hover:underline max-sm:inline-flex max-sm:min-h-11 max-sm:items-center">Team</Link>
          <Link href="/settings/taxes" className="text-brand-700 underline-offset-2 hover:underline max-sm:inline-flex max-sm:min-h-11 max-sm:items-center">Taxes</Link>
          <Link href="/settings/reminders" className="text-brand-700 underline-offset-2 hover:underline max-sm:inline-flex max-sm:min-h-11 max-sm:items-center">Reminders</Link>
          <Link href="/settings/payments" className="text-brand-700 underline-offset-2 hover:underline max-sm:inline-flex max-sm:min-h-11 max-sm:items-center">Payments</Link>
          <Link href="/settings/emails" className="text-brand-700 underline-offset-2 hover:underline max-sm:inline-flex max-sm:min-h-11 max-sm:items-center">Email templates</Link>
          <Link href="/settings/audit" className="text-brand-700 underline-offset-2 hover:underline max-sm:inline-flex max-sm:min-h-11 max-sm:items-center">Audit log</Link>
          <Link href="/settings/jobs" className="text-brand-700 underline-offset-2 hover:underline max-sm:inline-flex max-sm:min-h-11 max-sm:items-center">Jobs</Link>
        </nav>
      </div>
      <section aria-labelledby="logo-heading" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="logo-heading" className="mb-4 text-base font-semibold">Logo</h2>
        <LogoForm orgId={org.id} logoVersion={org.logoVersion} />
      </section>
      <UnreadableNotice fields={org.unreadableFields} />
      <section aria-label="Business details" className="rounded-lg border border-slate-200 bg-white p-6">
        <OrganizationForm defaults={organizationDefaults(org)} choices={organizationChoices(org.locale)} />
      </section>
    </div>
  );
}
