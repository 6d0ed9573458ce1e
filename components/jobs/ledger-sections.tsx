import Link from "next/link";
import { cell, type JobsTranslate, keyCell, LedgerSection, link, StateBadge } from "./ledger-table";

/** The rows lib/services/job-ledger.ts getJobLedger returns (components take plain data). */
type Ledger = {
  occurrences: { profileId: string; profileName: string; occurrenceDate: string; state: "created" | "failed"; missed: boolean; attempts: number; lastError: string | null; documentId: string | null; documentNumber: string | null }[];
  reminders: { documentId: string; documentNumber: string | null; step: number; claimedAt: Date; emailId: string | null; emailStatus: string | null }[];
  outbox: { id: string; idempotencyKey: string; kind: string; toAddress: string; status: string; attempts: number; lastError: string | null; nextAttemptAt: Date }[];
  paymentEvents: { id: string; type: string; outcome: string; waitingFor: string | null; receivedAt: Date; documentId: string | null; documentNumber: string | null }[];
};
type Format = { date: (iso: string) => string; time: (at: Date) => string; step: (step: number) => string };

const invoiceLink = (t: JobsTranslate, id: string | null, number: string | null) =>
  id ? (
    <Link href={`/invoices/${id}`} className={link}>
      {number ?? t("ledger.draft")}
    </Link>
  ) : (
    "—"
  );

export function OccurrencesSection({ t, rows, format, limit }: { t: JobsTranslate; rows: Ledger["occurrences"]; format: Format; limit: number }) {
  return (
    <LedgerSection
      t={t}
      id="occurrences"
      title={t("occurrences.title")}
      intro={t("occurrences.intro", { limit })}
      empty={t("occurrences.empty")}
      headers={[t("ledger.col.key"), t("ledger.col.profile"), t("ledger.col.date"), t("ledger.col.state"), t("ledger.col.attempts"), t("ledger.col.lastError"), t("ledger.col.invoice")]}
      count={rows.length}
    >
      {rows.map((r) => (
        <tr key={`${r.profileId}:${r.occurrenceDate}`}>
          <td className={keyCell}>{`recurring:${r.profileId}:${r.occurrenceDate}`}</td>
          <td className={cell}>
            <Link href={`/recurring/${r.profileId}`} className={link}>
              {r.profileName}
            </Link>
          </td>
          <td className={`${cell} whitespace-nowrap`}>{format.date(r.occurrenceDate)}</td>
          <td className={cell}>
            <StateBadge tone={r.state === "created" ? "ok" : "bad"}>{r.state === "created" ? t("state.created") : t("state.failed")}</StateBadge>
            {r.missed ? <span className="ml-1 text-xs text-slate-700">{t("occurrences.missed")}</span> : null}
          </td>
          <td className={cell}>{r.attempts}</td>
          <td className={cell}>{r.lastError ?? "—"}</td>
          <td className={cell}>{invoiceLink(t, r.documentId, r.documentNumber)}</td>
        </tr>
      ))}
    </LedgerSection>
  );
}

const EMAIL_STATE: Record<string, { label: Parameters<JobsTranslate>[0]; tone: "ok" | "bad" | "wait" }> = {
  queued: { label: "email.queued", tone: "wait" },
  sending: { label: "email.sending", tone: "wait" },
  sent: { label: "email.sent", tone: "ok" },
  failed: { label: "state.failed", tone: "bad" },
  unconfirmed: { label: "email.unconfirmed", tone: "wait" },
};

function EmailState({ t, status }: { t: JobsTranslate; status: string | null }) {
  if (!status) return <span className="text-slate-700">{t("email.none")}</span>;
  const s = EMAIL_STATE[status];
  // A status this page does not know yet is shown as stored rather than hidden.
  return s ? <StateBadge tone={s.tone}>{t(s.label)}</StateBadge> : <StateBadge tone="wait">{status}</StateBadge>;
}

