import Link from "next/link";
import { Suspense } from "react";
import { GetStarted } from "@/components/reporting/get-started";
import { PeriodControls, periodLabel } from "@/components/reporting/period-controls";
import { catalogs } from "@/lib/i18n/catalogs/app/reports";
import { getAppMessages } from "@/lib/session";
import { loadReportingScope, type ReportingParams } from "@/app/(app)/_reporting/scope";
import { loadSetupProgress } from "@/app/(app)/_reporting/setup-progress";
import { SectionSkeleton } from "@/components/reporting/skeleton";
import { formatDate } from "@/lib/dates";
import { isReportKind, REPORTS, type ReportKind } from "@/lib/reports-csv";
import { periodParams } from "@/lib/reporting-period";
import { ReportTable } from "./_components/report-tables";

export async function generateMetadata() {
  const t = await getAppMessages(catalogs);
  return { title: t("title") };
}

export default async function ReportsPage({ searchParams }: { searchParams: Promise<ReportingParams & { report?: string }> }) {
  const params = await searchParams;
  const [{ membership, org, currencies, scope }, t] = await Promise.all([loadReportingScope(params), getAppMessages(catalogs)]);
  if (!scope) {
    return (
      <div className="space-y-8">
        <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
        <GetStarted t={t} member={membership} progress={await loadSetupProgress(membership, org)} />
      </div>
    );
  }
  const report: ReportKind = isReportKind(params.report) ? params.report : "aging";
  const { currency, period, today } = scope;
  const query = new URLSearchParams({ ...periodParams(period), currency });
  const reportLink = (r: ReportKind) => `/reports?${new URLSearchParams({ report: r, ...periodParams(period), currency })}`;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
      <nav aria-label={t("title")} className="flex flex-wrap gap-2 border-b border-slate-200 pb-3 text-sm">
        {(Object.keys(REPORTS) as ReportKind[]).map((r) => (
          <Link key={r} href={reportLink(r)} aria-current={r === report ? "page" : undefined} className={`inline-flex items-center rounded-md px-3 py-2 font-medium max-sm:min-h-11 ${r === report ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100"}`}>
            {t(`report.${r}`)}
          </Link>
        ))}
      </nav>
      <PeriodControls t={t} path="/reports" period={period} currency={currency} currencies={currencies} extra={{ report }} />
      <section aria-labelledby="report-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <div className="mb-4 flex flex-wrap items-baseline justify-between gap-3">
          <div>
            <h2 id="report-heading" className="text-lg font-semibold">{t(`report.${report}`)}</h2>
            <p className="text-sm text-slate-700">
              {t("withCurrency", {
                text: report === "aging" ? t("asOf", { date: formatDate(today, org.locale) }) : t("periodRange", { period: periodLabel(t, period), from: formatDate(period.from, org.locale), to: formatDate(period.to, org.locale) }),
                currency,
              })}
              {report === "sales-by-customer" || report === "sales-by-item" || report === "tax" ? t("creditNotesDeducted") : ""}
            </p>
          </div>
          {/* A plain link: the route handler answers with an attachment. */}
          <a href={`/reports/export/${report}?${query}`} className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-900 hover:bg-slate-50" download>
            {t("downloadCsv")}
          </a>
        </div>
        <Suspense key={`${report}:${query}`} fallback={<SectionSkeleton lines={6} />}>
          <ReportTable t={t} report={report} scope={scope} />
        </Suspense>
      </section>
    </div>
  );
}
