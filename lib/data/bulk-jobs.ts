import "server-only";
import { and, asc, desc, eq, gt, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { type BulkAction, bulkJobItems, bulkJobs, type BulkOutcome, customers, type DocumentKind, documents } from "@/db/schema";
import { notFound } from "@/lib/errors";
import type { Member } from "./context";

/**
 * Bulk jobs and their per-document outcomes (db/schema/bulk.ts). Scoped to the member's
 * organisation, except the runner's lease and scan (`unsafe…`), which act on a job id the runner
 * got from a scoped creation or from the jobs runner's scan.
 */

/** The lease a runner takes on a job, renewed after every document: longer than one document takes. */
const LEASE_SECONDS = 120;

/**
 * A new job over `documentIds`, keeping only the organisation's documents of `kind` (another
 * organisation's ids are dropped silently: they are nobody's business here), in the order given.
 */
export async function createBulkJob(member: Member, input: { kind: DocumentKind; action: BulkAction; documentIds: string[] }, tx?: Executor) {
  const db = tx ?? (await getDb());
  const wanted = [...new Set(input.documentIds)];
  const own = wanted.length
    ? new Set(
        (
          await db
            .select({ id: documents.id })
            .from(documents)
            .where(and(eq(documents.orgId, member.orgId), eq(documents.kind, input.kind), inArray(documents.id, wanted)))
        ).map((r) => r.id),
      )
    : new Set<string>();
  const documentIds = wanted.filter((id) => own.has(id));
  const [job] = await db
    .insert(bulkJobs)
    .values({ orgId: member.orgId, createdById: member.userId, kind: input.kind, action: input.action, documentIds, total: documentIds.length })
    .returning();
  return job!;
}

export async function getBulkJob(member: Member, jobId: string, tx?: Executor) {
  const db = tx ?? (await getDb());
  const [job] = await db.select().from(bulkJobs).where(and(eq(bulkJobs.orgId, member.orgId), eq(bulkJobs.id, jobId)));
  if (!job) throw notFound("Bulk action");
  return job;
}

export type OutcomeCounts = Record<BulkOutcome, number>;

/** How many documents ended each way so far. */
export async function countBulkOutcomes(member: Member, jobId: string, tx?: Executor): Promise<OutcomeCounts> {
  const db = tx ?? (await getDb());
  const rows = await db
    .select({ outcome: bulkJobItems.outcome, n: sql<number>`count(*)::int` })
    .from(bulkJobItems)
    .where(and(eq(bulkJobItems.orgId, member.orgId), eq(bulkJobItems.jobId, jobId)))
    .groupBy(bulkJobItems.outcome);
  const counts: OutcomeCounts = { succeeded: 0, failed: 0, skipped: 0 };
  for (const r of rows) counts[r.outcome] = r.n;
  return counts;
}

/** Each document's outcome with its number and customer, failures first (what the member acts on). */
export async function listBulkOutcomes(member: Member, jobId: string, tx?: Executor) {
  const db = tx ?? (await getDb());
  return db
    .select({
      documentId: bulkJobItems.documentId,
      outcome: bulkJobItems.outcome,
      reason: bulkJobItems.reason,
      number: documents.number,
      kind: documents.kind,
      customerName: customers.name,
    })
    .from(bulkJobItems)
    .innerJoin(documents, and(eq(documents.orgId, bulkJobItems.orgId), eq(documents.id, bulkJobItems.documentId)))
    .innerJoin(customers, and(eq(customers.orgId, documents.orgId), eq(customers.id, documents.customerId)))
    .where(and(eq(bulkJobItems.orgId, member.orgId), eq(bulkJobItems.jobId, jobId)))
    .orderBy(sql`case ${bulkJobItems.outcome} when 'failed' then 0 when 'skipped' then 1 else 2 end`, asc(documents.number), asc(bulkJobItems.documentId));
}

/** The documents of the job that already have an outcome (a resumed run starts after them). */
export async function doneBulkDocumentIds(member: Member, jobId: string, tx?: Executor): Promise<Set<string>> {
  const db = tx ?? (await getDb());
  const rows = await db
    .select({ id: bulkJobItems.documentId })
    .from(bulkJobItems)
    .where(and(eq(bulkJobItems.orgId, member.orgId), eq(bulkJobItems.jobId, jobId)));
  return new Set(rows.map((r) => r.id));
}

/**
 * Records a document's outcome; false when it already has one. Called inside the transaction of
 * the effect it stands for, it is the claim: a concurrent run waits on the key, then finds it taken.
 */
export async function recordBulkOutcome(member: Member, jobId: string, documentId: string, outcome: BulkOutcome, reason: string | null, tx?: Executor): Promise<boolean> {
  const db = tx ?? (await getDb());
  const rows = await db
    .insert(bulkJobItems)
    .values({ jobId, orgId: member.orgId, documentId, outcome, reason })
    .onConflictDoNothing()
    .returning({ documentId: bulkJobItems.documentId });
  return rows.length > 0;
}

/** Takes the job for a run unless another runner holds a live lease or it has finished; null then. */
export async function unsafeLeaseBulkJob(jobId: string, tx?: Executor) {
  const db = tx ?? (await getDb());
  const [job] = await db
    .update(bulkJobs)
    .set({ leaseUntil: sql`now() + make_interval(secs => ${LEASE_SECONDS})` })
    .where(and(eq(bulkJobs.id, jobId), isNull(bulkJobs.finishedAt), or(isNull(bulkJobs.leaseUntil), lt(bulkJobs.leaseUntil, sql`now()`))))
    .returning();
  return job ?? null;
}

/** Keeps the lease while the run makes progress. */
export async function unsafeRenewBulkLease(jobId: string, tx?: Executor) {
  const db = tx ?? (await getDb());
  await db.update(bulkJobs).set({ leaseUntil: sql`now() + make_interval(secs => ${LEASE_SECONDS})` }).where(and(eq(bulkJobs.id, jobId), isNull(bulkJobs.finishedAt)));
}

export async function unsafeFinishBulkJob(jobId: string, tx?: Executor) {
  const db = tx ?? (await getDb());
  await db.update(bulkJobs).set({ finishedAt: sql`now()`, leaseUntil: null }).where(and(eq(bulkJobs.id, jobId), isNull(bulkJobs.finishedAt)));
}

/** Unfinished jobs nobody is running (interrupted: a deploy, a crash) from the last week, for the jobs runner. */
export async function unsafeListInterruptedBulkJobs(tx?: Executor): Promise<string[]> {
  const db = tx ?? (await getDb());
  const rows = await db
    .select({ id: bulkJobs.id })
    .from(bulkJobs)
    .where(and(isNull(bulkJobs.finishedAt), gt(bulkJobs.createdAt, sql`now() - interval '7 days'`), or(isNull(bulkJobs.leaseUntil), lt(bulkJobs.leaseUntil, sql`now()`))))
    .orderBy(asc(bulkJobs.createdAt))
    .limit(20);
  return rows.map((r) => r.id);
}

/** The member's recent jobs on a list (running, or finished and not dismissed), for the notices above it. */
export async function listBulkNotices(member: Member, kind: DocumentKind, tx?: Executor) {
  const db = tx ?? (await getDb());
  return db
    .select()
    .from(bulkJobs)
    .where(
      and(
        eq(bulkJobs.orgId, member.orgId),
        eq(bulkJobs.createdById, member.userId),
        eq(bulkJobs.kind, kind),
        isNull(bulkJobs.seenAt),
        gt(bulkJobs.createdAt, sql`now() - interval '7 days'`),
      ),
    )
    .orderBy(desc(bulkJobs.createdAt))
    .limit(3);
}

/** "Dismiss" on a notice: the creator's own job only. */
export async function markBulkJobSeen(member: Member, jobId: string, tx?: Executor) {
  const db = tx ?? (await getDb());
  await db
    .update(bulkJobs)
    .set({ seenAt: sql`now()` })
    .where(and(eq(bulkJobs.orgId, member.orgId), eq(bulkJobs.id, jobId), eq(bulkJobs.createdById, member.userId)));
}
