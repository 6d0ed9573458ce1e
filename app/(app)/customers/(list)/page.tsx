import { ArchiveListControls, ArchiveListEmpty } from "@/components/lists/archive-list-controls";
import { ListPagination } from "@/components/lists/list-pagination";
import { ArchiveToggle, OptimisticArchiveList } from "@/components/lists/optimistic-archive";
import { RecordCards, type RecordRowView, RecordTable } from "@/components/lists/record-rows";
import { SortHeader } from "@/components/lists/sort-header";
import { SortSelect } from "@/components/lists/sort-select";
import { ButtonLink } from "@/components/ui/button-link";
import { NoAccess } from "@/components/ui/no-access";
import { can } from "@/lib/auth/roles";
import { type CustomerSort, type CustomerStatus, DEFAULT_PAGE_SIZE, listCustomers } from "@/lib/data/customers";
import { getOrganization } from "@/lib/data/organizations";
import { formatDateOf } from "@/lib/dates";
import { CUSTOMER_SORT_CHOICES, listSortOptions, sortValue } from "@/lib/list-sort-choices";
import { type ListUrl, parseListState, type SearchParams } from "@/lib/list-url-state";
import { requireMembership } from "@/lib/session";

export const metadata = { title: "Customers" };

const CUSTOMER_LIST = {
  path: "/customers",
  sorts: ["name", "created"],
  statuses: ["active", "archived", "all"],
} as const satisfies ListUrl<CustomerSort, CustomerStatus>;

export default async function CustomersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const membership = await requireMembership();
  if (!can(membership.role, "customers.manage")) return <NoAccess what="customers" />;
  const params = await searchParams;
  const state = parseListState(CUSTOMER_LIST, params);
  const [{ rows, total }, org] = await Promise.all([listCustomers(membership, { ...state, pageSize: DEFAULT_PAGE_SIZE }), getOrganization(membership)]);
  const pages = Math.max(1, Math.ceil(total / DEFAULT_PAGE_SIZE));
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
        { key: "email", content: c.email ?? "No email" },
        { key: "where", content: `${location || "No location"} · added ${added}` },
      ],
      // Archive and restore answer at once, with Undo in the toast (components/lists/optimistic-archive.tsx).
      actions: <ArchiveToggle id={c.id} name={c.name} archived={!!c.archivedAt} />,
    };
  });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold tracking-tight">Customers</h1>
        <ButtonLink href="/customers/new">New customer</ButtonLink>
      </div>

      <ArchiveListControls list={CUSTOMER_LIST} state={state} title="Customers" many="customers" searchLabel="Search customers" placeholder="Name or email" />

      {total === 0 ? (
        <ArchiveListEmpty
          list={CUSTOMER_LIST}
          state={state}
          many="customers"
          nothingYet="No customers yet — add your first customer."
          createHref="/customers/new"
          createLabel="Add your first customer"
        />
      ) : (
        <OptimisticArchiveList entity="customer" view={state.status}>
          <SortSelect options={listSortOptions(CUSTOMER_LIST, state, CUSTOMER_SORT_CHOICES)} current={sortValue(state.sort, state.dir)} className="mb-3" />
          <RecordCards rows={views} label={`Customers, page ${Math.min(state.page, pages)} of ${pages}`} />
          <RecordTable
            rows={views}
            caption={`Customers, page ${Math.min(state.page, pages)} of ${pages}`}
            header={
              <tr>
                <SortHeader list={CUSTOMER_LIST} state={state} sort="name" label="Name" />
                <th scope="col" className="px-4 py-2 font-medium">Email</th>
                <th scope="col" className="px-4 py-2 font-medium">Location</th>
                <SortHeader list={CUSTOMER_LIST} state={state} sort="created" label="Added" />
                <th scope="col" className="px-4 py-2 font-medium"><span className="sr-only">Actions</span></th>
              </tr>
            }
          />
          <ListPagination list={CUSTOMER_LIST} state={state} total={total} pageSize={DEFAULT_PAGE_SIZE} noun={{ one: "customer", many: "customers" }} />
        </OptimisticArchiveList>
      )}
    </div>
  );
}
