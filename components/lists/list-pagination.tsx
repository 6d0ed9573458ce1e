"use client";

import Link from "next/link";
import { useAppMessages } from "@/components/i18n/app-language";
import { catalogs } from "@/lib/i18n/catalogs/app/lists";
import { listHref } from "@/lib/list-url-state";
import type { ListProps } from "./list-props";

/**
 * Previous and next links that keep the search, status and sort. A page past the end (a bookmark
 * after rows were deleted) still shows; its Previous link goes back to the last real page.
 */
export function ListPagination<Sort extends string, Status extends string>({ list, state, total, pageSize, noun }: ListProps<Sort, Status> & { total: number; pageSize: number; noun: { one: string; many: string } }) {
  const t = useAppMessages(catalogs);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav aria-label={t("pages")} className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      <p>
        {t("pageSummary", { page: Math.min(state.page, pages), pages, total, noun: total === 1 ? noun.one : noun.many })}
      </p>
      <div className="flex gap-2">
        {state.page > 1 ? (
          <Link href={listHref(list, state, { page: Math.min(state.page - 1, pages) })} rel="prev" className="rounded-md border border-slate-300 px-3 py-2 font-medium hover:bg-slate-50">
            {t("previous")}
          </Link>
        ) : null}
        {state.page < pages ? (
          <Link href={listHref(list, state, { page: state.page + 1 })} rel="next" className="rounded-md border border-slate-300 px-3 py-2 font-medium hover:bg-slate-50">
            {t("next")}
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
