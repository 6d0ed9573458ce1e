"use client";

import { useState } from "react";
import { toast } from "sonner";
import { newSubmissionKey } from "@/components/forms/submission-key";
import { useActionForm } from "@/components/forms/use-action-form";
import { EmailPreview } from "@/components/email/email-preview";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { describedBy, Field, Input, Textarea } from "@/components/ui/field";
import { useAppMessages } from "@/components/i18n/app-language";
import { catalogs as sendCatalogs } from "@/lib/i18n/catalogs/app/send";
import { reviewAndSend } from "@/lib/actions/sending";
import type { EmailTemplateKind, TemplateValues } from "@/lib/email-templates";
import type { Language } from "@/lib/i18n/languages";
import { sendSchema } from "@/lib/validation/send";

/** What the document page knows for the dialog: the usual recipient and wording, and the values to preview with. */
export type SendSetup = {
  kind: EmailTemplateKind;
  /** The document's language: the wording, the values' formats and the preview's button are in it. */
  language: Language;
  to: string;
  subject: string;
  body: string;
  values: TemplateValues;
};

/** The button that opens Review & send, and the dialog: recipient, copies, wording, PDF, and a preview of the email. */
export function ReviewAndSend({ id, setup, label, variant = "primary", issuesFirst }: { id: string; setup: SendSetup; label: string; variant?: "primary" | "secondary"; issuesFirst: boolean }) {
  const t = useAppMessages(sendCatalogs);
  const [open, setOpen] = useState(false);
  // A fresh form on every opening: what was typed and abandoned last time is not sent by surprise.
  const [opening, setOpening] = useState(0);
  return (
    <>
      <Button variant={variant} onClick={() => { setOpening((n) => n + 1); setOpen(true); }} aria-haspopup="dialog">{label}</Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        wide
        title={issuesFirst ? t("titleIssue") : t("title")}
        description={issuesFirst ? t("issuesFirstHint") : undefined}
      >
        <SendForm key={opening} id={id} setup={setup} onSent={() => setOpen(false)} onCancel={() => setOpen(false)} issuesFirst={issuesFirst} />
      </Dialog>
    </>
  );
}

function SendForm({ id, setup, onSent, onCancel, issuesFirst }: { id: string; setup: SendSetup; onSent: () => void; onCancel: () => void; issuesFirst: boolean }) {
  // One key per opening (the form is remounted each time): a double submit queues one message.
  const t = useAppMessages(sendCatalogs);
  const [submissionKey] = useState(newSubmissionKey);
  const { form, onSubmit, formError, pending } = useActionForm(sendSchema, reviewAndSend, {
    defaultValues: { id, to: setup.to, cc: "", subject: setup.subject, body: setup.body, attachPdf: true, submissionKey },
    onSuccess: (result) => {
      toast.success(result.message ?? t("sent"));
      onSent();
    },
  });
  const { errors } = form.formState;
  const subject = form.watch("subject") ?? "";
  const body = form.watch("body") ?? "";
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t("formLabel")}>
        <div aria-live="polite">{formError ? <Alert tone="error">{formError}</Alert> : null}</div>
        <Field id="send-to" label={t("to")} error={errors.to?.message}>
          <Input id="send-to" type="email" autoComplete="off" invalid={!!errors.to} aria-describedby={describedBy("send-to", errors.to?.message)} {...form.register("to")} />
        </Field>
        <Field id="send-cc" label={t("cc")} error={errors.cc?.message} hint={t("ccHint")}>
          <Input id="send-cc" autoComplete="off" invalid={!!errors.cc} aria-describedby={describedBy("send-cc", errors.cc?.message, true)} {...form.register("cc")} />
        </Field>
        <Field id="send-subject" label={t("subject")} error={errors.subject?.message}>
          <Input id="send-subject" autoComplete="off" invalid={!!errors.subject} aria-describedby={describedBy("send-subject", errors.subject?.message)} {...form.register("subject")} />
        </Field>
        <Field id="send-body" label={t("message")} error={errors.body?.message} hint={t("messageHint")}>
          <Textarea id="send-body" rows={8} invalid={!!errors.body} aria-describedby={describedBy("send-body", errors.body?.message, true)} {...form.register("body")} />
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" {...form.register("attachPdf")} /> {t("attachPdf")}
        </label>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" pending={pending}>{pending ? t("sending") : issuesFirst ? t("issueAndSend") : t("send")}</Button>
          <Button type="button" variant="secondary" onClick={onCancel}>{t("cancel")}</Button>
        </div>
      </form>
      <EmailPreview kind={setup.kind} language={setup.language} subject={subject} body={body} values={setup.values} caption={t("preview")} />
    </div>
  );
}
