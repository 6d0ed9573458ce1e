import { dashboardFigures, processingPayments, DSO_MIN_INVOICES, DSO_WINDOW_DAYS, type KeyFigures } from "@/lib/data/dashboard";
import { formatDate } from "@/lib/dates";
import { changePerMille, formatMoneySum } from "@/lib/money";
import { type Better, judgeChange, type Trend, trendOf } from "@/lib/figure-change";
import { countLabel } from "@/lib/plural";
import { card } from "@/components/reporting/classes";
import { FigureExplanation } from "@/components/reporting/figure-explanation";
import type { ReportingScope } from "@/app/(app)/_reporting/scope";

type Figure = {
  key: string;
  label: string;
  explanation: string;
  better: Better;
  /** The figure, or null when it is not shown (then `detail` says why). */
  value: string | null;
  detail?: string;
  before: string;
  change: string | null;
  trend: Trend | null;
  /** A figure of today, not of the period: no comparison with the previous one. */
  now?: true;
};

export const PROCESSING_EXPLANATION = "Paid by bank debit or transfer; not money in your account yet. Online payments Stripe has not settled; they count as collected once it has.";

type MoneyKey = "invoiced" | "credited" | "collected" | "outstanding" | "overdue";

function moneyFigure(key: MoneyKey, label: string, better: Better, explanation: string, now: KeyFigures, then: KeyFigures, money: (v: bigint) => string, detail?: string): Figure {
  const pm = changePerMille(now[key], then[key]);
  return {
    key,
    label,
    explanation,
    better,
    value: money(now[key]),
    detail,
    before: money(then[key]),
    change: pm === null ? null : `${pm > 0 ? "+" : ""}${(pm / 10).toFixed(1)}%`,
    trend: pm === null ? null : trendOf(pm),
  };
}

function daysFigure(key: "averageDaysToPay" | "dso", label: string, explanation: string, now: KeyFigures, then: KeyFigures, locale: string, detail?: string): Figure {
  const a = now[key];
  const b = then[key];
  const days = (d: number | null) => (d === null ? "—" : countLabel(d, { one: "day", other: "days" }, locale, 1));
  const diff = a !== null && b !== null ? Math.round((a - b) * 10) / 10 : null;
  return {
    key,
    label,
    explanation,
    better: "lower",
    value: a === null ? null : days(a),
    detail,
    before: days(b),
    change: diff === null ? null : `${diff > 0 ? "+" : ""}${countLabel(diff, { one: "day", other: "days" }, locale, 1)}`,
    trend: diff === null ? null : trendOf(diff),
  };
}

/** Why DSO is not shown, in a line. */
function dsoHiddenReason(figures: KeyFigures, locale: string): string | undefined {
  if (figures.dso !== null) return undefined;
  const { invoices } = figures.dsoBasis;
  if (invoices < DSO_MIN_INVOICES) {
    return `Not shown: ${countLabel(invoices, { one: "invoice", other: "invoices" }, locale)} in the ${DSO_WINDOW_DAYS} days to the period's end, fewer than ${DSO_MIN_INVOICES}`;
  }
  return `Not shown: credit notes cancel the sales of the ${DSO_WINDOW_DAYS} days to the period's end`;
}

const tones = { better: "text-emerald-700", worse: "text-red-700", "no change": "" } as const;

/** The key figures for the period, each with its change against the previous period of equal length. */
export async function KeyFiguresSection({ scope }: { scope: ReportingScope }) {
  const [{ current, before, previous }, processing] = await Promise.all([
    dashboardFigures(scope.member, scope.currency, scope.period, scope.today),
    processingPayments(scope.member, scope.currency),
  ]);
  const money = (v: bigint) => formatMoneySum(v, scope.currency, scope.locale);
  const previousLabel = `${formatDate(previous.from, scope.locale)} – ${formatDate(previous.to, scope.locale)}`;
  const count = (n: number, one: string, other: string) => countLabel(n, { one, other }, scope.locale);
  const figures = [
    moneyFigure("invoiced", "Invoiced", "higher", "Invoices issued in the period, before credit notes. Drafts and void invoices don't count.", current, before, money, count(current.invoiceCount, "invoice", "invoices")),
    moneyFigure("credited", "Credited", "lower", "Credit notes issued in the period: amounts taken back from invoices.", current, before, money, count(current.creditNoteCount, "credit note", "credit notes")),
    moneyFigure("collected", "Collected", "higher", "Payments received in the period, by payment date, less refunds.", current, before, money),
    {
      key: "processing",
      label: "Processing",
      explanation: PROCESSING_EXPLANATION,
      better: "higher",
      value: money(processing.amount),
      detail: `${count(processing.count, "online payment", "online payments")}: paid by bank debit or transfer; not money in your account yet`,
      before: "",
      change: null,
      trend: null,
      now: true,
    } satisfies Figure,
    moneyFigure("outstanding", "Outstanding", "lower", "Unpaid invoice balances at the end of the period (today, if it has not ended).", current, before, money),
    moneyFigure("overdue", "Overdue", "lower", "The part of Outstanding already past its due date at the end of the period.", current, before, money),
    daysFigure(
      "averageDaysToPay",
      "Average days to pay",
      "Mean days from issue to final payment, for invoices paid in full in the period.",
      current,
      before,
      scope.locale,
      current.averageDaysToPay === null ? "No invoice was paid in full in the period" : undefined,
    ),
    daysFigure(
      "dso",
      "Days sales outstanding",
      `Outstanding ÷ invoices less credit notes of the ${DSO_WINDOW_DAYS} days to the period's end × ${DSO_WINDOW_DAYS}; shown from ${DSO_MIN_INVOICES} invoices in those days.`,
      current,
      before,
      scope.locale,
      dsoHiddenReason(current, scope.locale),
    ),
  ];
  return (
    <section aria-label={`Key figures, ${scope.period.label.toLowerCase()}, ${scope.currency}`} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {figures.map((f) => {
        const testId = f.label.toLowerCase().replaceAll(" ", "-");
        const words = f.trend === null ? null : judgeChange(f.trend, f.better);
        return (
          <div key={f.key} className={card}>
            <div className="flex items-center justify-between gap-2">
              <h2 className="text-sm font-medium text-slate-700">{f.label}</h2>
              <FigureExplanation id={`about-${f.key}`} label={f.label} text={f.explanation} />
            </div>
            <p className="mt-2 text-2xl font-bold tabular-nums" data-testid={`figure-${testId}`}>
              {f.value ?? <><span aria-hidden="true">—</span><span className="sr-only">Not shown</span></>}
            </p>
            {f.detail ? <p className="mt-1 text-xs text-slate-600" data-testid={`detail-${testId}`}>{f.detail}</p> : null}
            {f.value === null || f.now ? null : (
              <p className="mt-2 text-xs text-slate-700" data-testid={`change-${testId}`}>
                {f.change === null || words === null ? (
                  <>No comparison: {f.before} in the previous period</>
                ) : (
                  <>
                    <span className={tones[words]}>
                      <span aria-hidden="true">{f.trend === "up" ? "▲" : f.trend === "down" ? "▼" : "•"} </span>
                      <span className="font-semibold">{f.change}</span> ({words})
                    </span>{" "}
                    vs {f.before} in {previousLabel}
                  </>
                )}
              </p>
            )}
          </div>
        );
      })}
    </section>
  );
}