export function RemindersSection({ t, rows, format, limit }: { t: JobsTranslate; rows: Ledger["reminders"]; format: Format; limit: number }) {
  return (
    <LedgerSection
      t={t}
      id="reminders"
      title={t("reminders.title")}
      intro={t("reminders.intro", { limit })}
      empty={t("reminders.empty")}
      headers={[t("ledger.col.key"), t("ledger.col.invoice"), t("ledger.col.step"), t("ledger.col.claimed"), t("ledger.col.email")]}
      count={rows.length}
    >
      {rows.map((r) => (
        <tr key={`${r.documentId}:${r.step}`}>
          <td className={keyCell}>{`reminder:${r.documentId}:${r.step}`}</td>
          <td className={cell}>{invoiceLink(t, r.documentId, r.documentNumber)}</td>
          <td className={cell}>{format.step(r.step)}</td>
          <td className={`${cell} whitespace-nowrap`}>{format.time(r.claimedAt)}</td>
          <td className={cell}>
            <EmailState t={t} status={r.emailId ? r.emailStatus : null} />
          </td>
        </tr>
      ))}
    </LedgerSection>
  );
}

export function OutboxSection({ t, rows, format, limit }: { t: JobsTranslate; rows: Ledger["outbox"]; format: Format; limit: number }) {
  return (
    <LedgerSection
      t={t}
      id="outbox"
      title={t("outbox.title")}
      intro={t("outbox.intro", { limit })}
      empty={t("outbox.empty")}
      headers={[t("ledger.col.key"), t("ledger.col.kind"), t("ledger.col.to"), t("ledger.col.status"), t("ledger.col.attempts"), t("ledger.col.lastError"), t("ledger.col.nextAttempt")]}
      count={rows.length}
    >
      {rows.map((r) => (
        <tr key={r.id}>
          <td className={keyCell}>{r.idempotencyKey}</td>
          <td className={cell}>{r.kind}</td>
          <td className={`${cell} break-all`}>{r.toAddress}</td>
          <td className={cell}>
            <EmailState t={t} status={r.status} />
          </td>
          <td className={cell}>{r.attempts}</td>
          <td className={cell}>{r.lastError ?? "—"}</td>
          <td className={`${cell} whitespace-nowrap`}>{r.status === "queued" || r.status === "unconfirmed" ? format.time(r.nextAttemptAt) : "—"}</td>
        </tr>
      ))}
    </LedgerSection>
  );
}

export function PaymentEventsSection({ t, rows, format, limit }: { t: JobsTranslate; rows: Ledger["paymentEvents"]; format: Format; limit: number }) {
  // The link's words sit inside the sentence, wherever the language puts them.
  const [eventsBefore, eventsAfter] = t("events.intro", { limit, link: "\u0000" }).split("\u0000");
  return (
    <LedgerSection
      t={t}
      id="payment-events"
      title={t("events.title")}
      intro={
        <>
          {eventsBefore}
          <Link href="/settings/payments/events" className={link}>
            {t("events.link")}
          </Link>
          {eventsAfter}
        </>
      }
      empty={t("events.empty")}
      headers={[t("ledger.col.eventId"), t("ledger.col.type"), t("ledger.col.received"), t("ledger.col.state"), t("ledger.col.invoice")]}
      count={rows.length}
    >
      {rows.map((r) => (
        <tr key={r.id}>
          <td className={keyCell}>{r.id}</td>
          <td className={`${cell} font-mono text-xs`}>{r.type}</td>
          <td className={`${cell} whitespace-nowrap`}>{format.time(r.receivedAt)}</td>
          <td className={cell}>
            {r.waitingFor ? <StateBadge tone="wait">{t("events.waiting", { id: r.waitingFor })}</StateBadge> : r.outcome.startsWith("failed") ? <StateBadge tone="bad">{r.outcome}</StateBadge> : r.outcome}
          </td>
          <td className={cell}>{invoiceLink(t, r.documentId, r.documentNumber)}</td>
        </tr>
      ))}
    </LedgerSection>
  );
}
