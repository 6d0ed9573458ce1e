/**
 * Recurring schedules, pure: which calendar dates a profile bills on. Dates are calendar dates
 * (YYYY-MM-DD) in the organisation's time zone, never instants: the job turns "now" into the
 * organisation's local date with Intl (lib/dates.ts todayIn) and compares dates as strings. The
 * k-th occurrence is computed from the first one (not from the previous), so a short month never
 * shifts the months after it: monthly on the 31st gives 31 January, 28/29 February, 31 March.
 */
import { addDays } from "./dates";
import { type AppLanguage, appTranslator } from "./i18n/app-language";
import { catalogs } from "./i18n/catalogs/app/recurring";

export type Frequency = "weekly" | "monthly" | "yearly";
export type EndType = "never" | "after" | "on";

export type Schedule = {
  frequency: Frequency;
  /** Every `interval` weeks, months or years (1–52). */
  interval: number;
  /** Weekly: 1 = Monday … 7 = Sunday (ISO). */
  weekday?: number | null;
  /** Monthly and yearly: 1–31; a day the month lacks means its last day (31 = always the last day). */
  dayOfMonth?: number | null;
  /** Yearly: 1–12. */
  monthOfYear?: number | null;
  startDate: string;
  endType: EndType;
  endAfterCount?: number | null;
  endDate?: string | null;
};

export const LAST_DAY = 31;

const DAY_MS = 86_400_000;
const toDays = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const fromDays = (days: number) => new Date(days * DAY_MS).toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, "0");

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Day `day` of a month counted from year 0 (`monthIndex` = year × 12 + month − 1), clamped to the month's length. */
function dayOfMonthIndex(monthIndex: number, day: number): string {
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  return `${String(year).padStart(4, "0")}-${pad(month)}-${pad(Math.min(day, daysInMonth(year, month)))}`;
}

const monthIndexOf = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

/**
 * The k-th date of the endless series (k = 0 is the first on or after the start date), ignoring
 * the end condition. Weekly: the first `weekday` on or after the start, then every 7 × interval
 * days. Monthly: day D of the start month (or the next month when that is before the start), then
 * every `interval` months. Yearly: the same with `monthOfYear`, every `interval` years.
 */
export function seriesDate(s: Schedule, k: number): string {
  if (s.frequency === "weekly") {
    const start = toDays(s.startDate);
    const first = start + ((((s.weekday ?? 1) - isoWeekday(s.startDate)) % 7) + 7) % 7;
    return fromDays(first + 7 * s.interval * k);
  }
  const day = s.dayOfMonth ?? LAST_DAY;
  if (s.frequency === "monthly") {
    let m0 = monthIndexOf(s.startDate);
    if (dayOfMonthIndex(m0, day) < s.startDate) m0 += 1;
    return dayOfMonthIndex(m0 + s.interval * k, day);
  }
  const month = (s.monthOfYear ?? Number(s.startDate.slice(5, 7))) - 1;
  let y0 = Number(s.startDate.slice(0, 4));
  if (dayOfMonthIndex(y0 * 12 + month, day) < s.startDate) y0 += 1;
  return dayOfMonthIndex((y0 + s.interval * k) * 12 + month, day);
}

/** The smallest k whose series date is on or after `date` (an estimate, then corrected by stepping). */
function indexOnOrAfter(s: Schedule, date: string): number {
  const periodDays = s.frequency === "weekly" ? 7 * s.interval : s.frequency === "monthly" ? 30.44 * s.interval : 365.25 * s.interval;
  let k = Math.max(0, Math.floor((toDays(date) - toDays(seriesDate(s, 0))) / periodDays) - 1);
  while (k > 0 && seriesDate(s, k - 1) >= date) k--;
  while (seriesDate(s, k) < date) k++;
  return k;
}

/**
 * The next date the profile bills on, strictly after `after` (or the first one when nothing was
 * created yet), honouring the end: none once `created` reached "end after N", none past the end date.
 */
