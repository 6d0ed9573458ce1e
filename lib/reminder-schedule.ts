/**
 * The reminder schedule, pure: which step is due on a day, when the next reminder goes out, and how
 * the settings form writes steps. Shared by the reminders job, the invoice page and Settings →
 * Reminders, so the date the page promises is the date the job sends.
 */
import { z } from "zod";
import { addDays } from "./dates";

export const DEFAULT_STEPS = [-3, 0, 7, 14, 30];

/**
 * Bounds of a step in days. The job looks at invoices due up to 31 days ahead and 400 days past
 * (lib/data/reminders.ts), so every step allowed here is one it will reach.
 */
export const MIN_STEP = -30;
export const MAX_STEP = 365;
export const MAX_STEPS = 10;

/** The step due today or most recently passed: a run that was missed sends one reminder, not a backlog. */
export function currentStep(dueDate: string, today: string, steps: number[]): number | null {
  const passed = steps.filter((s) => addDays(dueDate, s) <= today);
  return passed.length ? Math.max(...passed) : null;
}

/** The first day reminders may go to a customer who promised to pay on `promisedOn`: the day after. */
export const resumeAfterPromise = (promisedOn: string) => addDays(promisedOn, 1);

/**
 * The reminder the job will send next, and on which day, if nothing changes: on the first day it may
 * send (today, or the day after a promise to pay), the step due then unless already sent; otherwise
 * the earliest later step not yet sent (a "Send now" may have sent one early). Null when none is left.
 */
export function nextReminder(input: { dueDate: string; steps: number[]; sent: number[]; today: string; promisedOn?: string | null }): { step: number; date: string } | null {
  const { dueDate, steps, today } = input;
  const sent = new Set(input.sent);
  const from = input.promisedOn && resumeAfterPromise(input.promisedOn) > today ? resumeAfterPromise(input.promisedOn) : today;
  const due = currentStep(dueDate, from, steps);
  if (due !== null && !sent.has(due)) return { step: due, date: from };
  const later = steps.filter((s) => addDays(dueDate, s) > from && !sent.has(s)).sort((a, b) => a - b);
  return later.length ? { step: later[0]!, date: addDays(dueDate, later[0]!) } : null;
}

/** "3 days before the due date", "On the due date", "7 days after the due date". */
export function describeStep(step: number): string {
  if (step === 0) return "On the due date";
  const days = Math.abs(step);
  return `${days} ${days === 1 ? "day" : "days"} ${step < 0 ? "before" : "after"} the due date`;
}

/** The email template a step uses: before the due date, or the overdue one from the due date on. */
export const templateForStep = (step: number) => (step < 0 ? "reminder_before" : "reminder_after");

export const formatSteps = (steps: number[]) => steps.join(", ");

const STEPS_MESSAGE = "Enter whole numbers of days separated by commas, like -3, 0, 7.";

/** Steps as typed ("-3, 0, 7"; a typographic minus is fine), sorted and without repeats. */
export const stepsSchema = z.string().transform((text, ctx) => {
  const parts = text
    .replace(/[\u2212\u2013]/g, "-")
    .split(/[,;\s]+/)
    .filter(Boolean);
  if (!parts.every((p) => /^[+-]?\d{1,3}$/.test(p))) {
    ctx.addIssue({ code: "custom", message: STEPS_MESSAGE });
    return z.NEVER;
  }
  const steps = [...new Set(parts.map(Number))].sort((a, b) => a - b);
  if (steps.some((s) => s < MIN_STEP || s > MAX_STEP)) {
    ctx.addIssue({ code: "custom", message: `Use steps from ${MIN_STEP} (a month before the due date) to ${MAX_STEP} (a year after).` });
    return z.NEVER;
  }
  if (steps.length > MAX_STEPS) {
    ctx.addIssue({ code: "custom", message: `Use at most ${MAX_STEPS} steps.` });
    return z.NEVER;
  }
  return steps;
});

export const reminderSettingsSchema = z
  .object({ enabled: z.boolean(), steps: stepsSchema })
  .superRefine((value, ctx) => {
    if (value.enabled && value.steps.length === 0) ctx.addIssue({ code: "custom", path: ["steps"], message: "Add at least one step, or turn reminders off." });
  });

export type ReminderSettingsInput = z.input<typeof reminderSettingsSchema>;
