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
import { catalogs } from "@/lib/i18n/catalogs/app/recurring";
import { getAppLanguage, getAppMessages, requireMembership } from "@/lib/session";
import { localizeAppMessage } from "@/lib/i18n/app-messages";
import { OccurrenceHistory, OccurrenceNotices } from "../_components/occurrence-history";

export async function generateMetadata() {
  const t = await getAppMessages(catalogs);
  return { title: t("detail.title") };
}

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const [membership, t, language] = await Promise.all([requireMembership(), getAppMessages(catalogs), getAppLanguage()]);
  const id = parseId((await params).id);
  if (!id) notFound();
  const profile = await getProfile(membership, id);
  if (!profile) notFound();
  const [org, stored, summary, names] = await Promise.all([
    getOrganization(membership),
    listOccurrences(membership, id),
    occurrenceSummary(membership, id),
    customerNames(membership, [profile.customerId]),
  ]);
  // A failed run's reason is stored as the service wrote it (English); it is read in the app language.
  const history = stored.map((o) => (o.lastError ? { ...o, lastError: localizeAppMessage(o.lastError, language) } : o));
  const schedule = scheduleOf(profile);
  const money = (minor: number) => formatMoney(minor, profile.currency, org.locale);
  const discount = discountFromColumns(profile.discountType, profile.discountValue);
  const next = profile.status === "active" ? upcomingDates(schedule, profile.nextDate, profile.occurrenceCount) : [];
  // countLabel formats the number in the organisation's locale; German words share English plural rules for whole numbers.
  const count = (n: number, one: Parameters<typeof t>[0], other: Parameters<typeof t>[0]) => countLabel(n, { one: t(one), other: t(other) }, org.locale);
  const ends =
    profile.endType === "after"
      ? t("detail.endsAfter", { invoices: count(profile.endAfterCount ?? 0, "word.invoice", "word.invoices"), created: count(profile.occurrenceCount, "word.created", "word.created") })
      : profile.endType === "on"
        ? t("detail.endsOn", { date: formatDate(profile.endDate, org.locale) })
        : t("detail.never");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm"><Link href="/recurring" className="text-brand-700 underline-offset-2 hover:underline">{t("list.title")}</Link></p>
          <h1 className="text-2xl font-bold tracking-tight">{profile.name}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-700">
            {names.get(profile.customerId) ?? ""} · {t("detail.each", { amount: money(profile.total) })} <RecurringStatusBadge status={profile.status} missed={summary.missed} failed={summary.failed} />
          </p>
        </div>
        {can(membership.role, "documents.manage") ? <ProfileControls id={profile.id} status={profile.status} /> : null}
      </div>

      <OccurrenceNotices missed={summary.missed} missedDrafts={summary.missedDrafts} failed={history.filter((o) => o.state === "failed")} locale={org.locale} t={t} />

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="schedule-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="schedule-heading" className="text-base font-semibold">{t("list.schedule")}</h2>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="font-medium">{t("detail.repeats")}</dt>
            <dd>{describeSchedule(schedule, language)}</dd>
            <dt className="font-medium">{t("detail.starts")}</dt>
            <dd>{formatDate(profile.startDate, org.locale)}</dd>
            <dt className="font-medium">{t("detail.ends")}</dt>
            <dd>{ends}</dd>
            <dt className="font-medium">{t("list.nextDate")}</dt>
            <dd data-testid="next-date">{profile.status === "active" ? formatDate(profile.nextDate, org.locale) : profile.status === "paused" ? t("status.paused") : t("status.ended")}</dd>
            <dt className="font-medium">{t("detail.onEachDate")}</dt>
            <dd>{t(`detail.action.${profile.action}`)}{profile.action === "send" && profile.attachPdf ? t("detail.withPdf") : ""}</dd>
            <dt className="font-medium">{t("detail.paymentTerms")}</dt>
            <dd>{count(profile.paymentTermsDays, "word.day", "word.days")}</dd>
          </dl>
          {next.length > 0 ? (
            <>
              <h3 className="pt-2 text-sm font-semibold">{t("detail.nextHeading", { count: next.length })}</h3>
              <ol aria-label={t("detail.nextDates")} className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm tabular-nums">
                {next.map((d) => <li key={d}>{formatDate(d, org.locale)}</li>)}
              </ol>
            </>
          ) : null}
        </section>

        <section aria-labelledby="lines-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="lines-heading" className="text-base font-semibold">{t("detail.lines")}</h2>
          <ul className="divide-y divide-slate-100 text-sm">
            {profile.lines.map((l) => (
              <li key={l.id} className="flex justify-between gap-4 py-2">
                <span className="whitespace-pre-line">{l.description}</span>
                <span className="whitespace-nowrap tabular-nums">
                  {quantityToString(l.quantityE4)} × {money(l.unitPrice)}
                  {l.taxRateIds.length ? <span className="block text-right text-xs text-slate-600">{count(l.taxRateIds.length, "word.tax", "word.taxes")}</span> : null}
                </span>
              </li>
            ))}
          </ul>
          {discount ? (
            <p className="flex justify-between text-sm">
              <span>{t("detail.discount")}</span>
              <span className="tabular-nums">{discount.type === "percent" ? formatRate(discount.rateE4, org.locale) : money(discount.amount)}</span>
            </p>
          ) : null}
          <p className="flex justify-between border-t border-slate-200 pt-2 text-sm font-semibold">
            <span>{t("detail.total")}</span>
            <span className="tabular-nums" data-testid="profile-total">{money(profile.total)}</span>
          </p>
        </section>
      </div>

      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-base font-semibold">{t("detail.history")}</h2>
        <OccurrenceHistory rows={history} locale={org.locale} more={history.length === HISTORY_LIMIT} t={t} />
      </section>
    </div>
  );
}
