"use client";

import Link from "next/link";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { saveReminderSettings } from "@/lib/actions/reminders";
import { EMAIL_TEMPLATE_LABELS } from "@/lib/email-templates";
import { describeStep, formatSteps, reminderSettingsSchema, stepsSchema, templateForStep } from "@/lib/reminder-schedule";

/**
 * On/off and the steps of the organisation's payment reminders (Settings → Reminders and onboarding),
 * with the schedule they give in words and the email template each step uses.
 */
export function ReminderSettingsForm({ initial }: { initial: { enabled: boolean; steps: number[] } }) {
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
            Send payment reminders automatically
          </label>
          <p id="reminders-enabled-hint" className="text-xs text-slate-600">
            Each open invoice with a due date gets one email per step, to the customer&apos;s billing address. You can pause an invoice, or a customer who promised to pay.
          </p>
        </div>
      </div>
      <Field
        id="reminders-steps"
        label="Steps, in days from the due date"
        error={errors.steps?.message}
        hint="Negative numbers are days before the due date, 0 is the due date, positive numbers are days after it. For example: -3, 0, 7, 14, 30."
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
          <h3 className="text-sm font-medium text-slate-900">{enabled ? "The schedule" : "The schedule, once reminders are on"}</h3>
          <ul className="mt-2 divide-y divide-slate-100 rounded-md border border-slate-200 text-sm" aria-label="Reminder schedule">
            {schedule.map((step) => (
              <li key={step} className="flex flex-wrap justify-between gap-2 px-3 py-2">
                <span>{describeStep(step)}</span>
                <Link href={`/settings/emails#${templateForStep(step)}-heading`} className="text-brand-700 underline-offset-2 hover:underline">
                  {EMAIL_TEMPLATE_LABELS[templateForStep(step)].title} email
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Button type="submit" pending={pending} onMouseDown={(e) => e.preventDefault()}>
        {pending ? "Saving…" : "Save reminders"}
      </Button>
    </form>
  );
}
