import { dashboardFigures, processingPayments, DSO_MIN_INVOICES, DSO_WINDOW_DAYS, type KeyFigures } from "@/lib/data/dashboard";
import { formatDate } from "@/lib/dates";
import { changePerMille, formatMoneySum } from "@/lib/money";
import { type Better, judgeChange, type Trend, trendOf } from "@/lib/figure-change";
import { countLabel } from "@/lib/plural";
import { card } from "@/components/reporting/classes";
import { FigureExplanation } from "@/components/reporting/figure-explanation";
import type { ReportingScope } from "@/app/(app)/_reporting/scope";
import type { DashboardKey } from "@/lib/i18n/catalogs/app/dashboard";
import type { Translate } from "@/lib/i18n/messages";

type T = Translate<DashboardKey>;

type Figure = {
  key: string;
  label: string;
  /** The English label the test ids are made of, whatever the user's language. */
  testId: string;
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

type MoneyKey = "invoiced" | "credited" | "collected" | "outstanding" | "overdue";

function moneyFigure(key: MoneyKey, label: string, testId: string, better: Better, explanation: string, now: KeyFigures, then: KeyFigures, money: (v: bigint) => string, detail?: string): Figure {
  const pm = changePerMille(now[key], then[key]);
  return {
    key,
    label,
    testId,
    explanation,
    better,
    value: money(now[key]),
    detail,
    before: money(then[key]),
    change: pm === null ? null : `${pm > 0 ? "+" : ""}${(pm / 10).toFixed(1)}%`,
    trend: pm === null ? null : trendOf(pm),
  };
}

function daysFigure(t: T, key: "averageDaysToPay" | "dso", testId: string, explanation: string, now: KeyFigures, then: KeyFigures, locale: string, detail?: string): Figure {
  const label = t(`figure.${key}`);
  const dayWords = { one: t("word.day"), other: t("word.days") };
  const a = now[key];
  const b = then[key];
  const days = (d: number | null) => (d === null ? "—" : countLabel(d, dayWords, locale, 1));
  const diff = a !== null && b !== null ? Math.round((a - b) * 10) / 10 : null;
  return {
    key,
    label,
    testId,
    explanation,
    better: "lower",
    value: a === null ? null : days(a),
    detail,
    before: days(b),
    change: diff === null ? null : `${diff > 0 ? "+" : ""}${countLabel(diff, dayWords, locale, 1)}`,
    trend: diff === null ? null : trendOf(diff),
  };
}

/** Why DSO is not shown, in a line. */
function dsoHiddenReason(t: T, figures: KeyFigures, locale: string): string | undefined {
  if (figures.dso !== null) return undefined;
  const { invoices } = figures.dsoBasis;
  if (invoices < DSO_MIN_INVOICES) {
    return t("figure.dso.fewInvoices", { invoices: countLabel(invoices, { one: t("word.invoice"), other: t("word.invoices") }, locale), days: String(DSO_WINDOW_DAYS), min: String(DSO_MIN_INVOICES) });
  }
  return t("figure.dso.credited", { days: String(DSO_WINDOW_DAYS) });
}

const tones = { better: "text-emerald-700", worse: "text-red-700", "no change": "" } as const;

/** The key figures for the period, each with its change against the previous period of equal length. */
export async function KeyFiguresSection({ t, periodInSentence, scope }: { t: T; periodInSentence: string; scope: ReportingScope }) {
  const [{ current, before, previous }, processing] = await Promise.all([
    dashboardFigures(scope.member, scope.currency, scope.period, scope.today),
    processingPayments(scope.member, scope.currency),
  ]);
  const money = (v: bigint) => formatMoneySum(v, scope.currency, scope.locale);
  const previousLabel = `${formatDate(previous.from, scope.locale)} – ${formatDate(previous.to, scope.locale)}`;
  const count = (n: number, one: DashboardKey, other: DashboardKey) => countLabel(n, { one: t(one), other: t(other) }, scope.locale);
  const figures = [
    moneyFigure("invoiced", t("figure.invoiced"), "invoiced", "higher", t("figure.invoiced.about"), current, before, money, count(current.invoiceCount, "word.invoice", "word.invoices")),
    moneyFigure("credited", t("figure.credited"), "credited", "lower", t("figure.credited.about"), current, before, money, count(current.creditNoteCount, "word.creditNote", "word.creditNotes")),
    moneyFigure("collected", t("figure.collected"), "collected", "higher", t("figure.collected.about"), current, before, money),
    {
      key: "processing",
      label: t("figure.processing"),
      testId: "processing",
      explanation: t("figure.processing.about"),
      better: "higher",
      value: money(processing.amount),
      detail: t("figure.processing.detail", { payments: count(processing.count, "word.onlinePayment", "word.onlinePayments") }),
      before: "",
      change: null,
      trend: null,
      now: true,
    } satisfies Figure,
    moneyFigure("outstanding", t("figure.outstanding"), "outstanding", "lower", t("figure.outstanding.about"), current, before, money),
    moneyFigure("overdue", t("figure.overdue"), "overdue", "lower", t("figure.overdue.about"), current, before, money),
    daysFigure(
      t,
      "averageDaysToPay",
      "average-days-to-pay",
      t("figure.averageDaysToPay.about"),
      current,
      before,
      scope.locale,
      current.averageDaysToPay === null ? t("figure.averageDaysToPay.none") : undefined,
    ),
    daysFigure(
      t,
      "dso",
      "days-sales-outstanding",
      t("figure.dso.about", { days: String(DSO_WINDOW_DAYS), min: String(DSO_MIN_INVOICES) }),
      current,
      before,
      scope.locale,
      dsoHiddenReason(t, current, scope.locale),
    ),
  ];
  return (
    <section aria-label={t("keyFigures", { period: periodInSentence, currency: scope.currency })} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {figures.map((f) => {
        const testId = f.testId;
        const words = f.trend === null ? null : judgeChange(f.trend, f.better);
        return (
          <div key={f.key} className={card}>
            <div className="flex items-center justify-between gap-2">
              <h2 className="text-sm font-medium text-slate-700">{f.label}</h2>
              <FigureExplanation id={`about-${f.key}`} label={f.label} text={f.explanation} />
            </div>
            <p className="mt-2 text-2xl font-bold tabular-nums" data-testid={`figure-${testId}`}>
              {f.value ?? <><span aria-hidden="true">—</span><span className="sr-only">{t("notShown")}</span></>}
            </p>
            {f.detail ? <p className="mt-1 text-xs text-slate-600" data-testid={`detail-${testId}`}>{f.detail}</p> : null}
            {f.value === null || f.now ? null : (
              <p className="mt-2 text-xs text-slate-700" data-testid={`change-${testId}`}>
                {f.change === null || words === null ? (
                  <>{t("noComparison", { before: f.before })}</>
                ) : (
                  <>
                    <span className={tones[words]}>
                      <span aria-hidden="true">{f.trend === "up" ? "▲" : f.trend === "down" ? "▼" : "•"} </span>
                      <span className="font-semibold">{f.change}</span> ({t(`judge.${words}`)})
                    </span>{" "}
                    {t("versus", { before: f.before, previous: previousLabel })}
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
