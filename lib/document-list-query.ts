import type { DocumentKind } from "@/db/schema";
import type { DocumentListQuery, ListStatus } from "@/lib/data/document-lists";
import { isIsoDate } from "@/lib/dates";
import { statusesByKind } from "@/lib/document-labels";
import { parseId } from "@/lib/ids";
import { stripControlCharacters } from "@/lib/text";

/**
 * URL search params → a validated list query, shared by the list pages and their CSV exports so
 * both ignore the same bad values: everything that reaches the database here is valid for it
 * (a real date within the accepted years, a canonical id, a search term without control
 * characters), so neither the page nor an export already streaming can fail on a hand-edited URL.
 */
export type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.slice(0, 100) || undefined;
const isDate = (v?: string) => (isIsoDate(v) ? v : undefined);

/** A bulk selection's ids (comma-separated, at most a page's worth): malformed ones dropped. */
const MAX_IDS = 100;
function idsOf(v: string | string[] | undefined): { ids?: string[] } {
  const raw = Array.isArray(v) ? v[0] : v;
  if (raw === undefined) return {};
  const ids = raw.split(",").slice(0, MAX_IDS).flatMap((s) => parseId(s.trim()) ?? []);
  return { ids };
}

export function parseListQuery(kind: DocumentKind, params: Params): DocumentListQuery {
  const status = one(params.status) as ListStatus | undefined;
  // Only invoices fall overdue.
  const allowed: string[] = [...statusesByKind[kind], "open", ...(kind === "invoice" ? ["overdue"] : [])];
  const sort = one(params.sort);
  return {
    kind,
    status: status && allowed.includes(status) ? status : undefined,
    customerId: parseId(one(params.customer)) ?? undefined,
    currency: one(params.currency)?.match(/^[A-Z]{3}$/) ? one(params.currency) : undefined,
    from: isDate(one(params.from)),
    to: isDate(one(params.to)),
    q: stripControlCharacters(one(params.q) ?? "").trim() || undefined,
    sort: sort === "number" || sort === "total" || sort === "dueDate" || sort === "customer" ? sort : "issueDate",
    dir: one(params.dir) === "asc" ? "asc" : "desc",
    ...idsOf(params.ids),
    page: Math.min(100_000, Math.max(1, Number.parseInt(one(params.page) ?? "1", 10) || 1)),
  };
}


/** How many filters narrow the list besides its status tab: search, customer, currency, from, to ("Filters (2)"). */
export function activeFilters(q: Pick<DocumentListQuery, "q" | "customerId" | "currency" | "from" | "to">): number {
  return [q.q, q.customerId, q.currency, q.from, q.to].filter(Boolean).length;
}

type HrefState = Partial<Pick<DocumentListQuery, "status" | "customerId" | "currency" | "from" | "to" | "q" | "sort" | "dir" | "page">>;

/** The list's URL for a state with some of it changed (an explicit undefined removes a parameter); defaults stay out of it. */
export function listHref(path: string, q: HrefState, overrides: Partial<Record<"status" | "sort" | "dir" | "page" | "lines", string | number | undefined>>): string {
  const base: Record<string, string | number | undefined> = {
    status: q.status,
    customer: q.customerId,
    currency: q.currency,
    from: q.from,
    to: q.to,
    q: q.q,
    sort: q.sort === "issueDate" ? undefined : q.sort,
    dir: q.dir === "desc" ? undefined : q.dir,
    page: q.page === 1 ? undefined : q.page,
    ...overrides,
  };
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(base)) if (v !== undefined && v !== "") search.set(k, String(v));
  const s = search.toString();
  return s ? `${path}?${s}` : path;
}
