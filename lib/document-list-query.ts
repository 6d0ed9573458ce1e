import type { DocumentKind } from "@/db/schema";
import type { DocumentListQuery, ListStatus } from "@/lib/data/document-lists";
import { statusesByKind } from "@/lib/document-labels";

/** URL search params → a validated list query (shared by the list pages and their CSV exports). */
export type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.slice(0, 100) || undefined;
const isDate = (v?: string) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

export function parseListQuery(kind: DocumentKind, params: Params): DocumentListQuery {
  const status = one(params.status) as ListStatus | undefined;
  const allowed: string[] = [...statusesByKind[kind], "overdue", "open"];
  const sort = one(params.sort);
  return {
    kind,
    status: status && allowed.includes(status) ? status : undefined,
    customerId: one(params.customer)?.match(/^[0-9a-f-]{36}$/i) ? one(params.customer) : undefined,
    currency: one(params.currency)?.match(/^[A-Z]{3}$/) ? one(params.currency) : undefined,
    from: isDate(one(params.from)),
    to: isDate(one(params.to)),
    q: one(params.q),
    sort: sort === "number" || sort === "total" || sort === "dueDate" || sort === "customer" ? sort : "issueDate",
    dir: one(params.dir) === "asc" ? "asc" : "desc",
    page: Math.min(100_000, Math.max(1, Number.parseInt(one(params.page) ?? "1", 10) || 1)),
  };
}

