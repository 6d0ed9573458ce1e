import "server-only";
import { and, asc, eq, gte, inArray, isNotNull, lte, type SQL, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import {
  customerReminderSnoozes,
  customers,
  documentEvents,
  documentReminderOverrides,
  documents,
  organizationLogos,
  organizations,
  reminderSends,
  reminderSettings,
} from "@/db/schema";
import { addDays } from "@/lib/dates";
import { notFound } from "@/lib/errors";
import { DEFAULT_STEPS } from "@/lib/reminder-schedule";
import { recordAudit } from "./audit";
import { actorId, assertCan, type Member, type RequestMeta } from "./context";
import { addEvent, OPEN_INVOICE_STATUSES } from "./documents/shared";

/** Days past due after which an invoice is no longer a candidate: it has long passed its last step. */
const WINDOW_DAYS = 400;

/** What a reminder needs about an open invoice: its organisation's settings and branding, the invoice's override, the customer's promise. */
function candidates(db: Executor, where: SQL | undefined) {
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
      // The email's language (lib/i18n documentLanguage): the invoice's own, else its customer's as issued, else the organisation's.
      language: documents.language,
      customerLanguage: sql<string | null>`${documents.customerSnapshot}->>'language'`,
      timeZone: organizations.timeZone,
      locale: organizations.locale,
      orgName: organizations.name,
      brandColor: organizations.brandColor,
      logoUpdatedAt: organizationLogos.updatedAt,
      // No row: an organisation created since reminders became opt-in that never saved the settings.
      enabled: sql<boolean>`coalesce(${reminderSettings.enabled}, false)`,
      steps: reminderSettings.steps,
      paused: sql<boolean>`coalesce(${documentReminderOverrides.paused}, false)`,
      overrideSteps: documentReminderOverrides.steps,
      promisedOn: customerReminderSnoozes.promisedOn,
    })
    .from(documents)
    .innerJoin(organizations, eq(organizations.id, documents.orgId))
    .leftJoin(organizationLogos, eq(organizationLogos.orgId, documents.orgId))
    .leftJoin(reminderSettings, eq(reminderSettings.orgId, documents.orgId))
    .leftJoin(documentReminderOverrides, eq(documentReminderOverrides.documentId, documents.id))
    .leftJoin(customerReminderSnoozes, and(eq(customerReminderSnoozes.orgId, documents.orgId), eq(customerReminderSnoozes.customerId, documents.customerId)))
    .where(and(eq(documents.kind, "invoice"), inArray(documents.status, [...OPEN_INVOICE_STATUSES]), isNotNull(documents.dueDate), where));
}

export type ReminderCandidate = Awaited<ReturnType<typeof candidates>>[number];

/**
 * Every organisation's open invoices due within the reminder window. Unscoped: the reminders job
 * (lib/services/reminders.ts) acts for each organisation in turn.
 */
export async function unsafeListReminderCandidates(now: Date, tx?: Executor) {
  const db = tx ?? (await getDb());
  const today = now.toISOString().slice(0, 10);
  return candidates(db, and(gte(documents.dueDate, addDays(today, -WINDOW_DAYS)), lte(documents.dueDate, addDays(today, 31))));
}

/** One open invoice as a reminder candidate ("Send now"), or undefined when it is not open. */
export async function getReminderCandidate(member: Member, documentId: string, tx?: Executor): Promise<ReminderCandidate | undefined> {
  const db = tx ?? (await getDb());
  const [row] = await candidates(db, and(eq(documents.orgId, member.orgId), eq(documents.id, documentId)));
  return row;
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
  // The actor is the member who chose "Send now"; the job is recorded as no one.
  await addEvent(member, documentId, { type: "reminder_queued", meta: { step, to: sent.to, emailId: sent.emailId } }, db);
}

export type ReminderSettings = { enabled: boolean; steps: number[] };

/** The organisation's schedule; without a saved row, reminders are off with the default steps. */
export async function getReminderSettings(member: Member, tx?: Executor): Promise<ReminderSettings> {
  const db = tx ?? (await getDb());
  const [row] = await db.select().from(reminderSettings).where(eq(reminderSettings.orgId, member.orgId)).limit(1);
  return row ? { enabled: row.enabled, steps: row.steps } : { enabled: false, steps: DEFAULT_STEPS };
}

/** Settings → Reminders and onboarding: turn reminders on or off and set the steps (validated by lib/reminder-schedule.ts). */
export async function saveReminderSettings(member: Member, settings: ReminderSettings, meta: RequestMeta = {}, tx?: Executor): Promise<ReminderSettings> {
  const db = tx ?? (await getDb());
  assertCan(member, "settings.manage");
  return db.transaction(async (t) => {
    const [row] = await t
      .insert(reminderSettings)
      .values({ orgId: member.orgId, enabled: settings.enabled, steps: settings.steps })
      .onConflictDoUpdate({ target: reminderSettings.orgId, set: { enabled: settings.enabled, steps: settings.steps, updatedAt: new Date() } })
      .returning();
    // AuditAction is a closed union owned elsewhere; the schedule is part of the organisation's settings.
    await recordAudit(
      { action: "organization.updated", orgId: member.orgId, actorUserId: actorId(member), targetType: "reminder_settings", targetId: member.orgId, meta: { reminders: settings }, ...meta },
      t,
    );
    return { enabled: row!.enabled, steps: row!.steps };
  });
}

