import Link from "next/link";
import { formatDate } from "@/lib/dates";
import type { OccurrenceRow } from "@/lib/data/recurring-history";
import { countLabel } from "@/lib/plural";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { RecurringKey } from "@/lib/i18n/catalogs/app/recurring";
import type { Translate } from "@/lib/i18n/messages";

const actionLabels = { draft: "history.draft", issue: "history.issued", send: "history.sent" } as const;

/** Why the owner should look: occurrences created late while the jobs were down, and ones that failed and wait for a retry. */
export function OccurrenceNotices({ missed, missedDrafts, failed, locale, t }: { missed: number; missedDrafts: number; failed: OccurrenceRow[]; locale: string; t: Translate<RecurringKey> }) {
  let how = "";
  if (missed > 0) {
    how =
      missedDrafts === missed
        ? t("notice.allDrafts")
        : missedDrafts === 0
          ? t("notice.noDrafts")
          : t("notice.someDrafts", { count: missedDrafts, n: new Intl.NumberFormat(locale).format(missedDrafts) });
  }
  return (
    <>
      {missed > 0 ? (
        <div role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950" data-testid="missed-notice">
          {t("notice.missed", { count: missed, n: new Intl.NumberFormat(locale).format(missed) })} {how}
        </div>
      ) : null}
      {failed.map((o) => (
        <div key={o.occurrenceDate} role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
          {t("notice.failed", { date: formatDate(o.occurrenceDate, locale), reason: o.lastError ?? t("notice.unknownReason") })}
        </div>
      ))}
    </>
  );
}

/** Every occurrence, newest first, with the invoice it made (or why it failed, after how many attempts). */
export function OccurrenceHistory({ rows, locale, more, t }: { rows: OccurrenceRow[]; locale: string; more: boolean; t: Translate<RecurringKey> }) {
  if (rows.length === 0) return <p className="text-sm text-slate-700">{t("history.empty")}</p>;
  return (
    <ScrollRegion label={t("history.label")} className="rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("history.caption")}</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">{t("history.date")}</th>
            <th scope="col" className="px-4 py-2 font-medium">{t("history.state")}</th>
            <th scope="col" className="px-4 py-2 font-medium">{t("history.invoice")}</th>
            <th scope="col" className="px-4 py-2 font-medium">{t("history.notes")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((o) => (
            <tr key={o.occurrenceDate}>
              <th scope="row" className="whitespace-nowrap px-4 py-2 font-medium">{formatDate(o.occurrenceDate, locale)}</th>
              <td className="px-4 py-2">
                {o.state === "created" ? (
                  t(actionLabels[o.action ?? "draft"])
                ) : (
                  <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900">{t("history.failed")}</span>
                )}
                {o.missed ? <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">{t("history.missed")}</span> : null}
              </td>
              <td className="px-4 py-2">
                {o.documentId ? (
                  <Link href={`/invoices/${o.documentId}`} className="text-brand-700 underline-offset-2 hover:underline">{o.number ?? t("history.draft")}</Link>
                ) : (
                  "—"
                )}
              </td>
              <td className="px-4 py-2 text-slate-700">
                {o.state === "failed"
                  ? t("history.failedNote", { reason: o.lastError ?? t("history.unknownReason"), attempts: countLabel(o.attempts, { one: t("word.attempt"), other: t("word.attempts") }, locale) })
                  : o.missed
                    ? t("history.missedNote")
                    : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {more ? <p className="px-4 py-2 text-xs text-slate-600">{t("history.more", { count: String(rows.length) })}</p> : null}
    </ScrollRegion>
  );
}
