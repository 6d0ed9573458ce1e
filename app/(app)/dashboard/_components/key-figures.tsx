import { dashboardFigures, type KeyFigures } from "@/lib/data/dashboard";
import { formatDate } from "@/lib/dates";
import { changePerMille, formatMoneySum } from "@/lib/money";
import { card } from "@/components/reporting/classes";
import type { ReportingScope } from "@/app/(app)/_reporting/scope";

type Figure = { key: string; label: string; hint: string; value: string; before: string; change: string | null; direction: "up" | "down" | "same" | null };

function moneyFigure(key: keyof KeyFigures, label: string, hint: string, now: KeyFigures, then: KeyFigures, money: (v: bigint) => string): Figure {
  const a = now[key] as bigint;
  const b = then[key] as bigint;
  const pm = changePerMille(a, b);
  return {
    key,
    label,
    hint,
    value: money(a),
    before: money(b),
    change: pm === null ? null : `${pm > 0 ? "+" : ""}${(pm / 10).toFixed(1)}%`,
    direction: pm === null ? null : pm > 0 ? "up" : pm < 0 ? "down" : "same",
  };
}

function daysFigure(key: "averageDaysToPay" | "dso", label: string, hint: string, now: KeyFigures, then: KeyFigures): Figure {
  const a = now[key];
  const b = then[key];
  const days = (d: number | null) => (d === null ? "—" : `${d.toFixed(1)} days`);
  const diff = a !== null && b !== null ? Math.round((a - b) * 10) / 10 : null;
  return {
    key,
    label,
    hint,
    value: days(a),
    before: days(b),
    change: diff === null ? null : `${diff > 0 ? "+" : ""}${diff.toFixed(1)} days`,
    direction: diff === null ? null : diff > 0 ? "up" : diff < 0 ? "down" : "same",
  };
}

/** The six key figures for the period, each with its change against the previous period of equal length. */
export async function KeyFiguresSection({ scope }: { scope: ReportingScope }) {
  const { current, before, previous } = await dashboardFigures(scope.member, scope.currency, scope.period, scope.today);
  const money = (v: bigint) => formatMoneySum(v, scope.currency, scope.locale);
  const previousLabel = `${formatDate(previous.from, scope.locale)} – ${formatDate(previous.to, scope.locale)}`;
  const figures = [
    moneyFigure("invoiced", "Invoiced", `${current.invoiceCount} invoices, net of credit notes`, current, before, money),
    moneyFigure("collected", "Collected", "Payments received", current, before, money),
    moneyFigure("outstanding", "Outstanding", "Unpaid at the end of the period", current, before, money),
    moneyFigure("overdue", "Overdue", "Past due at the end of the period", current, before, money),
    daysFigure("averageDaysToPay", "Average days to pay", "Issue to final payment", current, before),
    daysFigure("dso", "Days sales outstanding", "Outstanding ÷ invoiced × days", current, before),
  ];
  return (
    <section aria-label={`Key figures, ${scope.period.label.toLowerCase()}, ${scope.currency}`} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {figures.map((f) => (
        <div key={f.key} className={card}>
          <h2 className="text-sm font-medium text-slate-700">{f.label}</h2>
          <p className="mt-2 text-2xl font-bold tabular-nums" data-testid={`figure-${f.label.toLowerCase().replaceAll(" ", "-")}`}>
            {f.value}
          </p>
          <p className="mt-1 text-xs text-slate-600">{f.hint}</p>
          <p className="mt-2 text-xs text-slate-700" data-testid={`change-${f.label.toLowerCase().replaceAll(" ", "-")}`}>
            {f.change === null ? (
              <>No comparison: {f.before} in the previous period</>
            ) : (
              <>
                <span aria-hidden="true" className={f.direction === "up" ? "text-emerald-700" : f.direction === "down" ? "text-red-700" : ""}>
                  {f.direction === "up" ? "▲" : f.direction === "down" ? "▼" : "•"}{" "}
                </span>
                <span className="font-semibold">{f.change}</span> vs {f.before} in {previousLabel}
              </>
            )}
          </p>
        </div>
      ))}
    </section>
  );
}
