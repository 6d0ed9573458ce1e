"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { archiveCustomer, deleteCustomer, unarchiveCustomer } from "@/lib/actions/customers";

/** What the buttons and the delete dialog say, worded in the app language by the page. */
export type CustomerActionLabels = {
  archive: string;
  restore: string;
  delete: string;
  undo: string;
  archived: string;
  deleteTitle: string;
  deleteMessage: string;
  deleteConfirm: string;
};

/** Archive / restore / delete on the customer page. Deleting is refused by the server when the customer has documents. */
export function CustomerActions({ id, archived, labels }: { id: string; archived: boolean; labels: CustomerActionLabels }) {
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
        toast.success(result.message ?? labels.archived, {
          id: `archived-${id}`,
          duration: 10_000,
          action: { label: labels.undo, onClick: () => run(unarchiveCustomer) },
        });
      } else if (result.message) toast.success(result.message, { id: `archived-${id}` });
    });
  return (
    <>
      {archived ? (
        <Button type="button" variant="secondary" pending={pending} onClick={() => run(unarchiveCustomer)}>
          {labels.restore}
        </Button>
      ) : (
        <Button type="button" variant="secondary" pending={pending} onClick={() => run(archiveCustomer)}>
          {labels.archive}
        </Button>
      )}
      <Button
        type="button"
        variant="danger"
        pending={pending}
        onClick={() => setConfirming(true)}
      >
        {labels.delete}
      </Button>
      <ConfirmDialog
        open={confirming}
        title={labels.deleteTitle}
        message={labels.deleteMessage}
        confirmLabel={labels.deleteConfirm}
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
