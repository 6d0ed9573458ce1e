"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { dismissBulk } from "@/lib/actions/bulk";
import type { BulkStatus } from "@/lib/bulk";
import { useAppMessages } from "@/components/i18n/app-language";
import { catalogs as bulkCatalogs } from "@/lib/i18n/catalogs/app/bulk";

/** How often a running job's notice asks for its progress. */
const POLL_MS = 1000;

/**
 * A bulk action's notice: a progress bar while it runs (polling its status route, so the work goes
 * on server-side whether or not anyone watches), then its result — "Bulk send finished: 49 sent,
 * 1 failed" with the failed documents by name, "View" for every outcome and, for PDFs, the ZIP.
 * A native <progress>: the strict CSP forbids the inline width a styled bar would need.
 */
export function BulkJobNotice({ initial, showView = true, dismissible = false }: { initial: BulkStatus; showView?: boolean; dismissible?: boolean }) {
  const t = useAppMessages(bulkCatalogs);
  const router = useRouter();
  const [status, setStatus] = useState(initial);
  const [dismissing, startDismiss] = useTransition();
  const [hidden, setHidden] = useState(false);
  const [pollError, setPollError] = useState<string | null>(null);

  useEffect(() => {
    if (status.finished) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/bulk/${status.id}/status`, { cache: "no-store" });
        const body = (await response.json()) as BulkStatus | { message: string };
        if (cancelled) return;
        if (!response.ok || !("id" in body)) {
          setPollError("message" in body ? body.message : t("pollFailed"));
          // Busy (429) or a server error: ask again on the next tick. Signed out or gone: stop.
          if (response.status === 429 || response.status >= 500) setStatus((s) => ({ ...s }));
          return;
        }
        setPollError(null);
        setStatus(body);
        // Finished: the list's statuses (sent, reminded) have changed.
        if (body.finished) router.refresh();
      } catch {
        if (!cancelled) setPollError(t("pollRetrying"));
        if (!cancelled) setStatus((s) => ({ ...s }));
      }
    }, POLL_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [status, router, t]);

  if (hidden) return null;
  const done = status.counts.succeeded + status.counts.failed + status.counts.skipped;
  const tone = !status.finished ? "border-brand-100 bg-brand-50" : status.counts.failed ? "border-amber-300 bg-amber-50" : "border-green-300 bg-green-50";
  return (
    <section aria-label={status.finished ? t("result") : t("inProgress")} className={`space-y-2 rounded-md border px-4 py-3 text-sm text-slate-900 ${tone}`} data-testid="bulk-notice">
      {/* Announced once, when the result is in: not on every progress tick. */}
      <p aria-live="polite" className="font-semibold">
        {status.finished ? status.summary : ""}
      </p>
      {!status.finished ? (
        <div className="space-y-1">
          <p className="font-semibold">{status.summary}</p>
          <progress max={status.total} value={done} aria-label={t("progress")} className="h-2 w-full max-w-md accent-brand-600">
            {t("progressOf", { done, total: status.total })}
          </progress>
          <p className="text-slate-700">{t("goesOn")}</p>
        </div>
      ) : null}
      {status.problems.length ? (
        <ul className="list-disc space-y-1 pl-5" aria-label={t("notDone")}>
          {status.problems.map((p, i) => (
            <li key={i}>
              <span className="font-medium">
                {p.number} ({p.customerName})
              </span>{" "}
              {p.outcome === "failed" ? t("failed") : t("skipped")}: {p.reason}
            </li>
          ))}
          {status.moreProblems ? <li>{t("more", { count: status.moreProblems })}</li> : null}
        </ul>
      ) : null}
      {pollError ? <p role="alert">{pollError}</p> : null}
      <div className="flex flex-wrap items-center gap-4">
        {status.zipReady ? (
          <a href={`/bulk/${status.id}/zip`} download className="inline-flex min-h-11 items-center rounded-md bg-brand-600 px-4 text-sm font-semibold text-white hover:bg-brand-700">
            {t("downloadZip", { count: status.counts.succeeded })}
          </a>
        ) : null}
        {showView ? (
          <Link href={`/bulk/${status.id}`} className="font-semibold text-brand-700 underline underline-offset-2">
            {t("view")}<span className="sr-only">{t("viewHidden")}</span>
          </Link>
        ) : null}
        {dismissible && status.finished ? (
          <Button
            variant="ghost"
            pending={dismissing}
            onClick={() =>
              startDismiss(async () => {
                const r = await dismissBulk({ id: status.id });
                if (r.ok) setHidden(true);
              })
            }
          >
            {t("dismiss")}<span className="sr-only">{t("dismissHidden")}</span>
          </Button>
        ) : null}
      </div>
    </section>
  );
}
