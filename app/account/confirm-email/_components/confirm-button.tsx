"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { confirmEmailChange } from "@/lib/actions/account";

// A button, not the link itself: mail scanners that open links must not change anyone's email.
// Its words come from the page (translated on the server), so this page ships no catalog.
export function ConfirmEmailButton({ token, text }: { token: string; text: { confirm: string; goToAccount: string } }) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  if (result?.ok) {
    return (
      <div className="space-y-4">
        <Alert tone="success">{result.message}</Alert>
        <Link href="/settings/account" className="text-sm font-semibold text-brand-700 underline-offset-2 hover:underline">{text.goToAccount}</Link>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <div aria-live="polite">{result ? <Alert tone="error">{result.message}</Alert> : null}</div>
      <Button type="button" pending={pending} onClick={() => startTransition(async () => {
        const r = await confirmEmailChange({ token });
        setResult({ ok: r.ok, message: r.ok ? (r.message ?? "Done.") : r.message });
      })}>
        {text.confirm}
      </Button>
    </div>
  );
}
