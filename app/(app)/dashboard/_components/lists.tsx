import Link from "next/link";
import { agingSummary } from "@/lib/data/dashboard";
import { recentActivity, topCustomers, topOverdueCustomers, upcomingDue } from "@/lib/data/dashboard-lists";
import { formatDate, formatDateTime } from "@/lib/dates";
import { documentPaths, kindLabels } from "@/lib/document-labels";
import { formatMoney, formatMoneySum } from "@/lib/money";
import { card, link } from "@/components/reporting/classes";
import type { ReportingScope } from "@/app/(app)/_reporting/scope";

const bucketLabels = { current: "Not yet due", "1-30": "1–30", "31-60": "31–60", "61-90": "61–90", "90+": "Over 90" } as const;

export async function AgingSection({ scope }: { scope: ReportingScope }) {
  const aging = await agingSummary(scope.member, scope.currency, scope.today);
  return (
    <section aria-labelledby="aging-heading" className={card}>
      <h2 id="aging-heading" className="text-base font-semibold">Receivables aging, today</h2>
      <table className="mt-3 w-full text-left text-sm">
        <thead className="text-slate-700">
          <tr><th scope="col" className="py-1 font-medium">Days overdue</th><th scope="col" className="py-1 text-right font-medium">Invoices</th><th scope="col" className="py-1 text-right font-medium">Amount</th></tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {aging.map((a) => (
            <tr key={a.bucket}>
              <th scope="row" className="py-1.5 font-normal">{bucketLabels[a.bucket]}</th>
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

export async function TopCustomersSection({ scope }: { scope: ReportingScope }) {
  const [byRevenue, byOverdue] = await Promise.all([
    topCustomers(scope.member, scope.currency, scope.period),
    topOverdueCustomers(scope.member, scope.currency, scope.today),
  ]);
  return (
    <>
      <CustomerList id="top-revenue-heading" title={`Top customers by revenue, ${scope.period.label.toLowerCase()}`} empty="No invoices in this period." rows={byRevenue} scope={scope} />
      <CustomerList id="top-overdue-heading" title="Top customers by amount overdue" empty="Nothing is overdue." rows={byOverdue} scope={scope} />
    </>
  );
}

export async function UpcomingSection({ scope }: { scope: ReportingScope }) {
  const upcoming = await upcomingDue(scope.member, scope.currency, scope.today);
  return (
    <section aria-labelledby="upcoming-heading" className={card}>
      <h2 id="upcoming-heading" className="text-base font-semibold">Coming due</h2>
      {upcoming.length === 0 ? <p className="mt-3 text-sm text-slate-700">Nothing coming due.</p> : (
        <ul className="mt-3 divide-y divide-slate-100 text-sm">
          {upcoming.map((u) => (
            <li key={u.id} className="flex flex-wrap justify-between gap-2 py-1.5">
              <span><Link href={`/invoices/${u.id}`} className={link}>{u.number}</Link> · {u.customerName} · due {formatDate(u.dueDate, scope.locale)}</span>
              <span className="tabular-nums">{formatMoney(u.balance, scope.currency, scope.locale)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const eventLabels: Record<string, string> = {
  created: "created",
  issued: "issued",
  sent: "sent",
  viewed: "viewed by the client",
  payment_recorded: "payment recorded",
  payment_deleted: "payment deleted",
  credited: "credited",
  credit_voided: "credit note voided",
  voided: "voided",
  accepted: "accepted",
  declined: "declined",
  converted: "converted to an invoice",
};

export async function ActivitySection({ scope }: { scope: ReportingScope }) {
  const events = await recentActivity(scope.member);
  return (
    <section aria-labelledby="activity-heading" className={card}>
      <h2 id="activity-heading" className="text-base font-semibold">Recent activity</h2>
      {events.length === 0 ? <p className="mt-3 text-sm text-slate-700">No activity yet.</p> : (
        <ul className="mt-3 divide-y divide-slate-100 text-sm">
          {events.map((e) => {
            const amount = typeof e.meta?.amount === "number" ? ` · ${formatMoney(e.meta.amount, e.currency, scope.locale)}` : "";
            return (
              <li key={e.id} className="flex flex-wrap justify-between gap-2 py-1.5">
                <span>
                  <Link href={`${documentPaths[e.kind]}/${e.documentId}`} className={link}>{kindLabels[e.kind].one} {e.number ?? "draft"}</Link> {eventLabels[e.type] ?? e.type.replaceAll("_", " ")}
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
