import type { SummaryRow } from "@/lib/document-summary";

/**
 * A document's totals box (lib/document-summary.ts rows): label at the start, amount at the end (mirrored in right-to-left pages), totals in bold.
 * `testIds` keeps the ids pages already expose (e.g. "total"); other rows get `summary-<key>`.
 */
export function TotalsList({ rows, className = "", testIds = {} }: { rows: SummaryRow[]; className?: string; testIds?: Record<string, string> }) {
  return (
    <dl className={`space-y-1 text-sm tabular-nums ${className}`}>
      {rows.map((r) => (
        <div key={r.key} className={`flex justify-between gap-4 ${r.emphasis === "total" ? "border-t border-slate-200 pt-1 text-base font-semibold" : ""}`}>
          <dt>{r.label}</dt>
          <dd className="whitespace-nowrap text-end" data-testid={testIds[r.key] ?? `summary-${r.key}`}>{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}
