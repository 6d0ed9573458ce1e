import { NoMatches, NothingYet } from "@/components/lists/list-empty";
import { ListPagination } from "@/components/lists/list-pagination";
import { ARCHIVE_STATUS_LABELS, ListSearchForm } from "@/components/lists/list-search-form";
import { RowLink } from "@/components/lists/row-link";
import { ArchivedTag, ArchiveToggle, OptimisticArchiveList, OptimisticRow } from "@/components/lists/optimistic-archive";
import { SortHeader } from "@/components/lists/sort-header";
import { SortSelect } from "@/components/lists/sort-select";
import { ButtonLink } from "@/components/ui/button-link";
import { NoAccess } from "@/components/ui/no-access";
import { can } from "@/lib/auth/roles";
import { type CustomerSort, type CustomerStatus, DEFAULT_PAGE_SIZE, listCustomers } from "@/lib/data/customers";
import { getOrganization } from "@/lib/data/organizations";
import { formatDateOf } from "@/lib/dates";
import { CUSTOMER_SORT_CHOICES, listSortOptions, sortValue } from "@/lib/list-sort-choices";
import { isFiltered, type ListUrl, parseListState, type SearchParams } from "@/lib/list-url-state";
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
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold tracking-tight">Customers</h1>
        <ButtonLink href="/customers/new">New customer</ButtonLink>
      </div>

      <ListSearchForm
        list={CUSTOMER_LIST}
        state={state}
        label="Customers"
        idPrefix="customer"
        searchLabel="Search customers"
        placeholder="Name or email"
        statusLabels={ARCHIVE_STATUS_LABELS}
      />

      <section aria-labelledby="customers-heading" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="customers-heading" className="sr-only">
          Customer list
        </h2>
        {total === 0 ? (
          isFiltered(CUSTOMER_LIST, state) ? (
            <NoMatches resetHref={CUSTOMER_LIST.path} resetLabel="Show all active customers">
              No customers match{state.q ? <> “{state.q}”</> : null}
              {state.status !== "active" ? ` (${state.status})` : null}.
            </NoMatches>
          ) : (
            <NothingYet message="No customers yet — add your first customer." createHref="/customers/new" createLabel="Add your first customer" />
          )
        ) : (
          <OptimisticArchiveList entity="customer" view={state.status}>
            <SortSelect options={listSortOptions(CUSTOMER_LIST, state, CUSTOMER_SORT_CHOICES)} current={sortValue(state.sort, state.dir)} className="mb-3" />
            {/* Below 640 px a card per customer: the email wraps as a whole word where it must, never letter by letter. */}
            <ul aria-label="Customers" className="divide-y divide-slate-100 sm:hidden">
              {rows.map((c) => (
                <OptimisticRow key={c.id} id={c.id} archived={!!c.archivedAt}>
                <li className="relative py-3 hover:bg-slate-50">
                  <div className="flex items-start justify-between gap-3">
                    <p className="min-w-0 break-words">
                      <RowLink href={`/customers/${c.id}`}>{c.name}</RowLink>
                      <ArchivedTag id={c.id} archived={!!c.archivedAt} />
                    </p>
                    <ArchiveToggle id={c.id} name={c.name} archived={!!c.archivedAt} className="-mt-2 shrink-0" />
                  </div>
                  <p className="mt-1 text-sm [overflow-wrap:anywhere] text-slate-700">{c.email ?? "No email"}</p>
                  <p className="text-xs text-slate-700">
                    {[c.city, c.country].filter(Boolean).join(", ") || "No location"} · added {formatDateOf(c.createdAt, org)}
                  </p>
                </li>
                </OptimisticRow>
              ))}
            </ul>
            <div className="hidden overflow-x-auto sm:block">
              <table className="w-full text-left text-sm">
                <thead className="text-slate-700">
                  <tr>
                    <SortHeader list={CUSTOMER_LIST} state={state} sort="name" label="Name" />
                    <th scope="col" className="py-2 pr-4 font-medium">Email</th>
                    <th scope="col" className="py-2 pr-4 font-medium">Location</th>
                    <SortHeader list={CUSTOMER_LIST} state={state} sort="created" label="Added" />
                    <th scope="col" className="py-2 pr-4 font-medium"><span className="sr-only">Actions</span></th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {rows.map((c) => (
                    <OptimisticRow key={c.id} id={c.id} archived={!!c.archivedAt}>
                    <tr className="relative hover:bg-slate-50">
                      <th scope="row" className="py-3 pr-4 font-medium">
                        <RowLink href={`/customers/${c.id}`}>{c.name}</RowLink>
                        <ArchivedTag id={c.id} archived={!!c.archivedAt} />
                      </th>
                      <td className="py-3 pr-4 break-words">{c.email ?? "—"}</td>
                      <td className="py-3 pr-4">{[c.city, c.country].filter(Boolean).join(", ") || "—"}</td>
                      <td className="py-3 pr-4 whitespace-nowrap">{formatDateOf(c.createdAt, org)}</td>
                      <td className="py-1 pr-4 text-right"><ArchiveToggle id={c.id} name={c.name} archived={!!c.archivedAt} /></td>
                    </tr>
                    </OptimisticRow>
                  ))}
                </tbody>
              </table>
            </div>
            <ListPagination list={CUSTOMER_LIST} state={state} total={total} pageSize={DEFAULT_PAGE_SIZE} noun={{ one: "customer", many: "customers" }} />
          </OptimisticArchiveList>
        )}
      </section>
    </div>
  );
}
