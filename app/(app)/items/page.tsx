import Link from "next/link";
import { getDb } from "@/db";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button-link";
import { NoAccess } from "@/components/ui/no-access";
import { can } from "@/lib/auth/roles";
import type { SortDir } from "@/lib/data/customers";
import { type ItemSort, type ItemStatus, listItems } from "@/lib/data/items";
import { getOrganization } from "@/lib/data/organizations";
import { listTaxRates } from "@/lib/data/tax-rates";
import { formatMoney } from "@/lib/money";
import { requireMembership } from "@/lib/session";
import { ItemActions } from "./_components/item-actions";

export const metadata = { title: "Items" };

const PAGE_SIZE = 25;

type Params = Record<string, string | string[] | undefined>;
type ListState = { q: string; status: ItemStatus; sort: ItemSort; dir: SortDir; page: number };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const oneOf = <T extends string>(v: string | undefined, allowed: readonly T[], fallback: T): T => (allowed.includes(v as T) ? (v as T) : fallback);

function stateOf(params: Params): ListState {
  const page = Number.parseInt(first(params.page) ?? "1", 10);
  return {
    q: (first(params.q) ?? "").trim().slice(0, 200),
    status: oneOf(first(params.status), ["active", "archived", "all"] as const, "active"),
    sort: oneOf(first(params.sort), ["name", "price"] as const, "name"),
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
  return query ? `/items?${query}` : "/items";
}

function SortHeader({ state, sort, label, className = "" }: { state: ListState; sort: ItemSort; label: string; className?: string }) {
  const active = state.sort === sort;
  const nextDir: SortDir = active && state.dir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" className={`py-2 pr-4 font-medium ${className}`} aria-sort={active ? (state.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={hrefOf(state, { sort, dir: nextDir, page: 1 })} className="inline-flex items-center gap-1 underline-offset-2 hover:underline">
        {label}
        <span aria-hidden="true">{active ? (state.dir === "asc" ? "▲" : "▼") : "↕"}</span>
        <span className="sr-only">, sort {nextDir === "asc" ? "ascending" : "descending"}</span>
      </Link>
    </th>
  );
}

export default async function ItemsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const membership = await requireMembership();
  if (!can(membership.role, "customers.manage")) return <NoAccess what="items" />;
  const params = await searchParams;
  const state = stateOf(params);
  const db = await getDb();
  const [{ rows, total }, org, rates] = await Promise.all([
    listItems(db, membership, { ...state, pageSize: PAGE_SIZE }),
    getOrganization(db, membership),
    listTaxRates(db, membership, { includeArchived: true }),
  ]);
  const rateNames = new Map(rates.map((r) => [r.id, r.name]));
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const filtered = state.q !== "" || state.status !== "active";
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold tracking-tight">Items</h1>
        <ButtonLink href="/items/new">New item</ButtonLink>
      </div>
      {first(params.saved) ? <Alert tone="success">Item saved.</Alert> : null}

      <form method="get" action="/items" role="search" aria-label="Items" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <div className="min-w-56 flex-1 space-y-1">
          <label htmlFor="item-search" className="block text-sm font-medium text-slate-900">
            Search items
          </label>
          <input id="item-search" name="q" type="search" defaultValue={state.q} placeholder="Name or description" className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm" />
        </div>
        <div className="space-y-1">
          <label htmlFor="item-status" className="block text-sm font-medium text-slate-900">
            Status
          </label>
          <select id="item-status" name="status" defaultValue={state.status} className="block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm">
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
          <Link href="/items" className="min-h-11 px-2 py-2.5 text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
            Clear
          </Link>
        ) : null}
      </form>

      <section aria-labelledby="items-heading" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="items-heading" className="sr-only">
          Item list
        </h2>
        {total === 0 ? (
          filtered ? (
            <p className="text-sm text-slate-700">
              No items match.{" "}
              <Link href="/items" className="font-medium text-brand-700 underline-offset-2 hover:underline">
                Show all active items
              </Link>
            </p>
          ) : (
            <div className="py-6 text-center">
              <p className="text-slate-700">No items yet — add the products and services you sell.</p>
              <div className="mt-4">
                <ButtonLink href="/items/new">Add your first item</ButtonLink>
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
                    <th scope="col" className="py-2 pr-4 font-medium">Unit</th>
                    <SortHeader state={state} sort="price" label="Price" className="text-right" />
                    <th scope="col" className="py-2 pr-4 font-medium">Taxes</th>
                    <th scope="col" className="py-2 pr-4 font-medium"><span className="sr-only">Actions</span></th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {rows.map((item) => (
                    <tr key={item.id}>
                      <th scope="row" className="py-3 pr-4 font-medium">
                        {item.name}
                        {item.archivedAt ? <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-700">Archived</span> : null}
                        {item.description ? <p className="mt-0.5 line-clamp-2 font-normal text-slate-600">{item.description}</p> : null}
                      </th>
                      <td className="py-3 pr-4">{item.unit ?? "—"}</td>
                      <td className="py-3 pr-4 text-right whitespace-nowrap tabular-nums">{formatMoney(item.unitPrice, item.currency, org.locale)}</td>
                      <td className="py-3 pr-4">{item.taxRateIds.map((id) => rateNames.get(id) ?? "—").join(", ") || "None"}</td>
                      <td className="py-3 pr-4">
                        <ItemActions id={item.id} name={item.name} archived={!!item.archivedAt} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
              <p>
                Page {Math.min(state.page, pages)} of {pages} · {total} {total === 1 ? "item" : "items"}
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
