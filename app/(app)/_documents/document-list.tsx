import Link from "next/link";
import type { DocumentKind } from "@/db/schema";
import { ButtonLink } from "@/components/ui/button-link";
import { listDocuments, type DocumentListQuery } from "@/lib/data/document-lists";
import { isOverdue } from "@/lib/data/documents/shared";
import { getOrganization } from "@/lib/data/organizations";
import { documentPaths, kindLabels, statusesByKind, statusLabels } from "@/lib/document-labels";
import { formatDate } from "@/lib/dates";
import { formatMoney, overpaidBy } from "@/lib/money";
import type { MembershipContext } from "@/lib/session";
import { StatusBadge } from "@/components/documents/status-badge";
import { OverpaidBadge } from "@/components/documents/payment-flags";
import { parseListQuery, type Params } from "@/lib/document-list-query";
import { BulkBar } from "@/components/bulk/bulk-bar";
import { BulkPageCheckbox, BulkRowCheckbox, BulkSelectionProvider } from "@/components/bulk/bulk-selection";
import { bulkActionsByKind } from "@/lib/bulk";
import { BulkNotices } from "./bulk-notices";

function queryString(q: DocumentListQuery, overrides: Partial<Record<string, string | number | undefined>>) {
  const base: Record<string, string | number | undefined> = {
    status: q.status,
    customer: q.customerId,
    currency: q.currency,
    from: q.from,
    to: q.to,
    q: q.q,
    sort: q.sort === "issueDate" ? undefined : q.sort,
    dir: q.dir === "desc" ? undefined : q.dir,
    page: q.page === 1 ? undefined : q.page,
    ...overrides,
  };
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(base)) if (v !== undefined && v !== "") search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : "";
}

