"use client";

import dynamic from "next/dynamic";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { useAppMessages } from "@/components/i18n/app-language";
import { useProgressRouter } from "@/components/shell/progress-router";
import type { MemberRole } from "@/db/schema";
import { type CommandAction, commandActionsFor } from "@/lib/command-menu";
import { catalogs, type CommandMenuKey } from "@/lib/i18n/catalogs/app/command-menu";
import type { Translate } from "@/lib/i18n/messages";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { useModalDialog } from "./use-modal-dialog";

// cmdk (and its dependencies) load when the menu first opens, never on the server: see command-palette.tsx.
const loadPalette = () => import("./command-palette");
const CommandPalette = dynamic(loadPalette, {
  ssr: false,
  loading: () => <PaletteLoading />,
});

function PaletteLoading() {
  const t = useAppMessages(catalogs);
  return <p className="px-4 py-6 text-sm text-slate-700">{t("menu.loading")}</p>;
}

/**
 * The role's actions labelled in the app language. The English label stays a keyword, so typing
 * "invoice" still finds "Neue Rechnung".
 */
function translatedActions(actions: CommandAction[], t: Translate<CommandMenuKey>): CommandAction[] {
  return actions.map((a) => {
    const label = t(`action.${a.id}` as CommandMenuKey);
    return label === a.label ? a : { ...a, label, keywords: [...(a.keywords ?? []), a.label] };
  });
}

/** The help dialog's list, as lib/command-menu shortcutsFor builds it, in the app language. */
function translatedShortcuts(actions: CommandAction[], t: Translate<CommandMenuKey>): { keys: string[]; label: string }[] {
  return [
    { keys: ["Ctrl", "K"], label: t("shortcuts.open") },
    { keys: ["?"], label: t("shortcuts.show") },
    ...actions
      .filter((a): a is CommandAction & { keys: [string, string] } => a.keys !== undefined)
      .map((a) => ({ keys: a.keys, label: a.group === "Go to" ? t("shortcuts.goTo", { label: a.label }) : a.label })),
  ];
}

/** How long the second key of a sequence (g then i) is waited for. */
const SEQUENCE_MS = 1500;

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest("input, textarea, select, [contenteditable='true'], [role='textbox'], [role='combobox']") !== null;
}

const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

const CommandMenuContext = createContext<{ openMenu: () => void; mac: boolean } | null>(null);

/**
 * Everything the "Search… Ctrl K" buttons open, mounted once for the whole signed-in area: the command
 * menu (Ctrl/⌘ K), the keyboard shortcuts dialog (`?`) and the two-key shortcuts (g i, n i…) for what
 * the member's role allows. The sidebar and the phone top bar each show a trigger; one keyboard
 * listener serves both, so Ctrl K never toggles twice.
 */
export function CommandMenuProvider({ role, children }: { role: MemberRole; children: React.ReactNode }) {
  // Its jumps are router.push calls, which no link reports: this router shows the top bar for them.
  const router = useProgressRouter();
  const [open, setOpen] = useState(false);
  const [help, setHelp] = useState(false);
  const t = useAppMessages(catalogs);
  const actions = useMemo(() => translatedActions(commandActionsFor(role), t), [role, t]);
  const shortcuts = useMemo(() => translatedShortcuts(actions, t), [actions, t]);
  const close = useCallback(() => setOpen(false), []);
  const closeHelp = useCallback(() => setHelp(false), []);
  // What had focus when the menu was opened, noted before React renders the menu: Escape returns there.
  const openerRef = useRef<HTMLElement | null>(null);
  const noteOpener = useCallback(() => {
    const active = document.activeElement;
    openerRef.current = active instanceof HTMLElement && active !== document.body && !active.closest("dialog") ? active : null;
  }, []);
  const dialogRef = useModalDialog(open, close, openerRef);
  // The server renders "Ctrl"; the browser then shows ⌘ on a Mac.
  const mac = useSyncExternalStore(noSubscribe, isMac, () => false);
  const pendingKey = useRef<{ key: string; at: number } | null>(null);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // Chrome's autofill sends keydown events without a key.
      if (typeof event.key !== "string") return;
      const key = event.key.toLowerCase();
      if ((event.ctrlKey || event.metaKey) && !event.altKey && key === "k") {
        event.preventDefault();
        setHelp(false);
        if (!document.querySelector("dialog[open]")) noteOpener();
        setOpen((o) => !o);
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isTypingTarget(event.target) || document.querySelector("dialog[open]")) return;
      if (event.key === "?") {
        event.preventDefault();
        setHelp(true);
        return;
      }
      const first = pendingKey.current;
      pendingKey.current = null;
      if (first && event.timeStamp - first.at < SEQUENCE_MS) {
        const action = actions.find((a) => a.keys?.[0] === first.key && a.keys[1] === key);
        if (action) {
          event.preventDefault();
          router.push(action.href);
          return;
        }
      }
      if (actions.some((a) => a.keys?.[0] === key)) pendingKey.current = { key, at: event.timeStamp };
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [actions, router, noteOpener]);

  const navigate = useCallback(
    (href: string) => {
      setOpen(false);
      router.push(href);
    },
    [router],
  );
  const showShortcuts = useCallback(() => {
    setOpen(false);
    setHelp(true);
  }, []);

  const openMenu = useCallback(() => {
    noteOpener();
    setOpen(true);
  }, [noteOpener]);
  const contextValue = useMemo(() => ({ openMenu, mac }), [openMenu, mac]);

  return (
    <>
      <CommandMenuContext.Provider value={contextValue}>{children}</CommandMenuContext.Provider>
      <dialog
        ref={dialogRef}
        aria-label={t("menu.label")}
        className="mx-auto mt-[12vh] w-[calc(100%-2rem)] max-w-xl overflow-hidden rounded-xl bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-900/40"
      >
        {open ? <CommandPalette actions={actions} onNavigate={navigate} onShowShortcuts={showShortcuts} /> : null}
      </dialog>
      <ShortcutsDialog open={help} onClose={closeHelp} shortcuts={shortcuts.map((s) => (mac && s.keys[0] === "Ctrl" ? { ...s, keys: ["⌘", ...s.keys.slice(1)] } : s))} />
    </>
  );
}

/** A "Search… Ctrl K" button; `compact` (the phone top bar) shows the word only. */
export function CommandMenuTrigger({ compact = false }: { compact?: boolean }) {
  const context = useContext(CommandMenuContext);
  if (!context) throw new Error("CommandMenuTrigger must be inside CommandMenuProvider");
  const { openMenu, mac } = context;
  const t = useAppMessages(catalogs);
  return (
    <button
      type="button"
      onClick={openMenu}
      // Fetch the menu's code as the pointer or focus arrives, so it is there by the click.
      onPointerEnter={() => void loadPalette()}
      onFocus={() => void loadPalette()}
      aria-haspopup="dialog"
      aria-keyshortcuts="Control+K Meta+K"
      className={`inline-flex min-h-11 items-center gap-3 rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-700 shadow-sm hover:bg-slate-50 ${compact ? "" : "w-full justify-between"}`}
    >
      <span>{t("trigger.search")}</span>
      {compact ? null : <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-sans text-xs text-slate-700">{mac ? "⌘ K" : "Ctrl K"}</kbd>}
    </button>
  );
}

const noSubscribe = () => () => {};
