import Link from "next/link";
import { LateFeeForm } from "@/components/organization/late-fee-form";
import { ReminderSettingsForm } from "@/components/organization/reminder-settings-form";
import { NoAccess } from "@/app/(app)/_components/no-access";
import { can } from "@/lib/auth/roles";
import { getLateFeeSettings } from "@/lib/data/late-fees";
import { getOrganization } from "@/lib/data/organizations";
import { getReminderSettings } from "@/lib/data/reminders";
import { listTaxRates } from "@/lib/data/tax-rates";
import { CURRENCIES, formatRate } from "@/lib/money";
import { lateFeeFormValues } from "@/lib/validation/late-fees";
import { catalogs } from "@/lib/i18n/catalogs/app/settings";
import { getAppMessages, requireMembership } from "@/lib/session";

export async function generateMetadata() {
  const t = await getAppMessages(catalogs);
  return { title: t("reminders.title") };
}

export default async function ReminderSettingsPage() {
  const membership = await requireMembership();
  if (!can(membership.role, "settings.manage")) return <NoAccess area="reminderSettings" />;
  const [settings, lateFee, org, taxRates] = await Promise.all([getReminderSettings(membership), getLateFeeSettings(membership), getOrganization(membership), listTaxRates(membership)]);
  const t = await getAppMessages(catalogs);
  // The fee's tax is added on top of it: inclusive and compound rates are not offered.
  const feeTaxRates = taxRates.filter((r) => !r.inclusive && !r.compound && r.rateE4 >= 0).map((r) => ({ id: r.id, label: `${r.name} ${formatRate(r.rateE4, org.locale)}` }));
  return (
    <div className="max-w-3xl space-y-8">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-2xl font-bold tracking-tight">{t("reminders.heading")}</h1>
        <Link href="/settings" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          {t("backToSettings")}
        </Link>
      </div>
      <section aria-labelledby="reminders-heading" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="reminders-heading" className="mb-1 text-base font-semibold">
          {t("reminders.payment")}
        </h2>
        <p className="mb-4 text-sm text-slate-700">
          {settings.enabled ? t("reminders.on") : t("reminders.off")} {t("reminders.stop")}
        </p>
        <ReminderSettingsForm initial={settings} />
      </section>
      <section aria-labelledby="late-fees-heading" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="late-fees-heading" className="mb-1 text-base font-semibold">
          {t("reminders.lateFees")}
        </h2>
        <p className="mb-4 text-sm text-slate-700">
          {lateFee?.enabled ? (settings.enabled ? t("reminders.feesOn") : t("reminders.feesOnRemindersOff")) : t("reminders.feesOff")} {t("reminders.feesLaw")}
        </p>
        <LateFeeForm initial={lateFeeFormValues(lateFee, org.defaultCurrency)} currencies={CURRENCIES} taxRates={feeTaxRates} />
      </section>
    </div>
  );
}
