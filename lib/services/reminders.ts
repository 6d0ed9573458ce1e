/**
 * Payment reminders, the scheduled job (`npm run jobs`): for every organisation's open invoices,
 * which reminder step is due, and its email queued in the outbox. The queries are in
 * lib/data/reminders.ts; each invoice is handled with its own organisation's system context.
 */
import "server-only";
import { type Executor, getDb } from "@/db";
import { documentEmail } from "@/emails/document-email";
import { type Member, systemContext } from "@/lib/data/context";
import { getEmailTemplate } from "@/lib/data/email-templates";
import { ensureDocumentLink } from "@/lib/data/links";
import {
  claimReminderStep,
  getReminderCandidate,
  type ReminderCandidate,
  recordReminderQueued,
  recordReminderSkipped,
  unsafeListReminderCandidates,
} from "@/lib/data/reminders";
import { recipientFor } from "@/lib/data/sending";
import { formatDate, todayIn } from "@/lib/dates";
import { badRequest, conflict } from "@/lib/errors";
import { moduleLogger } from "@/lib/logger";
import { emailDelivery, REMINDER_WITHOUT_EMAIL_MESSAGE } from "@/lib/mail/delivery";
import { emailMessages } from "@/lib/i18n/catalogs/email";
import { documentLanguage, formattingLocale } from "@/lib/i18n/languages";
import { formatMoney } from "@/lib/money";
import { currentStep, DEFAULT_STEPS } from "@/lib/reminder-schedule";
import { absoluteUrl, logoUrl } from "@/lib/urls";
import { addLateFee, withLateFeeNotice } from "./late-fees";
import { queueMail } from "./outbox";

const log = moduleLogger("reminders");
export { currentStep, DEFAULT_STEPS };

/**
 * Queues at most one reminder per open invoice and step. Each claim is an insert into
 * reminder_sends (primary key: invoice + step) in the same transaction as the email, so two
 * overlapping job runs queue exactly one message.
 */
export async function queueDueReminders(now = new Date(), tx?: Executor) {
  // Without email nothing would reach the client: no step is claimed, so a reminder still due once
  // email is set up goes out then.
  if (emailDelivery() === "none") {
    log.warn("email is not set up: no reminders queued");
    return { candidates: 0, queued: 0 };
  }
  const db = tx ?? (await getDb());
  const candidates = await unsafeListReminderCandidates(now, db);
  let queued = 0;
  for (const c of candidates) {
    if (!c.enabled || c.paused) continue;
    const today = todayIn(c.timeZone, now);
    // A customer who promised to pay on a date hears nothing until the day after it.
    if (c.promisedOn && today <= c.promisedOn) continue;
    const step = currentStep(c.dueDate!, today, c.overrideSteps ?? c.steps ?? DEFAULT_STEPS);
    if (step === null) continue;
    try {
      if (await queueReminder(db, c, step, now)) queued++;
    } catch (error) {
      log.error({ err: error, documentId: c.id }, "could not queue a reminder");
    }
  }
  return { candidates: candidates.length, queued };
}

/**
 * "Send now" on an invoice: queues the reminder for `step` (the one the page showed as next) at once,
 * whether or not reminders are on or paused, since the member asked for it. It claims the same
 * reminder_sends row and uses the same idempotency key as the job, so a double click, or the job
 * reaching that step later, sends nothing more.
 */
export async function sendReminderNow(member: Member, documentId: string, step: number, tx?: Executor, now = new Date()): Promise<{ emailId: string; to: string }> {
  if (emailDelivery() === "none") throw conflict(REMINDER_WITHOUT_EMAIL_MESSAGE);
  const db = tx ?? (await getDb());
  const c = await getReminderCandidate(member, documentId, db);
  if (!c) throw badRequest("Only an issued, unpaid invoice with a due date gets reminders.");
  if (!(c.overrideSteps ?? c.steps ?? DEFAULT_STEPS).includes(step)) throw conflict("The reminder schedule has changed. Reload the page to see the next reminder.");
  const queued = await queueReminder(db, c, step, now, member, { requireAddress: true });
  if (!queued) throw conflict("This reminder has already been sent.");
  return queued;
}

/**
 * Claims the invoice's step and queues its email, in one transaction; null when nothing was queued.
 * The job records a customer without an address as skipped; "Send now" (requireAddress) refuses and claims nothing.
 */
async function queueReminder(
  db: Executor,
  c: ReminderCandidate,
  step: number,
  now: Date,
  member = systemContext(c.orgId),
  options = { requireAddress: false },
): Promise<{ emailId: string; to: string } | null> {
  return db.transaction(async (tx) => {
    if (!(await claimReminderStep(member, c.id, step, tx))) return null;
    const to = await recipientFor(member, c.customerId, tx);
    if (!to) {
      if (options.requireAddress) throw badRequest("This customer has no email address. Add one to their details to send reminders.");
      await recordReminderSkipped(member, c.id, step, "no email address", tx);
      return null;
    }
    // The email says what is true today: a reminder sent early (Send now) before the due date is
    // the "before" one whatever step it stands for; the job only reaches a step on or after its date.
    const kind = step < 0 || todayIn(c.timeZone, now) < c.dueDate! ? "reminder_before" : "reminder_after";
    // The late fee (if the organisation charges one) goes with the reminder that announces it: same transaction, once per step.
    const fee = await addLateFee(member, c, step, now, tx);
    const token = await ensureDocumentLink(member, c.id, tx);
    const link = absoluteUrl(`/i/${token}`);
    // In the invoice's language, as its PDF and client page are.
    const language = documentLanguage(c.language, c.customerLanguage, c.locale);
    const locale = formattingLocale(language, c.locale);
    const money = (minor: number) => formatMoney(minor, c.currency, locale);
    const template = await getEmailTemplate(member, kind, language, tx);
    const notice = fee ? emailMessages(language)("lateFee", { amount: money(fee.total), number: fee.number ?? "" }) : null;
    const content = documentEmail({
      kind,
      template: notice ? withLateFeeNotice(template, notice) : template,
      language,
      link,
      org: { name: c.orgName, brandColor: c.brandColor, logoUrl: c.logoUpdatedAt ? logoUrl(c.orgId, c.logoUpdatedAt.getTime()) : null },
      values: { customer_name: c.customerName, number: c.number ?? "", amount_due: money(c.balance), total: money(c.total), due_date: formatDate(c.dueDate, locale) },
    });
    const email = await queueMail({ kind, orgId: c.orgId, documentId: c.id, to, ...content, idempotencyKey: `reminder:${c.id}:${step}`, secrets: [token] }, undefined, tx);
    await recordReminderQueued(member, c.id, step, { to, emailId: email.id }, tx);
    return { emailId: email.id, to };
  });
}
