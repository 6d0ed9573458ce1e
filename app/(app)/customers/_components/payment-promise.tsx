"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions/safe-action";
import { clearPromiseToPay, promiseToPay } from "@/lib/actions/reminders";

/**
 * "Promised to pay on …": snoozes every reminder to this customer until the day after that date.
 * `promised` is the stored date (YYYY-MM-DD) when one still holds, `promisedText` the same formatted.
 */
export function PaymentPromise({ customerId, promised, promisedText }: { customerId: string; promised: string | null; promisedText: string | null }) {
  const [date, setDate] = useState(promised ?? "");
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const run = (action: () => Promise<ActionResult<unknown>>, after?: () => void) =>
    startTransition(async () => {
      const r = await action();
      if (!r) return;
      setResult({ ok: r.ok, message: r.ok ? (r.message ?? "Saved.") : r.message });
      if (r.ok) after?.();
    });

  return (
    <div className="space-y-3">
      <div aria-live="polite">{result ? <Alert tone={result.ok ? "success" : "error"}>{result.message}</Alert> : null}</div>
      <p className="text-sm text-slate-700">
        {promisedText ? `Promised to pay on ${promisedText}: no reminders until the day after.` : "Reminders to this customer follow your schedule."}
      </p>
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          run(() => promiseToPay({ id: customerId, promisedOn: date }));
        }}
      >
        <Field id="promised-on" label="Promised to pay on">
          <Input id="promised-on" type="date" value={date} onChange={(e) => setDate(e.target.value)} required className="w-auto" />
        </Field>
        <Button type="submit" variant="secondary" pending={pending}>
          Pause reminders until then
        </Button>
        {promised ? (
          <Button type="button" variant="ghost" pending={pending} onClick={() => run(() => clearPromiseToPay({ id: customerId }), () => setDate(""))}>
            Resume reminders
          </Button>
        ) : null}
      </form>
    </div>
  );
}
