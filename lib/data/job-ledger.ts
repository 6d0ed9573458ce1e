/**
 * The job ledger's queries (Settings → Jobs): for one organisation, what the scheduled jobs did —
 * recurring occurrences, reminders, outbox deliveries, Stripe events — newest first and bounded,
 * and what they will do (the forecast's inputs). Every query is scoped to the member's organisation
 * and readable by owners and admins only (settings.manage).
 */
import "server-only";
import { and, asc, desc, eq, gte, inArray, isNotNull, lte, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import {
  customerReminderSnoozes,
  documentReminderOverrides,
  documents,
  emails,
  recurringOccurrences,
  recurringProfiles,
  reminderSends,
  reminderSettings,
  stripeEvents,
} from "@/db/schema";
import { addDays } from "@/lib/dates";
import { MAX_STEP, MIN_STEP } from "@/lib/reminder-schedule";
import { assertCan, type Member } from "./context";
import { OPEN_INVOICE_STATUSES } from "./documents/shared";

/** Rows per ledger section: the newest, enough to find what went wrong without an unbounded read. */
export const LEDGER_PAGE = 100;
/** Forecast inputs read at most: the active profiles and open invoices nearest their next date. */
export const FORECAST_INPUTS = 500;

/** Recurring occurrences, newest date first, with the profile's name and the invoice made (if any). */
export async function listOccurrenceLedger(member: Member, tx?: Executor) {
  assertCan(member, "settings.manage");
  const db = tx ?? (await getDb());
  return db
    .select({
      profileId: recurringOccurrences.profileId,
      profileName: recurringProfiles.name,
      occurrenceDate: recurringOccurrences.occurrenceDate,
      state: recurringOccurrences.state,
      missed: recurringOccurrences.missed,
      attempts: recurringOccurrences.attempts,
      lastError: recurringOccurrences.lastError,
      documentId: recurringOccurrences.documentId,
      documentNumber: documents.number,
      updatedAt: recurringOccurrences.updatedAt,
    })
    .from(recurringOccurrences)
    .innerJoin(recurringProfiles, and(eq(recurringProfiles.orgId, recurringOccurrences.orgId), eq(recurringProfiles.id, recurringOccurrences.profileId)))
    .leftJoin(documents, and(eq(documents.orgId, recurringOccurrences.orgId), eq(documents.id, recurringOccurrences.documentId)))
    .where(eq(recurringOccurrences.orgId, member.orgId))
    .orderBy(desc(recurringOccurrences.occurrenceDate), asc(recurringProfiles.name), asc(recurringOccurrences.profileId))
    .limit(LEDGER_PAGE);
}

/** Reminder steps claimed (reminder_sends), newest first, with the invoice and the email's status. */
export async function listReminderLedger(member: Member, tx?: Executor) {
  assertCan(member, "settings.manage");
  const db = tx ?? (await getDb());
  return db
    .select({
      documentId: reminderSends.documentId,
      documentNumber: documents.number,
      step: reminderSends.step,
      claimedAt: reminderSends.createdAt,
      emailId: reminderSends.emailId,
      emailStatus: emails.status,
    })
    .from(reminderSends)
    .innerJoin(documents, and(eq(documents.orgId, reminderSends.orgId), eq(documents.id, reminderSends.documentId)))
    .leftJoin(emails, and(eq(emails.orgId, reminderSends.orgId), eq(emails.id, reminderSends.emailId)))
    .where(eq(reminderSends.orgId, member.orgId))
    .orderBy(desc(reminderSends.createdAt), asc(reminderSends.documentId), asc(reminderSends.step))
    .limit(LEDGER_PAGE);
}

/** The organisation's emails in the outbox, newest first: delivery state, never the body. */
export async function listOutboxLedger(member: Member, tx?: Executor) {
  assertCan(member, "settings.manage");
  const db = tx ?? (await getDb());
  return db
    .select({
      id: emails.id,
      idempotencyKey: emails.idempotencyKey,
      kind: emails.kind,
      toAddress: emails.toAddress,
      status: emails.status,
      attempts: emails.attempts,
      lastError: emails.lastError,
      nextAttemptAt: emails.nextAttemptAt,
      createdAt: emails.createdAt,
      sentAt: emails.sentAt,
    })
    .from(emails)
    .where(eq(emails.orgId, member.orgId))
    .orderBy(desc(emails.createdAt), desc(emails.id))
    .limit(LEDGER_PAGE);
}

/** Stripe events received for the organisation, newest first, with whether one waits for its payment. */
export async function listPaymentEventLedger(member: Member, tx?: Executor) {
  assertCan(member, "settings.manage");
  const db = tx ?? (await getDb());
  return db
    .select({
      id: stripeEvents.id,
      type: stripeEvents.type,
      outcome: stripeEvents.outcome,
      waitingFor: stripeEvents.waitingFor,
      receivedAt: stripeEvents.receivedAt,
      documentId: stripeEvents.documentId,
      documentNumber: documents.number,
    })
    .from(stripeEvents)
    .leftJoin(documents, and(eq(documents.orgId, stripeEvents.orgId), eq(documents.id, stripeEvents.documentId)))
    .where(eq(stripeEvents.orgId, member.orgId))
    .orderBy(desc(stripeEvents.receivedAt), desc(stripeEvents.id))
    .limit(LEDGER_PAGE);
}

/** Active profiles whose next date is on or before `until`: what the recurring step will create. */
export async function listForecastProfiles(member: Member, until: string, tx?: Executor) {
  assertCan(member, "settings.manage");
  const db = tx ?? (await getDb());
  return db
    .select({
      id: recurringProfiles.id,
      name: recurringProfiles.name,
      currency: recurringProfiles.currency,
      total: recurringProfiles.total,
      action: recurringProfiles.action,
      frequency: recurringProfiles.frequency,
      interval: recurringProfiles.interval,
      weekday: recurringProfiles.weekday,
      dayOfMonth: recurringProfiles.dayOfMonth,
      monthOfYear: recurringProfiles.monthOfYear,
      startDate: recurringProfiles.startDate,
      endType: recurringProfiles.endType,
      endAfterCount: recurringProfiles.endAfterCount,
      endDate: recurringProfiles.endDate,
      nextDate: recurringProfiles.nextDate,
      occurrenceCount: recurringProfiles.occurrenceCount,
    })
    .from(recurringProfiles)
    .where(and(eq(recurringProfiles.orgId, member.orgId), eq(recurringProfiles.status, "active"), isNotNull(recurringProfiles.nextDate), lte(recurringProfiles.nextDate, until)))
    .orderBy(asc(recurringProfiles.nextDate), asc(recurringProfiles.id))
    .limit(FORECAST_INPUTS);
}

export type ForecastProfile = Awaited<ReturnType<typeof listForecastProfiles>>[number];

/**
 * Open invoices whose reminder steps can fall between `today` and `until`, with what decides the
 * next reminder (as lib/data/reminders.ts reads it for the job): the schedule, the invoice's pause
 * or own steps, the customer's promise, and the steps already claimed.
 */
export async function listForecastInvoices(member: Member, today: string, until: string, tx?: Executor) {
  assertCan(member, "settings.manage");
  const db = tx ?? (await getDb());
  return db
    .select({
      id: documents.id,
      number: documents.number,
      dueDate: documents.dueDate,
      currency: documents.currency,
      balance: documents.balance,
      enabled: sql<boolean>`coalesce(${reminderSettings.enabled}, false)`,
      steps: reminderSettings.steps,
      paused: sql<boolean>`coalesce(${documentReminderOverrides.paused}, false)`,
      overrideSteps: documentReminderOverrides.steps,
      promisedOn: customerReminderSnoozes.promisedOn,
      sent: sql<number[]>`coalesce((select array_agg(rs.step) from ${reminderSends} rs where rs.document_id = ${documents.id}), '{}')`,
    })
    .from(documents)
    .leftJoin(reminderSettings, eq(reminderSettings.orgId, documents.orgId))
    .leftJoin(documentReminderOverrides, eq(documentReminderOverrides.documentId, documents.id))
    .leftJoin(customerReminderSnoozes, and(eq(customerReminderSnoozes.orgId, documents.orgId), eq(customerReminderSnoozes.customerId, documents.customerId)))
    .where(
      and(
        eq(documents.orgId, member.orgId),
        eq(documents.kind, "invoice"),
        inArray(documents.status, [...OPEN_INVOICE_STATUSES]),
        isNotNull(documents.dueDate),
        gte(documents.dueDate, addDays(today, -MAX_STEP)),
        lte(documents.dueDate, addDays(until, -MIN_STEP)),
      ),
    )
    .orderBy(asc(documents.dueDate), asc(documents.id))
    .limit(FORECAST_INPUTS);
}

export type ForecastInvoice = Awaited<ReturnType<typeof listForecastInvoices>>[number];
