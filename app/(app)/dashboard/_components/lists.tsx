import Link from "next/link";
import { agingSummary } from "@/lib/data/dashboard";
import { recentActivity, topCustomers, topOverdueCustomers, upcomingDue } from "@/lib/data/dashboard-lists";
import { formatDate, formatDateTime } from "@/lib/dates";
import { documentPaths } from "@/lib/document-labels";
import type { DashboardKey } from "@/lib/i18n/catalogs/app/dashboard";
import type { Translate } from "@/lib/i18n/messages";

type T = Translate<DashboardKey>;
import { formatMoney, formatMoneySum } from "@/lib/money";
import { card, link } from "@/components/reporting/classes";
import type { ReportingScope } from "@/app/(app)/_reporting/scope";

const bucketLabels = (t: T) => ({ current: t("aging.current"), "1-30": "1–30", "31-60": "31–60", "61-90": "61–90", "90+": t("aging.over90") }) as const;

export async function AgingSection({ t, scope }: { t: T; scope: ReportingScope }) {
  const aging = await agingSummary(scope.member, scope.currency, scope.today);
  return (
    <section aria-labelledby="aging-heading" className={card}>
      <h2 id="aging-heading" className="text-base font-semibold">{t("aging.heading")}</h2>
      <table className="mt-3 w-full text-left text-sm">
        <thead className="text-slate-700">
          <tr><th scope="col" className="py-1 font-medium">{t("aging.daysOverdue")}</th><th scope="col" className="py-1 text-right font-medium">{t("aging.invoices")}</th><th scope="col" className="py-1 text-right font-medium">{t("aging.amount")}</th></tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {aging.map((a) => (
            <tr key={a.bucket}>
              <th scope="row" className="py-1.5 font-normal">{bucketLabels(t)[a.bucket]}</th>
              <td className="py-1.5 text-right tabular-nums">{a.count}</td>
              <td className="py-1.5 text-right tabular-nums">{formatMoneySum(a.amount, scope.currency, scope.locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function CustomerList({ id, title, empty, rows, scope }: { id: string; title: string; empty: string; rows: { customerId: string; name: string; amount: bigint }[]; scope: ReportingScope }) {
  return (
    <section aria-labelledby={id} className={card}>
      <h2 id={id} className="text-base font-semibold">{title}</h2>
      {rows.length === 0 ? <p className="mt-3 text-sm text-slate-700">{empty}</p> : (
        <ol className="mt-3 space-y-1 text-sm">
          {rows.map((t) => (
            <li key={t.customerId} className="flex justify-between gap-4">
              <Link href={`/customers/${t.customerId}`} className={link}>{t.name}</Link>
              <span className="tabular-nums">{formatMoneySum(t.amount, scope.currency, scope.locale)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export async function TopCustomersSection({ t, periodInSentence, scope }: { t: T; periodInSentence: string; scope: ReportingScope }) {
  const [byRevenue, byOverdue] = await Promise.all([
    topCustomers(scope.member, scope.currency, scope.period),
    topOverdueCustomers(scope.member, scope.currency, scope.today),
  ]);
  return (
    <>
      <CustomerList id="top-revenue-heading" title={t("top.revenue", { period: periodInSentence })} empty={t("top.revenue.empty")} rows={byRevenue} scope={scope} />
      <CustomerList id="top-overdue-heading" title={t("top.overdue")} empty={t("top.overdue.empty")} rows={byOverdue} scope={scope} />
    </>
  );
}

export async function UpcomingSection({ t, scope }: { t: T; scope: ReportingScope }) {
  const upcoming = await upcomingDue(scope.member, scope.currency, scope.today);
  return (
    <section aria-labelledby="upcoming-heading" className={card}>
      <h2 id="upcoming-heading" className="text-base font-semibold">{t("upcoming.heading")}</h2>
      {upcoming.length === 0 ? <p className="mt-3 text-sm text-slate-700">{t("upcoming.empty")}</p> : (
        <ul className="mt-3 divide-y divide-slate-100 text-sm">
          {upcoming.map((u) => (
            <li key={u.id} className="flex flex-wrap justify-between gap-2 py-1.5">
              <span><Link href={`/invoices/${u.id}`} className={link}>{u.number}</Link> · {u.customerName} · {t("upcoming.due", { date: formatDate(u.dueDate, scope.locale) })}</span>
              <span className="tabular-nums">{formatMoney(u.balance, scope.currency, scope.locale)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const EVENTS = ["created", "issued", "sent", "viewed", "payment_recorded", "payment_deleted", "credited", "credit_voided", "voided", "accepted", "declined", "converted"] as const;
const isKnownEvent = (type: string): type is (typeof EVENTS)[number] => (EVENTS as readonly string[]).includes(type);

export async function ActivitySection({ t, scope }: { t: T; scope: ReportingScope }) {
  const events = await recentActivity(scope.member);
  return (
    <section aria-labelledby="activity-heading" className={card}>
      <h2 id="activity-heading" className="text-base font-semibold">{t("activity.heading")}</h2>
      {events.length === 0 ? <p className="mt-3 text-sm text-slate-700">{t("activity.empty")}</p> : (
        <ul className="mt-3 divide-y divide-slate-100 text-sm">
          {events.map((e) => {
            const amount = typeof e.meta?.amount === "number" ? ` · ${formatMoney(e.meta.amount, e.currency, scope.locale)}` : "";
            return (
              <li key={e.id} className="flex flex-wrap justify-between gap-2 py-1.5">
                <span>
                  <Link href={`${documentPaths[e.kind]}/${e.documentId}`} className={link}>{t(`kind.${e.kind}`)} {e.number ?? t("activity.draft")}</Link> {isKnownEvent(e.type) ? t(`event.${e.type}`) : e.type.replaceAll("_", " ")}
                  {amount}
                  {e.actorName ? <span className="text-slate-600"> · {e.actorName}</span> : null}
                </span>
                <time dateTime={e.createdAt.toISOString()} className="text-slate-600">{formatDateTime(e.createdAt, scope)}</time>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