/**
 * What the invoice page shows about its reminders: the organisation's schedule, the invoice's pause
 * or own steps, the customer's promise to pay, and the steps already sent (or claimed without an address).
 */
export async function getInvoiceReminders(member: Member, documentId: string, tx?: Executor) {
  const db = tx ?? (await getDb());
  const [row] = await db
    .select({
      status: documents.status,
      dueDate: documents.dueDate,
      customerId: documents.customerId,
      timeZone: organizations.timeZone,
      enabled: sql<boolean>`coalesce(${reminderSettings.enabled}, false)`,
      steps: reminderSettings.steps,
      paused: sql<boolean>`coalesce(${documentReminderOverrides.paused}, false)`,
      overrideSteps: documentReminderOverrides.steps,
      promisedOn: customerReminderSnoozes.promisedOn,
    })
    .from(documents)
    .innerJoin(organizations, eq(organizations.id, documents.orgId))
    .leftJoin(reminderSettings, eq(reminderSettings.orgId, documents.orgId))
    .leftJoin(documentReminderOverrides, and(eq(documentReminderOverrides.orgId, documents.orgId), eq(documentReminderOverrides.documentId, documents.id)))
    .leftJoin(customerReminderSnoozes, and(eq(customerReminderSnoozes.orgId, documents.orgId), eq(customerReminderSnoozes.customerId, documents.customerId)))
    .where(and(eq(documents.orgId, member.orgId), eq(documents.id, documentId), eq(documents.kind, "invoice")))
    .limit(1);
  if (!row) throw notFound("Invoice");
  const sent = await db
    .select({ step: reminderSends.step })
    .from(reminderSends)
    .where(and(eq(reminderSends.orgId, member.orgId), eq(reminderSends.documentId, documentId)))
    .orderBy(asc(reminderSends.step));
  const { steps, overrideSteps, ...rest } = row;
  return { ...rest, steps: overrideSteps ?? steps ?? DEFAULT_STEPS, sent: sent.map((s) => s.step) };
}

export type InvoiceReminders = Awaited<ReturnType<typeof getInvoiceReminders>>;

/** Pause or resume one invoice's reminders; the timeline says who did. False when it already was. */
export async function setInvoiceRemindersPaused(member: Member, documentId: string, paused: boolean, tx?: Executor): Promise<boolean> {
  const db = tx ?? (await getDb());
  assertCan(member, "documents.manage");
  return db.transaction(async (t) => {
    const [doc] = await t
      .select({ id: documents.id, paused: documentReminderOverrides.paused })
      .from(documents)
      .leftJoin(documentReminderOverrides, and(eq(documentReminderOverrides.orgId, documents.orgId), eq(documentReminderOverrides.documentId, documents.id)))
      .where(and(eq(documents.orgId, member.orgId), eq(documents.id, documentId), eq(documents.kind, "invoice")))
      .for("update", { of: documents });
    if (!doc) throw notFound("Invoice");
    if ((doc.paused ?? false) === paused) return false;
    await t
      .insert(documentReminderOverrides)
      .values({ orgId: member.orgId, documentId, paused })
      .onConflictDoUpdate({ target: documentReminderOverrides.documentId, set: { paused, updatedAt: new Date() }, setWhere: eq(documentReminderOverrides.orgId, member.orgId) });
    await addEvent(member, documentId, { type: paused ? "reminders_paused" : "reminders_resumed" }, t);
    return true;
  });
}

/** The customer's promise to pay, if any: reminders to them wait until the day after it. */
export async function getCustomerPaymentPromise(member: Member, customerId: string, tx?: Executor): Promise<string | null> {
  const db = tx ?? (await getDb());
  const [row] = await db
    .select({ promisedOn: customerReminderSnoozes.promisedOn })
    .from(customerReminderSnoozes)
    .where(and(eq(customerReminderSnoozes.orgId, member.orgId), eq(customerReminderSnoozes.customerId, customerId)))
    .limit(1);
  return row?.promisedOn ?? null;
}

/** Record (or, with null, clear) a customer's promise to pay on a date. */
export async function setCustomerPaymentPromise(member: Member, customerId: string, promisedOn: string | null, meta: RequestMeta = {}, tx?: Executor): Promise<string | null> {
  const db = tx ?? (await getDb());
  assertCan(member, "customers.manage");
  return db.transaction(async (t) => {
    const [customer] = await t
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.orgId, member.orgId), eq(customers.id, customerId)))
      .limit(1);
    if (!customer) throw notFound("Customer");
    if (promisedOn) {
      await t
        .insert(customerReminderSnoozes)
        .values({ orgId: member.orgId, customerId, promisedOn })
        .onConflictDoUpdate({ target: [customerReminderSnoozes.orgId, customerReminderSnoozes.customerId], set: { promisedOn, updatedAt: new Date() } });
    } else {
      await t.delete(customerReminderSnoozes).where(and(eq(customerReminderSnoozes.orgId, member.orgId), eq(customerReminderSnoozes.customerId, customerId)));
    }
    await recordAudit(
      { action: "customer.updated", orgId: member.orgId, actorUserId: actorId(member), targetType: "customer", targetId: customerId, meta: { promisedToPayOn: promisedOn }, ...meta },
      t,
    );
    return promisedOn;
  });
}
