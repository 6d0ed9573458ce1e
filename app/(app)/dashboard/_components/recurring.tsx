import Link from "next/link";
import { recurringFigures, SCHEDULED_DAYS } from "@/lib/data/dashboard-recurring";
import { formatMoneySum } from "@/lib/money";
import { countLabel } from "@/lib/plural";
import { card, link } from "@/components/reporting/classes";
import type { ReportingScope } from "@/app/(app)/_reporting/scope";
import type { DashboardKey } from "@/lib/i18n/catalogs/app/dashboard";
import type { Translate } from "@/lib/i18n/messages";

/**
 * Recurring revenue per month and the next 30 days scheduled, per currency, from active recurring
 * profiles. Figures of today, not of the chosen period; every currency is shown, never added up.
 */
export async function RecurringSection({ t, scope }: { t: Translate<DashboardKey>; scope: ReportingScope }) {
  const figures = await recurringFigures(scope.member, scope.today);
  return (
    <section aria-labelledby="recurring-heading" className={card}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="recurring-heading" className="text-base font-semibold">{t("recurring.heading")}</h2>
        <Link href="/recurring" className={`text-sm ${link}`}>{figures.length ? t("recurring.all") : t("recurring.setUp")}</Link>
      </div>
      {figures.length === 0 ? (
        <p className="mt-3 text-sm text-slate-700">{t("recurring.empty")}</p>
      ) : (
        <table className="mt-3 w-full text-left text-sm">
          <thead className="text-slate-700">
            <tr>
              <th scope="col" className="py-1 font-medium">{t("recurring.currency")}</th>
              <th scope="col" className="py-1 text-right font-medium" title={t("recurring.perMonth.about")}>{t("recurring.perMonth")}</th>
              <th scope="col" className="py-1 text-right font-medium" title={t("recurring.scheduled.about", { days: String(SCHEDULED_DAYS) })}>{t("recurring.scheduled", { days: String(SCHEDULED_DAYS) })}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {figures.map((f) => (
              <tr key={f.currency}>
                <th scope="row" className="py-1.5 font-normal">
                  {f.currency} <span className="text-slate-600">· {countLabel(f.profiles, { one: t("word.activeProfile"), other: t("word.activeProfiles") }, scope.locale)}</span>
                </th>
                <td className="py-1.5 text-right tabular-nums">{formatMoneySum(f.perMonth, f.currency, scope.locale)}</td>
                <td className="py-1.5 text-right tabular-nums">
                  {formatMoneySum(f.scheduledAmount, f.currency, scope.locale)} <span className="text-slate-600">({countLabel(f.scheduledCount, { one: t("word.invoice"), other: t("word.invoices") }, scope.locale)})</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
