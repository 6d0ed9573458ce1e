import { NoMatches, NothingYet } from "@/components/lists/list-empty";
import { ListPagination } from "@/components/lists/list-pagination";
import { ARCHIVE_STATUS_LABELS, ListSearchForm } from "@/components/lists/list-search-form";
import { ArchivedTag, OptimisticArchiveList, OptimisticRow } from "@/components/lists/optimistic-archive";
import { SortHeader } from "@/components/lists/sort-header";
import { SortSelect } from "@/components/lists/sort-select";
import { ButtonLink } from "@/components/ui/button-link";
import { NoAccess } from "@/components/ui/no-access";
import { can } from "@/lib/auth/roles";
import { DEFAULT_PAGE_SIZE } from "@/lib/data/customers";
import { type ItemSort, type ItemStatus, listItems } from "@/lib/data/items";
import { getOrganization } from "@/lib/data/organizations";
import { listTaxRates } from "@/lib/data/tax-rates";
import { ITEM_SORT_CHOICES, listSortOptions, sortValue } from "@/lib/list-sort-choices";
import { isFiltered, type ListUrl, parseListState, type SearchParams } from "@/lib/list-url-state";
import { formatMoney } from "@/lib/money";
import { requireMembership } from "@/lib/session";
import { ItemActions } from "../_components/item-actions";

export const metadata = { title: "Items" };


const ITEM_LIST = {
  path: "/items",
  sorts: ["name", "price"],
  statuses: ["active", "archived", "all"],
} as const satisfies ListUrl<ItemSort, ItemStatus>;

export default async function ItemsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const membership = await requireMembership();
  if (!can(membership.role, "customers.manage")) return <NoAccess what="items" />;
  const params = await searchParams;
  const state = parseListState(ITEM_LIST, params);
  const [{ rows, total }, org, rates] = await Promise.all([
    listItems(membership, { ...state, pageSize: DEFAULT_PAGE_SIZE }),
    getOrganization(membership),
    listTaxRates(membership, { includeArchived: true }),
  ]);
  const rateNames = new Map(rates.map((r) => [r.id, r.name]));
  const taxesOf = (ids: string[]) => ids.map((id) => rateNames.get(id) ?? "—").join(", ") || "No tax";
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold tracking-tight">Items</h1>
        <ButtonLink href="/items/new">New item</ButtonLink>
      </div>

      <ListSearchForm
        list={ITEM_LIST}
        state={state}
        label="Items"
        idPrefix="item"
        searchLabel="Search items"
        placeholder="Name or description"
        statusLabels={ARCHIVE_STATUS_LABELS}
      />

      <section aria-labelledby="items-heading" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="items-heading" className="sr-only">
          Item list
        </h2>
        {total === 0 ? (
          isFiltered(ITEM_LIST, state) ? (
            <NoMatches resetHref={ITEM_LIST.path} resetLabel="Show all active items">
              No items match.
            </NoMatches>
          ) : (
            <NothingYet message="No items yet — add the products and services you sell." createHref="/items/new" createLabel="Add your first item" />
          )
        ) : (
          <OptimisticArchiveList entity="item" view={state.status}>
            <SortSelect options={listSortOptions(ITEM_LIST, state, ITEM_SORT_CHOICES)} current={sortValue(state.sort, state.dir)} className="mb-3" />
            {/* Below 640 px a card per item: name and price first, unit and taxes second, then its actions. */}
            <ul aria-label="Items" className="divide-y divide-slate-100 sm:hidden">
              {rows.map((item) => (
                <OptimisticRow key={item.id} id={item.id} archived={!!item.archivedAt}>
                <li className="py-3">
                  <div className="flex items-start justify-between gap-3">
                    <p className="min-w-0 font-medium break-words">
                      {item.name}
                      <ArchivedTag id={item.id} archived={!!item.archivedAt} />
                    </p>
                    <p className="shrink-0 font-semibold whitespace-nowrap tabular-nums">{formatMoney(item.unitPrice, item.currency, org.locale)}</p>
                  </div>
                  {item.description ? <p className="mt-0.5 line-clamp-2 text-sm text-slate-600">{item.description}</p> : null}
                  <p className="mt-1 text-xs text-slate-700">
                    {item.unit ? `Per ${item.unit} · ` : ""}
                    {taxesOf(item.taxRateIds)}
                  </p>
                  <div className="mt-1">
                    <ItemActions id={item.id} name={item.name} archived={!!item.archivedAt} />
                  </div>
                </li>
                </OptimisticRow>
              ))}
            </ul>
            <div className="hidden overflow-x-auto sm:block">
              <table className="w-full text-left text-sm">
                <thead className="text-slate-700">
                  <tr>
                    <SortHeader list={ITEM_LIST} state={state} sort="name" label="Name" />
                    <th scope="col" className="py-2 pr-4 font-medium">Unit</th>
                    <SortHeader list={ITEM_LIST} state={state} sort="price" label="Price" className="text-right" />
                    <th scope="col" className="py-2 pr-4 font-medium">Taxes</th>
                    <th scope="col" className="py-2 pr-4 font-medium"><span className="sr-only">Actions</span></th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {rows.map((item) => (
                    <OptimisticRow key={item.id} id={item.id} archived={!!item.archivedAt}>
                    <tr>
                      <th scope="row" className="py-3 pr-4 font-medium">
                        {item.name}
                        <ArchivedTag id={item.id} archived={!!item.archivedAt} />
                        {item.description ? <p className="mt-0.5 line-clamp-2 font-normal text-slate-600">{item.description}</p> : null}
                      </th>
                      <td className="py-3 pr-4">{item.unit ?? "—"}</td>
                      <td className="py-3 pr-4 text-right whitespace-nowrap tabular-nums">{formatMoney(item.unitPrice, item.currency, org.locale)}</td>
                      <td className="py-3 pr-4">{taxesOf(item.taxRateIds)}</td>
                      <td className="py-3 pr-4">
                        <ItemActions id={item.id} name={item.name} archived={!!item.archivedAt} />
                      </td>
                    </tr>
                    </OptimisticRow>
                  ))}
                </tbody>
              </table>
            </div>
            <ListPagination list={ITEM_LIST} state={state} total={total} pageSize={DEFAULT_PAGE_SIZE} noun={{ one: "item", many: "items" }} />
          </OptimisticArchiveList>
        )}
      </section>
    </div>
  );
}
