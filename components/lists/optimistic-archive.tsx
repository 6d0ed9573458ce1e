"use client";

import { createContext, useContext, useOptimistic, useTransition } from "react";
import { toast } from "sonner";
import { notify } from "@/components/feedback/notify";
import { useAppMessages } from "@/components/i18n/app-language";
import { catalogs } from "@/lib/i18n/catalogs/app/lists";
import { archiveCustomer, unarchiveCustomer } from "@/lib/actions/customers";
import { archiveItem, unarchiveItem } from "@/lib/actions/items";
import type { ActionResult } from "@/lib/actions/safe-action";

/**
 * Archiving from a list answers at once: the row leaves the "Active" view (or joins the "Archived"
 * one's absence) before the server does, through React's useOptimistic. It is safe to guess because
 * archiving only hides, changes no amount and is undone by one click (Undo in the toast). The guess
 * lives only while the action runs: then the server's list replaces it, so a refusal or a lost
 * connection brings the row back by itself, and a toast says why.
 */
type Actions = { archive: (input: { id: string }) => Promise<ActionResult<undefined>>; restore: (input: { id: string }) => Promise<ActionResult<undefined>> };
const ACTIONS = {
  customer: { archive: archiveCustomer, restore: unarchiveCustomer },
  item: { archive: archiveItem, restore: unarchiveItem },
} satisfies Record<string, Actions>;

export type ArchiveView = "active" | "archived" | "all";
type Override = { id: string; archived: boolean };
type ArchiveState = { view: ArchiveView; archivedOf: (id: string, archived: boolean) => boolean; toggle: (id: string, name: string, archived: boolean) => void };

const ArchiveContext = createContext<ArchiveState | null>(null);

/** Runs an action, answering a lost connection (the promise rejects) like a refusal instead of an uncaught error. */
async function attempt(run: () => Promise<ActionResult<undefined>>, unreachable: string): Promise<ActionResult<undefined>> {
  try {
    return await run();
  } catch {
    return { ok: false, code: "INTERNAL", message: unreachable };
  }
}

export function OptimisticArchiveList({ entity, view, children }: { entity: keyof typeof ACTIONS; view: ArchiveView; children: React.ReactNode }) {
  const t = useAppMessages(catalogs);
  const actions: Actions = ACTIONS[entity];
  const [overrides, setOverride] = useOptimistic<Record<string, boolean>, Override>({}, (current, o) => ({ ...current, [o.id]: o.archived }));
  const [, startTransition] = useTransition();

  // Undo is a plain call: by the time it is clicked the row (and perhaps this whole list) may be gone,
  // and the row it brings back arrives with the server's refreshed list.
  // Its answer replaces the archive's toast (same id), so no stale Undo stays on screen.
  const undo = async (id: string) => {
    const result = await attempt(() => actions.restore({ id }), t("unreachable"));
    if (result.ok) toast.success(result.message ?? t("restoredToast"), { id: `archived-${id}` });
    else notify(result);
  };

  const toggle = (id: string, name: string, archived: boolean) =>
    startTransition(async () => {
      setOverride({ id, archived: !archived });
      const result = await attempt(() => (archived ? actions.restore : actions.archive)({ id }), t("unreachable"));
      if (!result.ok) {
        toast.error(t(archived ? "notRestored" : "notArchived", { name, message: result.message }), { id: `archived-${id}`, duration: Infinity });
        return;
      }
      // One id per row: archiving again replaces the toast, so one Undo per row is on screen.
      toast.success(result.message ?? (archived ? t("restoredToast") : t("archivedToast")), {
        id: `archived-${id}`,
        duration: 10_000,
        action: archived ? undefined : { label: t("undo"), onClick: () => void undo(id) },
      });
    });

  const state: ArchiveState = { view, archivedOf: (id, archived) => overrides[id] ?? archived, toggle };
  return <ArchiveContext.Provider value={state}>{children}</ArchiveContext.Provider>;
}

/** The list's archive state, or null outside an OptimisticArchiveList (a detail page). */
export function useOptimisticArchive(): ArchiveState | null {
  return useContext(ArchiveContext);
}

/** A row or card that leaves its view as soon as it is archived (or restored, in the "Archived" view). */
export function OptimisticRow({ id, archived, children }: { id: string; archived: boolean; children: React.ReactNode }) {
  const ctx = useOptimisticArchive();
  if (!ctx) return children;
  const now = ctx.archivedOf(id, archived);
  const hidden = (ctx.view === "active" && now) || (ctx.view === "archived" && !now);
  return hidden ? null : children;
}

/** The "Archived" tag, following the guess in the "All" view where archived rows stay. */
export function ArchivedTag({ id, archived }: { id: string; archived: boolean }) {
  const ctx = useOptimisticArchive();
  const t = useAppMessages(catalogs);
  if (!(ctx ? ctx.archivedOf(id, archived) : archived)) return null;
  return <span className="ml-2 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-normal text-slate-800">{t("archive.archived")}</span>;
}

/** Archive / Restore for one row; sits above the row's stretched link (relative z-10). */
export function ArchiveToggle({ id, name, archived, className = "" }: { id: string; name: string; archived: boolean; className?: string }) {
  const ctx = useOptimisticArchive();
  const t = useAppMessages(catalogs);
  if (!ctx) return null;
  const now = ctx.archivedOf(id, archived);
  return (
    <button
      type="button"
      aria-label={t(now ? "restoreName" : "archiveName", { name })}
      onClick={() => ctx.toggle(id, name, now)}
      className={`relative z-10 min-h-11 rounded-md px-3 text-sm font-medium text-slate-700 hover:bg-slate-100 ${className}`}
    >
      {now ? t("restore") : t("archive")}
    </button>
  );
}
