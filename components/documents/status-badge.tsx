"use client";

import type { DocumentStatus } from "@/db/schema";
import { useAppMessages } from "@/components/i18n/app-language";
import { statusTones } from "@/lib/document-labels";
import { catalogs as statusCatalogs } from "@/lib/i18n/catalogs/app/status";

/** A client component so server lists and client panels alike read the user's app language. */
export function StatusBadge({ status, overdue = false }: { status: DocumentStatus; overdue?: boolean }) {
  const t = useAppMessages(statusCatalogs);
  return (
    <span className="inline-flex gap-1">
      <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${statusTones[status]}`}>{t(status)}</span>
      {overdue ? <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${statusTones.overdue}`}>{t("overdue")}</span> : null}
    </span>
  );
}
