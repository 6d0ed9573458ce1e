import { countLabel } from "@/lib/plural";

const tones = {
  active: "bg-green-100 text-green-900",
  paused: "bg-amber-100 text-amber-900",
  ended: "bg-slate-200 text-slate-800",
} as const;
const labels = { active: "Active", paused: "Paused", ended: "Ended" } as const;

/** A profile's status, and a warning when occurrences were missed (jobs did not run) or wait for a retry after failing. */
export function RecurringStatusBadge({ status, missed = 0, failed = 0 }: { status: keyof typeof tones; missed?: number; failed?: number }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${tones[status]}`}>{labels[status]}</span>
      {failed > 0 ? <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900">{countLabel(failed, { one: "failed", other: "failed" })}</span> : null}
      {missed > 0 ? <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">{countLabel(missed, { one: "missed", other: "missed" })}</span> : null}
    </span>
  );
}
