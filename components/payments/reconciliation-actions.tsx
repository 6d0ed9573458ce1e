"use client";

import { useState, useTransition } from "react";
import { useAppMessages } from "@/components/i18n/app-language";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/safe-action";
import { catalogs } from "@/lib/i18n/catalogs/app/payments-settings";

type Run = () => Promise<ActionResult<unknown>>;

/** A button that runs one server action and says what happened (the page re-renders with the new result). */
export function ActionButton({ action, children, variant = "secondary", label }: { action: Run; children: React.ReactNode; variant?: "primary" | "secondary"; label?: string }) {
  const t = useAppMessages(catalogs);
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  return (
    <div className="space-y-2">
      <Button
        type="button"
        variant={variant}
        pending={pending}
        aria-label={label}
        onClick={() =>
          startTransition(async () => {
            const r = await action();
            if (r) setResult({ ok: r.ok, message: r.ok ? (r.message ?? t("action.done")) : r.message });
          })
        }
      >
        {pending ? t("action.working") : children}
      </Button>
      <div aria-live="polite">{result ? <Alert tone={result.ok ? "success" : "error"}>{result.message}</Alert> : null}</div>
    </div>
  );
}
