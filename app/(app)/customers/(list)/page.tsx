import { ArchiveListPage, type ArchiveListWords } from "@/components/lists/archive-list-page";
import { ArchiveToggle } from "@/components/lists/optimistic-archive";
import type { RecordRowView } from "@/components/lists/record-rows";
import { SortHeader } from "@/components/lists/sort-header";
import { NoAccess } from "@/app/(app)/_components/no-access";
import { can } from "@/lib/auth/roles";
import { type CustomerSort, type CustomerStatus, DEFAULT_PAGE_SIZE, listCustomers } from "@/lib/data/customers";
import { getOrganization } from "@/lib/data/organizations";
import { formatDateOf } from "@/lib/dates";
import { CUSTOMER_SORT_CHOICES } from "@/lib/list-sort-choices";
import { type ListUrl, parseListState, type SearchParams } from "@/lib/list-url-state";
import { catalogs, type CustomersKey } from "@/lib/i18n/catalogs/app/customers";
import type { Translate } from "@/lib/i18n/messages";
import { catalogs as listCatalogs, type ListsKey } from "@/lib/i18n/catalogs/app/lists";
import { getAppMessages, requireMembership } from "@/lib/session";

export async function generateMetadata() {
  const t = await getAppMessages(catalogs);
  return { title: t("list.title") };
}

const CUSTOMER_LIST = {
  path: "/customers",
  sorts: ["name", "created"],
  statuses: ["active", "archived", "all"],
} as const satisfies ListUrl<CustomerSort, CustomerStatus>;

const customerWords = (t: Translate<CustomersKey>, lists: Translate<ListsKey>): ArchiveListWords => ({
  title: t("list.title"),
  one: t("list.one"),
  many: t("list.many"),
  newLabel: t("list.new"),
  createLabel: t("list.createFirst"),
  createHref: "/customers/new",
  searchLabel: t("list.search"),
  placeholder: t("list.placeholder"),
  nothingYet: t("list.nothingYet"),
  pageCaption: (page, pages) => lists("pageCaption", { title: t("list.title"), page, pages }),
  actionsColumn: lists("actionsColumn"),
});

export default async function CustomersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const membership = await requireMembership();
  if (!can(membership.role, "customers.manage")) return <NoAccess area="customers" />;
  const params = await searchParams;
  const state = parseListState(CUSTOMER_LIST, params);
  const [{ rows, total }, org] = await Promise.all([listCustomers(membership, { ...state, pageSize: DEFAULT_PAGE_SIZE }), getOrganization(membership)]);
  const t = await getAppMessages(catalogs);
  const views: RecordRowView[] = rows.map((c) => {
    const location = [c.city, c.country].filter(Boolean).join(", ");
    const added = formatDateOf(c.createdAt, org);
    return {
      id: c.id,
      name: c.name,
      href: `/customers/${c.id}`,
      archived: !!c.archivedAt,
      cells: [
        { key: "email", content: c.email ?? "—", className: "break-words" },
        { key: "location", content: location || "—" },
        { key: "added", content: added, className: "whitespace-nowrap" },
      ],
      lines: [
        { key: "email", content: c.email ?? t("list.noEmail") },
        { key: "where", content: t("list.where", { location: location || t("list.noLocation"), added }) },
      ],
      // Archive and restore answer at once, with Undo in the toast (components/lists/optimistic-archive.tsx).
      actions: <ArchiveToggle id={c.id} name={c.name} archived={!!c.archivedAt} />,
    };
  });
  return (
    <ArchiveListPage
      list={CUSTOMER_LIST}
      state={state}
      entity="customer"
      words={customerWords(t, await getAppMessages(listCatalogs))}
      sortChoices={CUSTOMER_SORT_CHOICES}
      rows={views}
      total={total}
      pageSize={DEFAULT_PAGE_SIZE}
      columns={
        <>
          <th scope="col" className="px-4 py-2 font-medium">{t("list.email")}</th>
          <th scope="col" className="px-4 py-2 font-medium">{t("list.location")}</th>
          <SortHeader list={CUSTOMER_LIST} state={state} sort="created" label={t("list.added")} />
        </>
      }
    />
  );
}
