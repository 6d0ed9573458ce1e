"use client";

import { useState, useTransition } from "react";
import { notify } from "@/components/feedback/notify";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/lib/actions/safe-action";
import { clientLink, markSent, regenerateLink, retry, revokeLink } from "@/lib/actions/sending";
import { useLiveStatus } from "./optimistic-status";
import { useAppMessages } from "@/components/i18n/app-language";
import { catalogs as sendCatalogs } from "@/lib/i18n/catalogs/app/send";
import type { RecordedEvent } from "@/lib/sendgrid-webhook";

type EmailRow = {
  id: string;
  to: string;
  status: "queued" | "sending" | "sent" | "failed" | "unconfirmed";
  lastError: string | null;
  canRetry: boolean;
  when: string;
  events: string[];
};

/** A SendGrid event type the catalog has words for (every one stored, lib/i18n/email-event-names.test.ts); anything else shows as stored. */
const isEmailEventName = (event: string): event is RecordedEvent => `emailEvent.${event}` in sendCatalogs.en;

// An email's status is shown as t(`email.${status}`). "unconfirmed": SendGrid's answer was lost, so
// nobody knows yet whether it has the message.

type Props = {
  id: string;
  canSend: boolean;
  /** False when this server has no way to deliver email (lib/mail/delivery.ts): the link is shared by hand instead. */
  emailReady: boolean;
  /** An issued invoice nobody has sent yet: the owner may say they delivered it themselves. */
  canMarkSent: boolean;
  link: string | null;
  pdfPath: string;
  /** The e-invoice XML stored at issue (UBL or CII formats): its button text and route. */
  einvoice?: { label: string; href: string } | null;
  emails: EmailRow[];
};

export function DeliveryPanel({ id, canSend, emailReady, canMarkSent, link, pdfPath, einvoice, emails }: Props) {
  const t = useAppMessages(sendCatalogs);
  const [pending, startTransition] = useTransition();
  const [confirmingRevoke, setConfirmingRevoke] = useState(false);
  const liveStatus = useLiveStatus();
  // Answers are toasts (components/feedback): banners here piled up above the buttons.
  const run = (action: () => Promise<ActionResult<unknown>>, then?: () => void) =>
    startTransition(async () => {
      // A lost connection rejects: answered like any refusal, not by the page's error boundary.
      const result = await action().catch((): ActionResult<unknown> => ({ ok: false, code: "INTERNAL", message: t("unreachable") }));
      notify(result);
      then?.();
    });
  return (
    <section aria-labelledby="delivery-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="delivery-heading" className="text-base font-semibold">{t("pdfAndDelivery")}</h2>
      <div className="flex flex-wrap gap-2">
        <a href={pdfPath} target="_blank" rel="noopener" className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold hover:bg-slate-50">{t("previewPdf")}</a>
        <a href={`${pdfPath}?download=1`} className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold hover:bg-slate-50">{t("downloadPdf")}</a>
        {einvoice ? <a href={einvoice.href} className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold hover:bg-slate-50">{t("download", { label: einvoice.label })}</a> : null}
        {/* Sending by email is the Review & send dialog among the document's actions. */}
        {canSend && !emailReady ? (
          <Button pending={pending} onClick={() => run(async () => {
            const r = await clientLink({ id });
            if (!r.ok) return r;
            const copied = await navigator.clipboard?.writeText(r.data.link).then(() => true, () => false);
            const next = canMarkSent ? t("shareThenMark") : t("share");
            return { ...r, message: (copied ? t("linkCopied") : t("copyBelow")) + next };
          })}>
            {t("copyLinkNoEmail")}
          </Button>
        ) : null}
        {canMarkSent ? <Button variant="secondary" pending={pending} onClick={() => run(() => {
          // Safe to show at once (components/documents/optimistic-status.tsx); a refusal restores "Issued" and says why.
          liveStatus?.show("sent");
          return markSent({ id });
        })}>{t("markAsSent")}</Button> : null}
      </div>
      {link ? (
        <div className="space-y-2 text-sm">
          <label htmlFor="client-link" className="block font-medium">{t("clientLink")}</label>
          <input id="client-link" readOnly value={link} className="block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs" onFocus={(e) => e.target.select()} />
          <div className="flex gap-2">
            <Button variant="ghost" pending={pending} onClick={() => run(() => regenerateLink({ id }))}>{t("newLink")}</Button>
            <Button variant="ghost" pending={pending} onClick={() => setConfirmingRevoke(true)}>{t("revokeLink")}</Button>
          </div>
          <ConfirmDialog
            open={confirmingRevoke}
            title={t("revokeTitle")}
            message={t("revokeMessage")}
            confirmLabel={t("revokeLink")}
            pending={pending}
            onConfirm={() => run(() => revokeLink({ id }), () => setConfirmingRevoke(false))}
            onClose={() => setConfirmingRevoke(false)}
          />
        </div>
      ) : null}
      {emails.length ? (
        <ul className="divide-y divide-slate-100 text-sm" aria-label={t("emails")}>
          {emails.map((e) => (
            <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                {e.when} · {t("emailTo", { to: e.to })} · <strong className={e.status === "failed" ? "text-red-700" : undefined}>{t(`email.${e.status}`)}</strong>
                {e.events.length ? ` · ${e.events.map((ev) => (isEmailEventName(ev) ? t(`emailEvent.${ev}`) : ev)).join(", ")}` : ""}
                {e.status === "failed" && e.lastError ? <span className="block text-red-700">{e.lastError}</span> : null}
                {e.status === "unconfirmed" && e.lastError ? <span className="block text-amber-800">{e.lastError}</span> : null}
              </span>
              {e.canRetry ? <Button variant="secondary" pending={pending} onClick={() => run(() => retry({ emailId: e.id }))}>{t("retry")}</Button> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
