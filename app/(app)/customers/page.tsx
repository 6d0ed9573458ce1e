import Link from "next/link";
import { getDb } from "@/db";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button-link";
import { NoAccess } from "@/components/ui/no-access";
import { can } from "@/lib/auth/roles";
import { type CustomerSort, type CustomerStatus, DEFAULT_PAGE_SIZE, listCustomers, type SortDir } from "@/lib/data/customers";
import { requireMembership } from "@/lib/session";

export const metadata = { title: "Customers" };

type Params = Record<string, string | string[] | undefined>;
type ListState = { q: string; status: CustomerStatus; sort: CustomerSort; dir: SortDir; page: number };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const oneOf = <T extends string>(v: string | undefined, allowed: readonly T[], fallback: T): T => (allowed.includes(v as T) ? (v as T) : fallback);

/** Search, filter, sort and page live in the URL: they work without JavaScript and can be bookmarked. */
function stateOf(params: Params): ListState {
  const page = Number.parseInt(first(params.page) ?? "1", 10);
  return {
    q: (first(params.q) ?? "").trim().slice(0, 200),
    status: oneOf(first(params.status), ["active", "archived", "all"] as const, "active"),
    sort: oneOf(first(params.sort), ["name", "created"] as const, "name"),
    dir: oneOf(first(params.dir), ["asc", "desc"] as const, "asc"),
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

function hrefOf(state: ListState, change: Partial<ListState>): string {
  const next = { ...state, ...change };
  const search = new URLSearchParams();
  if (next.q) search.set("q", next.q);
  if (next.status !== "active") search.set("status", next.status);
  if (next.sort !== "name") search.set("sort", next.sort);
  if (next.dir !== "asc") search.set("dir", next.dir);
  if (next.page > 1) search.set("page", String(next.page));
  const query = search.toString();
  return query ? `/customers?${query}` : "/customers";
}

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

function SortHeader({ state, sort, label }: { state: ListState; sort: CustomerSort; label: string }) {
  const active = state.sort === sort;
  const nextDir: SortDir = active && state.dir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" className="py-2 pr-4 font-medium" aria-sort={active ? (state.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={hrefOf(state, { sort, dir: nextDir, page: 1 })} className="inline-flex items-center gap-1 underline-offset-2 hover:underline">
        {label}
        <span aria-hidden="true">{active ? (state.dir === "asc" ? "▲" : "▼") : "↕"}</span>
        <span className="sr-only">, sort {nextDir === "asc" ? "ascending" : "descending"}</span>
      </Link>
    </th>
  );
}

export default async function CustomersPage({ searchParams }: { searchParams: Promise<Params> }) {
  const membership = await requireMembership();
  if (!can(membership.role, "customers.manage")) return <NoAccess what="customers" />;
  const params = await searchParams;
  const state = stateOf(params);
  const { rows, total } = await listCustomers(await getDb(), membership, { ...state, pageSize: DEFAULT_PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / DEFAULT_PAGE_SIZE));
  const filtered = state.q !== "" || state.status !== "active";
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold tracking-tight">Customers</h1>
        <ButtonLink href="/customers/new">New customer</ButtonLink>
      </div>
      {first(params.deleted) ? <Alert tone="success">Customer deleted.</Alert> : null}

      <form method="get" action="/customers" role="search" aria-label="Customers" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <div className="min-w-56 flex-1 space-y-1">
          <label htmlFor="customer-search" className="block text-sm font-medium text-slate-900">
            Search customers
          </label>
          <input
            id="customer-search"
            name="q"
            type="search"
            defaultValue={state.q}
            placeholder="Name or email"
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm"
          />
        </div>
        <div className="space-y-1">
          <label htmlFor="customer-status" className="block text-sm font-medium text-slate-900">
            Status
          </label>
          <select id="customer-status" name="status" defaultValue={state.status} className="block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm">
            <option value="active">Active</option>
            <option value="archived">Archived</option>
            <option value="all">All</option>
          </select>
        </div>
        {state.sort !== "name" ? <input type="hidden" name="sort" value={state.sort} /> : null}
        {state.dir !== "asc" ? <input type="hidden" name="dir" value={state.dir} /> : null}
        <button type="submit" className="min-h-11 rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold shadow-sm hover:bg-slate-50">
          Search
        </button>
        {filtered ? (
          <Link href="/customers" className="min-h-11 px-2 py-2.5 text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
            Clear
          </Link>
        ) : null}
      </form>

      <section aria-labelledby="customers-heading" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="customers-heading" className="sr-only">
          Customer list
        </h2>
        {total === 0 ? (
          filtered ? (
            <p className="text-sm text-slate-700">
              No customers match{state.q ? <> “{state.q}”</> : null}
              {state.status !== "active" ? ` (${state.status})` : null}.{" "}
              <Link href="/customers" className="font-medium text-brand-700 underline-offset-2 hover:underline">
                Show all active customers
              </Link>
            </p>
          ) : (
            <div className="py-6 text-center">
              <p className="text-slate-700">No customers yet — add your first customer.</p>
              <div className="mt-4">
                <ButtonLink href="/customers/new">Add your first customer</ButtonLink>
              </div>
            </div>
          )
        ) : (
          <>
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead className="text-slate-700">
                  <tr>
                    <SortHeader state={state} sort="name" label="Name" />
                    <th scope="col" className="py-2 pr-4 font-medium">Email</th>
                    <th scope="col" className="py-2 pr-4 font-medium">Location</th>
                    <SortHeader state={state} sort="created" label="Added" />
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {rows.map((c) => (
                    <tr key={c.id}>
                      <th scope="row" className="py-3 pr-4 font-medium">
                        <Link href={`/customers/${c.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                          {c.name}
                        </Link>
                        {c.archivedAt ? <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-700">Archived</span> : null}
                      </th>
                      <td className="py-3 pr-4 break-all">{c.email ?? "—"}</td>
                      <td className="py-3 pr-4">{[c.city, c.country].filter(Boolean).join(", ") || "—"}</td>
                      <td className="py-3 pr-4 whitespace-nowrap">{dateFormat.format(c.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
              <p>
                Page {Math.min(state.page, pages)} of {pages} · {total} {total === 1 ? "customer" : "customers"}
              </p>
              <div className="flex gap-2">
                {state.page > 1 ? (
                  <Link href={hrefOf(state, { page: Math.min(state.page - 1, pages) })} rel="prev" className="rounded-md border border-slate-300 px-3 py-2 font-medium hover:bg-slate-50">
                    Previous
                  </Link>
                ) : null}
                {state.page < pages ? (
                  <Link href={hrefOf(state, { page: state.page + 1 })} rel="next" className="rounded-md border border-slate-300 px-3 py-2 font-medium hover:bg-slate-50">
                    Next
                  </Link>
                ) : null}
              </div>
            </nav>
          </>
        )}
      </section>
    </div>
  );
}
