import "server-only";
import { and, asc, eq, inArray, isNotNull, lte, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { customers, organizations, recurringOccurrences, recurringProfileLines, recurringProfiles, taxRates } from "@/db/schema";
import { addDays } from "@/lib/dates";
import type { Cursor } from "@/lib/recurring-run";
import { assertCan, type Member } from "./context";

/**
 * The recurring job's queries: the scan for due profiles across organisations, and, per
 * occurrence, the profile's lock, the exactly-once claim (recurring_occurrences' primary key),
 * the profile's advance and the record of a failure. The policy is lib/services/recurring.ts.
 */

/**
 * Every organisation's active profiles whose next date may have come somewhere: on or before
 * tomorrow in UTC (the zone furthest ahead, UTC+14, is at most one date ahead of UTC). The caller
 * keeps those due in their own organisation's zone. Unscoped: the job acts for each organisation
 * in turn. Served by recurring_profiles_due_idx (next_date, where active).
 */
export async function unsafeListDueProfileCandidates(now: Date, tx?: Executor) {
  const db = tx ?? (await getDb());
  // A TZDate's toISOString is in its own zone: the UTC date comes from the instant itself.
  const utcTomorrow = addDays(new Date(now.getTime()).toISOString().slice(0, 10), 1);
  return db
    .select({ profile: recurringProfiles, timeZone: organizations.timeZone, locale: organizations.locale })
    .from(recurringProfiles)
    .innerJoin(organizations, eq(organizations.id, recurringProfiles.orgId))
    .where(and(eq(recurringProfiles.status, "active"), isNotNull(recurringProfiles.nextDate), lte(recurringProfiles.nextDate, utcTomorrow)))
    .orderBy(asc(recurringProfiles.nextDate), asc(recurringProfiles.id));
}

export type DueProfileCandidate = Awaited<ReturnType<typeof unsafeListDueProfileCandidates>>[number];

/**
 * The profile, locked until the transaction ends, with its lines as they are now; null unless it
 * is still active and its next date is still `date`. The lock orders this run after an owner's edit
 * or pause (saveProfile and setProfileStatus lock the same row) and after another runner, whose
 * commit has moved the next date on, so a stale scan creates nothing.
 */
export async function lockProfileAt(member: Member, profileId: string, date: string, tx: Executor) {
  const [profile] = await tx
    .select()
    .from(recurringProfiles)
    .where(and(eq(recurringProfiles.orgId, member.orgId), eq(recurringProfiles.id, profileId)))
    .for("update");
  if (!profile || profile.status !== "active" || profile.nextDate !== date) return null;
  // The customer's document language: an occurrence is written in it unless the profile sets one.
  const [customer] = await tx
    .select({ language: customers.language })
    .from(customers)
    .where(and(eq(customers.orgId, member.orgId), eq(customers.id, profile.customerId)));
  const lines = await tx
    .select()
    .from(recurringProfileLines)
    .where(and(eq(recurringProfileLines.orgId, member.orgId), eq(recurringProfileLines.profileId, profileId)))
    .orderBy(asc(recurringProfileLines.position));
  return { ...profile, customerLanguage: customer?.language ?? null, lines };
}

export type LockedProfile = NonNullable<Awaited<ReturnType<typeof lockProfileAt>>>;

type OccurrenceKey = { profileId: string; date: string };

/**
 * Claims an occurrence: inserts its row as created, or turns a failed row (an earlier attempt)
 * into created. False when the row is already created: another run made this occurrence, and
 * this one must make nothing. Run it in the transaction that creates the invoice and its email.
 */
export async function claimOccurrence(member: Member, key: OccurrenceKey & { missed: boolean; action: "draft" | "issue" | "send" }, tx: Executor): Promise<boolean> {
  assertCan(member, "documents.manage");
  const now = new Date();
  const [claimed] = await tx
    .insert(recurringOccurrences)
    .values({ orgId: member.orgId, profileId: key.profileId, occurrenceDate: key.date, state: "created", missed: key.missed, action: key.action, attempts: 1 })
    .onConflictDoUpdate({
      target: [recurringOccurrences.profileId, recurringOccurrences.occurrenceDate],
      set: { state: "created", missed: key.missed, action: key.action, attempts: sql`${recurringOccurrences.attempts} + 1`, lastError: null, updatedAt: now },
      setWhere: and(eq(recurringOccurrences.state, "failed"), eq(recurringOccurrences.orgId, member.orgId)),
    })
    .returning({ profileId: recurringOccurrences.profileId });
  return !!claimed;
}

/**
 * Whether this occurrence already failed on an earlier attempt. Read under the profile's lock
 * (lockProfileAt), so no other runner can claim it meanwhile.
 */
export async function failedBefore(member: Member, key: OccurrenceKey, tx: Executor): Promise<boolean> {
  const [row] = await tx
    .select({ state: recurringOccurrences.state })
    .from(recurringOccurrences)
    .where(and(eq(recurringOccurrences.orgId, member.orgId), eq(recurringOccurrences.profileId, key.profileId), eq(recurringOccurrences.occurrenceDate, key.date)));
  return row?.state === "failed";
}

/** The claimed occurrence's invoice and, when it was emailed, the queued email. */
export async function recordOccurrenceDocument(member: Member, key: OccurrenceKey, made: { documentId: string; emailId: string | null }, tx: Executor) {
  await tx
    .update(recurringOccurrences)
    .set({ documentId: made.documentId, emailId: made.emailId })
    .where(and(eq(recurringOccurrences.orgId, member.orgId), eq(recurringOccurrences.profileId, key.profileId), eq(recurringOccurrences.occurrenceDate, key.date)));
}

/**
 * Moves the profile past `date` (guarded: only while its next date is `date`), ending it when the
 * schedule has no further date. False when the profile had moved (nothing changed).
 */
export async function advanceProfile(member: Member, key: OccurrenceKey, cursor: Cursor, tx: Executor): Promise<boolean> {
  const [moved] = await tx
    .update(recurringProfiles)
    .set({ nextDate: cursor.nextDate, occurrenceCount: cursor.occurrenceCount, ...(cursor.nextDate === null ? { status: "ended" as const } : {}), updatedAt: new Date() })
    .where(and(eq(recurringProfiles.orgId, member.orgId), eq(recurringProfiles.id, key.profileId), eq(recurringProfiles.nextDate, key.date)))
    .returning({ id: recurringProfiles.id });
  return !!moved;
}

/**
 * An occurrence that could not be created: a failed row with the owner-facing reason, or, when an
 * earlier attempt failed too, one more attempt on it. A created row is never touched.
 */
export async function recordOccurrenceFailure(member: Member, key: OccurrenceKey & { missed: boolean; reason: string }, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "documents.manage");
  await db
    .insert(recurringOccurrences)
    .values({ orgId: member.orgId, profileId: key.profileId, occurrenceDate: key.date, state: "failed", missed: key.missed, attempts: 1, lastError: key.reason })
    .onConflictDoUpdate({
      target: [recurringOccurrences.profileId, recurringOccurrences.occurrenceDate],
      set: { attempts: sql`${recurringOccurrences.attempts} + 1`, lastError: key.reason, missed: key.missed, updatedAt: new Date() },
      setWhere: and(eq(recurringOccurrences.state, "failed"), eq(recurringOccurrences.orgId, member.orgId)),
    });
}

/**
 * What can stop an occurrence before anything is written: the customer archived, the currency the
 * customer now bills in, and the lines' tax rates that are archived (by name, for the reason).
 */
export async function billingState(member: Member, profile: Pick<LockedProfile, "customerId" | "lines">, tx: Executor) {
  const [customer] = await tx
    .select({ archivedAt: customers.archivedAt, currency: customers.currency })
    .from(customers)
    .where(and(eq(customers.orgId, member.orgId), eq(customers.id, profile.customerId)));
  const ids = [...new Set(profile.lines.flatMap((l) => l.taxRateIds))];
  const archived = ids.length
    ? await tx
        .select({ name: taxRates.name })
        .from(taxRates)
        .where(and(eq(taxRates.orgId, member.orgId), inArray(taxRates.id, ids), isNotNull(taxRates.archivedAt)))
        .orderBy(asc(taxRates.name))
    : [];
  return { customerArchived: !!customer?.archivedAt, customerCurrency: customer?.currency ?? null, archivedTaxRates: archived.map((r) => r.name) };
}
