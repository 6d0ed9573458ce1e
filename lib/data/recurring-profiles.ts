import "server-only";
import { and, asc, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { customers, organizations, type RecurringProfile, recurringOccurrences, recurringProfileLines, recurringProfiles, taxRates } from "@/db/schema";
import { addDays, todayIn } from "@/lib/dates";
import { badRequest, conflict, notFound } from "@/lib/errors";
import { isLanguage, LANGUAGE_ERROR } from "@/lib/i18n/languages";
import type { Discount } from "@/lib/money";
import { occurrenceOnOrAfter, type Schedule } from "@/lib/recurrence";
import { auditMemberChange } from "./audit";
import { actorId, assertCan, type Member, type Reader, type RequestMeta } from "./context";
import { assertCustomer, assertItems, type DraftLine } from "./documents/drafts";
import { discountColumns, discountFromColumns } from "./documents/shared";
import { computeTotals, organizationRounding, taxSnapshots } from "./documents/totals";

/**
 * Recurring profiles: saving (lines, totals, schedule and the next date), reading, and pausing,
 * resuming or ending. What the job does with them is lib/services/recurring.ts.
 */

export type ProfileInput = {
  name: string;
  customerId: string;
  currency: string;
  discount?: Discount;
  notes?: string | null;
  terms?: string | null;
  footer?: string | null;
  /** A launch language (lib/i18n) for every occurrence; null or absent = the customer's. */
  language?: string | null;
  paymentTermsDays: number;
  action: "draft" | "issue" | "send";
  attachPdf: boolean;
  schedule: Schedule;
  lines: Omit<DraftLine, "depositInvoiceId">[];
};

export const scheduleOf = (p: Pick<RecurringProfile, "frequency" | "interval" | "weekday" | "dayOfMonth" | "monthOfYear" | "startDate" | "endType" | "endAfterCount" | "endDate">): Schedule => ({
  frequency: p.frequency,
  interval: p.interval,
  weekday: p.weekday,
  dayOfMonth: p.dayOfMonth,
  monthOfYear: p.monthOfYear,
  startDate: p.startDate,
  endType: p.endType,
  endAfterCount: p.endAfterCount,
  endDate: p.endDate,
});

function scheduleColumns(s: Schedule) {
  return {
    frequency: s.frequency,
    interval: s.interval,
    weekday: s.frequency === "weekly" ? (s.weekday ?? null) : null,
    dayOfMonth: s.frequency === "weekly" ? null : (s.dayOfMonth ?? null),
    monthOfYear: s.frequency === "yearly" ? (s.monthOfYear ?? null) : null,
    startDate: s.startDate,
    endType: s.endType,
    endAfterCount: s.endType === "after" ? (s.endAfterCount ?? null) : null,
    endDate: s.endType === "on" ? (s.endDate ?? null) : null,
  };
}

async function orgTimeZone(db: Executor, orgId: string): Promise<string> {
  const [org] = await db.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, orgId));
  return org?.timeZone ?? "UTC";
}

/**
 * The next date after an edit: edits change future occurrences only. The first date of the new
 * schedule after the last one created, and not before today, except that an occurrence already due
 * and not yet created (the jobs were down, or it failed and waits for a retry) is still created.
 */
export function nextDateAfterEdit(s: Schedule, state: { lastCreated: string | null; pending: string | null; created: number; today: string }): string | null {
  const floor = state.pending && state.pending < state.today ? state.pending : state.today;
  let from = floor;
  if (state.lastCreated && addDays(state.lastCreated, 1) > from) from = addDays(state.lastCreated, 1);
  return occurrenceOnOrAfter(s, from, state.created);
}

async function assertCurrent(db: Executor, member: Member, input: ProfileInput) {
  const [customer] = await db
    .select({ archivedAt: customers.archivedAt })
    .from(customers)
    .where(and(eq(customers.orgId, member.orgId), eq(customers.id, input.customerId)));
  if (customer?.archivedAt) {
    const message = "This customer is archived. Restore them, or choose another customer.";
    throw badRequest(message, { customerId: message });
  }
  const ids = [...new Set(input.lines.flatMap((l) => l.taxRateIds))];
  if (!ids.length) return;
  const archived = await db
    .select({ name: taxRates.name })
    .from(taxRates)
    .where(and(eq(taxRates.orgId, member.orgId), inArray(taxRates.id, ids), isNotNull(taxRates.archivedAt)));
  if (archived.length) throw badRequest(`The tax rate "${archived[0]!.name}" is archived. Choose a current rate on the lines.`);
}

