"use client";

import { useState, useTransition } from "react";
import { useAppMessages } from "@/components/i18n/app-language";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { disconnectStripe } from "@/lib/actions/stripe";
import { catalogs } from "@/lib/i18n/catalogs/app/payments-settings";

/** Disconnect, after a confirmation: clients lose the Pay button at once. */
export function StripeDisconnectButton() {
  const t = useAppMessages(catalogs);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const disconnect = () => {
    setError(null);
    startTransition(async () => {
      const result = await disconnectStripe({}).catch(() => null);
      setConfirming(false);
      if (!result?.ok) setError(result?.message ?? t("disconnect.unreachable"));
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
        {pending ? t("disconnect.pending") : t("disconnect.button")}
      </Button>
      <ConfirmDialog
        open={confirming}
        title={t("disconnect.title")}
        message={t("disconnect.message")}
        confirmLabel={t("disconnect.button")}
        pending={pending}
        onConfirm={disconnect}
        onClose={() => setConfirming(false)}
      />
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
    </div>
  );
}
