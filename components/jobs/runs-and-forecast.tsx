import Link from "next/link";
import { cell, LedgerSection, link, StateBadge } from "./ledger-table";

/** A run and a forecast row as lib/services/job-ledger.ts gives them. */
type RunView = { id: string; startedAt: Date; finishedAt: Date | null; ok: boolean | null; durationMs: number | null; trigger: string | null; error: string | null };
type ForecastItem = { date: string; kind: "recurring" | "reminder"; what: string; amount: number; currency: string; id: string };
type Format = { date: (iso: string) => string; time: (at: Date) => string; money: (minor: number, currency: string) => string };

function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}


function RunState({ run }: { run: RunView }) {
  if (run.ok === null) return <StateBadge tone="wait">Running (or stopped without finishing)</StateBadge>;
  return run.ok ? <StateBadge tone="ok">Finished</StateBadge> : <StateBadge tone="bad">Failed</StateBadge>;
}

/** The latest runs of every organisation's jobs: times and outcome only (a run's counts cover every organisation). */
export function RunsSection({ runs, format, intervalMinutes }: { runs: RunView[]; format: Format; intervalMinutes: number }) {
  return (
    <LedgerSection
      id="runs"
      title="Last runs"
      intro={`The scheduler runs the jobs every ${intervalMinutes} minutes; a run works for every organisation on this server, so only its times and outcome are shown. What it did for this organisation is in the sections above.`}
      empty="The jobs have never run on this server. Use “Run jobs now”, or schedule npm run jobs (README: Background jobs)."
      headers={["Started", "Finished", "Result", "Duration", "Started by"]}
      count={runs.length}
    >
      {runs.map((r) => (
        <tr key={r.id} data-testid="job-run">
          <td className={`${cell} whitespace-nowrap`}>{format.time(r.startedAt)}</td>
          <td className={`${cell} whitespace-nowrap`}>{r.finishedAt ? format.time(r.finishedAt) : "—"}</td>
          <td className={cell}>
            <RunState run={r} />
            {r.error ? <span className="block text-xs text-slate-700">{r.error}</span> : null}
          </td>
          <td className={cell}>{r.durationMs === null ? "—" : duration(r.durationMs)}</td>
          <td className={cell}>{r.trigger === "manual" ? "Run jobs now" : r.trigger === "cron" ? "Scheduler" : "—"}</td>
        </tr>
      ))}
    </LedgerSection>
  );
}

/** What the jobs will do in the next 30 days if nothing changes. */
export function ForecastSection({ forecast, format, limit }: { forecast: { today: string; until: string; items: ForecastItem[]; emailOff: boolean }; format: Format; limit: number }) {
  const intro = `From ${format.date(forecast.today)} to ${format.date(forecast.until)} in the organisation's time zone, if nothing changes (at most ${limit} rows).${
    forecast.emailOff ? " Email is not set up, so no reminder will go out." : ""
  }`;
  return (
    <LedgerSection id="forecast" title="Next 30 days" intro={intro} empty="Nothing is scheduled in the next 30 days." headers={["Date", "What", "Amount"]} count={forecast.items.length}>
      {forecast.items.map((f) => (
        <tr key={`${f.kind}:${f.id}:${f.date}:${f.what}`}>
          <td className={`${cell} whitespace-nowrap`}>
            {format.date(f.date)}
            {f.date < forecast.today ? <span className="block text-xs text-slate-700">missed: made by the next run</span> : null}
          </td>
          <td className={cell}>
            {f.kind === "recurring" ? "Recurring invoice: " : "Reminder: "}
            <Link href={f.kind === "recurring" ? `/recurring/${f.id}` : `/invoices/${f.id}`} className={link}>
              {f.what}
            </Link>
          </td>
          <td className={`${cell} whitespace-nowrap tabular-nums`}>{format.money(f.amount, f.currency)}</td>
        </tr>
      ))}
    </LedgerSection>
  );
}
