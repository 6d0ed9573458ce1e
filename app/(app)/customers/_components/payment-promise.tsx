"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions/safe-action";
import { clearPromiseToPay, promiseToPay } from "@/lib/actions/reminders";

/**
 * "Promised to pay on …": snoozes every reminder to this customer until the day after that date.
 * `promised` is the stored date (YYYY-MM-DD) when one still holds.
 */
export type PaymentPromiseLabels = { none: string; until: string | null; label: string; pause: string; resume: string; saved: string };

/** `labels.until` is the "Promised to pay on …" sentence with the date filled in, null when none holds. */
export function PaymentPromise({ customerId, promised, labels }: { customerId: string; promised: string | null; labels: PaymentPromiseLabels }) {
  const [date, setDate] = useState(promised ?? "");
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const run = (action: () => Promise<ActionResult<unknown>>, after?: () => void) =>
    startTransition(async () => {
      const r = await action();
      if (!r) return;
      setResult({ ok: r.ok, message: r.ok ? (r.message ?? labels.saved) : r.message });
      if (r.ok) after?.();
    });

  return (
    <div className="space-y-3">
      <div aria-live="polite">{result ? <Alert tone={result.ok ? "success" : "error"}>{result.message}</Alert> : null}</div>
      <p className="text-sm text-slate-700">
        {labels.until ?? labels.none}
      </p>
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          run(() => promiseToPay({ id: customerId, promisedOn: date }));
        }}
      >
        <Field id="promised-on" label={labels.label}>
          <Input id="promised-on" type="date" value={date} onChange={(e) => setDate(e.target.value)} required className="w-auto" />
        </Field>
        <Button type="submit" variant="secondary" pending={pending}>
          {labels.pause}
        </Button>
        {promised ? (
          <Button type="button" variant="ghost" pending={pending} onClick={() => run(() => clearPromiseToPay({ id: customerId }), () => setDate(""))}>
            {labels.resume}
          </Button>
        ) : null}
      </form>
    </div>
  );
}
