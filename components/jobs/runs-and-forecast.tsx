import Link from "next/link";
import { type ForecastItem, forecastWhat } from "./forecast-words";
import { cell, type JobsTranslate, LedgerSection, link, StateBadge } from "./ledger-table";

/** A run as lib/services/job-ledger.ts gives it. */
type RunView = { id: string; startedAt: Date; finishedAt: Date | null; ok: boolean | null; durationMs: number | null; trigger: string | null; error: string | null };
type Format = { date: (iso: string) => string; time: (at: Date) => string; money: (minor: number, currency: string) => string; step: (step: number) => string };

function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function RunState({ t, run }: { t: JobsTranslate; run: RunView }) {
  if (run.ok === null) return <StateBadge tone="wait">{t("runs.running")}</StateBadge>;
  return run.ok ? <StateBadge tone="ok">{t("runs.finished")}</StateBadge> : <StateBadge tone="bad">{t("state.failed")}</StateBadge>;
}

/** The latest runs of every organisation's jobs: times and outcome only (a run's counts cover every organisation). */
export function RunsSection({ t, runs, format, intervalMinutes }: { t: JobsTranslate; runs: RunView[]; format: Format; intervalMinutes: number }) {
  return (
    <LedgerSection
      t={t}
      id="runs"
      title={t("runs.title")}
      intro={t("runs.intro", { minutes: intervalMinutes })}
      empty={t("runs.empty")}
      headers={[t("ledger.col.started"), t("ledger.col.finished"), t("ledger.col.result"), t("ledger.col.duration"), t("ledger.col.startedBy")]}
      count={runs.length}
    >
      {runs.map((r) => (
        <tr key={r.id} data-testid="job-run">
          <td className={`${cell} whitespace-nowrap`}>{format.time(r.startedAt)}</td>
          <td className={`${cell} whitespace-nowrap`}>{r.finishedAt ? format.time(r.finishedAt) : "—"}</td>
          <td className={cell}>
            <RunState t={t} run={r} />
            {r.error ? <span className="block text-xs text-slate-700">{r.error}</span> : null}
          </td>
          <td className={cell}>{r.durationMs === null ? "—" : duration(r.durationMs)}</td>
          <td className={cell}>{r.trigger === "manual" ? t("runNow") : r.trigger === "cron" ? t("runs.scheduler") : "—"}</td>
        </tr>
      ))}
    </LedgerSection>
  );
}

/** What the jobs will do in the next 30 days if nothing changes. */
export function ForecastSection({ t, forecast, format, limit }: { t: JobsTranslate; forecast: { today: string; until: string; items: ForecastItem[]; emailOff: boolean }; format: Format; limit: number }) {
  const range = t("forecast.intro", { from: format.date(forecast.today), until: format.date(forecast.until), limit });
  const intro = forecast.emailOff ? `${range} ${t("forecast.emailOff")}` : range;
  return (
    <LedgerSection
      t={t}
      id="forecast"
      title={t("forecast.title")}
      intro={intro}
      empty={t("forecast.empty")}
      headers={[t("ledger.col.date"), t("ledger.col.what"), t("ledger.col.amount")]}
      count={forecast.items.length}
    >
      {forecast.items.map((f) => (
        <tr key={`${f.kind}:${f.id}:${f.date}:${f.kind === "reminder" ? f.step : ""}`}>
          <td className={`${cell} whitespace-nowrap`}>
            {format.date(f.date)}
            {f.date < forecast.today ? <span className="block text-xs text-slate-700">{t("forecast.missed")}</span> : null}
          </td>
          <td className={cell}>
            {f.kind === "recurring" ? t("forecast.recurring") : t("forecast.reminder")}{" "}
            <Link href={f.kind === "recurring" ? `/recurring/${f.id}` : `/invoices/${f.id}`} className={link}>
              {forecastWhat(t, format.step, f)}
            </Link>
          </td>
          <td className={`${cell} whitespace-nowrap tabular-nums`}>{format.money(f.amount, f.currency)}</td>
        </tr>
      ))}
    </LedgerSection>
  );
}
