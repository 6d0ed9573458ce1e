import Link from "next/link";
import { listHref } from "@/lib/list-url-state";
import type { ListProps } from "./list-props";

/**
 * Previous and next links that keep the search, status and sort. A page past the end (a bookmark
 * after rows were deleted) still shows; its Previous link goes back to the last real page.
 */
export function ListPagination<Sort extends string, Status extends string>({ list, state, total, pageSize, noun }: ListProps<Sort, Status> & { total: number; pageSize: number; noun: { one: string; many: string } }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      <p>
        Page {Math.min(state.page, pages)} of {pages} · {total} {total === 1 ? noun.one : noun.many}
      </p>
      <div className="flex gap-2">
        {state.page > 1 ? (
          <Link href={listHref(list, state, { page: Math.min(state.page - 1, pages) })} rel="prev" className="rounded-md border border-slate-300 px-3 py-2 font-medium hover:bg-slate-50">
            Previous
          </Link>
        ) : null}
        {state.page < pages ? (
          <Link href={listHref(list, state, { page: state.page + 1 })} rel="next" className="rounded-md border border-slate-300 px-3 py-2 font-medium hover:bg-slate-50">
            Next
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
