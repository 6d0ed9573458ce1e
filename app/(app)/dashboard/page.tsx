import Link from "next/link";
import { getDb } from "@/db";
import { ButtonLink } from "@/components/ui/button-link";
import { can } from "@/lib/auth/roles";
import { dashboardCurrencies, dashboardFigures, periodFor, topCustomers, upcomingDue } from "@/lib/data/dashboard";
import { getOrganization } from "@/lib/data/organizations";
import { formatDate, todayIn } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { requireMembership } from "@/lib/session";

export const metadata = { title: "Dashboard" };

const presets = [
  ["month", "This month"],
  ["quarter", "This quarter"],
  ["year", "This year"],
  ["12m", "Last 12 months"],
] as const;

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ period?: string; currency?: string }> }) {
  const membership = await requireMembership();
  const params = await searchParams;
  const db = await getDb();
  const [org, currencies] = await Promise.all([getOrganization(db, membership), dashboardCurrencies(db, membership)]);
  const today = todayIn(org.timeZone);
  const link = "font-semibold text-brand-700 underline-offset-2 hover:underline";

  if (currencies.length === 0) {
    return (
      <div className="space-y-8">
        <h1 className="text-2xl font-bold tracking-tight">{org.name}</h1>
        <section aria-labelledby="start-heading" className="rounded-lg border border-dashed border-slate-300 bg-white p-8">
          <h2 id="start-heading" className="text-lg font-semibold">Get started</h2>
          <ol className="mt-4 list-decimal space-y-2 pl-5 text-sm text-slate-700">
            {can(membership.role, "settings.manage") ? (
              <li><Link href="/settings" className={link}>Complete your business details</Link> — they appear on every invoice.</li>
            ) : null}
            <li><Link href="/customers/new" className={link}>Add a customer</Link>.</li>
            <li><Link href="/invoices/new" className={link}>Create your first invoice</Link>; your figures appear here once it is issued.</li>
            {can(membership.role, "team.invite") ? <li><Link href="/settings/team" className={link}>Invite your team</Link>.</li> : null}
          </ol>
          <div className="mt-6"><ButtonLink href="/invoices/new">Create an invoice</ButtonLink></div>
        </section>
      </div>
    );
  }

  const currency = params.currency && currencies.includes(params.currency) ? params.currency : currencies.includes(org.defaultCurrency) ? org.defaultCurrency : currencies[0]!;
  const period = periodFor(params.period, today);
  const [figures, top, upcoming] = await Promise.all([
    dashboardFigures(db, membership, currency, period, today),
    topCustomers(db, membership, currency, period),
    upcomingDue(db, membership, currency, today),
  ]);
  const money = (minor: number) => formatMoney(minor, currency, org.locale);
  const query = (p: string, c: string) => `/dashboard?period=${p}&currency=${c}`;
  const cards = [
    ["Invoiced", figures.invoiced, `${figures.invoiceCount} invoices, net of credit notes`],
    ["Collected", figures.collected, "Payments received"],
    ["Outstanding", figures.outstanding, "Unpaid balance today"],
    ["Overdue", figures.overdue, "Past their due date"],
  ] as const;
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold tracking-tight">{org.name}</h1>
        <ButtonLink href="/invoices/new">New invoice</ButtonLink>
      </div>
      <nav aria-label="Period and currency" className="flex flex-wrap items-center gap-2 text-sm">
        {presets.map(([p, label]) => (
          <Link key={p} href={query(p, currency)} aria-current={period.preset === p ? "page" : undefined} className={`rounded-full px-3 py-1.5 font-medium ${period.preset === p ? "bg-brand-600 text-white" : "bg-white text-slate-800 ring-1 ring-slate-300"}`}>
            {label}
          </Link>
        ))}
        {currencies.length > 1 ? <span className="ml-4 text-slate-700">Currency:</span> : null}
        {currencies.length > 1
          ? currencies.map((c) => (
              <Link key={c} href={query(period.preset, c)} aria-current={c === currency ? "page" : undefined} className={`rounded-full px-3 py-1.5 font-medium ${c === currency ? "bg-slate-800 text-white" : "bg-white text-slate-800 ring-1 ring-slate-300"}`}>
                {c}
              </Link>
            ))
          : null}
      </nav>
      <section aria-label={`Key figures, ${period.label.toLowerCase()}, ${currency}`} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {cards.map(([label, value, hint]) => (
          <div key={label} className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 className="text-sm font-medium text-slate-700">{label}</h2>
            <p className="mt-2 text-2xl font-bold tabular-nums" data-testid={`figure-${label.toLowerCase()}`}>{money(value)}</p>
            <p className="mt-1 text-xs text-slate-600">{hint}</p>
          </div>
        ))}
      </section>
      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="aging-heading" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="aging-heading" className="text-base font-semibold">Receivables aging</h2>
          <table className="mt-3 w-full text-left text-sm">
            <thead className="text-slate-700">
              <tr><th scope="col" className="py-1 font-medium">Days overdue</th><th scope="col" className="py-1 text-right font-medium">Invoices</th><th scope="col" className="py-1 text-right font-medium">Amount</th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {figures.aging.map((a) => (
                <tr key={a.bucket}>
                  <th scope="row" className="py-1.5 font-normal">{a.bucket === "current" ? "Not yet due" : a.bucket === "90+" ? "Over 90" : a.bucket}</th>
                  <td className="py-1.5 text-right tabular-nums">{a.count}</td>
                  <td className="py-1.5 text-right tabular-nums">{money(a.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="top-heading" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="top-heading" className="text-base font-semibold">Top customers, {period.label.toLowerCase()}</h2>
          {top.length === 0 ? <p className="mt-3 text-sm text-slate-700">No invoices in this period.</p> : (
            <ol className="mt-3 space-y-1 text-sm">
              {top.map((t) => (
                <li key={t.customerId} className="flex justify-between gap-4">
                  <Link href={`/customers/${t.customerId}`} className={link}>{t.name}</Link>
                  <span className="tabular-nums">{money(t.revenue)}</span>
                </li>
              ))}
            </ol>
          )}
        </section>
        <section aria-labelledby="upcoming-heading" className="rounded-lg border border-slate-200 bg-white p-5 lg:col-span-2">
          <h2 id="upcoming-heading" className="text-base font-semibold">Coming due</h2>
          {upcoming.length === 0 ? <p className="mt-3 text-sm text-slate-700">Nothing coming due.</p> : (
            <ul className="mt-3 divide-y divide-slate-100 text-sm">
              {upcoming.map((u) => (
                <li key={u.id} className="flex flex-wrap justify-between gap-2 py-1.5">
                  <span><Link href={`/invoices/${u.id}`} className={link}>{u.number}</Link> · {u.customerName} · due {formatDate(u.dueDate, org.locale)}</span>
                  <span className="tabular-nums">{money(u.balance)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
