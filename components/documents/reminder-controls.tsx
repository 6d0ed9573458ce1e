"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/safe-action";
import { pauseInvoiceReminders, resumeInvoiceReminders, sendInvoiceReminder } from "@/lib/actions/reminders";

type Props = {
  id: string;
  /** The step the job sends next, and when (already formatted); null when every step has gone. */
  next: { step: number; date: string; description: string } | null;
  enabled: boolean;
  paused: boolean;
  /** "Acme promised to pay on 30 May 2026", when a promise still holds reminders back. */
  promise: string | null;
};

/** An open invoice's reminders: "Next reminder: <date> · Pause · Send now", or why none will go. */
export function ReminderControls({ id, next, enabled, paused, promise }: Props) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const run = (action: () => Promise<ActionResult<unknown>>) =>
    startTransition(async () => {
      const r = await action();
      if (r) setResult({ ok: r.ok, message: r.ok ? (r.message ?? "Done.") : r.message });
    });

  let status: React.ReactNode;
  if (!enabled) {
    status = (
      <>
        Automatic reminders are off for your organisation (
        <Link href="/settings/reminders" className="text-brand-700 underline underline-offset-2">
          Settings → Reminders
        </Link>
        ).
      </>
    );
  } else if (paused) status = "Reminders are paused for this invoice.";
  else if (next) {
    status = (
      <>
        Next reminder: <strong>{next.date}</strong> ({next.description.toLowerCase()})
      </>
    );
  } else status = "No more reminders: every step of the schedule has been sent.";

  return (
    <section aria-labelledby="reminders-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="reminders-heading" className="text-base font-semibold">
        Reminders
      </h2>
      <div aria-live="polite">{result ? <Alert tone={result.ok ? "success" : "error"}>{result.message}</Alert> : null}</div>
      <p className="text-sm" data-testid="reminder-status">
        {status}
      </p>
      {promise ? <p className="text-sm text-slate-700">{promise}: reminders wait until the day after.</p> : null}
      <div className="flex flex-wrap gap-2">
        {enabled ? (
          paused ? (
            <Button variant="secondary" pending={pending} onClick={() => run(() => resumeInvoiceReminders({ id }))}>
              Resume reminders
            </Button>
          ) : (
            <Button variant="secondary" pending={pending} onClick={() => run(() => pauseInvoiceReminders({ id }))}>
              Pause reminders
            </Button>
          )
        ) : null}
        {next ? (
          <Button variant="secondary" pending={pending} onClick={() => run(() => sendInvoiceReminder({ id, step: next.step }))}>
            Send reminder now
          </Button>
        ) : null}
      </div>
    </section>
  );
}