/** Creates a profile or replaces one (future occurrences only: created invoices are untouched). */
export async function saveProfile(member: Member, input: ProfileInput & { id?: string }, meta: RequestMeta = {}, tx?: Executor, now = new Date()): Promise<RecurringProfile> {
  const db = tx ?? (await getDb());
  assertCan(member, "documents.manage");
  if (input.lines.length === 0) throw badRequest("Add at least one line.");
  if (input.language && !isLanguage(input.language)) throw badRequest(LANGUAGE_ERROR, { language: LANGUAGE_ERROR });
  if (input.lines.length > 500) throw badRequest("A profile can have at most 500 lines.");
  if (input.schedule.endType === "on" && input.schedule.endDate && input.schedule.endDate < input.schedule.startDate) {
    throw badRequest("The end date can't be before the start date.", { endDate: "The end date can't be before the start date." });
  }
  return db.transaction(async (tx) => {
    await assertCustomer(tx, member, input.customerId);
    await assertItems(tx, member, input.lines);
    // Every occurrence would fail on an archived customer or tax rate (lib/services/recurring.ts):
    // say so now, where the owner can fix it.
    await assertCurrent(tx, member, input);
    const taxes = await taxSnapshots(member, input.lines.flatMap((l) => l.taxRateIds), tx);
    const rounding = await organizationRounding(member.orgId, tx);
    const computed = computeTotals(
      input.currency,
      rounding,
      input.discount,
      input.lines.map((l) => ({ ...l, taxes: l.taxRateIds.map((id) => taxes.get(id)!) })),
    );
    const today = todayIn(await orgTimeZone(tx, member.orgId), now);
    const values = {
      name: input.name,
      customerId: input.customerId,
      currency: input.currency,
      ...discountColumns(input.discount),
      notes: input.notes ?? null,
      terms: input.terms ?? null,
      footer: input.footer ?? null,
      language: input.language || null,
      paymentTermsDays: input.paymentTermsDays,
      action: input.action,
      attachPdf: input.attachPdf,
      ...scheduleColumns(input.schedule),
      total: computed.totals.total,
      updatedAt: now,
    };
    let profile: RecurringProfile;
    if (input.id) {
      const [existing] = await tx
        .select()
        .from(recurringProfiles)
        .where(and(eq(recurringProfiles.orgId, member.orgId), eq(recurringProfiles.id, input.id)))
        .for("update");
      if (!existing) throw notFound("Recurring profile");
      if (existing.status === "ended") throw conflict("This profile has ended. Create a new one to bill again.");
      const [last] = await tx
        .select({ date: sql<string | null>`max(${recurringOccurrences.occurrenceDate})::text` })
        .from(recurringOccurrences)
        .where(and(eq(recurringOccurrences.profileId, existing.id), eq(recurringOccurrences.state, "created")));
      const nextDate = nextDateAfterEdit(input.schedule, { lastCreated: last?.date ?? null, pending: existing.nextDate, created: existing.occurrenceCount, today });
      const [updated] = await tx
        .update(recurringProfiles)
        .set({ ...values, nextDate, ...(nextDate === null && existing.status === "active" ? { status: "ended" as const } : {}) })
        .where(and(eq(recurringProfiles.orgId, member.orgId), eq(recurringProfiles.id, existing.id)))
        .returning();
      profile = updated!;
      await tx.delete(recurringProfileLines).where(and(eq(recurringProfileLines.orgId, member.orgId), eq(recurringProfileLines.profileId, profile.id)));
    } else {
      const nextDate = occurrenceOnOrAfter(input.schedule, input.schedule.startDate > today ? input.schedule.startDate : today, 0);
      if (!nextDate) throw badRequest("This schedule has no date from today on. Check the start and end.", { endDate: "This schedule has no date from today on." });
      const [created] = await tx
        .insert(recurringProfiles)
        .values({ ...values, orgId: member.orgId, nextDate, createdById: actorId(member) })
        .returning();
      profile = created!;
    }
    await tx.insert(recurringProfileLines).values(
      input.lines.map((l, position) => ({
        orgId: member.orgId,
        profileId: profile.id,
        position,
        itemId: l.itemId ?? null,
        description: l.description,
        unit: l.unit ?? null,
        quantityE4: l.quantityE4,
        unitPrice: l.unitPrice,
        ...discountColumns(l.discount),
        taxRateIds: l.taxRateIds,
      })),
    );
    await auditMemberChange(member, input.id ? "recurring.updated" : "recurring.created", { type: "recurring_profile", id: profile.id }, meta, { name: input.name }, tx);
    return profile;
  });
}

/**
 * Recomputes the stored total (lib/money.ts, today's rates) of every profile with a line taxed at
 * `taxRateId`, after that rate changed: the dashboard's recurring figures and the forecast read the
 * stored total, and each occurrence is billed at the rate as it is then.
 */
