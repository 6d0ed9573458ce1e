import { monthlySeries } from "@/lib/data/dashboard";
import { currencyExponent, formatMoneySum } from "@/lib/money";
import { LazyCashChart } from "./cash-chart-lazy";
import { card } from "@/components/reporting/classes";
import type { ReportingScope } from "@/app/(app)/_reporting/scope";
import type { DashboardKey } from "@/lib/i18n/catalogs/app/dashboard";
import type { Translate } from "@/lib/i18n/messages";

/**
 * Twelve months of invoiced vs collected: a lazily loaded chart, and the same figures (with the
 * credit notes of each month) as a table for screen readers and keyboard users.
 */
export async function CashFlowSection({ t, scope }: { t: Translate<DashboardKey>; scope: ReportingScope }) {
  const end = scope.period.to < scope.today ? scope.period.to : scope.today;
  const series = await monthlySeries(scope.member, scope.currency, end);
  const money = (v: bigint) => formatMoneySum(v, scope.currency, scope.locale);
  const monthName = new Intl.DateTimeFormat(scope.locale, { month: "short", year: "numeric", timeZone: "UTC" });
  // Bar heights only: major units as a float are precise enough to draw; labels stay exact strings.
  const scale = 10 ** currencyExponent(scope.currency);
  const rows = series.map((m) => ({
    month: monthName.format(new Date(`${m.month}-01T00:00:00Z`)),
    invoiced: Number(m.invoiced) / scale,
    collected: Number(m.collected) / scale,
    invoicedLabel: money(m.invoiced),
    creditedLabel: money(m.credited),
    collectedLabel: money(m.collected),
  }));
  return (
    <section aria-labelledby="cash-heading" className={card}>
      <h2 id="cash-heading" className="text-base font-semibold">{t("cash.heading", { currency: scope.currency })}</h2>
      <div className="mt-4">
        <LazyCashChart data={rows} names={{ invoiced: t("cash.invoiced"), collected: t("cash.collected") }} locale={scope.locale} />
      </div>
      <details className="mt-4 text-sm">
        <summary className="cursor-pointer font-medium text-brand-700 max-sm:flex max-sm:min-h-11 max-sm:items-center">{t("cash.showTable")}</summary>
        <table className="mt-2 w-full text-left">
          <caption className="sr-only">{t("cash.caption", { currency: scope.currency })}</caption>
          <thead className="text-slate-700">
            <tr>
              <th scope="col" className="py-1 font-medium">{t("cash.month")}</th>
              <th scope="col" className="py-1 text-right font-medium">{t("cash.invoiced")}</th>
              <th scope="col" className="py-1 text-right font-medium">{t("cash.credited")}</th>
              <th scope="col" className="py-1 text-right font-medium">{t("cash.collected")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.month}>
                <th scope="row" className="py-1 font-normal">{r.month}</th>
                <td className="py-1 text-right tabular-nums">{r.invoicedLabel}</td>
                <td className="py-1 text-right tabular-nums">{r.creditedLabel}</td>
                <td className="py-1 text-right tabular-nums">{r.collectedLabel}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
