import "server-only";
import { and, eq, gte, inArray, isNotNull, lte, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { documentEvents, documentReminderOverrides, documents, organizationLogos, organizations, reminderSends, reminderSettings } from "@/db/schema";
import { documentEmail } from "@/emails/document-email";
import { addDays, formatDate, todayIn } from "@/lib/dates";
import { queueMail } from "@/lib/mail";
import { formatMoney } from "@/lib/money";
import { moduleLogger } from "@/lib/logger";
import { absoluteUrl, logoUrl } from "@/lib/urls";
import { getEmailTemplate } from "./email-templates";
import { systemContext } from "./context";
import { ensureDocumentLink } from "./links";
import { recipientFor } from "./sending";
import { OPEN_INVOICE_STATUSES } from "./documents/shared";

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
export async function queueDueReminders(db: Executor, now = new Date()) {
  const window = 400; // days: older invoices have long passed their last step
  const candidates = await db
    .select({
      id: documents.id,
      orgId: documents.orgId,
      customerId: documents.customerId,
      number: documents.number,
      dueDate: documents.dueDate,
      currency: documents.currency,
      balance: documents.balance,
      total: documents.total,
      customerName: sql<string>`coalesce(${documents.customerSnapshot}->>'name', '')`,
      timeZone: organizations.timeZone,
      locale: organizations.locale,
      orgName: organizations.name,
      brandColor: organizations.brandColor,
      logoUpdatedAt: organizationLogos.updatedAt,
      enabled: sql<boolean>`coalesce(${reminderSettings.enabled}, true)`,
      steps: reminderSettings.steps,
      paused: sql<boolean>`coalesce(${documentReminderOverrides.paused}, false)`,
      overrideSteps: documentReminderOverrides.steps,
    })
    .from(documents)
    .innerJoin(organizations, eq(organizations.id, documents.orgId))
    .leftJoin(organizationLogos, eq(organizationLogos.orgId, documents.orgId))
    .leftJoin(reminderSettings, eq(reminderSettings.orgId, documents.orgId))
    .leftJoin(documentReminderOverrides, eq(documentReminderOverrides.documentId, documents.id))
    .where(
      and(
        eq(documents.kind, "invoice"),
        inArray(documents.status, [...OPEN_INVOICE_STATUSES]),
        isNotNull(documents.dueDate),
        gte(documents.dueDate, addDays(now.toISOString().slice(0, 10), -window)),
        lte(documents.dueDate, addDays(now.toISOString().slice(0, 10), 31)),
      ),
    );
  let queued = 0;
  for (const c of candidates) {
    if (!c.enabled || c.paused) continue;
    const today = todayIn(c.timeZone, now);
    const step = currentStep(c.dueDate!, today, c.overrideSteps ?? c.steps ?? DEFAULT_STEPS);
    if (step === null) continue;
    const member = systemContext(c.orgId);
    try {
      const didQueue = await db.transaction(async (tx) => {
        const [claimed] = await tx.insert(reminderSends).values({ orgId: c.orgId, documentId: c.id, step }).onConflictDoNothing().returning();
        if (!claimed) return false;
        const to = await recipientFor(tx, member, c.customerId);
        if (!to) {
          await tx.insert(documentEvents).values({ orgId: c.orgId, documentId: c.id, type: "reminder_skipped", meta: { step, reason: "no email address" } });
          return false;
        }
        const kind = step < 0 ? "reminder_before" : "reminder_after";
        const token = await ensureDocumentLink(tx, member, c.id);
        const link = absoluteUrl(`/i/${token}`);
        const money = (minor: number) => formatMoney(minor, c.currency, c.locale);
        const content = documentEmail({
          kind,
          template: await getEmailTemplate(tx, member, kind),
          link,
          org: { name: c.orgName, brandColor: c.brandColor, logoUrl: c.logoUpdatedAt ? logoUrl(c.orgId, c.logoUpdatedAt.getTime()) : null },
          values: { customer_name: c.customerName, number: c.number ?? "", amount_due: money(c.balance), total: money(c.total), due_date: formatDate(c.dueDate, c.locale) },
        });
        const email = await queueMail(tx, { kind, orgId: c.orgId, documentId: c.id, to, ...content, idempotencyKey: `reminder:${c.id}:${step}`, secrets: [token] });
        await tx.update(reminderSends).set({ emailId: email.id }).where(and(eq(reminderSends.documentId, c.id), eq(reminderSends.step, step)));
        await tx.insert(documentEvents).values({ orgId: c.orgId, documentId: c.id, type: "reminder_queued", meta: { step, to, emailId: email.id } });
        return true;
      });
      if (didQueue) queued++;
    } catch (error) {
      log.error({ err: error, documentId: c.id }, "could not queue a reminder");
    }
  }
  return { candidates: candidates.length, queued };
}
