import { Suspense } from "react";
import { GetStarted } from "@/components/reporting/get-started";
import { PeriodControls, periodLabel } from "@/components/reporting/period-controls";
import { catalogs } from "@/lib/i18n/catalogs/app/dashboard";
import { catalogs as reportsCatalogs } from "@/lib/i18n/catalogs/app/reports";
import { getAppLanguage, getAppMessages } from "@/lib/session";
import { loadReportingScope, type ReportingParams } from "@/app/(app)/_reporting/scope";
import { loadSetupProgress } from "@/app/(app)/_reporting/setup-progress";
import { FiguresSkeleton, SectionSkeleton } from "@/components/reporting/skeleton";
import { ButtonLink } from "@/components/ui/button-link";
import { formatDate } from "@/lib/dates";
import { CashFlowSection } from "./_components/cash-flow";
import { KeyFiguresSection } from "./_components/key-figures";
import { ActivitySection, AgingSection, TopCustomersSection, UpcomingSection } from "./_components/lists";
import { RecurringSection } from "./_components/recurring";

export async function generateMetadata() {
  const t = await getAppMessages(catalogs);
  return { title: t("title") };
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<ReportingParams> }) {
  const [{ membership, org, currencies, scope }, t, tr, language] = await Promise.all([
    loadReportingScope(await searchParams),
    getAppMessages(catalogs),
    getAppMessages(reportsCatalogs),
    getAppLanguage(),
  ]);
  if (!scope) {
    return (
      <div className="space-y-8">
        <h1 className="text-2xl font-bold tracking-tight">{org.name}</h1>
        <GetStarted t={tr} member={membership} progress={await loadSetupProgress(membership, org)} />
      </div>
    );
  }

  const { currency, period } = scope;
  // Each section streams on its own: a slow query never holds back the figures above it.
  const key = `${currency}:${period.from}:${period.to}`;
  const periodName = periodLabel(tr, period);
  // Mid-sentence English lowercases "Last 30 days"; German nouns keep their capitals.
  const periodInSentence = language === "en" ? periodName.toLowerCase() : periodName;
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">{org.name}</h1>
          <p className="text-sm text-slate-700">
            {t("periodLine", { period: periodName, from: formatDate(period.from, org.locale), to: formatDate(period.to, org.locale), currency })}
          </p>
        </div>
        <ButtonLink href="/invoices/new">{t("newInvoice")}</ButtonLink>
      </div>
      <PeriodControls t={tr} path="/dashboard" period={period} currency={currency} currencies={currencies} />
      <Suspense key={`figures:${key}`} fallback={<FiguresSkeleton />}>
        <KeyFiguresSection t={t} periodInSentence={periodInSentence} scope={scope} />
      </Suspense>
      <Suspense key={`cash:${key}`} fallback={<SectionSkeleton lines={8} />}>
        <CashFlowSection t={t} scope={scope} />
      </Suspense>
      <div className="grid gap-8 lg:grid-cols-2">
        <Suspense key={`aging:${key}`} fallback={<SectionSkeleton />}>
          <AgingSection t={t} scope={scope} />
        </Suspense>
        <Suspense key={`upcoming:${key}`} fallback={<SectionSkeleton />}>
          <UpcomingSection t={t} scope={scope} />
        </Suspense>
        <Suspense fallback={<SectionSkeleton className="lg:col-span-2" />}>
          <div className="lg:col-span-2">
            <RecurringSection t={t} scope={scope} />
          </div>
        </Suspense>
        <Suspense key={`top:${key}`} fallback={<><SectionSkeleton /><SectionSkeleton /></>}>
          <TopCustomersSection t={t} periodInSentence={periodInSentence} scope={scope} />
        </Suspense>
        <Suspense fallback={<SectionSkeleton className="lg:col-span-2" />}>
          <div className="lg:col-span-2">
            <ActivitySection t={t} scope={scope} />
          </div>
        </Suspense>
      </div>
    </div>
  );
}
