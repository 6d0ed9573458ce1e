import Link from "next/link";

export type StatusTabLink = { label: string; href: string; count: number | null; current: boolean };

/**
 * Status tabs as links (each a URL of its own, so they work without JavaScript, can be opened in
 * a new tab and bookmarked), the current one marked with aria-current. On a phone they scroll
 * sideways rather than wrap; being links, each is reached with Tab.
 */
export function StatusTabs({ label, tabs, note }: { label: string; tabs: StatusTabLink[]; note?: string }) {
  return (
    <nav aria-label={label}>
      <ul className="-mb-px flex gap-1 overflow-x-auto border-b border-slate-200">
        {tabs.map((t) => (
          <li key={t.href} className="shrink-0">
            <Link
              href={t.href}
              aria-current={t.current ? "page" : undefined}
              className={`inline-flex min-h-11 items-center gap-2 border-b-2 px-3 text-sm font-medium whitespace-nowrap ${
                t.current ? "border-brand-600 text-brand-700" : "border-transparent text-slate-700 hover:border-slate-300 hover:text-slate-900"
              }`}
            >
              {t.label}
              {t.count === null ? null : (
                <span className={`rounded-full px-2 py-0.5 text-xs tabular-nums ${t.current ? "bg-brand-100 text-brand-900" : "bg-slate-100 text-slate-800"}`}>{t.count}</span>
              )}
            </Link>
          </li>
        ))}
      </ul>
      {note ? <p className="mt-2 text-xs text-slate-700">{note}</p> : null}
    </nav>
  );
}
