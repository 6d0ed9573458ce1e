"use client";

import { useAppMessages } from "@/components/i18n/app-language";
import { catalogs } from "@/lib/i18n/catalogs/app/ui";
import { Button } from "./button";
import { Dialog } from "./dialog";

/** "Are you sure?" for a destructive action, in the page's own dialog rather than window.confirm. */
export function ConfirmDialog({ open, title, message, confirmLabel, pending = false, onConfirm, onClose }: { open: boolean; title: string; message: string; confirmLabel: string; pending?: boolean; onConfirm: () => void; onClose: () => void }) {
  const t = useAppMessages(catalogs);
  return (
    <Dialog open={open} onClose={onClose} title={title} description={message}>
      <div className="flex flex-wrap justify-end gap-2">
        {/* Cancel first: the safe choice is where focus starts. */}
        <Button type="button" variant="secondary" onClick={onClose}>{t("cancel")}</Button>
        <Button type="button" variant="danger" pending={pending} onClick={onConfirm}>{confirmLabel}</Button>
      </div>
    </Dialog>
  );
}
