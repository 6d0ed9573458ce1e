"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { BulkAction, DocumentKind } from "@/db/schema";
import { notify } from "@/components/feedback/notify";
import { Button } from "@/components/ui/button";
import { startBulk } from "@/lib/actions/bulk";
import { BULK_MAX } from "@/lib/bulk";
import { useAppMessages } from "@/components/i18n/app-language";
import { catalogs as bulkCatalogs } from "@/lib/i18n/catalogs/app/bulk";
import { useBulkSelection } from "./bulk-selection";

type Props = {
  kind: DocumentKind;
  /** How many documents match the list's filter (all pages). */
  count: number;
  /** The list's filter as a query string, without the page ("status=open&q=acme"). */
  filter: string;
  /** The list's word for its documents, lower case: "invoices". */
  many: string;
  /** The list's CSV export route ("/invoices/export"). */
  exportPath: string;
  actions: BulkAction[];
};

/**
 * The bar above a documents list once rows are selected: how many, "Select all N matching this
 * filter", and the actions. An action starts a job and returns at once; its progress and result
 * show in the notices above the list (components/bulk/bulk-job-notice.tsx).
 */
export function BulkBar({ kind, count, filter, many, exportPath, actions }: Props) {
  const t = useAppMessages(bulkCatalogs);
  const router = useRouter();
  const { pageIds, selected, allMatching, selectAllMatching, clear } = useBulkSelection();
  const [pending, startTransition] = useTransition();
  const [running, setRunning] = useState<BulkAction | null>(null);
  const n = allMatching ? count : selected.size;
  const everyRowOfPage = pageIds.length > 0 && pageIds.every((id) => selected.has(id));

  const start = (action: BulkAction) => {
    setRunning(action);
    startTransition(async () => {
      const r = await startBulk(allMatching ? { kind, action, filter } : { kind, action, ids: [...selected], filter });
      // A toast says it started (or why not); the notice above the list follows the work.
      if (notify(r, t("started"))) {
        clear();
        router.refresh();
      }
      setRunning(null);
    });
  };

  const csvHref = allMatching ? `${exportPath}${filter ? `?${filter}` : ""}` : `${exportPath}?ids=${[...selected].join(",")}`;
  return (
    <div className="space-y-2">
      {n > 0 ? (
        <section aria-label={t("bulkActions")} className="flex flex-wrap items-center gap-3 rounded-lg border border-brand-100 bg-brand-50 px-4 py-3 text-sm">
          <p className="font-semibold" aria-live="polite">
            {allMatching ? t("allSelected", { count, many }) : t("selected", { n })}
          </p>
          {everyRowOfPage && !allMatching && count > pageIds.length ? (
            <button type="button" onClick={selectAllMatching} className="min-h-11 font-semibold text-brand-700 underline underline-offset-2">
              {t("selectAllMatching", { count })}
            </button>
          ) : null}
          {allMatching && count > BULK_MAX ? <p role="alert">{t("tooMany", { max: BULK_MAX })}</p> : null}
          <div className="flex flex-wrap gap-2">
            {actions.map((action) => (
              <Button key={action} variant="secondary" pending={pending && running === action} disabled={pending} onClick={() => start(action)}>
                {t(`action.${action}`)}
              </Button>
            ))}
            <a href={csvHref} className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold hover:bg-slate-50">
              {t("exportSelected")}
            </a>
            <Button variant="ghost" onClick={clear} disabled={pending}>
              {t("clearSelection")}
            </Button>
          </div>
        </section>
      ) : null}
    </div>
  );
}
