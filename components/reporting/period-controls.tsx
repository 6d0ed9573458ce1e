import Link from "next/link";
import type { ReportsKey } from "@/lib/i18n/catalogs/app/reports";
import type { Translate } from "@/lib/i18n/messages";
import { type NamedPeriod, PERIOD_PRESETS, periodParams } from "@/lib/reporting-period";

const pill = (active: boolean, dark = false) =>
  `inline-flex items-center rounded-full px-3 py-1.5 font-medium max-sm:min-h-11 ${active ? (dark ? "bg-slate-800 text-white" : "bg-brand-600 text-white") : "bg-white text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50"}`;

/**
 * Period presets, a custom from/to range and (with several currencies) a currency switcher, all as
 * search params so every view can be linked to and works without JavaScript.
 */
export function PeriodControls({
  t,
  path,
  period,
  currency,
  currencies,
  extra = {},
}: {
  /** The page's reports catalog: a server component in components/ has no session to ask. */
  t: Translate<ReportsKey>;
  path: string;
  period: NamedPeriod;
  currency: string;
  currencies: string[];
  extra?: Record<string, string>;
}) {
  const href = (params: Record<string, string>) => `${path}?${new URLSearchParams({ ...extra, ...params }).toString()}`;
  return (
    <div className="space-y-3 text-sm">
      <nav aria-label={t("periodNav")} className="flex flex-wrap items-center gap-2">
        {PERIOD_PRESETS.map(([preset]) => (
          <Link key={preset} href={href({ period: preset, currency })} aria-current={period.preset === preset ? "page" : undefined} className={pill(period.preset === preset)}>
            {t(`period.${preset}`)}
          </Link>
        ))}
        <form action={path} className="flex flex-wrap items-end gap-2" aria-label={t("customPeriod")}>
          {Object.entries(extra).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <input type="hidden" name="period" value="custom" />
          <input type="hidden" name="currency" value={currency} />
          <label className="flex items-center gap-1">
            <span className="text-slate-700">{t("from")}</span>
            <input type="date" name="from" required defaultValue={period.from} className="rounded-md border border-slate-300 px-2 py-1" />
          </label>
          <label className="flex items-center gap-1">
            <span className="text-slate-700">{t("to")}</span>
            <input type="date" name="to" required defaultValue={period.to} className="rounded-md border border-slate-300 px-2 py-1" />
          </label>
          <button type="submit" className={pill(period.preset === "custom")} aria-current={period.preset === "custom" ? "page" : undefined}>
            {t("applyRange")}
          </button>
        </form>
      </nav>
      {currencies.length > 1 ? (
        <nav aria-label={t("currencyNav")} className="flex flex-wrap items-center gap-2">
          <span className="text-slate-700">{t("currencyLabel")}</span>
          {currencies.map((c) => (
            <Link key={c} href={href({ ...periodParams(period), currency: c })} aria-current={c === currency ? "page" : undefined} className={pill(c === currency, true)}>
              {c}
            </Link>
          ))}
          <span className="text-slate-600">{t("neverAdded")}</span>
        </nav>
      ) : null}
    </div>
  );
}

/** A period's name in the user's language (lib/reporting-period names it in English). */
export function periodLabel(t: Translate<ReportsKey>, period: NamedPeriod): string {
  return period.preset === "custom" ? t("period.custom", { from: period.from, to: period.to }) : t(`period.${period.preset}`);
}

/** The currency to show: the one asked for if the organisation uses it, else its default, else the first. */
export function chooseCurrency(asked: string | undefined, currencies: string[], fallback: string): string {
  if (asked && currencies.includes(asked)) return asked;
  return currencies.includes(fallback) ? fallback : (currencies[0] ?? fallback);
}
