import { organizationChoices, organizationDefaults } from "@/components/organization/defaults";
import { OrganizationForm } from "@/components/organization/organization-form";
import { ReminderSettingsForm } from "@/components/organization/reminder-settings-form";
import { NoAccess } from "@/components/ui/no-access";
import { can } from "@/lib/auth/roles";
import { getOrganization } from "@/lib/data/organizations";
import { getReminderSettings } from "@/lib/data/reminders";
import { requireMembership } from "@/lib/session";

export const metadata = { title: "Set up your business" };

export default async function OnboardingPage() {
  const membership = await requireMembership();
  if (!can(membership.role, "settings.manage")) return <NoAccess what="the business details" />;
  const [org, reminders] = await Promise.all([getOrganization(membership), getReminderSettings(membership)]);
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-bold tracking-tight">Tell us about your business</h1>
      <p className="mt-2 text-sm text-slate-700">These details appear on your invoices. You can change them later in Settings.</p>
      <div className="mt-8 rounded-lg border border-slate-200 bg-white p-6">
        <OrganizationForm defaults={organizationDefaults(org)} choices={organizationChoices()} onboarding />
      </div>
      <section aria-labelledby="onboarding-reminders-heading" className="mt-8 rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="onboarding-reminders-heading" className="text-base font-semibold">
          Payment reminders
        </h2>
        <p className="mt-1 mb-4 text-sm text-slate-700">Off until you turn them on, here or later in Settings → Reminders.</p>
        <ReminderSettingsForm initial={reminders} />
      </section>
    </div>
  );
}
