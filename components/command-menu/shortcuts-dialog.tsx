"use client";

import { useAppMessages } from "@/components/i18n/app-language";
import { catalogs } from "@/lib/i18n/catalogs/app/command-menu";
import { useModalDialog } from "./use-modal-dialog";

type Props = { open: boolean; onClose: () => void; shortcuts: { keys: string[]; label: string }[] };

/** "Keyboard shortcuts": opened by `?` anywhere but a text field, and from the command menu. */
export function ShortcutsDialog({ open, onClose, shortcuts }: Props) {
  const ref = useModalDialog(open, onClose);
  const t = useAppMessages(catalogs);
  return (
    <dialog
      ref={ref}
      aria-labelledby="shortcuts-title"
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-900/40"
    >
      {open ? (
        <div className="p-5">
          <div className="flex items-center justify-between gap-4">
            <h2 id="shortcuts-title" className="text-lg font-semibold">
              {t("shortcuts.title")}
            </h2>
            <button type="button" onClick={onClose} className="min-h-11 rounded-md px-3 text-sm font-semibold text-slate-700 hover:bg-slate-100">
              {t("shortcuts.close")}
            </button>
          </div>
          <p className="mt-1 text-sm text-slate-700">{t("shortcuts.intro")}</p>
          <dl className="mt-4 divide-y divide-slate-200">
            {shortcuts.map((s) => (
              <div key={s.label} className="flex items-center justify-between gap-4 py-2">
                <dt className="text-sm">{s.label}</dt>
                <dd className="flex shrink-0 gap-1">
                  {s.keys.map((k, i) => (
                    <kbd key={i} className="min-w-7 rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 text-center font-sans text-sm text-slate-800">
                      {k}
                    </kbd>
                  ))}
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
    </dialog>
  );
}
