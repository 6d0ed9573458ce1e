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
import { catalogs as statusCatalogs } from "@/lib/i18n/catalogs/app/status";
import { getAppLanguage, getAppMessages, type MembershipContext } from "@/lib/session";
import { catalogs } from "@/lib/i18n/catalogs/app/documents";
import { catalogs as listCatalogs } from "@/lib/i18n/catalogs/app/lists";
import { sortOptionLabel, statusTabLabel } from "./document-words";
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
  const [result, org, counts, currencies, t, tl, ts] = await Promise.all([
    listDocuments(membership, query),
    getOrganization(membership),
    documentStatusCounts(membership, query),
    documentCurrencies(membership, kind),
    getAppMessages(catalogs),
    getAppMessages(listCatalogs),
    getAppMessages(statusCatalogs),
  ]);
  // In a sentence ("No draft invoices.") English lowercases a status; German keeps its capital, in quotes.
  const inSentence = (await getAppLanguage()) === "en" ? (s: string) => s.toLowerCase() : (s: string) => s;
  const path = documentPaths[kind];
  const manyTitle = t(`many.${kind}`);
  const many = t(`manyLower.${kind}`);
  const today = todayIn(org.timeZone);
  const money = (minor: number, currency: string) => formatMoney(minor, currency, org.locale);
  const filters = activeFilters(query);
  const tabs = statusTabs(kind, query.status);
  const currentTab = tabs.find((t) => t.status === query.status);

  const rows: DocumentRowView[] = result.rows.map((r) => ({
    id: r.id,
    href: `${path}/${r.id}`,
    number: r.number ?? t("draftNumber"),
    selectLabel: r.number ?? t("draftFor", { customer: r.customerName }),
    customerName: r.customerName,
    issueDate: formatDate(r.issueDate, org.locale),
    dueDate: formatDate(r.dueDate, org.locale),
    status: r.status,
    overdue: isOverdue(r, today),
    deposit: !!r.depositForDocumentId,
    total: money(r.total, r.currency),
    balance: kind === "invoice" ? { amount: money(overpaidBy(r.balance) > 0 ? overpaidBy(r.balance) : r.balance, r.currency), overpaid: overpaidBy(r.balance) > 0 } : undefined,
  }));

  const rowWords = {
    deposit: t("depositInvoice"),
    balance: (amount: string) => t("balance", { amount }),
    overpaid: (amount: string) => ({ label: t("overpaid", { amount }), hint: t("overpaidHint", { amount }) }),
  };

  const sortLink = (column: NonNullable<DocumentListQuery["sort"]>, label: string) => {
    const active = query.sort === column;
    const dir: "asc" | "desc" = active && query.dir === "desc" ? "asc" : "desc";
    return (
      <th scope="col" className={`px-4 py-2 font-medium ${column === "total" ? "text-right" : ""}`} aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
        <Link href={documentSortHref(path, query, column, dir)} className="hover:underline">
          {label}
          <span aria-hidden="true">{active ? (query.dir === "desc" ? " ↓" : " ↑") : ""}</span>
          <span className="sr-only">{tl(dir === "asc" ? "sortAscending" : "sortDescending")}</span>
        </Link>
      </th>
    );
  };

  return (
    <BulkSelectionProvider pageIds={result.rows.map((r) => r.id)}>
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold tracking-tight">{manyTitle}</h1>
        <div className="flex flex-wrap gap-3">
          <a href={`${path}/export${listHref("", query, { page: undefined })}`} className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold hover:bg-slate-50">
            {t("exportCsv")}
          </a>
          <a href={`${path}/export${listHref("", query, { page: undefined, lines: "1" })}`} className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold hover:bg-slate-50">
            {t("exportLines")}
          </a>
          {kind === "invoice" ? <ButtonLink href="/einvoices/view" variant="secondary">{t("viewEinvoice")}</ButtonLink> : null}
          {kind !== "credit_note" ? <ButtonLink href={`${path}/new`}>{t(kind === "quote" ? "new.quote" : "new.invoice")}</ButtonLink> : null}
        </div>
      </div>

      <StatusTabs
        label={t("byStatus", { many: manyTitle })}
        tabs={tabs.map((tab) => ({
          label: statusTabLabel(t, ts, tab.status),
          href: listHref(path, query, { status: tab.status, page: undefined }),
          count: tabCount(kind, counts, tab.status),
          current: tab.status === query.status,
        }))}
        note={filters > 0 ? t("countsFiltered") : undefined}
      />

      <DocumentFilters t={t} kind={kind} path={path} query={query} active={filters} currencies={currencies} customerName={query.customerId ? rows[0]?.customerName : undefined} />
      {/* Phones: the order the table headers choose from 640 px. */}
      {result.count > 1 ? <SortSelect options={documentSortOptions(path, query).map((o) => ({ ...o, label: sortOptionLabel(t, kind, o.value) }))} current={sortValue(query.sort ?? "issueDate", query.dir ?? "desc")} /> : null}

      <BulkNotices kind={kind} membership={membership} />
      {result.count > 0 ? (
        <BulkBar kind={kind} count={result.count} filter={listHref("", query, { page: undefined, sort: undefined, dir: undefined }).replace(/^\?/, "")} many={kindLabels[kind].many.toLowerCase() /* components/bulk words its sentences itself, in English so far */} exportPath={`${path}/export`} actions={bulkActionsByKind[kind]} />
      ) : null}
      {result.count === 0 ? (
        <EmptyListBox>
          {filters > 0 ? (
            <NoMatches resetHref={listHref(path, { status: query.status }, {})} resetLabel={t("clearFilters")}>
              {t("noMatches", { many })}
            </NoMatches>
          ) : query.status ? (
            <NoMatches resetHref={path} resetLabel={t("showAll", { many })}>
              {t("noneWithStatus", { status: inSentence(statusTabLabel(t, ts, currentTab?.status)), many })}
            </NoMatches>
          ) : kind === "credit_note" ? (
            <p className="text-slate-700">{t("noCreditNotes")}</p>
          ) : (
            <NothingYet message={t("noneYet", { many })} createHref={`${path}/new`} createLabel={t(kind === "quote" ? "first.quote" : "first.invoice")} />
          )}
        </EmptyListBox>
      ) : (
        <>
          {/* Phones have no table header: its "select the page" box, above the cards. */}
          <label className="flex min-h-11 items-center gap-3 px-1 text-sm font-medium sm:hidden">
            <BulkPageCheckbox bare />
            {t("selectPage")}
          </label>
          <DocumentCards words={rowWords} rows={rows} select={(r) => <BulkRowCheckbox id={r.id} label={r.selectLabel} />} label={t("pageCaption", { many: manyTitle, page: result.page, pages: result.pages })} />
          <DocumentTable
            words={rowWords}
            rows={rows}
            select={(r) => <BulkRowCheckbox id={r.id} label={r.selectLabel} />}
            caption={t("pageCaption", { many: manyTitle, page: result.page, pages: result.pages })}
            header={
              <tr>
                <th scope="col" className="relative z-10 w-10 px-4 py-2"><BulkPageCheckbox /></th>
                {sortLink("number", t("col.number"))}
                {sortLink("customer", t("col.customer"))}
                {sortLink("issueDate", t("col.date"))}
                {sortLink("dueDate", t(kind === "quote" ? "col.validUntil" : "col.due"))}
                <th scope="col" className="px-4 py-2 font-medium">{t("col.status")}</th>
                {sortLink("total", t("col.total"))}
                {kind === "invoice" ? <th scope="col" className="px-4 py-2 text-right font-medium">{t("col.balance")}</th> : null}
              </tr>
            }
          />
          <div className="flex flex-wrap items-start justify-between gap-4">
            <dl className="space-y-1 text-sm" aria-label={t("totalsPerCurrency")}>
              {result.totals.map((sum) => (
                <div key={sum.currency} className="flex gap-3">
                  <dt className="font-medium">{sum.currency} ({sum.count})</dt>
                  <dd className="tabular-nums">
                    {money(sum.total, sum.currency)}
                    {kind === "invoice" ? t("due", { amount: money(sum.balance, sum.currency) }) : ""}
                  </dd>
                </div>
              ))}
            </dl>
            <nav aria-label={tl("pages")} className="flex items-center gap-4 text-sm">
              {result.page > 1 ? <Link href={listHref(path, query, { page: result.page - 1 })} className="font-medium text-brand-700 hover:underline">{tl("previous")}</Link> : null}
              <span>{tl("pageOf", { page: result.page, pages: result.pages })}</span>
              {result.page < result.pages ? <Link href={listHref(path, query, { page: result.page + 1 })} className="font-medium text-brand-700 hover:underline">{tl("next")}</Link> : null}
            </nav>
          </div>
        </>
      )}
    </div>
    </BulkSelectionProvider>
  );
}
