"use client";

import Link from "next/link";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { saveReminderSettings } from "@/lib/actions/reminders";
import { useAppMessages } from "@/components/i18n/app-language";
import { catalogs } from "@/lib/i18n/catalogs/app/settings";
import { formatSteps, reminderSettingsSchema, stepsSchema, templateForStep } from "@/lib/reminder-schedule";

/**
 * On/off and the steps of the organisation's payment reminders (Settings → Reminders and onboarding),
 * with the schedule they give in words and the email template each step uses.
 */
export function ReminderSettingsForm({ initial }: { initial: { enabled: boolean; steps: number[] } }) {
  const t = useAppMessages(catalogs);
  const describeStep = (step: number) =>
    step === 0 ? t("reminders.form.onDueDate") : t(step < 0 ? "reminders.form.before" : "reminders.form.after", { days: Math.abs(step) });
  const { form, onSubmit, formError, formMessage, pending } = useActionForm(reminderSettingsSchema, saveReminderSettings, {
    defaultValues: { enabled: initial.enabled, steps: formatSteps(initial.steps) },
    onSuccess: (result) => form.reset({ enabled: result.data.enabled, steps: formatSteps(result.data.steps) }),
  });
  const { errors } = form.formState;
  const enabled = form.watch("enabled");
  const typed = stepsSchema.safeParse(form.watch("steps") ?? "");
  const schedule = typed.success ? typed.data : [];

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <div aria-live="polite">{formError ? <Alert tone="error">{formError}</Alert> : formMessage ? <Alert tone="success">{formMessage}</Alert> : null}</div>
      <div className="flex items-start gap-3">
        <input id="reminders-enabled" type="checkbox" className="mt-1 size-4 max-sm:size-6" aria-describedby="reminders-enabled-hint" {...form.register("enabled")} />
        <div>
          <label htmlFor="reminders-enabled" className="text-sm font-medium text-slate-900 max-sm:flex max-sm:min-h-11 max-sm:items-center">
            {t("reminders.form.enabled")}
          </label>
          <p id="reminders-enabled-hint" className="text-xs text-slate-600">
            {t("reminders.form.enabledHint")}
          </p>
        </div>
      </div>
      <Field
        id="reminders-steps"
        label={t("reminders.form.steps")}
        error={errors.steps?.message}
        hint={t("reminders.form.stepsHint")}
      >
        <Input
          id="reminders-steps"
          inputMode="text"
          autoComplete="off"
          invalid={!!errors.steps}
          aria-describedby={describedBy("reminders-steps", errors.steps?.message, true)}
          {...form.register("steps")}
        />
      </Field>
      {schedule.length ? (
        <div>
          <h3 className="text-sm font-medium text-slate-900">{enabled ? t("reminders.form.schedule") : t("reminders.form.scheduleOff")}</h3>
          <ul className="mt-2 divide-y divide-slate-100 rounded-md border border-slate-200 text-sm" aria-label={t("reminders.form.scheduleLabel")}>
            {schedule.map((step) => (
              <li key={step} className="flex flex-wrap justify-between gap-2 px-3 py-2">
                <span>{describeStep(step)}</span>
                <Link href={`/settings/emails#${templateForStep(step)}-heading`} className="text-brand-700 underline-offset-2 hover:underline">
                  {t("reminders.form.templateEmail", { title: t(`emails.kind.${templateForStep(step)}.title`) })}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Button type="submit" pending={pending} onMouseDown={(e) => e.preventDefault()}>
        {pending ? t("reminders.form.saving") : t("reminders.form.save")}
      </Button>
    </form>
  );
}
