"use client";

import Link from "next/link";
import { useAppMessages } from "@/components/i18n/app-language";
import { catalogs } from "@/lib/i18n/catalogs/app/lists";
import { listHref } from "@/lib/list-url-state";
import { FiltersDisclosure } from "./filters-disclosure";
import { EmptyListBox, NoMatches, NothingYet } from "./list-empty";
import type { ListProps } from "./list-props";
import { StatusTabs } from "./status-tabs";

type ArchiveStatus = "active" | "archived" | "all";

/** How many filters narrow an archivable list (the status is a tab, not a filter): the "Filters (n)" figure. */
export const activeArchiveFilters = (state: { q: string }) => (state.q ? 1 : 0);

/**
 * The documents lists' pattern for lists whose rows can be archived (customers, items): status as
 * tabs (links, so they work without a script), the search behind one "Filters (n)" button. The
 * search is a plain GET form that keeps the tab and the sort and starts again at page 1.
 */
export function ArchiveListControls<Sort extends string>({
  list,
  state,
  title,
  many,
  searchLabel,
  placeholder,
}: ListProps<Sort, ArchiveStatus> & {
  /** "Customers" and "customers": name the tabs and the search landmark. */
  title: string;
  many: string;
  searchLabel: string;
  placeholder: string;
}) {
  const t = useAppMessages(catalogs);
  const active = activeArchiveFilters(state);
  const searchId = `${list.path.slice(1)}-search`;
  return (
    <>
      <StatusTabs
        label={t("byStatus", { title })}
        tabs={list.statuses.map((status) => ({
          label: t(`archive.${status}`),
          href: listHref(list, state, { status, page: 1 }),
          count: null,
          current: status === state.status,
        }))}
      />
      <FiltersDisclosure active={active}>
        <form method="get" action={list.path} role="search" aria-label={t("filterMany", { many })} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2">
          <div className="sm:col-span-2">
            <label htmlFor={searchId} className="block text-sm font-medium">{searchLabel}</label>
            <input id={searchId} name="q" type="search" defaultValue={state.q} placeholder={placeholder} className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm" />
          </div>
          {state.status !== list.statuses[0] ? <input type="hidden" name="status" value={state.status} /> : null}
          {state.sort !== list.sorts[0] ? <input type="hidden" name="sort" value={state.sort} /> : null}
          {state.dir !== "asc" ? <input type="hidden" name="dir" value={state.dir} /> : null}
          <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
            <button type="submit" className="inline-flex min-h-11 items-center rounded-md bg-brand-600 px-4 text-sm font-semibold text-white hover:bg-brand-700">{t("applyFilters")}</button>
            {active > 0 ? (
              <Link href={listHref(list, state, { q: "", page: 1 })} className="inline-flex min-h-11 items-center px-2 text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
                {t("clear")}
              </Link>
            ) : null}
          </div>
        </form>
      </FiltersDisclosure>
    </>
  );
}

/**
 * An archivable list with no rows, worded like the documents lists: a search that matches nothing
 * offers to clear it, an empty tab offers the default list, and an organisation with none at all is
 * pointed at creating the first one.
 */
export function ArchiveListEmpty<Sort extends string>({
  list,
  state,
  many,
  createHref,
  createLabel,
  nothingYet,
}: ListProps<Sort, ArchiveStatus> & { many: string; createHref: string; createLabel: string; nothingYet: string }) {
  const t = useAppMessages(catalogs);
  return (
    <EmptyListBox>
      {state.q ? (
        <NoMatches resetHref={listHref(list, state, { q: "", page: 1 })} resetLabel={t("clearFilters")}>
          {t("noMatchesFor", { many, q: state.q })}
        </NoMatches>
      ) : state.status === "archived" ? (
        <NoMatches resetHref={list.path} resetLabel={t("showActive", { many })}>
          {t("noArchived", { many })}
        </NoMatches>
      ) : (
        <NothingYet message={nothingYet} createHref={createHref} createLabel={createLabel} />
      )}
    </EmptyListBox>
  );
}
