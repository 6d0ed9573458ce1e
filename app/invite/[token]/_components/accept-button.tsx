"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { acceptInvitationAction } from "@/lib/actions/auth";

export function AcceptInvitationButton({ token }: { token: string }) {
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
        {pending ? "Joining…" : "Accept invitation"}
      </Button>
    </div>
  );
}
