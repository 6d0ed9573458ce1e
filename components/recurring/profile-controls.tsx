"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { useAppMessages } from "@/components/i18n/app-language";
import { catalogs } from "@/lib/i18n/catalogs/app/recurring-editor";
import { setRecurringStatus } from "@/lib/actions/recurring";

/** Pause, Resume, Edit and End (End asks first: an ended profile cannot be resumed). */
export function ProfileControls({ id, status }: { id: string; status: "active" | "paused" | "ended" }) {
  const t = useAppMessages(catalogs);
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const run = (next: "active" | "paused" | "ended") =>
    startTransition(async () => {
      const r = await setRecurringStatus({ id, status: next });
      if (r) setResult({ ok: r.ok, message: r.ok ? (r.message ?? t("controls.done")) : r.message });
      setConfirming(false);
    });
  return (
    <div className="space-y-3">
      <div aria-live="polite">{result ? <Alert tone={result.ok ? "success" : "error"}>{result.message}</Alert> : null}</div>
      {status === "ended" ? null : (
        <div className="flex flex-wrap items-center gap-3">
          <ButtonLink href={`/recurring/${id}/edit`} variant="secondary">
            {t("controls.edit")}
          </ButtonLink>
          {status === "active" ? (
            <Button variant="secondary" pending={pending} onClick={() => run("paused")}>
              {t("controls.pause")}
            </Button>
          ) : (
            <Button variant="secondary" pending={pending} onClick={() => run("active")}>
              {t("controls.resume")}
            </Button>
          )}
          {confirming ? (
            <div role="group" aria-label={t("controls.confirmLabel")} className="flex flex-wrap items-center gap-2 rounded-md border border-red-300 bg-red-50 px-3 py-2">
              <p className="text-sm text-red-900">{t("controls.confirm")}</p>
              <Button variant="danger" pending={pending} onClick={() => run("ended")}>
                {t("controls.yesEnd")}
              </Button>
              <Button variant="ghost" onClick={() => setConfirming(false)}>
                {t("controls.keep")}
              </Button>
            </div>
          ) : (
            <Button variant="ghost" onClick={() => setConfirming(true)}>
              {t("controls.end")}
            </Button>
          )}
        </div>
      )}
      {status !== "ended" ? <p className="text-xs text-slate-600">{t("controls.hint")}</p> : null}
    </div>
  );
}
