import "server-only";
import { and, eq, gte, inArray, isNotNull, lte, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { documentEvents, documentReminderOverrides, documents, organizationLogos, organizations, reminderSends, reminderSettings } from "@/db/schema";
import { addDays } from "@/lib/dates";
import { assertCan, type Member } from "./context";
import { OPEN_INVOICE_STATUSES } from "./documents/shared";

/** Days past due after which an invoice is no longer a candidate: it has long passed its last step. */
const WINDOW_DAYS = 400;

export type ReminderCandidate = Awaited<ReturnType<typeof unsafeListReminderCandidates>>[number];

/**
 * Every organisation's open invoices due within the reminder window, with what a reminder needs:
 * the organisation's settings and branding, the invoice's override. Unscoped: the reminders job
 * (lib/services/reminders.ts) acts for each organisation in turn.
 */
export async function unsafeListReminderCandidates(now: Date, tx?: Executor) {
  const db = tx ?? (await getDb());
  const today = now.toISOString().slice(0, 10);
  return db
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
        gte(documents.dueDate, addDays(today, -WINDOW_DAYS)),
        lte(documents.dueDate, addDays(today, 31)),
      ),
    );
}

/**
 * Claims an invoice's reminder step: an insert under reminder_sends' primary key (invoice + step),
 * so of two overlapping job runs exactly one gets true. Run it in the transaction that queues the email.
 */
export async function claimReminderStep(member: Member, documentId: string, step: number, executor?: Executor): Promise<boolean> {
  const tx = executor ?? (await getDb());
  assertCan(member, "documents.manage");
  const [claimed] = await tx.insert(reminderSends).values({ orgId: member.orgId, documentId, step }).onConflictDoNothing().returning();
  return !!claimed;
}

/** A claimed step that sent nothing (the customer has no address), on the invoice's timeline. */
export async function recordReminderSkipped(member: Member, documentId: string, step: number, reason: string, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "documents.manage");
  await db.insert(documentEvents).values({ orgId: member.orgId, documentId, type: "reminder_skipped", meta: { step, reason } });
}

/** A claimed step whose email is queued: the claim names the email and the invoice's timeline says so. */
export async function recordReminderQueued(member: Member, documentId: string, step: number, sent: { to: string; emailId: string }, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "documents.manage");
  await db
    .update(reminderSends)
    .set({ emailId: sent.emailId })
    .where(and(eq(reminderSends.orgId, member.orgId), eq(reminderSends.documentId, documentId), eq(reminderSends.step, step)));
  await db.insert(documentEvents).values({ orgId: member.orgId, documentId, type: "reminder_queued", meta: { step, to: sent.to, emailId: sent.emailId } });
}
