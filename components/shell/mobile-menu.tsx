"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { LogoMark } from "@/components/ui/logo";
import type { NavGroup } from "./nav-items";
import { NavList } from "./nav-list";
import { useAppMessages } from "@/components/i18n/app-language";
import { catalogs } from "@/lib/i18n/catalogs/app/shell";

const FOCUSABLE = 'a[href], button:not([disabled]), select:not([disabled]), input:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
/** Tailwind's lg breakpoint: from there the sidebar shows, so an open phone menu has no reason to stay. */
const WIDE = "(min-width: 64rem)";

/**
 * Phones (< lg): a top bar with the logo and a "Menu" button; the menu is a modal <dialog>.
 * showModal makes the page behind inert and Escape close it; we add what it lacks: Tab wraps inside
 * (instead of leaving for the browser's toolbar), focus returns to the Menu button, following a
 * link or widening the window closes it. The menu's content mounts only while open, so the labels
 * in it (Organisation, Account…) are not in the page twice beside the sidebar's.
 */
export function MobileMenu({ groups, userPanel, search }: { groups: NavGroup[]; userPanel: React.ReactNode; search: React.ReactNode }) {
  const t = useAppMessages(catalogs);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const pathname = usePathname();

  const close = useCallback(() => dialogRef.current?.close(), []);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (open && dialog && !dialog.open) dialog.showModal();
  }, [open]);

  // A link to another page closes the menu once that page is on screen.
  useEffect(() => {
    close();
  }, [pathname, close]);

  useEffect(() => {
    const wide = window.matchMedia(WIDE);
    const onChange = (e: MediaQueryListEvent) => {
      if (e.matches) close();
    };
    wide.addEventListener("change", onChange);
    return () => wide.removeEventListener("change", onChange);
  }, [close]);

  function trapTab(e: React.KeyboardEvent<HTMLDialogElement>) {
    if (e.key !== "Tab") return;
    const items = Array.from(e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE));
    const first = items[0];
    const last = items.at(-1);
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  }

  return (
    <header className="flex h-14 items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 lg:hidden">
      <Link href="/dashboard" className="flex min-h-11 items-center gap-2 font-bold text-slate-900">
        <LogoMark size={24} />
        Smart Invoice
      </Link>
      <div className="flex items-center gap-2">
        {search}
        <button
          ref={buttonRef}
          type="button"
          aria-haspopup="dialog"
          aria-expanded={open}
          aria-controls="app-menu"
          onClick={() => setOpen(true)}
          className="min-h-11 rounded-md border border-slate-300 px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50"
        >
          {t("menu")}
        </button>
      </div>
      <dialog
        ref={dialogRef}
        id="app-menu"
        aria-label={t("menu")}
        onKeyDown={trapTab}
        onClose={() => {
          setOpen(false);
          // Closed by widening the window, the Menu button is hidden (display: none): focus the
          // page's main content instead of letting it fall to <body>.
          const button = buttonRef.current;
          if (button && button.offsetParent !== null) button.focus();
          else document.getElementById("main")?.focus({ preventScroll: true });
        }}
        onClick={(e) => {
          // The backdrop (a click on the dialog element itself) and any link inside close the menu;
          // a link to the page already on screen changes no path, so the effect above would not.
          if (e.target === e.currentTarget || (e.target as Element).closest("a")) close();
        }}
        className="m-0 ml-auto h-dvh max-h-none w-80 max-w-[85vw] bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
      >
        {open ? (
          <div className="flex min-h-full flex-col">
            <div className="flex h-14 items-center justify-between border-b border-slate-200 px-4">
              <span className="font-bold">{t("menu")}</span>
              <button type="button" onClick={close} className="min-h-11 rounded-md border border-slate-300 px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50">
                {t("close")}
              </button>
            </div>
            <div className="flex-1 px-3 py-4">
              <NavList groups={groups} idPrefix="menu" />
            </div>
            <div className="border-t border-slate-200 p-4">{userPanel}</div>
          </div>
        ) : null}
      </dialog>
    </header>
  );
}
