import "server-only";
import { and, eq } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { bulkJobs, customers, type DocumentKind, documents, items, recurringProfiles } from "@/db/schema";
import type { Member } from "./context";

/**
 * One-row existence checks for the detail pages' layouts (app/(app)/<entity>/[id]/layout.tsx).
 * The layout runs before the response starts streaming, so a "no" there still answers 404; the
 * page itself then loads behind the segment's loading.tsx skeleton. Each reads one indexed key,
 * scoped to the member's organisation like every query here: another organisation's id is "no".
 */
async function exists(query: (db: Executor) => PromiseLike<unknown[]>, tx?: Executor): Promise<boolean> {
  const db = tx ?? (await getDb());
  return (await query(db)).length > 0;
}

export function documentExists(member: Member, kind: DocumentKind, id: string, tx?: Executor) {
  return exists(
    (db) => db.select({ id: documents.id }).from(documents).where(and(eq(documents.orgId, member.orgId), eq(documents.id, id), eq(documents.kind, kind))).limit(1),
    tx,
  );
}

export function customerExists(member: Member, id: string, tx?: Executor) {
  return exists((db) => db.select({ id: customers.id }).from(customers).where(and(eq(customers.orgId, member.orgId), eq(customers.id, id))).limit(1), tx);
}

export function itemExists(member: Member, id: string, tx?: Executor) {
  return exists((db) => db.select({ id: items.id }).from(items).where(and(eq(items.orgId, member.orgId), eq(items.id, id))).limit(1), tx);
}

export function recurringProfileExists(member: Member, id: string, tx?: Executor) {
  return exists(
    (db) => db.select({ id: recurringProfiles.id }).from(recurringProfiles).where(and(eq(recurringProfiles.orgId, member.orgId), eq(recurringProfiles.id, id))).limit(1),
    tx,
  );
}

export function bulkJobExists(member: Member, id: string, tx?: Executor) {
  return exists((db) => db.select({ id: bulkJobs.id }).from(bulkJobs).where(and(eq(bulkJobs.orgId, member.orgId), eq(bulkJobs.id, id))).limit(1), tx);
}
