"use client";

import { useTransition } from "react";
import { notify } from "@/components/feedback/notify";
import { Button } from "@/components/ui/button";
import { invoiceAgain } from "@/lib/actions/documents";

/** Copies the customer's last invoice to a new draft dated today (the action opens its editor). */
export function InvoiceAgainButton({ customerId, label }: { customerId: string; label: string }) {
  const [pending, startTransition] = useTransition();
  return (
    <Button variant="secondary" pending={pending} onClick={() => startTransition(async () => void notify(await invoiceAgain({ customerId })))}>
      {label}
    </Button>
  );
}
