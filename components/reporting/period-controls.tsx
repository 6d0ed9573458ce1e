import Link from "next/link";
import { type NamedPeriod, PERIOD_PRESETS, periodParams } from "@/lib/reporting-period";

const pill = (active: boolean, dark = false) =>
  `inline-flex items-center rounded-full px-3 py-1.5 font-medium max-sm:min-h-11 ${active ? (dark ? "bg-slate-800 text-white" : "bg-brand-600 text-white") : "bg-white text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50"}`;

/**
 * Period presets, a custom from/to range and (with several currencies) a currency switcher, all as
 * search params so every view can be linked to and works without JavaScript.
 */
export function PeriodControls({
  path,
  period,
  currency,
  currencies,
  extra = {},
}: {
  path: string;
  period: NamedPeriod;
  currency: string;
  currencies: string[];
  extra?: Record<string, string>;
}) {
  const href = (params: Record<string, string>) => `${path}?${new URLSearchParams({ ...extra, ...params }).toString()}`;
  return (
    <div className="space-y-3 text-sm">
      <nav aria-label="Period" className="flex flex-wrap items-center gap-2">
        {PERIOD_PRESETS.map(([preset, label]) => (
          <Link key={preset} href={href({ period: preset, currency })} aria-current={period.preset === preset ? "page" : undefined} className={pill(period.preset === preset)}>
            {label}
          </Link>
        ))}
        <form action={path} className="flex flex-wrap items-end gap-2" aria-label="Custom period">
          {Object.entries(extra).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <input type="hidden" name="period" value="custom" />
          <input type="hidden" name="currency" value={currency} />
          <label className="flex items-center gap-1">
            <span className="text-slate-700">From</span>
            <input type="date" name="from" required defaultValue={period.from} className="rounded-md border border-slate-300 px-2 py-1" />
          </label>
          <label className="flex items-center gap-1">
            <span className="text-slate-700">To</span>
            <input type="date" name="to" required defaultValue={period.to} className="rounded-md border border-slate-300 px-2 py-1" />
          </label>
          <button type="submit" className={pill(period.preset === "custom")} aria-current={period.preset === "custom" ? "page" : undefined}>
            Apply range
          </button>
        </form>
      </nav>
      {currencies.length > 1 ? (
        <nav aria-label="Currency" className="flex flex-wrap items-center gap-2">
          <span className="text-slate-700">Currency:</span>
          {currencies.map((c) => (
            <Link key={c} href={href({ ...periodParams(period), currency: c })} aria-current={c === currency ? "page" : undefined} className={pill(c === currency, true)}>
              {c}
            </Link>
          ))}
          <span className="text-slate-600">Amounts in different currencies are never added together.</span>
        </nav>
      ) : null}
    </div>
  );
}

/** The currency to show: the one asked for if the organisation uses it, else its default, else the first. */
export function chooseCurrency(asked: string | undefined, currencies: string[], fallback: string): string {
  if (asked && currencies.includes(asked)) return asked;
  return currencies.includes(fallback) ? fallback : (currencies[0] ?? fallback);
}
