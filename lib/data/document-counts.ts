import "server-only";
import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import { type Executor, getDb } from "@/db";
import { type DocumentKind, type DocumentStatus, documents, documentTotals } from "@/db/schema";
import type { Member } from "./context";
import { customersMatching, type DocumentListQuery, filterConditions, narrowed } from "./document-lists";
import { notYetDueWhere, OPEN_INVOICE_STATUSES, overdueWhere } from "./documents/shared";

export type StatusCounts = {
  /** Documents per stored status (statuses with none are absent). */
  byStatus: Partial<Record<DocumentStatus, number>>;
  /** Open invoices past their due date in the organisation's time zone (0 for other kinds). */
  overdue: number;
};

type CountFilters = Omit<DocumentListQuery, "status" | "sort" | "dir" | "page" | "pageSize">;

/**
 * How many documents each status tab holds, within the other filters (customer, currency, dates,
 * search), in one grouped statement. Unfiltered (or by currency only), it reads the running
 * totals, a handful of rows, plus the open invoices not yet due, which are few (at most the
 * payment terms' worth), unlike overdue ones, which pile up over years: overdue = open − not yet
 * due. Narrowed by anything else, it counts the matching documents themselves.
 */
export async function documentStatusCounts(member: Member, q: CountFilters, tx?: Executor): Promise<StatusCounts> {
  const db = tx ?? (await getDb());
  const rows = narrowed(q) ? await countMatching(db, member, q) : await countFromTotals(db, member, q);
  const byStatus: Partial<Record<DocumentStatus, number>> = {};
  let overdue = 0;
  for (const r of rows) {
    if (r.count > 0) byStatus[r.status] = r.count;
    overdue += r.overdue;
  }
  return { byStatus, overdue };
}

async function countMatching(db: Executor, member: Member, q: CountFilters) {
  const where = filterConditions(member, q, await customersMatching(db, member, q.q?.trim()));
  const overdue = q.kind === "invoice" ? sql<number>`(count(*) filter (where ${overdueWhere(member)}))::int` : sql<number>`0`;
  return db
    .select({ status: documents.status, count: sql<number>`count(*)::int`, overdue })
    .from(documents)
    .where(where)
    .groupBy(documents.status);
}

async function countFromTotals(db: Executor, member: Member, q: CountFilters) {
  const t = documentTotals;
  const running = db
    .select({ status: t.status, count: sql<number>`${t.count}`.as("count"), overdue: sql<number>`0`.as("overdue") })
    .from(t)
    .where(and(eq(t.orgId, member.orgId), eq(t.kind, q.kind), q.currency ? eq(t.currency, q.currency) : undefined));
  // Each open status' count also goes into its overdue column; the not-yet-due ones come off it.
  const parts =
    q.kind === "invoice"
      ? unionAll(
          running,
          db
            .select({ status: t.status, count: sql<number>`0`.as("count"), overdue: sql<number>`${t.count}`.as("overdue") })
            .from(t)
            .where(and(eq(t.orgId, member.orgId), eq(t.kind, "invoice"), inArray(t.status, [...OPEN_INVOICE_STATUSES]), q.currency ? eq(t.currency, q.currency) : undefined)),
          db
            .select({ status: documents.status, count: sql<number>`0`.as("count"), overdue: sql<number>`-count(*)`.as("overdue") })
            .from(documents)
            .where(and(filterConditions(member, q, []), notYetDueWhere(member)))
            .groupBy(documents.status),
        ).as("parts")
      : running.as("parts");
  return db
    .select({ status: parts.status, count: sql<number>`sum(${parts.count})::int`, overdue: sql<number>`sum(${parts.overdue})::int` })
    .from(parts)
    .groupBy(parts.status);
}

/** The currencies the organisation has documents of this kind in (the list's currency filter offers these). */
export async function documentCurrencies(member: Member, kind: DocumentKind, tx?: Executor): Promise<string[]> {
  const db = tx ?? (await getDb());
  const rows = await db
    .selectDistinct({ currency: documentTotals.currency })
    .from(documentTotals)
    .where(and(eq(documentTotals.orgId, member.orgId), eq(documentTotals.kind, kind), gt(documentTotals.count, 0)))
    .orderBy(asc(documentTotals.currency));
  return rows.map((r) => r.currency.trim());
}
