/** Today's date (YYYY-MM-DD) in the organisation's time zone: an invoice written at 23:30 in Sydney is dated that day. */
export function todayIn(timeZone: string, at = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD): negative when `to` comes first. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * A copy's dates rolled forward: dated `today`, due after the same term as the original (issued
 * March 1, due March 31 → today plus 30 days). No due date stays no due date.
 */
export function rolledDates(source: { issueDate: string; dueDate: string | null }, today: string): { issueDate: string; dueDate: string | null } {
  if (!source.dueDate) return { issueDate: today, dueDate: null };
  return { issueDate: today, dueDate: addDays(today, Math.max(0, daysBetween(source.issueDate, source.dueDate))) };
}

/** Building an Intl.DateTimeFormat costs far more than using one (lists and PDFs format many dates). */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDate(date: string | null | undefined, locale: string): string {
  if (!date) return "";
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
    if (dateFormats.size < 100) dateFormats.set(locale, format);
  }
  return format.format(new Date(`${date}T00:00:00Z`));
}

/**
 * The dates the app accepts anywhere, from a form or a URL. Postgres would take 4713 BC to 5874897
 * AD, but year 0 fails there, and a year like 0001 or 9999 is a typo that breaks reports and
 * numbering; an invoice dated outside these two centuries is a mistake, not a business fact.
 */
export const MIN_DATE = "1900-01-01";
export const MAX_DATE = "2199-12-31";
export const DATE_RANGE_MESSAGE = "Use a date from 1900 to 2199.";

/** Shaped YYYY-MM-DD (what date inputs send) and a day the calendar has (not 2026-02-30). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

export const isDateInRange = (value: string) => value >= MIN_DATE && value <= MAX_DATE;

/** A calendar date within MIN_DATE..MAX_DATE: the test every date from outside passes before use. */
export function isIsoDate(value: unknown): value is string {
  return isCalendarDate(value) && isDateInRange(value);
}
