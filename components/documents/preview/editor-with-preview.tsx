"use client";

import { type KeyboardEvent, type ReactNode, useRef, useState } from "react";

type Tab = "edit" | "preview";
const TABS: Tab[] = ["edit", "preview"];

/** What the frame says, worded in the app language by the editor around it. */
export type EditorWithPreviewLabels = { edit: string; preview: string; heading: string; tabs: string; region: string };

/**
 * The editor beside its preview on wide screens (≥ 1280 px), and behind "Edit" / "Preview" tabs
 * below that, where two columns would squeeze the form. The tabs follow the ARIA tabs pattern:
 * arrow keys, Home and End move between them and select; Tab moves into the panel. Both panels
 * stay mounted, so switching keeps what was typed and the preview ready.
 */
export function EditorWithPreview({ editor, preview, labels }: { editor: ReactNode; preview: ReactNode; labels: EditorWithPreviewLabels }) {
  const [tab, setTab] = useState<Tab>("edit");
  const refs = useRef<Record<Tab, HTMLButtonElement | null>>({ edit: null, preview: null });
  const select = (next: Tab) => {
    setTab(next);
    refs.current[next]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const index = TABS.indexOf(tab);
    const go = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TABS.length - 1 }[event.key];
    if (go === undefined) return;
    event.preventDefault();
    select(TABS[(go + TABS.length) % TABS.length]!);
  };
  const shown = (which: Tab) => (tab === which ? "" : "hidden xl:block");
  return (
    <div className="xl:grid xl:grid-cols-[minmax(0,1fr)_minmax(0,30rem)] xl:items-start xl:gap-6">
      <div role="tablist" aria-label={labels.tabs} className="mb-4 inline-flex rounded-lg border border-slate-300 bg-white p-1 xl:hidden" onKeyDown={onKeyDown}>
        {TABS.map((id) => (
          <button
            key={id}
            ref={(el) => {
              refs.current[id] = el;
            }}
            type="button"
            role="tab"
            id={`editor-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`editor-panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => setTab(id)}
            className={`min-h-10 rounded-md px-5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 ${tab === id ? "bg-slate-900 text-white" : "text-slate-800 hover:bg-slate-100"}`}
          >
            {labels[id]}
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
        <h2 className="mb-2 hidden text-sm font-semibold text-slate-700 xl:block">{labels.heading}</h2>
        {/* Scrolls on its own beside a long form; focusable so the keyboard can scroll it too. */}
        <div tabIndex={0} role="region" aria-label={labels.region} className="overflow-auto rounded-lg border border-slate-300 shadow-sm xl:max-h-[calc(100vh-6rem)]">
          {preview}
        </div>
      </section>
    </div>
  );
}
