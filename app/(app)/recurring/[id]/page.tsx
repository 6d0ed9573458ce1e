import Link from "next/link";
import { notFound } from "next/navigation";
import { ProfileControls } from "@/components/recurring/profile-controls";
import { RecurringStatusBadge } from "@/components/recurring/status-badge";
import { can } from "@/lib/auth/roles";
import { customerNames, HISTORY_LIMIT, listOccurrences, occurrenceSummary } from "@/lib/data/recurring-history";
import { getProfile, scheduleOf } from "@/lib/data/recurring-profiles";
import { getOrganization } from "@/lib/data/organizations";
import { formatDate } from "@/lib/dates";
import { parseId } from "@/lib/ids";
import { formatMoney, formatRate, quantityToString } from "@/lib/money";
import { discountFromColumns } from "@/lib/data/documents/shared";
import { countLabel } from "@/lib/plural";
import { describeSchedule, upcomingDates } from "@/lib/recurrence";
import { requireMembership } from "@/lib/session";
import { OccurrenceHistory, OccurrenceNotices } from "../_components/occurrence-history";

export const metadata = { title: "Recurring invoice" };

const actionText = { draft: "Creates a draft for you to review", issue: "Issues the invoice (not emailed)", send: "Issues the invoice and emails it to the customer" } as const;

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const membership = await requireMembership();
  const id = parseId((await params).id);
  if (!id) notFound();
  const profile = await getProfile(membership, id);
  if (!profile) notFound();
  const [org, history, summary, names] = await Promise.all([
    getOrganization(membership),
    listOccurrences(membership, id),
    occurrenceSummary(membership, id),
    customerNames(membership, [profile.customerId]),
  ]);
  const schedule = scheduleOf(profile);
  const money = (minor: number) => formatMoney(minor, profile.currency, org.locale);
  const discount = discountFromColumns(profile.discountType, profile.discountValue);
  const next = profile.status === "active" ? upcomingDates(schedule, profile.nextDate, profile.occurrenceCount) : [];
  const ends =
    profile.endType === "after"
      ? `After ${countLabel(profile.endAfterCount ?? 0, { one: "invoice", other: "invoices" }, org.locale)} (${countLabel(profile.occurrenceCount, { one: "created", other: "created" }, org.locale)} so far)`
      : profile.endType === "on"
        ? `On ${formatDate(profile.endDate, org.locale)}`
        : "Never";
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm"><Link href="/recurring" className="text-brand-700 underline-offset-2 hover:underline">Recurring invoices</Link></p>
          <h1 className="text-2xl font-bold tracking-tight">{profile.name}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-700">
            {names.get(profile.customerId) ?? ""} · {money(profile.total)} each <RecurringStatusBadge status={profile.status} missed={summary.missed} failed={summary.failed} />
          </p>
        </div>
        {can(membership.role, "documents.manage") ? <ProfileControls id={profile.id} status={profile.status} /> : null}
      </div>

      <OccurrenceNotices missed={summary.missed} missedDrafts={summary.missedDrafts} failed={history.filter((o) => o.state === "failed")} locale={org.locale} />

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="schedule-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="schedule-heading" className="text-base font-semibold">Schedule</h2>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="font-medium">Repeats</dt>
            <dd>{describeSchedule(schedule)}</dd>
            <dt className="font-medium">Starts</dt>
            <dd>{formatDate(profile.startDate, org.locale)}</dd>
            <dt className="font-medium">Ends</dt>
            <dd>{ends}</dd>
            <dt className="font-medium">Next date</dt>
            <dd data-testid="next-date">{profile.status === "active" ? formatDate(profile.nextDate, org.locale) : profile.status === "paused" ? "Paused" : "Ended"}</dd>
            <dt className="font-medium">On each date</dt>
            <dd>{actionText[profile.action]}{profile.action === "send" && profile.attachPdf ? ", with the PDF attached" : ""}</dd>
            <dt className="font-medium">Payment terms</dt>
            <dd>{countLabel(profile.paymentTermsDays, { one: "day", other: "days" }, org.locale)}</dd>
          </dl>
          {next.length > 0 ? (
            <>
              <h3 className="pt-2 text-sm font-semibold">Next {next.length === 1 ? "date" : `${next.length} dates`}</h3>
              <ol aria-label="Next dates" className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm tabular-nums">
                {next.map((d) => <li key={d}>{formatDate(d, org.locale)}</li>)}
              </ol>
            </>
          ) : null}
        </section>

        <section aria-labelledby="lines-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="lines-heading" className="text-base font-semibold">Lines</h2>
          <ul className="divide-y divide-slate-100 text-sm">
            {profile.lines.map((l) => (
              <li key={l.id} className="flex justify-between gap-4 py-2">
                <span className="whitespace-pre-line">{l.description}</span>
                <span className="whitespace-nowrap tabular-nums">
                  {quantityToString(l.quantityE4)} × {money(l.unitPrice)}
                  {l.taxRateIds.length ? <span className="block text-right text-xs text-slate-600">{countLabel(l.taxRateIds.length, { one: "tax", other: "taxes" }, org.locale)}</span> : null}
                </span>
              </li>
            ))}
          </ul>
          {discount ? (
            <p className="flex justify-between text-sm">
              <span>Discount on the whole invoice</span>
              <span className="tabular-nums">{discount.type === "percent" ? formatRate(discount.rateE4, org.locale) : money(discount.amount)}</span>
            </p>
          ) : null}
          <p className="flex justify-between border-t border-slate-200 pt-2 text-sm font-semibold">
            <span>Each invoice (with discounts and taxes)</span>
            <span className="tabular-nums" data-testid="profile-total">{money(profile.total)}</span>
          </p>
        </section>
      </div>

      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-base font-semibold">History</h2>
        <OccurrenceHistory rows={history} locale={org.locale} more={history.length === HISTORY_LIMIT} />
      </section>
    </div>
  );
}
