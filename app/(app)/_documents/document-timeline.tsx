import { formatDateTime } from "@/lib/dates";
import { storedCheckMessages } from "@/lib/einvoice/check-words";
import type { AppLanguage } from "@/lib/i18n/app-language";
import type { DocumentPageKey } from "@/lib/i18n/catalogs/app/document-page";
import type { Translate } from "@/lib/i18n/messages";

/** Event types the page has words for; anything newer shows its raw type rather than nothing. */
const EVENT_TYPES = [
  "created",
  "updated",
  "issued",
  "payment_recorded",
  "payment_deleted",
  "voided",
  "credited",
  "credit_voided",
  "accepted",
  "declined",
  "converted",
  "sent",
  "marked_sent",
  "viewed",
  "link_regenerated",
  "link_revoked",
  "reminder_queued",
  "reminder_skipped",
  "reminders_paused",
  "reminders_resumed",
  "late_fee_added",
  "einvoice_skipped",
  "payment_refunded",
  "payment_disputed",
] as const;
type EventType = (typeof EVENT_TYPES)[number];
const isEventType = (type: string): type is EventType => (EVENT_TYPES as readonly string[]).includes(type);

const WITH_AMOUNT = new Set(["payment_recorded", "payment_deleted", "credited", "payment_refunded", "payment_disputed"]);

type TimelineEvent = { id: string; type: string; createdAt: Date; actorName: string | null; meta: Record<string, unknown> | null };

/**
 * A document's history, oldest first. Reasons and addresses in `meta` are shown as stored (typed by
 * people or by the job), except an e-invoice's pre-flight problems, kept as data and worded in `language`.
 */
export function DocumentTimeline({
  events,
  org,
  money,
  t,
  language,
}: {
  events: TimelineEvent[];
  org: Parameters<typeof formatDateTime>[1];
  money: (minor: number) => string;
  t: Translate<DocumentPageKey>;
  language: AppLanguage;
}) {
  return (
    <section aria-labelledby="timeline-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="timeline-heading" className="text-base font-semibold">{t("timeline")}</h2>
      <ol className="mt-2 space-y-1 text-sm">
        {events.map((e) => (
          <li key={e.id}>
            <time dateTime={e.createdAt.toISOString()} className="text-slate-700">{formatDateTime(e.createdAt, org)}</time> — {isEventType(e.type) ? t(`event.${e.type}`) : e.type}
            {e.actorName ? t("event.by", { name: e.actorName }) : ""}
            {e.type === "issued" && e.meta?.number ? t("event.as", { number: String(e.meta.number) }) : ""}
            {e.type === "voided" && e.meta?.reason ? `: ${String(e.meta.reason)}` : ""}
            {WITH_AMOUNT.has(e.type) && typeof e.meta?.amount === "number" ? ` (${money(e.meta.amount)})` : ""}
            {e.type === "reminder_queued" && typeof e.meta?.to === "string" ? t("event.to", { to: e.meta.to }) : ""}
            {e.type === "reminder_skipped" && typeof e.meta?.reason === "string" ? `: ${e.meta.reason}` : ""}
            {e.type === "einvoice_skipped" && Array.isArray(e.meta?.reasons) ? `: ${(storedCheckMessages(e.meta.checks, language) ?? (e.meta.reasons as unknown[]).map(String)).join("; ")}` : ""}
          </li>
        ))}
      </ol>
    </section>
  );
}
