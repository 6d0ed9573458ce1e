import Link from "next/link";
import { LEDGER_PAGE } from "@/lib/data/job-ledger";
import { FORECAST_ROWS, getJobLedger } from "@/lib/services/job-ledger";
import { OccurrencesSection, OutboxSection, PaymentEventsSection, RemindersSection } from "@/components/jobs/ledger-sections";
import { RunJobsNowButton } from "@/components/jobs/run-jobs-now";
import { ForecastSection, RunsSection } from "@/components/jobs/runs-and-forecast";
import { NoAccess } from "@/app/(app)/_components/no-access";
import { can } from "@/lib/auth/roles";
import { getOrganization } from "@/lib/data/organizations";
import { formatDate, formatDateTime } from "@/lib/dates";
import { env } from "@/lib/env";
import { formatMoney } from "@/lib/money";
import { catalogs } from "@/lib/i18n/catalogs/app/jobs";
import { catalogs as settingsCatalogs } from "@/lib/i18n/catalogs/app/settings";
import { getAppMessages, requireMembership } from "@/lib/session";

export async function generateMetadata() {
  const t = await getAppMessages(catalogs);
  return { title: t("title") };
}

/** The job ledger: what the scheduled jobs did for this organisation, under which key, and what they will do next. */
export default async function JobsPage() {
  const membership = await requireMembership();
  if (!can(membership.role, "settings.manage")) return <NoAccess area="jobLedger" />;
  const [ledger, org, t, ts] = await Promise.all([getJobLedger(membership), getOrganization(membership), getAppMessages(catalogs), getAppMessages(settingsCatalogs)]);
  const format = {
    date: (iso: string) => formatDate(iso, org.locale),
    time: (at: Date) => formatDateTime(at, org),
    money: (minor: number, currency: string) => formatMoney(minor, currency, org.locale),
    // A reminder step in the words Settings → Reminders uses for it.
    step: (step: number) => (step === 0 ? ts("reminders.form.onDueDate") : ts(step < 0 ? "reminders.form.before" : "reminders.form.after", { days: Math.abs(step) })),
  };
  return (
    <div className="max-w-6xl space-y-10">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="max-w-3xl">
          <h1 className="text-2xl font-bold tracking-tight">{t("heading")}</h1>
          <p className="mt-1 text-sm text-slate-700">
            {t("intro", { name: org.name, timeZone: org.timeZone })}
          </p>
          <Link href="/settings" className="mt-2 inline-block text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
            {t("backToSettings")}
          </Link>
        </div>
        <RunJobsNowButton />
      </div>
      <RunsSection t={t} runs={ledger.runs} format={format} intervalMinutes={env.JOBS_INTERVAL_MINUTES} />
      <ForecastSection t={t} forecast={ledger.forecast} format={format} limit={FORECAST_ROWS} />
      <OccurrencesSection t={t} rows={ledger.occurrences} format={format} limit={LEDGER_PAGE} />
      <RemindersSection t={t} rows={ledger.reminders} format={format} limit={LEDGER_PAGE} />
      <OutboxSection t={t} rows={ledger.outbox} format={format} limit={LEDGER_PAGE} />
      <PaymentEventsSection t={t} rows={ledger.paymentEvents} format={format} limit={LEDGER_PAGE} />
    </div>
  );
}
