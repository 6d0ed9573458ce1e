/**
 * The phone lists' "Sort" select: every order the table headers can produce (each sortable column,
 * both ways), named as a user says it ("Newest first", "Amount, high to low"). A choice is only a
 * label for a (sort, dir) pair, so the select and the headers write the same `sort`/`dir`
 * parameters and always agree on what the list shows.
 */
import type { DocumentKind } from "@/db/schema";
import type { DocumentListQuery } from "@/lib/data/document-lists";
import { listHref as documentListHref } from "@/lib/document-list-query";
import { listHref, type ListState, type ListUrl, type SortDir } from "@/lib/list-url-state";

export type SortChoice<Sort extends string> = { sort: Sort; dir: SortDir; label: string };
/** What the select renders: one option per choice, its value the link that shows that order. */
export type SortOption = { value: string; label: string; href: string };

export const CUSTOMER_SORT_CHOICES = [
  { sort: "name", dir: "asc", label: "Name, A to Z" },
  { sort: "name", dir: "desc", label: "Name, Z to A" },
  { sort: "created", dir: "desc", label: "Newest first" },
  { sort: "created", dir: "asc", label: "Oldest first" },
] as const satisfies readonly SortChoice<"name" | "created">[];

export const ITEM_SORT_CHOICES = [
  { sort: "name", dir: "asc", label: "Name, A to Z" },
  { sort: "name", dir: "desc", label: "Name, Z to A" },
  { sort: "price", dir: "desc", label: "Price, high to low" },
  { sort: "price", dir: "asc", label: "Price, low to high" },
] as const satisfies readonly SortChoice<"name" | "price">[];

export type RecurringSort = "next" | "name" | "amount";
export const RECURRING_SORT_CHOICES = [
  { sort: "next", dir: "asc", label: "Next date, soonest first" },
  { sort: "next", dir: "desc", label: "Next date, latest first" },
  { sort: "name", dir: "asc", label: "Name, A to Z" },
  { sort: "name", dir: "desc", label: "Name, Z to A" },
  { sort: "amount", dir: "desc", label: "Amount, high to low" },
  { sort: "amount", dir: "asc", label: "Amount, low to high" },
] as const satisfies readonly SortChoice<RecurringSort>[];

type DocumentSort = NonNullable<DocumentListQuery["sort"]>;

/** A quote's due date is the date it is valid until: the label says so. */
export function documentSortChoices(kind: DocumentKind): SortChoice<DocumentSort>[] {
  const due = kind === "quote" ? "Valid until" : "Due date";
  return [
    { sort: "issueDate", dir: "desc", label: "Newest first" },
    { sort: "issueDate", dir: "asc", label: "Oldest first" },
    { sort: "total", dir: "desc", label: "Amount, high to low" },
    { sort: "total", dir: "asc", label: "Amount, low to high" },
    { sort: "dueDate", dir: "asc", label: `${due}, soonest first` },
    { sort: "dueDate", dir: "desc", label: `${due}, latest first` },
    { sort: "customer", dir: "asc", label: "Customer, A to Z" },
    { sort: "customer", dir: "desc", label: "Customer, Z to A" },
    { sort: "number", dir: "desc", label: "Number, highest first" },
    { sort: "number", dir: "asc", label: "Number, lowest first" },
  ];
}

export const sortValue = (sort: string, dir: SortDir) => `${sort}:${dir}`;

/** Customers, items, recurring: the same links as SortHeader builds (the chosen order, back to page 1). */
export function listSortOptions<Sort extends string, Status extends string>(
  list: ListUrl<Sort, Status>,
  state: ListState<Sort, Status>,
  choices: readonly SortChoice<Sort>[],
): SortOption[] {
  return choices.map((c) => ({ value: sortValue(c.sort, c.dir), label: c.label, href: listHref(list, state, { sort: c.sort, dir: c.dir, page: 1 }) }));
}

/** A document list in another order, keeping every filter, back to page 1; the default order stays out of the URL. */
export function documentSortHref(path: string, query: DocumentListQuery, sort: DocumentSort, dir: SortDir): string {
  return documentListHref(path, query, { sort: sort === "issueDate" ? undefined : sort, dir: dir === "desc" ? undefined : dir, page: undefined });
}

/** Documents: the table's headers link with documentSortHref too, so both give one URL per order. */
export function documentSortOptions(path: string, query: DocumentListQuery): SortOption[] {
  return documentSortChoices(query.kind).map((c) => ({ value: sortValue(c.sort, c.dir), label: c.label, href: documentSortHref(path, query, c.sort, c.dir) }));
}
