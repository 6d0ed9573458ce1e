import Link from "next/link";
import { isFiltered } from "@/lib/list-url-state";
import type { ListProps } from "./list-props";

/** Labels for the status filter of lists whose rows can be archived (customers, items). */
export const ARCHIVE_STATUS_LABELS = { active: "Active", archived: "Archived", all: "All" } as const;

/**
 * A plain GET form, so search works without JavaScript. The current sort rides along in hidden
 * inputs (only when not the default, to keep URLs short); a new search starts again at page 1.
 */
export function ListSearchForm<Sort extends string, Status extends string>({
  list,
  state,
  label,
  idPrefix,
  searchLabel,
  placeholder,
  statusLabels,
}: ListProps<Sort, Status> & {
  /** Names the search landmark. */
  label: string;
  /** Keeps the input ids unique on the page. */
  idPrefix: string;
  searchLabel: string;
  placeholder: string;
  statusLabels: Record<Status, string>;
}) {
  const searchId = `${idPrefix}-search`;
  const statusId = `${idPrefix}-status`;
  return (
    <form method="get" action={list.path} role="search" aria-label={label} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <div className="min-w-56 flex-1 space-y-1">
        <label htmlFor={searchId} className="block text-sm font-medium text-slate-900">
          {searchLabel}
        </label>
        <input
          id={searchId}
          name="q"
          type="search"
          defaultValue={state.q}
          placeholder={placeholder}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm"
        />
      </div>
      <div className="space-y-1">
        <label htmlFor={statusId} className="block text-sm font-medium text-slate-900">
          Status
        </label>
        <select id={statusId} name="status" defaultValue={state.status} className="block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm">
          {list.statuses.map((status) => (
            <option key={status} value={status}>
              {statusLabels[status]}
            </option>
          ))}
        </select>
      </div>
      {state.sort !== list.sorts[0] ? <input type="hidden" name="sort" value={state.sort} /> : null}
      {state.dir !== "asc" ? <input type="hidden" name="dir" value={state.dir} /> : null}
      <button type="submit" className="min-h-11 rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold shadow-sm hover:bg-slate-50">
        Search
      </button>
      {isFiltered(list, state) ? (
        <Link href={list.path} className="min-h-11 px-2 py-2.5 text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          Clear
        </Link>
      ) : null}
    </form>
  );
}
