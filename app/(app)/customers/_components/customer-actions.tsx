"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { archiveCustomer, deleteCustomer, unarchiveCustomer } from "@/lib/actions/customers";

/** Archive / restore / delete on the customer page. Deleting is refused by the server when the customer has documents. */
export function CustomerActions({ id, name, archived }: { id: string; name: string; archived: boolean }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  // Success is a toast (an archive offers Undo there); a refusal stays beside the buttons.
  const run = (action: typeof archiveCustomer, then?: () => void) =>
    startTransition(async () => {
      const result = await action({ id });
      then?.();
      setError(result.ok ? null : result.message);
      if (!result.ok) return;
      if (action === archiveCustomer) {
        toast.success(result.message ?? "Archived.", {
          id: `archived-${id}`,
          duration: 10_000,
          action: { label: "Undo", onClick: () => run(unarchiveCustomer) },
        });
      } else if (result.message) toast.success(result.message, { id: `archived-${id}` });
    });
  return (
    <>
      {archived ? (
        <Button type="button" variant="secondary" pending={pending} onClick={() => run(unarchiveCustomer)}>
          Restore
        </Button>
      ) : (
        <Button type="button" variant="secondary" pending={pending} onClick={() => run(archiveCustomer)}>
          Archive
        </Button>
      )}
      <Button
        type="button"
        variant="danger"
        pending={pending}
        onClick={() => setConfirming(true)}
      >
        Delete
      </Button>
      <ConfirmDialog
        open={confirming}
        title={`Delete ${name}?`}
        message="The customer and their contacts are deleted for good. A customer with documents can't be deleted: archive it instead."
        confirmLabel="Delete customer"
        pending={pending}
        onConfirm={() => run(deleteCustomer, () => setConfirming(false))}
        onClose={() => setConfirming(false)}
      />
      {error ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </>
  );
}
