"use client";

import { useId, useTransition } from "react";
import { useAppMessages } from "@/components/i18n/app-language";
import { catalogs } from "@/lib/i18n/catalogs/app/lists";
import { useProgressRouter } from "@/components/shell/progress-router";
import type { SortOption } from "@/lib/list-sort-choices";

/**
 * Phones have no table headers to sort by: this select offers the same orders (lib/list-sort-choices.ts)
 * and goes to the very link a header would, so the URL's `sort`/`dir` stay the one source of truth.
 * Hidden from 640 px, where the headers are on screen.
 */
export function SortSelect({ options, current, className = "" }: { options: SortOption[]; current: string; className?: string }) {
  const t = useAppMessages(catalogs);
  const router = useProgressRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  return (
    <div className={`flex items-center gap-2 sm:hidden ${className}`}>
      <label htmlFor={id} className="text-sm font-medium text-slate-900">
        {t("sort")}
      </label>
      <select
        id={id}
        value={current}
        aria-busy={pending}
        onChange={(e) => {
          const href = options.find((o) => o.value === e.target.value)?.href;
          if (href) startTransition(() => router.push(href));
        }}
        className="block min-h-11 min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
