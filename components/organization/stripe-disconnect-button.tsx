"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { disconnectStripe } from "@/lib/actions/stripe";

/** Disconnect, after a confirmation: clients lose the Pay button at once. */
export function StripeDisconnectButton() {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const disconnect = () => {
    setError(null);
    startTransition(async () => {
      const result = await disconnectStripe({}).catch(() => null);
      setConfirming(false);
      if (!result?.ok) setError(result?.message ?? "We couldn't reach the server. Nothing was changed; try again.");
    });
  };
  return (
    <div className="space-y-2">
      <Button
        type="button"
        variant="danger"
        pending={pending}
        onClick={() => setConfirming(true)}
      >
        {pending ? "Disconnecting…" : "Disconnect Stripe"}
      </Button>
      <ConfirmDialog
        open={confirming}
        title="Disconnect Stripe?"
        message="Clients can no longer pay online: the Pay button leaves your invoices at once. Payments already recorded stay."
        confirmLabel="Disconnect Stripe"
        pending={pending}
        onConfirm={disconnect}
        onClose={() => setConfirming(false)}
      />
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
    </div>
  );
}
