"use client";

import { useState, useTransition } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { describedBy, Field, Input, Textarea } from "@/components/ui/field";
import { EmailPreview } from "@/components/email/email-preview";
import { useAppLanguage, useAppMessages } from "@/components/i18n/app-language";
import { catalogs } from "@/lib/i18n/catalogs/app/settings";
import { resetEmailTemplate, saveEmailTemplate } from "@/lib/actions/email-templates";
import {
  BODY_MAX,
  type EmailTemplateFormInput,
  type EmailTemplateKind,
  emailTemplateSchema,
  type TemplateText,
  type TemplateValues,
} from "@/lib/email-templates";
import { LANGUAGE_NAMES, type Language, textDirection } from "@/lib/i18n/languages";

export function TemplateForm({
  kind,
  language,
  samples,
  title,
  initial,
  isDefault: initiallyDefault,
  organizationName,
}: {
  kind: EmailTemplateKind;
  /** The language whose wording this form shows and saves (the other languages keep theirs). */
  language: Language;
  /** The preview's values, formatted for that language. */
  samples: TemplateValues;
  title: string;
  initial: TemplateText;
  isDefault: boolean;
  organizationName: string;
}) {
  const t = useAppMessages(catalogs);
  // English runs the title into the sentence ("Your invoice email"); German quotes it as a noun, capitalised.
  const appLanguage = useAppLanguage();
  const [isDefault, setIsDefault] = useState(initiallyDefault);
  const [resetMessage, setResetMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [resetting, startReset] = useTransition();
  const [confirmingReset, setConfirmingReset] = useState(false);
  const defaults: EmailTemplateFormInput = { kind, language, subject: initial.subject, body: initial.body };
  const { form, onSubmit, formError, formMessage, pending } = useActionForm(emailTemplateSchema, saveEmailTemplate, {
    defaultValues: defaults,
    onSuccess: (result) => {
      form.reset({ kind, language, ...result.data });
      setIsDefault(false);
      setResetMessage(null);
    },
  });
  const { errors } = form.formState;

  const subject = form.watch("subject") ?? "";
  const body = form.watch("body") ?? "";
  const values = { ...samples, organization_name: organizationName || samples.organization_name };

  const reset = () => {
    startReset(async () => {
      const result = await resetEmailTemplate({ kind, language });
      setConfirmingReset(false);
      if (!result.ok) {
        setResetMessage({ tone: "error", text: result.message });
        return;
      }
      form.reset({ kind, language, ...result.data });
      setIsDefault(true);
      setResetMessage({ tone: "success", text: result.message ?? t("emails.resetDone") });
    });
  };

  const id = (field: string) => `${kind}-${language}-${field}`;
  const status = formError ? { tone: "error" as const, text: formError } : formMessage ? { tone: "success" as const, text: formMessage } : resetMessage;

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <div aria-live="polite">{status ? <Alert tone={status.tone}>{status.text}</Alert> : null}</div>
        <input type="hidden" {...form.register("kind")} />
        <input type="hidden" {...form.register("language")} />
        <Field id={id("subject")} label={t("emails.subject")} error={errors.subject?.message}>
          <Input
            id={id("subject")}
            dir={textDirection(language)}
            autoComplete="off"
            invalid={!!errors.subject}
            aria-describedby={describedBy(id("subject"), errors.subject?.message)}
            {...form.register("subject")}
          />
        </Field>
        <Field
          id={id("body")}
          label={t("emails.message")}
          error={errors.body?.message}
          hint={t("emails.messageHint", { max: BODY_MAX })}
        >
          <Textarea
            id={id("body")}
            dir={textDirection(language)}
            rows={12}
            invalid={!!errors.body}
            aria-describedby={describedBy(id("body"), errors.body?.message, true)}
            {...form.register("body")}
          />
        </Field>
        <div className="flex flex-wrap items-center gap-3">
          {/* mousedown would blur the last field first; its validation error would move the button away from the pointer. */}
          <Button type="submit" pending={pending} onMouseDown={(e) => e.preventDefault()}>
            {pending ? t("emails.saving") : t("emails.save")}
          </Button>
          <Button type="button" variant="secondary" pending={resetting} disabled={isDefault} onClick={() => setConfirmingReset(true)}>
            {resetting ? t("emails.resetting") : t("emails.reset")}
          </Button>
          {isDefault ? <span className="text-sm text-slate-600">{t("emails.usingDefault")}</span> : null}
        </div>
        <ConfirmDialog
          open={confirmingReset}
          title={t("emails.resetTitle")}
          message={t("emails.resetMessage", { title: appLanguage === "en" ? title.toLowerCase() : title, language: LANGUAGE_NAMES[language] })}
          confirmLabel={t("emails.reset")}
          pending={resetting}
          onConfirm={reset}
          onClose={() => setConfirmingReset(false)}
        />
      </form>
      <EmailPreview kind={kind} language={language} subject={subject} body={body} values={values} caption={t("emails.preview")} />
    </div>
  );
}
