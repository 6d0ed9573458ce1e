"use client";
import { useState } from "react";
import { useAppMessages } from "@/components/i18n/app-language";
import { catalogs } from "@/lib/i18n/catalogs/app/reports";

/**
 * A one-line explanation of a figure, shown while its "About" button is hovered or focused (so a
 * keyboard or touch user gets it as well as a mouse user) and announced as the button's description.
 * Escape hides it without moving focus, and the pointer can move onto it without it vanishing
 * (WCAG 1.4.13). Without JavaScript the CSS alone still shows it on hover and focus.
 */
export function FigureExplanation({ id, label, text }: { id: string; label: string; text: string }) {
  const t = useAppMessages(catalogs);
  const [dismissed, setDismissed] = useState(false);
  return (
    <span className="group relative inline-flex" onMouseLeave={() => setDismissed(false)}>
      <button
        type="button"
        aria-label={t("about", { label })}
        aria-describedby={id}
        onKeyDown={(e) => {
          if (e.key === "Escape") setDismissed(true);
        }}
        onBlur={() => setDismissed(false)}
        // The circle stays 24 px; ::before widens what a thumb can hit to 44 px without moving the layout.
        className="relative inline-flex h-6 w-6 before:absolute before:-inset-2.5 before:content-[''] items-center justify-center rounded-full text-xs font-semibold text-slate-600 ring-1 ring-slate-300 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
      >
        <span aria-hidden="true">i</span>
      </button>
      <span id={id} role="tooltip" className={`absolute right-0 top-full z-10 pt-1 ${dismissed ? "hidden" : "hidden group-focus-within:block group-hover:block"}`}>
        <span className="block w-64 rounded-md bg-slate-900 px-3 py-2 text-xs font-normal leading-snug text-white shadow-lg">{text}</span>
      </span>
    </span>
  );
}
