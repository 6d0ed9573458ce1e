import { ScrollRegion } from "@/components/ui/scroll-region";
import type { JobsKey } from "@/lib/i18n/catalogs/app/jobs";
import type { Translate } from "@/lib/i18n/messages";

/** The job ledger's messages, from the page (the sections are server components). */
export type JobsTranslate = Translate<JobsKey>;

/** One section of Settings → Jobs: a heading, a line on what it lists, and its table (or what to expect when empty). */
export function LedgerSection({ t, id, title, intro, empty, headers, children, count }: {
  t: JobsTranslate;
  id: string;
  title: string;
  intro: React.ReactNode;
  empty: string;
  headers: string[];
  count: number;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3" data-testid={`jobs-${id}`}>
      <div>
        <h2 id={`${id}-heading`} className="text-lg font-semibold">
          {title}
        </h2>
        <p className="text-sm text-slate-700">{intro}</p>
      </div>
      {count === 0 ? (
        <p className="text-sm text-slate-700">{empty}</p>
      ) : (
        <ScrollRegion label={t("ledger.table", { title })} className="rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{title}</caption>
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                {headers.map((h) => (
                  <th key={h} scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">{children}</tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}

export const cell = "px-3 py-2 align-top";
export const keyCell = "px-3 py-2 align-top font-mono text-xs break-all";
export const link = "text-brand-700 underline underline-offset-2";

/** A state word with a colour that does not carry the meaning alone. */
export function StateBadge({ tone, children }: { tone: "ok" | "bad" | "wait"; children: React.ReactNode }) {
  const colours = { ok: "bg-emerald-50 text-emerald-800", bad: "bg-red-50 text-red-800", wait: "bg-amber-50 text-amber-900" };
  return <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${colours[tone]}`}>{children}</span>;
}
