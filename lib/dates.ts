/** Today's date (YYYY-MM-DD) in the organisation's time zone: an invoice written at 23:30 in Sydney is dated that day. */
export function todayIn(timeZone: string, at = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
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
