import { ArchiveListPage, type ArchiveListWords } from "@/components/lists/archive-list-page";
import type { RecordRowView } from "@/components/lists/record-rows";
import { SortHeader } from "@/components/lists/sort-header";
import { NoAccess } from "@/app/(app)/_components/no-access";
import { can } from "@/lib/auth/roles";
import { DEFAULT_PAGE_SIZE } from "@/lib/data/customers";
import { type ItemSort, type ItemStatus, listItems } from "@/lib/data/items";
import { getOrganization } from "@/lib/data/organizations";
import { listTaxRates } from "@/lib/data/tax-rates";
import { ITEM_SORT_CHOICES } from "@/lib/list-sort-choices";
import { type ListUrl, parseListState, type SearchParams } from "@/lib/list-url-state";
import { formatMoney } from "@/lib/money";
import { catalogs, type ItemsKey } from "@/lib/i18n/catalogs/app/items";
import type { Translate } from "@/lib/i18n/messages";
import { catalogs as listCatalogs, type ListsKey } from "@/lib/i18n/catalogs/app/lists";
import { getAppMessages, requireMembership } from "@/lib/session";
import { ItemActions } from "../_components/item-actions";

export async function generateMetadata() {
  const t = await getAppMessages(catalogs);
  return { title: t("list.title") };
}

const ITEM_LIST = {
  path: "/items",
  sorts: ["name", "price"],
  statuses: ["active", "archived", "all"],
} as const satisfies ListUrl<ItemSort, ItemStatus>;

const itemWords = (t: Translate<ItemsKey>, lists: Translate<ListsKey>): ArchiveListWords => ({
  title: t("list.title"),
  one: t("list.one"),
  many: t("list.many"),
  newLabel: t("list.new"),
  createLabel: t("list.createFirst"),
  createHref: "/items/new",
  searchLabel: t("list.search"),
  placeholder: t("list.placeholder"),
  nothingYet: t("list.nothingYet"),
  pageCaption: (page, pages) => lists("pageCaption", { title: t("list.title"), page, pages }),
  actionsColumn: lists("actionsColumn"),
});

export default async function ItemsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [membership, t] = await Promise.all([requireMembership(), getAppMessages(catalogs)]);
  if (!can(membership.role, "customers.manage")) return <NoAccess area="items" />;
  const params = await searchParams;
  const state = parseListState(ITEM_LIST, params);
  const [{ rows, total }, org, rates] = await Promise.all([
    listItems(membership, { ...state, pageSize: DEFAULT_PAGE_SIZE }),
    getOrganization(membership),
    listTaxRates(membership, { includeArchived: true }),
  ]);
  const rateNames = new Map(rates.map((r) => [r.id, r.name]));
  const taxesOf = (ids: string[]) => ids.map((id) => rateNames.get(id) ?? "—").join(", ") || t("list.noTax");
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
        { key: "unit", content: `${item.unit ? t("list.per", { unit: item.unit }) : ""}${taxes}` },
      ],
      actions: <ItemActions id={item.id} name={item.name} archived={!!item.archivedAt} />,
    };
  });
  return (
    <ArchiveListPage
      list={ITEM_LIST}
      state={state}
      entity="item"
      words={itemWords(t, await getAppMessages(listCatalogs))}
      sortChoices={ITEM_SORT_CHOICES}
      rows={views}
      total={total}
      pageSize={DEFAULT_PAGE_SIZE}
      columns={
        <>
          <th scope="col" className="px-4 py-2 font-medium">{t("list.unit")}</th>
          <SortHeader list={ITEM_LIST} state={state} sort="price" label={t("list.price")} className="text-right" />
          <th scope="col" className="px-4 py-2 font-medium">{t("list.taxes")}</th>
        </>
      }
    />
  );
}
