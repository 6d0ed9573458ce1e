"use client";

import { useAppMessages } from "@/components/i18n/app-language";
import { catalogs } from "@/lib/i18n/catalogs/app/recurring";

const tones = {
  active: "bg-green-100 text-green-900",
  paused: "bg-amber-100 text-amber-900",
  ended: "bg-slate-200 text-slate-800",
} as const;
const labels = { active: "status.active", paused: "status.paused", ended: "status.ended" } as const;

/** A profile's status, and a warning when occurrences were missed (jobs did not run) or wait for a retry after failing. */
export function RecurringStatusBadge({ status, missed = 0, failed = 0 }: { status: keyof typeof tones; missed?: number; failed?: number }) {
  // A client component so it reads the app language itself, wherever a page puts it.
  const t = useAppMessages(catalogs);
  return (
    <span className="inline-flex flex-wrap gap-1">
      <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${tones[status]}`}>{t(labels[status])}</span>
      {failed > 0 ? <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900">{t("status.failed", { count: failed })}</span> : null}
      {missed > 0 ? <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">{t("status.missed", { count: missed })}</span> : null}
    </span>
  );
}
