import Link from "next/link";
import { describeStep } from "@/lib/reminder-schedule";
import { cell, keyCell, LedgerSection, link, StateBadge } from "./ledger-table";

/** The rows lib/services/job-ledger.ts getJobLedger returns (components take plain data). */
type Ledger = {
  occurrences: { profileId: string; profileName: string; occurrenceDate: string; state: "created" | "failed"; missed: boolean; attempts: number; lastError: string | null; documentId: string | null; documentNumber: string | null }[];
  reminders: { documentId: string; documentNumber: string | null; step: number; claimedAt: Date; emailId: string | null; emailStatus: string | null }[];
  outbox: { id: string; idempotencyKey: string; kind: string; toAddress: string; status: string; attempts: number; lastError: string | null; nextAttemptAt: Date }[];
  paymentEvents: { id: string; type: string; outcome: string; waitingFor: string | null; receivedAt: Date; documentId: string | null; documentNumber: string | null }[];
};
type Format = { date: (iso: string) => string; time: (at: Date) => string };

const invoiceLink = (id: string | null, number: string | null) =>
  id ? (
    <Link href={`/invoices/${id}`} className={link}>
      {number ?? "Draft"}
    </Link>
  ) : (
    "—"
  );

export function OccurrencesSection({ rows, format, limit }: { rows: Ledger["occurrences"]; format: Format; limit: number }) {
  return (
    <LedgerSection
      id="occurrences"
      title="Recurring occurrences"
      intro={`One row per profile and date, its key unique: a date is billed once however many runs reach it. The latest ${limit}.`}
      empty="No recurring occurrence yet."
      headers={["Key", "Profile", "Date", "State", "Attempts", "Last error", "Invoice"]}
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
            <StateBadge tone={r.state === "created" ? "ok" : "bad"}>{r.state === "created" ? "Created" : "Failed"}</StateBadge>
            {r.missed ? <span className="ml-1 text-xs text-slate-700">missed: made late, as a draft unless set otherwise</span> : null}
          </td>
          <td className={cell}>{r.attempts}</td>
          <td className={cell}>{r.lastError ?? "—"}</td>
          <td className={cell}>{invoiceLink(r.documentId, r.documentNumber)}</td>
        </tr>
      ))}
    </LedgerSection>
  );
}

const EMAIL_STATE: Record<string, { label: string; tone: "ok" | "bad" | "wait" }> = {
  queued: { label: "Queued", tone: "wait" },
  sending: { label: "Sending", tone: "wait" },
  sent: { label: "Sent", tone: "ok" },
  failed: { label: "Failed", tone: "bad" },
  unconfirmed: { label: "Unconfirmed", tone: "wait" },
};

function EmailState({ status }: { status: string | null }) {
  if (!status) return <span className="text-slate-700">No email (no address)</span>;
  const s = EMAIL_STATE[status] ?? { label: status, tone: "wait" as const };
  return <StateBadge tone={s.tone}>{s.label}</StateBadge>;
}

export function RemindersSection({ rows, format, limit }: { rows: Ledger["reminders"]; format: Format; limit: number }) {
  return (
    <LedgerSection
      id="reminders"
      title="Reminders"
      intro={`Each invoice's reminder step is claimed once, under the key its email is sent with. The latest ${limit}.`}
      empty="No reminder sent yet."
      headers={["Key", "Invoice", "Step", "Claimed", "Email"]}
      count={rows.length}
    >
      {rows.map((r) => (
        <tr key={`${r.documentId}:${r.step}`}>
          <td className={keyCell}>{`reminder:${r.documentId}:${r.step}`}</td>
          <td className={cell}>{invoiceLink(r.documentId, r.documentNumber)}</td>
          <td className={cell}>{describeStep(r.step)}</td>
          <td className={`${cell} whitespace-nowrap`}>{format.time(r.claimedAt)}</td>
          <td className={cell}>
            <EmailState status={r.emailId ? r.emailStatus : null} />
          </td>
        </tr>
      ))}
    </LedgerSection>
  );
}

export function OutboxSection({ rows, format, limit }: { rows: Ledger["outbox"]; format: Format; limit: number }) {
  return (
    <LedgerSection
      id="outbox"
      title="Outbox deliveries"
      intro={`Every email is stored before it is sent and delivered under its key, so a retry never sends a second copy. The latest ${limit}.`}
      empty="No email queued yet."
      headers={["Key", "Kind", "To", "Status", "Attempts", "Last error", "Next attempt"]}
      count={rows.length}
    >
      {rows.map((r) => (
        <tr key={r.id}>
          <td className={keyCell}>{r.idempotencyKey}</td>
          <td className={cell}>{r.kind}</td>
          <td className={`${cell} break-all`}>{r.toAddress}</td>
          <td className={cell}>
            <EmailState status={r.status} />
          </td>
          <td className={cell}>{r.attempts}</td>
          <td className={cell}>{r.lastError ?? "—"}</td>
          <td className={`${cell} whitespace-nowrap`}>{r.status === "queued" || r.status === "unconfirmed" ? format.time(r.nextAttemptAt) : "—"}</td>
        </tr>
      ))}
    </LedgerSection>
  );
}

export function PaymentEventsSection({ rows, format, limit }: { rows: Ledger["paymentEvents"]; format: Format; limit: number }) {
  return (
    <LedgerSection
      id="payment-events"
      title="Payment events"
      intro={
        <>
          Stripe events, each handled once under its id. The latest {limit};{" "}
          <Link href="/settings/payments/events" className={link}>
            Stripe events
          </Link>{" "}
          has the same log.
        </>
      }
      empty="No Stripe event received (Stripe is not connected, or nothing has happened yet)."
      headers={["Event id", "Type", "Received", "State", "Invoice"]}
      count={rows.length}
    >
      {rows.map((r) => (
        <tr key={r.id}>
          <td className={keyCell}>{r.id}</td>
          <td className={`${cell} font-mono text-xs`}>{r.type}</td>
          <td className={`${cell} whitespace-nowrap`}>{format.time(r.receivedAt)}</td>
          <td className={cell}>
            {r.waitingFor ? <StateBadge tone="wait">Waiting for payment {r.waitingFor}</StateBadge> : r.outcome.startsWith("failed") ? <StateBadge tone="bad">{r.outcome}</StateBadge> : r.outcome}
          </td>
          <td className={cell}>{invoiceLink(r.documentId, r.documentNumber)}</td>
        </tr>
      ))}
    </LedgerSection>
  );
}
