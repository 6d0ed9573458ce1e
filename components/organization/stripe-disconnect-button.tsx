"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { disconnectStripe } from "@/lib/actions/stripe";

/** Disconnect, after a confirmation: clients lose the Pay button at once. */
export function StripeDisconnectButton() {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <Button
        type="button"
        variant="danger"
        pending={pending}
        onClick={() => {
          if (!confirm("Disconnect Stripe? Clients will no longer be able to pay online. Payments already recorded stay.")) return;
          setError(null);
          startTransition(async () => {
            const result = await disconnectStripe({}).catch(() => null);
            if (!result?.ok) setError(result?.message ?? "We couldn't reach the server. Nothing was changed; try again.");
          });
        }}
      >
        {pending ? "Disconnecting…" : "Disconnect Stripe"}
      </Button>
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
    </div>
  );
}
