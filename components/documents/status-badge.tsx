import type { DocumentStatus } from "@/db/schema";
import { statusLabels, statusTones } from "@/lib/document-labels";

export function StatusBadge({ status, overdue = false }: { status: DocumentStatus; overdue?: boolean }) {
  return (
    <span className="inline-flex gap-1">
      <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${statusTones[status]}`}>{statusLabels[status]}</span>
      {overdue ? <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${statusTones.overdue}`}>Overdue</span> : null}
    </span>
  );
}
