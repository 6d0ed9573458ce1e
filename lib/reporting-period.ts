/**
 * Reporting periods for the dashboard and reports, from search params. Pure (no server-only) so it
 * is unit-tested and shared by pages and CSV route handlers. Dates are calendar dates (YYYY-MM-DD)
 * in the organisation's time zone: `today` comes from todayIn(org.timeZone), and issue dates and
 * payment dates are stored as such calendar dates, so "March" means March where the business is.
 */
import { isIsoDate } from "./dates";

export type Period = { from: string; to: string };
export type PeriodPreset = "30d" | "month" | "quarter" | "year" | "12m" | "custom";
export type NamedPeriod = Period & { preset: PeriodPreset; label: string };

export const PERIOD_PRESETS: readonly [Exclude<PeriodPreset, "custom">, string][] = [
  ["30d", "Last 30 days"],
  ["month", "This month"],
  ["quarter", "This quarter"],
  ["year", "This year"],
  ["12m", "Last 12 months"],
];

/** Longest custom period: ten years keeps every aggregate bounded. */
const MAX_DAYS = 3660;
const DAY = 86_400_000;

const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);
const iso = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);

// One rule for dates from outside (a real day between 1900 and 2199), shared with forms and list URLs.
export { isIsoDate };

/** Inclusive length in days. */
export function periodDays(period: Period): number {
  return Math.round((toTime(period.to) - toTime(period.from)) / DAY) + 1;
}

/** The date `days` days after (or, negative, before) an ISO date. */
export function shiftDays(date: string, days: number): string {
  return new Date(toTime(date) + days * DAY).toISOString().slice(0, 10);
}

/**
 * The preset (or custom from/to) asked for; anything else falls back to the last 30 days, so a
 * hand-edited URL never errors. A custom range with from after to is swapped. The default is a
 * trailing window rather than the calendar month: early in a month "this month" holds a day or two
 * of sales, and its change against the whole previous month reads as a collapse.
 */
export function parsePeriod(params: { period?: string; from?: string; to?: string }, today: string): NamedPeriod {
  const [y, m] = today.split("-").map(Number) as [number, number];
  switch (params.period) {
    case "month":
      return { preset: "month", label: "This month", from: iso(y, m, 1), to: iso(y, m + 1, 0) };
    case "quarter": {
      const q = Math.floor((m - 1) / 3) * 3 + 1;
      return { preset: "quarter", label: "This quarter", from: iso(y, q, 1), to: iso(y, q + 3, 0) };
    }
    case "year":
      return { preset: "year", label: "This year", from: iso(y, 1, 1), to: iso(y, 12, 31) };
    case "12m":
      return { preset: "12m", label: "Last 12 months", from: iso(y, m - 11, 1), to: today };
    case "custom":
      if (isIsoDate(params.from) && isIsoDate(params.to)) {
        const [from, to] = params.from <= params.to ? [params.from, params.to] : [params.to, params.from];
        if (periodDays({ from, to }) <= MAX_DAYS) return { preset: "custom", label: `${from} to ${to}`, from, to };
      }
      break;
  }
  return { preset: "30d", label: "Last 30 days", from: shiftDays(today, -29), to: today };
}

/**
 * The period of equal length just before. Whole calendar months (this month, quarter, year, or a
 * custom range of whole months) step back by the same number of months, so March compares with
 * February and Q2 with Q1; any other range steps back by its number of days.
 */
export function previousPeriod(period: Period): Period {
  const [fy, fm, fd] = period.from.split("-").map(Number) as [number, number, number];
  const [ty, tm] = period.to.split("-").map(Number) as [number, number];
  const wholeMonths = fd === 1 && shiftDays(period.to, 1).endsWith("-01");
  if (wholeMonths) {
    const months = (ty - fy) * 12 + (tm - fm) + 1;
    return { from: iso(fy, fm - months, 1), to: shiftDays(period.from, -1) };
  }
  const days = periodDays(period);
  return { from: shiftDays(period.from, -days), to: shiftDays(period.from, -1) };
}

/** The twelve months (YYYY-MM) ending with the month of `date`, oldest first. */
export function monthsEnding(date: string, count = 12): string[] {
  const [y, m] = date.split("-").map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => iso(y, m - count + 1 + i, 1).slice(0, 7));
}

/** The earlier of two ISO dates. */
export const minDate = (a: string, b: string) => (a < b ? a : b);

/** Search params that reproduce a period (for links and CSV export URLs). */
export function periodParams(period: NamedPeriod): Record<string, string> {
  return period.preset === "custom" ? { period: "custom", from: period.from, to: period.to } : { period: period.preset };
}
