import Link from "next/link";
import type { DocumentKind } from "@/db/schema";
import { EmptyListBox, NoMatches, NothingYet } from "@/components/lists/list-empty";
import { StatusTabs } from "@/components/lists/status-tabs";
import { ButtonLink } from "@/components/ui/button-link";
import { documentCurrencies, documentStatusCounts } from "@/lib/data/document-counts";
import { listDocuments, type DocumentListQuery } from "@/lib/data/document-lists";
import { isOverdue } from "@/lib/data/documents/shared";
import { getOrganization } from "@/lib/data/organizations";
import { documentPaths, kindLabels } from "@/lib/document-labels";
import { activeFilters, listHref, parseListQuery, type Params } from "@/lib/document-list-query";
import { statusTabs, tabCount } from "@/lib/document-status-tabs";
import { formatDate, todayIn } from "@/lib/dates";
import { formatMoney, overpaidBy } from "@/lib/money";
import type { MembershipContext } from "@/lib/session";
import { DocumentFilters } from "./document-filters";
import { DocumentCards, type DocumentRowView, DocumentTable } from "./document-rows";
import { BulkBar } from "@/components/bulk/bulk-bar";
import { BulkPageCheckbox, BulkRowCheckbox, BulkSelectionProvider } from "@/components/bulk/bulk-selection";
import { bulkActionsByKind } from "@/lib/bulk";
import { BulkNotices } from "./bulk-notices";
import { SortSelect } from "@/components/lists/sort-select";
import { documentSortHref, documentSortOptions, sortValue } from "@/lib/list-sort-choices";

