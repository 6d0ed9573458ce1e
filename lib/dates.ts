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

/**
 * Every date and time the app shows goes through this module, in one format: the organisation's
 * locale, dateStyle "medium" (12 Mar 2026 / Mar 12, 2026 / 12 mars 2026), and for moments a short
 * time in the organisation's time zone. Calendar dates (YYYY-MM-DD: issue, due, paid on) are days,
 * not moments: they print as stored, whatever the zone. Moments (timestamps: sent, received, run)
 * print as the wall-clock time where the organisation is, so an audit entry, a job run and an email
 * event can be compared at a glance.
 */
export type DateScope = { locale: string; timeZone: string };

/** Building an Intl.DateTimeFormat costs far more than using one (lists and PDFs format many dates). */
const formats = new Map<string, Intl.DateTimeFormat>();

function cachedFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${options.timeZone}|${options.timeStyle ?? ""}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    if (formats.size < 200) formats.set(key, format);
  }
  return format;
}

/** A calendar date (YYYY-MM-DD), e.g. "12 Mar 2026" in en-GB; "" for none. */
export function formatDate(date: string | null | undefined, locale: string): string {
  if (!date) return "";
  return cachedFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
}

const toDate = (at: Date | string) => (at instanceof Date ? at : new Date(at));

/** A moment as date and time where the organisation is, e.g. "29 Mar 2026, 03:30" in en-GB, Europe/Berlin. */
export function formatDateTime(at: Date | string | null | undefined, { locale, timeZone }: DateScope): string {
  if (at == null || at === "") return "";
  return cachedFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(toDate(at));
}

/** The day a moment fell on where the organisation is (a 23:30 UTC sign-up is the next day in Sydney). */
export function formatDateOf(at: Date | string | null | undefined, { locale, timeZone }: DateScope): string {
  if (at == null || at === "") return "";
  return cachedFormat(locale, { dateStyle: "medium", timeZone }).format(toDate(at));
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