export function nextOccurrence(s: Schedule, after: string | null, created: number): string | null {
  if (s.endType === "after" && created >= (s.endAfterCount ?? 0)) return null;
  const from = after === null || after < s.startDate ? s.startDate : addDays(after, 1);
  const date = seriesDate(s, indexOnOrAfter(s, from));
  if (s.endType === "on" && s.endDate && date > s.endDate) return null;
  return date;
}

/** The first occurrence on or after `date` (resuming a paused profile, or an edited schedule). */
export function occurrenceOnOrAfter(s: Schedule, date: string, created: number): string | null {
  return nextOccurrence(s, addDays(date < s.startDate ? s.startDate : date, -1), created);
}

/** Up to `count` next dates starting from `next` (the form's preview, the 30-day forecast). */
export function upcomingDates(s: Schedule, next: string | null, created: number, count = 12): string[] {
  const dates: string[] = [];
  let date = next;
  let n = created;
  while (date && dates.length < count) {
    dates.push(date);
    n++;
    date = nextOccurrence(s, date, n);
  }
  return dates;
}

/** The period an occurrence bills for: from its date to the day before the next date of the series. */
export function occurrencePeriod(s: Schedule, date: string): { start: string; end: string } {
  const next = seriesDate(s, indexOnOrAfter(s, addDays(date, 1)));
  return { start: date, end: addDays(next, -1) };
}

/** The occurrences due by `today` from `next` on, in date order, capped (a long outage is worked off over several runs). */
export function dueOccurrences(s: Schedule, next: string | null, created: number, today: string, cap = 100): string[] {
  const dates: string[] = [];
  let date = next;
  let n = created;
  while (date && date <= today && dates.length < cap) {
    dates.push(date);
    n++;
    date = nextOccurrence(s, date, n);
  }
  return dates;
}

const PLACEHOLDER = /\{(period_start|period_end|period|month|year)\}/g;

/**
 * Resolves {period}, {month}, {year}, {period_start} and {period_end} in a line description or the
 * notes against the occurrence's period, in the document's language (never the day the job ran).
 */
export function resolvePlaceholders(text: string, period: { start: string; end: string }, locale: string): string {
  if (!text.includes("{")) return text;
  const at = (date: string) => new Date(`${date}T00:00:00Z`);
  const medium = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  return text.replace(PLACEHOLDER, (_, name: string) => {
    switch (name) {
      case "period":
        return medium.formatRange(at(period.start), at(period.end));
      case "period_start":
        return medium.format(at(period.start));
      case "period_end":
        return medium.format(at(period.end));
      case "month":
        return new Intl.DateTimeFormat(locale, { month: "long", timeZone: "UTC" }).format(at(period.start));
      default:
        return period.start.slice(0, 4);
    }
  });
}

export const PLACEHOLDERS = ["{period}", "{month}", "{year}", "{period_start}", "{period_end}"] as const;

/** Weekday and month names come in the sentence's language, not the organisation's date format. */
const NAME_LOCALE: Record<AppLanguage, string> = { en: "en-US", de: "de-DE" };

/** "Every month on day 15", "Every 2 weeks on Friday", "Jedes Jahr am 29. Februar": the lists' and the profile page's summary. */
export function describeSchedule(s: Schedule, language: AppLanguage = "en"): string {
  const t = appTranslator(catalogs, language);
  const locale = NAME_LOCALE[language];
  const interval = s.interval;
  if (s.frequency === "weekly") {
    const monday = Date.UTC(2024, 0, 1); // a Monday
    const weekday = new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(new Date(monday + ((s.weekday ?? 1) - 1) * DAY_MS));
    return t("schedule.weekly", { interval, weekday });
  }
  const day = s.dayOfMonth ?? LAST_DAY;
  if (s.frequency === "monthly") return day === LAST_DAY ? t("schedule.monthlyLast", { interval }) : t("schedule.monthly", { interval, day: String(day) });
  const month = new Intl.DateTimeFormat(locale, { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2024, (s.monthOfYear ?? 1) - 1, 1)));
  return day === LAST_DAY ? t("schedule.yearlyLast", { interval, month }) : t("schedule.yearly", { interval, month, day: String(day) });
}
