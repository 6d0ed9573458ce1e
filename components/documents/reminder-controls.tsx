"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useAppMessages } from "@/components/i18n/app-language";
import { catalogs } from "@/lib/i18n/catalogs/app/document-page";
import type { ActionResult } from "@/lib/actions/safe-action";
import { pauseInvoiceReminders, resumeInvoiceReminders, sendInvoiceReminder } from "@/lib/actions/reminders";

type Props = {
  id: string;
  /** The step the job sends next, and when (already formatted, the step worded for mid-sentence); null when every step has gone. */
  next: { step: number; date: string; description: string } | null;
  enabled: boolean;
  paused: boolean;
  /** "Acme promised to pay on 30 May 2026: reminders wait…", when a promise still holds reminders back. */
  promise: string | null;
};

/** An open invoice's reminders: "Next reminder: <date> · Pause · Send now", or why none will go. */
export function ReminderControls({ id, next, enabled, paused, promise }: Props) {
  const t = useAppMessages(catalogs);
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const run = (action: () => Promise<ActionResult<unknown>>) =>
    startTransition(async () => {
      const r = await action();
      if (r) setResult({ ok: r.ok, message: r.ok ? (r.message ?? t("reminders.done")) : r.message });
    });

  let status: React.ReactNode;
  if (!enabled) {
    status = (
      <>
        {t("reminders.off")} (
        <Link href="/settings/reminders" className="text-brand-700 underline underline-offset-2">
          {t("reminders.offLink")}
        </Link>
        ).
      </>
    );
  } else if (paused) status = t("reminders.paused");
  else if (next) {
    status = (
      <>
        {t("reminders.next")} <strong>{next.date}</strong> ({next.description})
      </>
    );
  } else status = t("reminders.none");

  return (
    <section aria-labelledby="reminders-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="reminders-heading" className="text-base font-semibold">
        {t("reminders.heading")}
      </h2>
      <div aria-live="polite">{result ? <Alert tone={result.ok ? "success" : "error"}>{result.message}</Alert> : null}</div>
      <p className="text-sm" data-testid="reminder-status">
        {status}
      </p>
      {promise ? <p className="text-sm text-slate-700">{promise}</p> : null}
      <div className="flex flex-wrap gap-2">
        {enabled ? (
          paused ? (
            <Button variant="secondary" pending={pending} onClick={() => run(() => resumeInvoiceReminders({ id }))}>
              {t("reminders.resume")}
            </Button>
          ) : (
            <Button variant="secondary" pending={pending} onClick={() => run(() => pauseInvoiceReminders({ id }))}>
              {t("reminders.pause")}
            </Button>
          )
        ) : null}
        {next ? (
          <Button variant="secondary" pending={pending} onClick={() => run(() => sendInvoiceReminder({ id, step: next.step }))}>
            {t("reminders.sendNow")}
          </Button>
        ) : null}
      </div>
    </section>
  );
}
