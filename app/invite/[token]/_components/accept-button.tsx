"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { acceptInvitationAction } from "@/lib/actions/auth";

/** Words come from the page (translated on the server), so this page ships no catalog. */
export function AcceptInvitationButton({ token, text }: { token: string; text: { accept: string; joining: string } }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-4">
      <div aria-live="polite">{error ? <Alert tone="error">{error}</Alert> : null}</div>
      <Button
        type="button"
        pending={pending}
        onClick={() =>
          startTransition(async () => {
            const r = await acceptInvitationAction({ token });
            if (r && !r.ok) setError(r.message);
          })
        }
      >
        {pending ? text.joining : text.accept}
      </Button>
    </div>
  );
}
