/**
 * Search, filter, sort and page of a list page live in its URL: they work without JavaScript and
 * can be bookmarked. Defaults are left out of the URL, so the plain path is the unfiltered first page.
 */

import { stripControlCharacters } from "./text";

export type SearchParams = Record<string, string | string[] | undefined>;
export type SortDir = "asc" | "desc";

/** What one list page accepts in its URL. The first sort and the first status are the defaults. */
export type ListUrl<Sort extends string, Status extends string> = {
  path: string;
  sorts: readonly [Sort, ...Sort[]];
  statuses: readonly [Status, ...Status[]];
};

export type ListState<Sort extends string, Status extends string> = { q: string; status: Status; sort: Sort; dir: SortDir; page: number };

const SORT_DIRS = ["asc", "desc"] as const;

/** A repeated parameter (`?q=a&q=b`) counts once, by its first value. */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly [T, ...T[]]): T {
  return allowed.find((candidate) => candidate === value) ?? allowed[0];
}

/** Anything unknown in the URL falls back to the default rather than failing: URLs are typed, pasted and edited by hand. */
export function parseListState<Sort extends string, Status extends string>(list: ListUrl<Sort, Status>, params: SearchParams): ListState<Sort, Status> {
  const page = Number.parseInt(firstParam(params.page) ?? "1", 10);
  return {
    // A NUL in the search term used to reach Postgres (which refuses it) and fail the page.
    q: stripControlCharacters(firstParam(params.q) ?? "").trim().slice(0, 200),
    status: oneOf(firstParam(params.status), list.statuses),
    sort: oneOf(firstParam(params.sort), list.sorts),
    dir: oneOf(firstParam(params.dir), SORT_DIRS),
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

export function listHref<Sort extends string, Status extends string>(
  list: ListUrl<Sort, Status>,
  state: ListState<Sort, Status>,
  change: Partial<ListState<Sort, Status>>,
): string {
  const next = { ...state, ...change };
  const search = new URLSearchParams();
  if (next.q) search.set("q", next.q);
  if (next.status !== list.statuses[0]) search.set("status", next.status);
  if (next.sort !== list.sorts[0]) search.set("sort", next.sort);
  if (next.dir !== SORT_DIRS[0]) search.set("dir", next.dir);
  if (next.page > 1) search.set("page", String(next.page));
  const query = search.toString();
  return query ? `${list.path}?${query}` : list.path;
}
