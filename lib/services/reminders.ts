/**
 * Payment reminders, the scheduled job (`npm run jobs`): for every organisation's open invoices,
 * which reminder step is due, and its email queued in the outbox. The queries are in
 * lib/data/reminders.ts; each invoice is handled with its own organisation's system context.
 */
import "server-only";
import { type Executor, getDb } from "@/db";
import { documentEmail } from "@/emails/document-email";
import { systemContext } from "@/lib/data/context";
import { getEmailTemplate } from "@/lib/data/email-templates";
import { ensureDocumentLink } from "@/lib/data/links";
import { claimReminderStep, type ReminderCandidate, recordReminderQueued, recordReminderSkipped, unsafeListReminderCandidates } from "@/lib/data/reminders";
import { recipientFor } from "@/lib/data/sending";
import { addDays, formatDate, todayIn } from "@/lib/dates";
import { moduleLogger } from "@/lib/logger";
import { formatMoney } from "@/lib/money";
import { absoluteUrl, logoUrl } from "@/lib/urls";
import { queueMail } from "./outbox";

const log = moduleLogger("reminders");
export const DEFAULT_STEPS = [-3, 0, 7, 14, 30];

/** The step due today or most recently passed: a run that was missed sends one reminder, not a backlog. */
export function currentStep(dueDate: string, today: string, steps: number[]): number | null {
  const passed = steps.filter((s) => addDays(dueDate, s) <= today);
  return passed.length ? Math.max(...passed) : null;
}

/**
 * Queues at most one reminder per open invoice and step. Each claim is an insert into
 * reminder_sends (primary key: invoice + step) in the same transaction as the email, so two
 * overlapping job runs queue exactly one message.
 */
export async function queueDueReminders(now = new Date(), tx?: Executor) {
  const db = tx ?? (await getDb());
  const candidates = await unsafeListReminderCandidates(now, db);
  let queued = 0;
  for (const c of candidates) {
    if (!c.enabled || c.paused) continue;
    const today = todayIn(c.timeZone, now);
    const step = currentStep(c.dueDate!, today, c.overrideSteps ?? c.steps ?? DEFAULT_STEPS);
    if (step === null) continue;
    try {
      if (await queueReminder(db, c, step)) queued++;
    } catch (error) {
      log.error({ err: error, documentId: c.id }, "could not queue a reminder");
    }
  }
  return { candidates: candidates.length, queued };
}

/** Claims the invoice's step and queues its email, in one transaction; false when nothing was queued. */
async function queueReminder(db: Executor, c: ReminderCandidate, step: number): Promise<boolean> {
  const member = systemContext(c.orgId);
  return db.transaction(async (tx) => {
    if (!(await claimReminderStep(member, c.id, step, tx))) return false;
    const to = await recipientFor(member, c.customerId, tx);
    if (!to) {
      await recordReminderSkipped(member, c.id, step, "no email address", tx);
      return false;
    }
    const kind = step < 0 ? "reminder_before" : "reminder_after";
    const token = await ensureDocumentLink(member, c.id, tx);
    const link = absoluteUrl(`/i/${token}`);
    const money = (minor: number) => formatMoney(minor, c.currency, c.locale);
    const content = documentEmail({
      kind,
      template: await getEmailTemplate(member, kind, tx),
      link,
      org: { name: c.orgName, brandColor: c.brandColor, logoUrl: c.logoUpdatedAt ? logoUrl(c.orgId, c.logoUpdatedAt.getTime()) : null },
      values: { customer_name: c.customerName, number: c.number ?? "", amount_due: money(c.balance), total: money(c.total), due_date: formatDate(c.dueDate, c.locale) },
    });
    const email = await queueMail({ kind, orgId: c.orgId, documentId: c.id, to, ...content, idempotencyKey: `reminder:${c.id}:${step}`, secrets: [token] }, undefined, tx);
    await recordReminderQueued(member, c.id, step, { to, emailId: email.id }, tx);
    return true;
  });
}
