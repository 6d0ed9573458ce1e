import Link from "next/link";
import { formatDate } from "@/lib/dates";
import type { OccurrenceRow } from "@/lib/data/recurring-history";
import { countLabel } from "@/lib/plural";
import { ScrollRegion } from "@/components/ui/scroll-region";

const actionLabels = { draft: "Draft", issue: "Issued", send: "Issued and emailed" } as const;

/** Why the owner should look: occurrences created late while the jobs were down, and ones that failed and wait for a retry. */
export function OccurrenceNotices({ missed, missedDrafts, failed, locale }: { missed: number; missedDrafts: number; failed: OccurrenceRow[]; locale: string }) {
  let how = "";
  if (missed > 0) {
    how =
      missedDrafts === missed
        ? "They were created as drafts for review."
        : missedDrafts === 0
          ? "They were created as scheduled when the jobs ran again."
          : `${new Intl.NumberFormat(locale).format(missedDrafts)} of them ${missedDrafts === 1 ? "was" : "were"} created as drafts for review.`;
  }
  return (
    <>
      {missed > 0 ? (
        <div role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950" data-testid="missed-notice">
          {countLabel(missed, { one: "occurrence was", other: "occurrences were" }, locale)} missed while jobs did not run. {how}
        </div>
      ) : null}
      {failed.map((o) => (
        <div key={o.occurrenceDate} role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
          The invoice for {formatDate(o.occurrenceDate, locale)} could not be created: {o.lastError ?? "unknown reason"}. It is retried on every jobs run.
        </div>
      ))}
    </>
  );
}

/** Every occurrence, newest first, with the invoice it made (or why it failed, after how many attempts). */
export function OccurrenceHistory({ rows, locale, more }: { rows: OccurrenceRow[]; locale: string; more: boolean }) {
  if (rows.length === 0) return <p className="text-sm text-slate-700">No invoices yet: the first is created on the next date.</p>;
  return (
    <ScrollRegion label="Occurrences" className="rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Occurrences, newest first</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">Date</th>
            <th scope="col" className="px-4 py-2 font-medium">State</th>
            <th scope="col" className="px-4 py-2 font-medium">Invoice</th>
            <th scope="col" className="px-4 py-2 font-medium">Notes</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((o) => (
            <tr key={o.occurrenceDate}>
              <th scope="row" className="whitespace-nowrap px-4 py-2 font-medium">{formatDate(o.occurrenceDate, locale)}</th>
              <td className="px-4 py-2">
                {o.state === "created" ? (
                  (actionLabels[o.action ?? "draft"])
                ) : (
                  <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900">Failed</span>
                )}
                {o.missed ? <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">Missed</span> : null}
              </td>
              <td className="px-4 py-2">
                {o.documentId ? (
                  <Link href={`/invoices/${o.documentId}`} className="text-brand-700 underline-offset-2 hover:underline">{o.number ?? "Draft"}</Link>
                ) : (
                  "—"
                )}
              </td>
              <td className="px-4 py-2 text-slate-700">
                {o.state === "failed" ? `${o.lastError ?? "Unknown reason"} (${countLabel(o.attempts, { one: "attempt", other: "attempts" }, locale)})` : o.missed ? "Created after its date: the jobs did not run that day." : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {more ? <p className="px-4 py-2 text-xs text-slate-600">Showing the newest {rows.length}.</p> : null}
    </ScrollRegion>
  );
}
