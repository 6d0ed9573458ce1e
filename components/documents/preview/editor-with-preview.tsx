"use client";

import { type KeyboardEvent, type ReactNode, useRef, useState } from "react";

type Tab = "edit" | "preview";
const TABS: { id: Tab; label: string }[] = [
  { id: "edit", label: "Edit" },
  { id: "preview", label: "Preview" },
];

/**
 * The editor beside its preview on wide screens (≥ 1280 px), and behind "Edit" / "Preview" tabs
 * below that, where two columns would squeeze the form. The tabs follow the ARIA tabs pattern:
 * arrow keys, Home and End move between them and select; Tab moves into the panel. Both panels
 * stay mounted, so switching keeps what was typed and the preview ready.
 */
export function EditorWithPreview({ editor, preview, title }: { editor: ReactNode; preview: ReactNode; title: string }) {
  const [tab, setTab] = useState<Tab>("edit");
  const refs = useRef<Record<Tab, HTMLButtonElement | null>>({ edit: null, preview: null });
  const select = (next: Tab) => {
    setTab(next);
    refs.current[next]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const index = TABS.findIndex((t) => t.id === tab);
    const go = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TABS.length - 1 }[event.key];
    if (go === undefined) return;
    event.preventDefault();
    select(TABS[(go + TABS.length) % TABS.length]!.id);
  };
  const shown = (which: Tab) => (tab === which ? "" : "hidden xl:block");
  return (
    <div className="xl:grid xl:grid-cols-[minmax(0,1fr)_minmax(0,30rem)] xl:items-start xl:gap-6">
      <div role="tablist" aria-label={`${title} view`} className="mb-4 inline-flex rounded-lg border border-slate-300 bg-white p-1 xl:hidden" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`editor-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`editor-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
            className={`min-h-10 rounded-md px-5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 ${tab === t.id ? "bg-slate-900 text-white" : "text-slate-800 hover:bg-slate-100"}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id="editor-panel-edit" role="tabpanel" aria-labelledby="editor-tab-edit" className={`min-w-0 ${shown("edit")}`}>
        {editor}
      </div>
      <section
        id="editor-panel-preview"
        role="tabpanel"
        aria-labelledby="editor-tab-preview"
        className={`min-w-0 xl:sticky xl:top-4 ${shown("preview")}`}
        data-testid="editor-preview"
      >
        <h2 className="mb-2 hidden text-sm font-semibold text-slate-700 xl:block">Preview · as your client receives it</h2>
        {/* Scrolls on its own beside a long form; focusable so the keyboard can scroll it too. */}
        <div tabIndex={0} role="region" aria-label="Document preview" className="overflow-auto rounded-lg border border-slate-300 shadow-sm xl:max-h-[calc(100vh-6rem)]">
          {preview}
        </div>
      </section>
    </div>
  );
}
