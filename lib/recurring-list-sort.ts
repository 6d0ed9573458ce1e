/**
 * The recurring list's orders. The list is never paged (an organisation has a handful of
 * schedules), so it is sorted here rather than in SQL; its URL parameters are those of every list
 * (lib/list-url-state.ts), so the table headers and the phone's Sort select share them.
 */
import type { SortDir } from "@/lib/list-url-state";
import type { RecurringSort } from "@/lib/list-sort-choices";

export type SortableProfile = { name: string; status: "active" | "paused" | "ended"; nextDate: string | null; total: number };

/**
 * "next": active schedules first in either direction (a paused or ended one has no next date worth
 * comparing), then by next date. "amount": the total in minor units, as the document lists compare
 * totals of different currencies. Ties fall back to the name, A to Z, so the order is stable.
 */
export function sortProfiles<T>(rows: readonly T[], of: (row: T) => SortableProfile, sort: RecurringSort, dir: SortDir, locale?: string): T[] {
  const byName = new Intl.Collator(locale, { sensitivity: "base", numeric: true });
  const sign = dir === "asc" ? 1 : -1;
  const compare = (a: SortableProfile, b: SortableProfile): number => {
    if (sort === "name") return sign * byName.compare(a.name, b.name);
    if (sort === "amount") return sign * (a.total - b.total) || byName.compare(a.name, b.name);
    const activeFirst = Number(b.status === "active") - Number(a.status === "active");
    if (activeFirst) return activeFirst;
    const dates = (a.nextDate ?? "9999-12-31").localeCompare(b.nextDate ?? "9999-12-31");
    return sign * dates || byName.compare(a.name, b.name);
  };
  return [...rows].sort((a, b) => compare(of(a), of(b)));
}
