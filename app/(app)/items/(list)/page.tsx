import { ArchiveListControls, ArchiveListEmpty } from "@/components/lists/archive-list-controls";
import { ListPagination } from "@/components/lists/list-pagination";
import { OptimisticArchiveList } from "@/components/lists/optimistic-archive";
import { RecordCards, type RecordRowView, RecordTable } from "@/components/lists/record-rows";
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
import { type ListUrl, parseListState, type SearchParams } from "@/lib/list-url-state";
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
  const pages = Math.max(1, Math.ceil(total / DEFAULT_PAGE_SIZE));
  const views: RecordRowView[] = rows.map((item) => {
    const price = formatMoney(item.unitPrice, item.currency, org.locale);
    const taxes = taxesOf(item.taxRateIds);
    return {
      id: item.id,
      name: item.name,
      archived: !!item.archivedAt,
      note: item.description,
      cells: [
        { key: "unit", content: item.unit ?? "—" },
        { key: "price", content: price, className: "text-right whitespace-nowrap tabular-nums" },
        { key: "taxes", content: taxes },
      ],
      figure: price,
      lines: [
        ...(item.description ? [{ key: "description", content: item.description, className: "line-clamp-2" }] : []),
        { key: "unit", content: `${item.unit ? `Per ${item.unit} · ` : ""}${taxes}` },
      ],
      actions: <ItemActions id={item.id} name={item.name} archived={!!item.archivedAt} />,
    };
  });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold tracking-tight">Items</h1>
        <ButtonLink href="/items/new">New item</ButtonLink>
      </div>

      <ArchiveListControls list={ITEM_LIST} state={state} title="Items" many="items" searchLabel="Search items" placeholder="Name or description" />

      {total === 0 ? (
        <ArchiveListEmpty
          list={ITEM_LIST}
          state={state}
          many="items"
          nothingYet="No items yet — add the products and services you sell."
          createHref="/items/new"
          createLabel="Add your first item"
        />
      ) : (
        <OptimisticArchiveList entity="item" view={state.status}>
          <SortSelect options={listSortOptions(ITEM_LIST, state, ITEM_SORT_CHOICES)} current={sortValue(state.sort, state.dir)} className="mb-3" />
          <RecordCards rows={views} label={`Items, page ${Math.min(state.page, pages)} of ${pages}`} />
          <RecordTable
            rows={views}
            caption={`Items, page ${Math.min(state.page, pages)} of ${pages}`}
            header={
              <tr>
                <SortHeader list={ITEM_LIST} state={state} sort="name" label="Name" />
                <th scope="col" className="px-4 py-2 font-medium">Unit</th>
                <SortHeader list={ITEM_LIST} state={state} sort="price" label="Price" className="text-right" />
                <th scope="col" className="px-4 py-2 font-medium">Taxes</th>
                <th scope="col" className="px-4 py-2 font-medium"><span className="sr-only">Actions</span></th>
              </tr>
            }
          />
          <ListPagination list={ITEM_LIST} state={state} total={total} pageSize={DEFAULT_PAGE_SIZE} noun={{ one: "item", many: "items" }} />
        </OptimisticArchiveList>
      )}
    </div>
  );
}
