import { RowLink } from "@/components/lists/row-link";
import { SortHeader } from "@/components/lists/sort-header";
import { SortSelect } from "@/components/lists/sort-select";
import { ButtonLink } from "@/components/ui/button-link";
import { MissedPolicyForm } from "@/components/recurring/missed-policy-form";
import { RecurringStatusBadge } from "@/components/recurring/status-badge";
import { can } from "@/lib/auth/roles";
import { customerNames } from "@/lib/data/recurring-history";
import { listProfiles, scheduleOf } from "@/lib/data/recurring-profiles";
import { getMissedPolicy } from "@/lib/data/recurring-settings";
import { getOrganization } from "@/lib/data/organizations";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { describeSchedule } from "@/lib/recurrence";
import { listSortOptions, RECURRING_SORT_CHOICES, type RecurringSort, sortValue } from "@/lib/list-sort-choices";
import { type ListUrl, parseListState, type SearchParams } from "@/lib/list-url-state";
import { sortProfiles } from "@/lib/recurring-list-sort";
import { catalogs } from "@/lib/i18n/catalogs/app/recurring";
import { getAppLanguage, getAppMessages, requireMembership } from "@/lib/session";

export async function generateMetadata() {
  const t = await getAppMessages(catalogs);
  return { title: t("list.title") };
}

// One page, no filter: only the order is in the URL ("all" is the one status it knows).
const RECURRING_LIST = { path: "/recurring", sorts: ["next", "name", "amount"], statuses: ["all"] } as const satisfies ListUrl<RecurringSort, "all">;
const headerCell = "pl-4";

export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [membership, t, language] = await Promise.all([requireMembership(), getAppMessages(catalogs), getAppLanguage()]);
  const state = parseListState(RECURRING_LIST, await searchParams);
  const [profiles, org, missedPolicy] = await Promise.all([listProfiles(membership), getOrganization(membership), getMissedPolicy(membership)]);
  const rows = sortProfiles(profiles, (r) => r.profile, state.sort, state.dir, org.locale);
  const names = await customerNames(membership, rows.map((r) => r.profile.customerId));
  const canEdit = can(membership.role, "documents.manage");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold tracking-tight">{t("list.title")}</h1>
        {canEdit && rows.length > 0 ? <ButtonLink href="/recurring/new">{t("list.new")}</ButtonLink> : null}
      </div>

      {rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center">
          <p className="text-lg font-semibold">{t("list.empty")}</p>
          <p className="mt-2 text-sm text-slate-700">{t("list.emptyHint")}</p>
          {canEdit ? (
            <div className="mt-5">
              <ButtonLink href="/recurring/new">{t("list.new")}</ButtonLink>
            </div>
          ) : null}
        </div>
      ) : (
        <>
        {rows.length > 1 ? <SortSelect options={listSortOptions(RECURRING_LIST, state, RECURRING_SORT_CHOICES)} current={sortValue(state.sort, state.dir)} /> : null}
        {/* Below 640 px a card per profile: name and customer first, status and amount second. */}
        <ul aria-label={t("list.title")} className="space-y-3 sm:hidden">
          {rows.map(({ profile: p, missed, failed }) => (
            <li key={p.id} className="relative rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:bg-slate-50">
              <div className="flex items-start justify-between gap-3">
                <RowLink href={`/recurring/${p.id}`} className="min-w-0 break-words">{p.name}</RowLink>
                <p className="shrink-0 font-semibold whitespace-nowrap tabular-nums">{formatMoney(p.total, p.currency, org.locale)}</p>
              </div>
              <p className="mt-1 text-sm break-words text-slate-800">{names.get(p.customerId) ?? ""}</p>
              <div className="mt-2 flex flex-wrap items-center justify-between gap-2 text-xs text-slate-700">
                <RecurringStatusBadge status={p.status} missed={missed} failed={failed} />
                <span>
                  {describeSchedule(scheduleOf(p), language)}
                  {p.status === "active" ? t("list.next", { date: formatDate(p.nextDate, org.locale) }) : ""}
                </span>
              </div>
            </li>
          ))}
        </ul>
        <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white sm:block">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("list.title")}</caption>
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <SortHeader list={RECURRING_LIST} state={state} sort="name" label={t("list.name")} className={headerCell} />
                <th scope="col" className="px-4 py-2 font-medium">{t("list.customer")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("list.schedule")}</th>
                <SortHeader list={RECURRING_LIST} state={state} sort="next" label={t("list.nextDate")} className={headerCell} />
                <SortHeader list={RECURRING_LIST} state={state} sort="amount" label={t("list.eachInvoice")} className={`${headerCell} text-right`} />
                <th scope="col" className="px-4 py-2 font-medium">{t("list.status")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map(({ profile: p, missed, failed }) => (
                <tr key={p.id} className="relative hover:bg-slate-50">
                  <th scope="row" className="px-4 py-2 font-medium">
                    <RowLink href={`/recurring/${p.id}`}>{p.name}</RowLink>
                  </th>
                  <td className="px-4 py-2">{names.get(p.customerId) ?? ""}</td>
                  <td className="px-4 py-2">{describeSchedule(scheduleOf(p), language)}</td>
                  <td className="whitespace-nowrap px-4 py-2">{p.status === "active" ? formatDate(p.nextDate, org.locale) : "—"}</td>
                  <td className="whitespace-nowrap px-4 py-2 text-right tabular-nums">{formatMoney(p.total, p.currency, org.locale)}</td>
                  <td className="px-4 py-2"><RecurringStatusBadge status={p.status} missed={missed} failed={failed} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        </>
      )}

      {can(membership.role, "settings.manage") ? (
        <section aria-labelledby="missed-heading" className="max-w-2xl space-y-2">
          <h2 id="missed-heading" className="text-base font-semibold">{t("missed.heading")}</h2>
          <MissedPolicyForm missedPolicy={missedPolicy} />
        </section>
      ) : null}
    </div>
  );
}