export async function DocumentList({ kind, membership, params }: { kind: DocumentKind; membership: MembershipContext; params: Params }) {
  const query = parseListQuery(kind, params);
  const [result, org] = await Promise.all([listDocuments(membership, query), getOrganization(membership)]);
  const path = documentPaths[kind];
  const labels = kindLabels[kind];
  const money = (minor: number, currency: string) => formatMoney(minor, currency, org.locale);
  const sortLink = (column: NonNullable<DocumentListQuery["sort"]>, label: string) => {
    const active = query.sort === column;
    const dir = active && query.dir === "desc" ? "asc" : "desc";
    return (
      <Link href={`${path}${queryString(query, { sort: column, dir, page: undefined })}`} className="hover:underline" aria-label={`Sort by ${label}`}>
        {label}
        {active ? (query.dir === "desc" ? " ↓" : " ↑") : ""}
      </Link>
    );
  };
  const filtered = query.q || query.status || query.customerId || query.currency || query.from || query.to;
  return (
    <BulkSelectionProvider pageIds={result.rows.map((r) => r.id)}>
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold tracking-tight">{labels.many}</h1>
        <div className="flex flex-wrap gap-3">
          <a href={`${path}/export${queryString(query, { page: undefined })}`} className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold hover:bg-slate-50">
            Export CSV
          </a>
          <a href={`${path}/export${queryString(query, { page: undefined, lines: 1 })}`} className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold hover:bg-slate-50">
            Export lines (CSV)
          </a>
          {kind === "invoice" ? <ButtonLink href="/einvoices/view" variant="secondary">View an e-invoice</ButtonLink> : null}
          {kind !== "credit_note" ? <ButtonLink href={`${path}/new`}>New {labels.one.toLowerCase()}</ButtonLink> : null}
        </div>
      </div>

      <form method="get" action={path} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6" role="search" aria-label={`Filter ${labels.many.toLowerCase()}`}>
        <div className="lg:col-span-2">
          <label htmlFor="q" className="block text-sm font-medium">Search number or customer</label>
          <input id="q" name="q" type="search" defaultValue={query.q} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
        </div>
        <div>
          <label htmlFor="status" className="block text-sm font-medium">Status</label>
          <select id="status" name="status" defaultValue={query.status ?? ""} className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-2 text-sm">
            <option value="">Any</option>
            {kind === "invoice" ? <option value="open">Open (unpaid)</option> : null}
            {kind === "invoice" ? <option value="overdue">Overdue</option> : null}
            {statusesByKind[kind].map((s) => (
              <option key={s} value={s}>{statusLabels[s]}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="from" className="block text-sm font-medium">From</label>
          <input id="from" name="from" type="date" defaultValue={query.from} className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-2 text-sm" />
        </div>
        <div>
          <label htmlFor="to" className="block text-sm font-medium">To</label>
          <input id="to" name="to" type="date" defaultValue={query.to} className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-2 text-sm" />
        </div>
        <div>
          <label htmlFor="currency" className="block text-sm font-medium">Currency</label>
          <input id="currency" name="currency" defaultValue={query.currency} maxLength={3} placeholder="Any" className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-2 text-sm uppercase" />
        </div>
        {query.customerId ? <input type="hidden" name="customer" value={query.customerId} /> : null}
        <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-6">
          <button type="submit" className="inline-flex min-h-11 items-center rounded-md bg-brand-600 px-4 text-sm font-semibold text-white hover:bg-brand-700">Apply filters</button>
          {filtered ? <Link href={path} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">Clear filters</Link> : null}
        </div>
      </form>

      <BulkNotices kind={kind} membership={membership} />
      {result.count > 0 ? (
        <BulkBar kind={kind} count={result.count} filter={queryString(query, { page: undefined, sort: undefined, dir: undefined }).slice(1)} many={labels.many.toLowerCase()} exportPath={`${path}/export`} actions={bulkActionsByKind[kind]} />
      ) : null}
      {result.count === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center">
          <p className="text-lg font-semibold">{filtered ? `No ${labels.many.toLowerCase()} match these filters.` : `No ${labels.many.toLowerCase()} yet.`}</p>
          {!filtered && kind !== "credit_note" ? (
            <p className="mt-2 text-sm text-slate-700">
              <Link href={`${path}/new`} className="font-semibold text-brand-700 underline-offset-2 hover:underline">Create your first {labels.one.toLowerCase()}</Link>.
            </p>
          ) : null}
        </div>
      ) : (
        <>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{labels.many}, page {result.page} of {result.pages}</caption>
              <thead className="bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className="w-10 px-4 py-2"><BulkPageCheckbox /></th>
                  <th scope="col" className="px-4 py-2 font-medium">{sortLink("number", "Number")}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{sortLink("customer", "Customer")}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{sortLink("issueDate", "Date")}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{sortLink("dueDate", kind === "quote" ? "Valid until" : "Due")}</th>
                  <th scope="col" className="px-4 py-2 font-medium">Status</th>
                  <th scope="col" className="px-4 py-2 text-right font-medium">{sortLink("total", "Total")}</th>
                  {kind === "invoice" ? <th scope="col" className="px-4 py-2 text-right font-medium">Balance</th> : null}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {result.rows.map((r) => (
                  <tr key={r.id}>
                    <td className="px-4 py-2"><BulkRowCheckbox id={r.id} label={r.number ?? `draft for ${r.customerName}`} /></td>
                    <th scope="row" className="px-4 py-2 font-medium">
                      <Link href={`${path}/${r.id}`} className="text-brand-700 underline-offset-2 hover:underline">{r.number ?? "Draft"}</Link>
                      {r.depositForDocumentId ? <span className="ml-2 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-800">Deposit invoice</span> : null}
                    </th>
                    <td className="px-4 py-2">{r.customerName}</td>
                    <td className="whitespace-nowrap px-4 py-2">{formatDate(r.issueDate, org.locale)}</td>
                    <td className="whitespace-nowrap px-4 py-2">{formatDate(r.dueDate, org.locale)}</td>
                    <td className="px-4 py-2"><StatusBadge status={r.status} overdue={isOverdue(r)} /></td>
                    <td className="whitespace-nowrap px-4 py-2 text-right tabular-nums">{money(r.total, r.currency)}</td>
                    {kind === "invoice" ? (
                      <td className="whitespace-nowrap px-4 py-2 text-right tabular-nums">
                        {/* Only an online overpayment leaves a balance below zero (documents_amounts_check). */}
                        {overpaidBy(r.balance) > 0 ? <OverpaidBadge amount={money(overpaidBy(r.balance), r.currency)} /> : money(r.balance, r.currency)}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="flex flex-wrap items-start justify-between gap-4">
            <dl className="space-y-1 text-sm" aria-label="Totals per currency">
              {result.totals.map((t) => (
                <div key={t.currency} className="flex gap-3">
                  <dt className="font-medium">{t.currency} ({t.count})</dt>
                  <dd className="tabular-nums">
                    {money(t.total, t.currency)}
                    {kind === "invoice" ? ` · ${money(t.balance, t.currency)} due` : ""}
                  </dd>
                </div>
              ))}
            </dl>
            <nav aria-label="Pages" className="flex items-center gap-4 text-sm">
              {result.page > 1 ? <Link href={`${path}${queryString(query, { page: result.page - 1 })}`} className="font-medium text-brand-700 hover:underline">Previous</Link> : null}
              <span>Page {result.page} of {result.pages}</span>
              {result.page < result.pages ? <Link href={`${path}${queryString(query, { page: result.page + 1 })}`} className="font-medium text-brand-700 hover:underline">Next</Link> : null}
            </nav>
          </div>
        </>
      )}
    </div>
    </BulkSelectionProvider>
  );
}