export async function refreshProfileTotals(member: Member, taxRateId: string, tx: Executor): Promise<number> {
  const affected = await tx
    .selectDistinct({ profileId: recurringProfileLines.profileId })
    .from(recurringProfileLines)
    .where(and(eq(recurringProfileLines.orgId, member.orgId), sql`${recurringProfileLines.taxRateIds} @> ${JSON.stringify([taxRateId])}::jsonb`));
  if (!affected.length) return 0;
  const rounding = await organizationRounding(member.orgId, tx);
  for (const { profileId } of affected) {
    const profile = await getProfile(member, profileId, tx);
    if (!profile) continue;
    const taxes = await taxSnapshots(member, profile.lines.flatMap((l) => l.taxRateIds), tx);
    const computed = computeTotals(
      profile.currency,
      rounding,
      discountFromColumns(profile.discountType, profile.discountValue),
      profile.lines.map((l) => ({
        quantityE4: l.quantityE4,
        unitPrice: l.unitPrice,
        description: l.description,
        discount: discountFromColumns(l.discountType, l.discountValue),
        taxes: l.taxRateIds.map((id) => taxes.get(id)!),
      })),
    );
    await tx
      .update(recurringProfiles)
      .set({ total: computed.totals.total })
      .where(and(eq(recurringProfiles.orgId, member.orgId), eq(recurringProfiles.id, profileId)));
  }
  return affected.length;
}

export async function getProfile(member: Reader, id: string, tx?: Executor) {
  const db = tx ?? (await getDb());
  const [profile] = await db
    .select()
    .from(recurringProfiles)
    .where(and(eq(recurringProfiles.orgId, member.orgId), eq(recurringProfiles.id, id)));
  if (!profile) return null;
  const lines = await db
    .select()
    .from(recurringProfileLines)
    .where(and(eq(recurringProfileLines.orgId, member.orgId), eq(recurringProfileLines.profileId, id)))
    .orderBy(asc(recurringProfileLines.position));
  return { ...profile, lines };
}

export type ProfileWithLines = NonNullable<Awaited<ReturnType<typeof getProfile>>>;

/** Pause (no occurrences until resumed; the dates in between are skipped, not caught up), resume (from today), or end. */
export async function setProfileStatus(member: Member, id: string, status: "active" | "paused" | "ended", meta: RequestMeta = {}, tx?: Executor, now = new Date()) {
  const db = tx ?? (await getDb());
  assertCan(member, "documents.manage");
  return db.transaction(async (tx) => {
    const [profile] = await tx
      .select()
      .from(recurringProfiles)
      .where(and(eq(recurringProfiles.orgId, member.orgId), eq(recurringProfiles.id, id)))
      .for("update");
    if (!profile) throw notFound("Recurring profile");
    if (profile.status === "ended") throw conflict("This profile has ended.");
    let nextDate = profile.nextDate;
    if (status === "active" && profile.status === "paused") {
      const today = todayIn(await orgTimeZone(tx, member.orgId), now);
      const [last] = await tx
        .select({ date: sql<string | null>`max(${recurringOccurrences.occurrenceDate})::text` })
        .from(recurringOccurrences)
        .where(and(eq(recurringOccurrences.profileId, id), eq(recurringOccurrences.state, "created")));
      const from = last?.date && addDays(last.date, 1) > today ? addDays(last.date, 1) : today;
      nextDate = occurrenceOnOrAfter(scheduleOf(profile), from, profile.occurrenceCount);
    }
    if (status === "ended") nextDate = null;
    const finalStatus = status === "active" && nextDate === null ? "ended" : status;
    const [updated] = await tx
      .update(recurringProfiles)
      .set({ status: finalStatus, nextDate, updatedAt: now })
      .where(and(eq(recurringProfiles.orgId, member.orgId), eq(recurringProfiles.id, id)))
      .returning();
    const action = finalStatus === "active" ? "recurring.resumed" : finalStatus === "paused" ? "recurring.paused" : "recurring.ended";
    await auditMemberChange(member, action, { type: "recurring_profile", id }, meta, { name: profile.name }, tx);
    return updated!;
  });
}

/** An organisation's profiles for the list, with how many occurrences were created late (missed) or failed. */
export async function listProfiles(member: Reader, tx?: Executor) {
  const db = tx ?? (await getDb());
  return db
    .select({
      profile: recurringProfiles,
      missed: sql<number>`(select count(*)::int from ${recurringOccurrences} o where o.profile_id = ${recurringProfiles.id} and o.missed)`,
      failed: sql<number>`(select count(*)::int from ${recurringOccurrences} o where o.profile_id = ${recurringProfiles.id} and o.state = 'failed')`,
    })
    .from(recurringProfiles)
    .where(eq(recurringProfiles.orgId, member.orgId))
    .orderBy(asc(recurringProfiles.status), asc(recurringProfiles.nextDate), desc(recurringProfiles.createdAt));
}
