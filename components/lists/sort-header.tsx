"use client";

import Link from "next/link";
import { useAppMessages } from "@/components/i18n/app-language";
import { catalogs } from "@/lib/i18n/catalogs/app/lists";
import { listHref, type SortDir } from "@/lib/list-url-state";
import type { ListProps } from "./list-props";

/** A column header that sorts the list by its column; choosing it again reverses the order. A client component for its words' language. */
export function SortHeader<Sort extends string, Status extends string>({ list, state, sort, label, className }: ListProps<Sort, Status> & { sort: Sort; label: string; className?: string }) {
  const t = useAppMessages(catalogs);
  const active = state.sort === sort;
  const nextDir: SortDir = active && state.dir === "asc" ? "desc" : "asc";
  return (
    <th
      scope="col"
      className={className ? `px-4 py-2 font-medium ${className}` : "px-4 py-2 font-medium"}
      aria-sort={active ? (state.dir === "asc" ? "ascending" : "descending") : undefined}
    >
      <Link href={listHref(list, state, { sort, dir: nextDir, page: 1 })} className="inline-flex items-center gap-1 underline-offset-2 hover:underline">
        {label}
        <span aria-hidden="true">{active ? (state.dir === "asc" ? "▲" : "▼") : "↕"}</span>
        <span className="sr-only">{t(nextDir === "asc" ? "sortAscending" : "sortDescending")}</span>
      </Link>
    </th>
  );
}
