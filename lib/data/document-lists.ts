import "server-only";
import { and, asc, desc, eq, gte, ilike, inArray, lte, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { customers, type DocumentKind, type DocumentStatus, documents } from "@/db/schema";
import type { Member } from "./context";
import { OPEN_INVOICE_STATUSES } from "./documents";

export type ListStatus = DocumentStatus | "overdue" | "open";
export type DocumentListQuery = {
  kind: DocumentKind;
  status?: ListStatus;
  customerId?: string;
  currency?: string;
  from?: string;
  to?: string;
  q?: string;
  sort?: "issueDate" | "number" | "total" | "dueDate" | "customer";
  dir?: "asc" | "desc";
  page?: number;
  pageSize?: number;
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Every filter, always led by the organisation (the list indexes start with org_id, kind). */
function conditions(member: Member, q: DocumentListQuery): SQL {
  const where: (SQL | undefined)[] = [eq(documents.orgId, member.orgId), eq(documents.kind, q.kind)];
  if (q.status === "overdue") {
    where.push(inArray(documents.status, [...OPEN_INVOICE_STATUSES]), sql`${documents.dueDate} < current_date`);
  } else if (q.status === "open") {
    where.push(inArray(documents.status, [...OPEN_INVOICE_STATUSES]));
  } else if (q.status) {
    where.push(eq(documents.status, q.status));
  }
  if (q.customerId) where.push(eq(documents.customerId, q.customerId));
  if (q.currency) where.push(eq(documents.currency, q.currency));
  if (q.from) where.push(gte(documents.issueDate, q.from));
  if (q.to) where.push(lte(documents.issueDate, q.to));
  const term = q.q?.trim();
  if (term) {
    const pattern = `%${escapeLike(term)}%`;
    // Numbers match anywhere; customers by name. The customer match is a sub-select on the (small) customers table.
    where.push(
      or(
        ilike(documents.number, pattern),
        inArray(
          documents.customerId,
          sql`(select ${customers.id} from ${customers} where ${customers.orgId} = ${member.orgId} and ${customers.name} ilike ${pattern})`,
        ),
      ),
    );
  }
  return and(...where)!;
}

const sortColumns = {
  issueDate: documents.issueDate,
  number: documents.number,
  total: documents.total,
  dueDate: documents.dueDate,
  customer: customers.name,
} as const;

export const PAGE_SIZE = 25;

async function withCustomerNames<T extends { customerId: string; customerName?: string }>(db: Executor, member: Member, rows: T[]) {
  const missing = [...new Set(rows.filter((r) => r.customerName === undefined).map((r) => r.customerId))];
  if (missing.length === 0) return rows as (T & { customerName: string })[];
  const names = new Map(
    (await db.select({ id: customers.id, name: customers.name }).from(customers).where(and(eq(customers.orgId, member.orgId), inArray(customers.id, missing)))).map((c) => [c.id, c.name]),
  );
  return rows.map((r) => ({ ...r, customerName: r.customerName ?? names.get(r.customerId) ?? "" }));
}

export async function listDocuments(db: Executor, member: Member, q: DocumentListQuery) {
  const pageSize = Math.min(100, Math.max(1, q.pageSize ?? PAGE_SIZE));
  const page = Math.max(1, q.page ?? 1);
  const where = conditions(member, q);
  const column = sortColumns[q.sort ?? "issueDate"];
  const order = q.dir === "asc" ? asc(column) : desc(column);
  const columns = {
    id: documents.id,
    number: documents.number,
    status: documents.status,
    kind: documents.kind,
    issueDate: documents.issueDate,
    dueDate: documents.dueDate,
    currency: documents.currency,
    total: documents.total,
    balance: documents.balance,
    customerId: documents.customerId,
  };
  const offset = (page - 1) * pageSize;
  const [pageRows, totals] = await Promise.all([
    q.sort === "customer"
      ? db.select({ ...columns, customerName: customers.name }).from(documents).innerJoin(customers, eq(customers.id, documents.customerId)).where(where).orderBy(order, desc(documents.id)).limit(pageSize).offset(offset)
      : // Page first (an index range scan on documents), then name the page's customers: joining
        // first would make the planner read every document of the organisation.
        db.select(columns).from(documents).where(where).orderBy(order, q.dir === "asc" ? asc(documents.id) : desc(documents.id)).limit(pageSize).offset(offset),
    // Totals per currency: amounts in different currencies are never added together.
    db
      .select({
        currency: documents.currency,
        count: sql<number>`count(*)::int`,
        total: sql<string>`coalesce(sum(${documents.total}), 0)::text`,
        balance: sql<string>`coalesce(sum(${documents.balance}), 0)::text`,
      })
      .from(documents)
      .where(where)
      .groupBy(documents.currency)
      .orderBy(asc(documents.currency)),
  ]);
  const rows = await withCustomerNames(db, member, pageRows);
  const count = totals.reduce((n, t) => n + t.count, 0);
  return {
    rows,
    page,
    pageSize,
    count,
    pages: Math.max(1, Math.ceil(count / pageSize)),
    totals: totals.map((t) => ({ currency: t.currency, count: t.count, total: Number(t.total), balance: Number(t.balance) })),
  };
}

/** The filtered list in batches (keyset on id) for streaming a CSV without holding it all in memory. */
export async function* iterateDocuments(db: Executor, member: Member, q: DocumentListQuery, batchSize = 1000) {
  const where = conditions(member, q);
  let after: string | null = null;
  for (;;) {
    const batch = await db
      .select({
        id: documents.id,
        number: documents.number,
        status: documents.status,
        issueDate: documents.issueDate,
        dueDate: documents.dueDate,
        currency: documents.currency,
        subtotal: documents.subtotal,
        discountTotal: documents.discountTotal,
        taxTotal: documents.taxTotal,
        total: documents.total,
        amountPaid: documents.amountPaid,
        amountCredited: documents.amountCredited,
        balance: documents.balance,
        customerName: customers.name,
      })
      .from(documents)
      .innerJoin(customers, eq(customers.id, documents.customerId))
      .where(after ? and(where, sql`${documents.id} > ${after}`) : where)
      .orderBy(asc(documents.id))
      .limit(batchSize);
    if (batch.length === 0) return;
    yield batch;
    after = batch[batch.length - 1]!.id;
    if (batch.length < batchSize) return;
  }
}

/** A customer's documents of every kind, newest first (customer page). */
export async function listCustomerDocuments(db: Executor, member: Member, customerId: string, limit = 50) {
  return db
    .select({ id: documents.id, kind: documents.kind, number: documents.number, status: documents.status, issueDate: documents.issueDate, dueDate: documents.dueDate, currency: documents.currency, total: documents.total, balance: documents.balance })
    .from(documents)
    .where(and(eq(documents.orgId, member.orgId), eq(documents.customerId, customerId)))
    .orderBy(desc(documents.issueDate), desc(documents.id))
    .limit(limit);
}
