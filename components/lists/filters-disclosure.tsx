"use client";

import { useId, useState } from "react";
import { useAppMessages } from "@/components/i18n/app-language";
import { catalogs } from "@/lib/i18n/catalogs/app/lists";

/**
 * One "Filters" button that shows how many filters narrow the list ("Filters (2)") and opens the
 * panel of fields below it: the list, not the form, is what a phone shows first. A disclosure
 * (aria-expanded, aria-controls), opened and closed with Enter or Space like any button.
 */
export function FiltersDisclosure({ active, children }: { active: number; children: React.ReactNode }) {
  const t = useAppMessages(catalogs);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="inline-flex min-h-11 items-center gap-2 rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold shadow-sm hover:bg-slate-50"
      >
        <span aria-hidden="true">{open ? "▴" : "▾"}</span>
        {active > 0 ? t("filtersActive", { count: active }) : t("filters")}
      </button>
      <div id={panelId} hidden={!open} className="mt-3">
        {children}
      </div>
    </div>
  );
}
