"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { useOptimisticArchive } from "@/components/lists/optimistic-archive";
import { useAppMessages } from "@/components/i18n/app-language";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { archiveItem, deleteItem, unarchiveItem } from "@/lib/actions/items";
import { catalogs } from "@/lib/i18n/catalogs/app/items";

const linkStyle = "inline-flex items-center rounded-md px-2 py-1.5 text-sm font-medium max-sm:min-h-11 hover:bg-slate-100";

/** Edit / archive / restore / delete in an item row. Deleting is always allowed: document lines keep their own copy. */
export function ItemActions({ id, name, archived }: { id: string; name: string; archived: boolean }) {
  const t = useAppMessages(catalogs);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  // In the list, archive and restore answer at once (components/lists/optimistic-archive.tsx).
  const list = useOptimisticArchive();
  const shownArchived = list ? list.archivedOf(id, archived) : archived;
  // Success is a toast (an archive offers Undo there); a refusal stays beside the buttons.
  const run = (action: typeof archiveItem, then?: () => void) =>
    startTransition(async () => {
      const result = await action({ id });
      then?.();
      setError(result.ok ? null : result.message);
      if (!result.ok) return;
      if (action === archiveItem) {
        toast.success(result.message ?? t("actions.archived"), {
          id: `archived-${id}`,
          duration: 10_000,
          action: { label: t("actions.undo"), onClick: () => run(unarchiveItem) },
        });
      } else if (result.message) toast.success(result.message, { id: `archived-${id}` });
    });
  return (
    <div className="flex flex-wrap items-center justify-end gap-1">
      <Link href={`/items/${id}/edit`} className={`${linkStyle} text-brand-700`} aria-label={t("actions.editLabel", { name })}>
        {t("actions.edit")}
      </Link>
      <button type="button" disabled={pending} className={`${linkStyle} text-slate-700`} aria-label={shownArchived ? t("actions.restoreLabel", { name }) : t("actions.archiveLabel", { name })} onClick={() => (list ? list.toggle(id, name, shownArchived) : run(archived ? unarchiveItem : archiveItem))}>
        {shownArchived ? t("actions.restore") : t("actions.archive")}
      </button>
      <button
        type="button"
        disabled={pending}
        className={`${linkStyle} text-red-700 hover:bg-red-50`}
        aria-label={t("actions.deleteLabel", { name })}
        onClick={() => setConfirming(true)}
      >
        {t("actions.delete")}
      </button>
      <ConfirmDialog
        open={confirming}
        title={t("actions.deleteTitle", { name })}
        message={t("actions.deleteMessage")}
        confirmLabel={t("actions.deleteConfirm")}
        pending={pending}
        onConfirm={() => run(deleteItem, () => setConfirming(false))}
        onClose={() => setConfirming(false)}
      />
      {error ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
