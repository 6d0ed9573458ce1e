import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { customers, documents, recurringOccurrences } from "@/db/schema";
import type { Reader } from "./context";

/** How many occurrences a profile page lists (newest first); the counts above it cover all of them. */
export const HISTORY_LIMIT = 200;

/**
 * A profile's occurrences for its page, newest first: the date, whether it was created or failed
 * (and why, after how many attempts), whether the jobs were down on its date, and the invoice it made.
 */
export async function listOccurrences(reader: Reader, profileId: string, tx?: Executor) {
  const db = tx ?? (await getDb());
  return db
    .select({
      occurrenceDate: recurringOccurrences.occurrenceDate,
      state: recurringOccurrences.state,
      missed: recurringOccurrences.missed,
      action: recurringOccurrences.action,
      attempts: recurringOccurrences.attempts,
      lastError: recurringOccurrences.lastError,
      documentId: recurringOccurrences.documentId,
      number: documents.number,
      documentStatus: documents.status,
    })
    .from(recurringOccurrences)
    .leftJoin(documents, and(eq(documents.orgId, recurringOccurrences.orgId), eq(documents.id, recurringOccurrences.documentId)))
    .where(and(eq(recurringOccurrences.orgId, reader.orgId), eq(recurringOccurrences.profileId, profileId)))
    .orderBy(desc(recurringOccurrences.occurrenceDate))
    .limit(HISTORY_LIMIT);
}

export type OccurrenceRow = Awaited<ReturnType<typeof listOccurrences>>[number];

/**
 * Counts over all of a profile's occurrences (the page lists only the newest): how many were created
 * late because the jobs did not run on their date (and how many of those as drafts), how many wait for a retry, and the last date
 * created (an edit's preview starts after it, as saveProfile does).
 */
export async function occurrenceSummary(reader: Reader, profileId: string, tx?: Executor) {
  const db = tx ?? (await getDb());
  const [row] = await db
    .select({
      missed: sql<number>`count(*) filter (where ${recurringOccurrences.missed})::int`,
      missedDrafts: sql<number>`count(*) filter (where ${recurringOccurrences.missed} and ${recurringOccurrences.action} = 'draft')::int`,
      failed: sql<number>`count(*) filter (where ${recurringOccurrences.state} = 'failed')::int`,
      lastCreated: sql<string | null>`(max(${recurringOccurrences.occurrenceDate}) filter (where ${recurringOccurrences.state} = 'created'))::text`,
    })
    .from(recurringOccurrences)
    .where(and(eq(recurringOccurrences.orgId, reader.orgId), eq(recurringOccurrences.profileId, profileId)));
  return { missed: row?.missed ?? 0, missedDrafts: row?.missedDrafts ?? 0, failed: row?.failed ?? 0, lastCreated: row?.lastCreated ?? null };
}

/** The names of the organisation's customers among `ids` (the profiles list and page show who is billed). */
export async function customerNames(reader: Reader, ids: string[], tx?: Executor): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const db = tx ?? (await getDb());
  const rows = await db
    .select({ id: customers.id, name: customers.name })
    .from(customers)
    .where(and(eq(customers.orgId, reader.orgId), inArray(customers.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r.name]));
}