export async function DocumentList({ kind, membership, params }: { kind: DocumentKind; membership: MembershipContext; params: Params }) {
  const query = parseListQuery(kind, params);
  const [result, org, counts, currencies] = await Promise.all([
    listDocuments(membership, query),
    getOrganization(membership),
    documentStatusCounts(membership, query),
    documentCurrencies(membership, kind),
  ]);
  const path = documentPaths[kind];
  const labels = kindLabels[kind];
  const many = labels.many.toLowerCase();
  const today = todayIn(org.timeZone);
  const money = (minor: number, currency: string) => formatMoney(minor, currency, org.locale);
  const filters = activeFilters(query);
  const tabs = statusTabs(kind, query.status);
  const currentTab = tabs.find((t) => t.status === query.status);

  const rows: DocumentRowView[] = result.rows.map((r) => ({
    id: r.id,
    href: `${path}/${r.id}`,
    number: r.number ?? "Draft",
    selectLabel: r.number ?? `draft for ${r.customerName}`,
    customerName: r.customerName,
    issueDate: formatDate(r.issueDate, org.locale),
    dueDate: formatDate(r.dueDate, org.locale),
    status: r.status,
    overdue: isOverdue(r, today),
    deposit: !!r.depositForDocumentId,
    total: money(r.total, r.currency),
    balance: kind === "invoice" ? { amount: money(overpaidBy(r.balance) > 0 ? overpaidBy(r.balance) : r.balance, r.currency), overpaid: overpaidBy(r.balance) > 0 } : undefined,
  }));

  const sortLink = (column: NonNullable<DocumentListQuery["sort"]>, label: string) => {
    const active = query.sort === column;
    const dir: "asc" | "desc" = active && query.dir === "desc" ? "asc" : "desc";
    return (
      <th scope="col" className={`px-4 py-2 font-medium ${column === "total" ? "text-right" : ""}`} aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
        <Link href={documentSortHref(path, query, column, dir)} className="hover:underline">
          {label}
          <span aria-hidden="true">{active ? (query.dir === "desc" ? " ↓" : " ↑") : ""}</span>
          <span className="sr-only">, sort {dir === "asc" ? "ascending" : "descending"}</span>
        </Link>
      </th>
    );
  };

  return (
    <BulkSelectionProvider pageIds={result.rows.map((r) => r.id)}>
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold tracking-tight">{labels.many}</h1>
        <div className="flex flex-wrap gap-3">
          <a href={`${path}/export${listHref("", query, { page: undefined })}`} className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold hover:bg-slate-50">
            Export CSV
          </a>
          <a href={`${path}/export${listHref("", query, { page: undefined, lines: "1" })}`} className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold hover:bg-slate-50">
            Export lines (CSV)
          </a>
          {kind === "invoice" ? <ButtonLink href="/einvoices/view" variant="secondary">View an e-invoice</ButtonLink> : null}
          {kind !== "credit_note" ? <ButtonLink href={`${path}/new`}>New {labels.one.toLowerCase()}</ButtonLink> : null}
        </div>
      </div>

      <StatusTabs
        label={`${labels.many} by status`}
        tabs={tabs.map((t) => ({
          label: t.label,
          href: listHref(path, query, { status: t.status, page: undefined }),
          count: tabCount(kind, counts, t.status),
          current: t.status === query.status,
        }))}
        note={filters > 0 ? "Counts include only what matches the filters." : undefined}
      />

      <DocumentFilters kind={kind} path={path} query={query} active={filters} currencies={currencies} customerName={query.customerId ? rows[0]?.customerName : undefined} />
      {/* Phones: the order the table headers choose from 640 px. */}
      {result.count > 1 ? <SortSelect options={documentSortOptions(path, query)} current={sortValue(query.sort ?? "issueDate", query.dir ?? "desc")} /> : null}

      <BulkNotices kind={kind} membership={membership} />
      {result.count > 0 ? (
        <BulkBar kind={kind} count={result.count} filter={listHref("", query, { page: undefined, sort: undefined, dir: undefined }).replace(/^\?/, "")} many={labels.many.toLowerCase()} exportPath={`${path}/export`} actions={bulkActionsByKind[kind]} />
      ) : null}
      {result.count === 0 ? (
        <EmptyListBox>
          {filters > 0 ? (
            <NoMatches resetHref={listHref(path, { status: query.status }, {})} resetLabel="Clear filters">
              No {many} match these filters.
            </NoMatches>
          ) : query.status ? (
            <NoMatches resetHref={path} resetLabel={`Show all ${many}`}>
              No {currentTab?.label.toLowerCase()} {many}.
            </NoMatches>
          ) : kind === "credit_note" ? (
            <p className="text-slate-700">No credit notes yet. A credit note is written from an issued invoice: open the invoice and choose “Credit note”.</p>
          ) : (
            <NothingYet message={`No ${many} yet.`} createHref={`${path}/new`} createLabel={`Create your first ${labels.one.toLowerCase()}`} />
          )}
        </EmptyListBox>
      ) : (
        <>
          {/* Phones have no table header: its "select the page" box, above the cards. */}
          <label className="flex min-h-11 items-center gap-3 px-1 text-sm font-medium sm:hidden">
            <BulkPageCheckbox bare />
            Select all on this page
          </label>
          <DocumentCards rows={rows} select={(r) => <BulkRowCheckbox id={r.id} label={r.selectLabel} />} label={`${labels.many}, page ${result.page} of ${result.pages}`} />
          <DocumentTable
            rows={rows}
            select={(r) => <BulkRowCheckbox id={r.id} label={r.selectLabel} />}
            caption={`${labels.many}, page ${result.page} of ${result.pages}`}
            header={
              <tr>
                <th scope="col" className="relative z-10 w-10 px-4 py-2"><BulkPageCheckbox /></th>
                {sortLink("number", "Number")}
                {sortLink("customer", "Customer")}
                {sortLink("issueDate", "Date")}
                {sortLink("dueDate", kind === "quote" ? "Valid until" : "Due")}
                <th scope="col" className="px-4 py-2 font-medium">Status</th>
                {sortLink("total", "Total")}
                {kind === "invoice" ? <th scope="col" className="px-4 py-2 text-right font-medium">Balance</th> : null}
              </tr>
            }
          />
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
              {result.page > 1 ? <Link href={listHref(path, query, { page: result.page - 1 })} className="font-medium text-brand-700 hover:underline">Previous</Link> : null}
              <span>Page {result.page} of {result.pages}</span>
              {result.page < result.pages ? <Link href={listHref(path, query, { page: result.page + 1 })} className="font-medium text-brand-700 hover:underline">Next</Link> : null}
            </nav>
          </div>
        </>
      )}
    </div>
    </BulkSelectionProvider>
  );
}
