import "server-only";
import { and, asc, desc, eq, gte, ilike, inArray, lte, or, type SQL, sql } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import { type Executor, getDb } from "@/db";
import { customers, type DocumentKind, documentLines, documentTaxes, type DocumentStatus, documents, documentTotals } from "@/db/schema";
import type { Member } from "./context";
import { escapeLike } from "./like";
import { openStatusesByKind } from "@/lib/document-labels";
import { notYetDueWhere, overdueWhere } from "./documents/shared";

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
  /** Only these documents (a bulk selection exported as CSV); ids of another organisation match nothing. */
  ids?: string[];
};


/** The statuses a list filter keeps ("overdue" further keeps those past due: see listTotals). */
function statusesOf(kind: DocumentKind, status: ListStatus | undefined): DocumentStatus[] | undefined {
  if (status === undefined) return undefined;
  if (status === "overdue" || status === "open") return [...openStatusesByKind[kind]];
  return [status];
}

/**
 * Customers whose name contains the search term, looked up first: a literal id list lets the
 * planner combine the customer index with the number's trigram index (a sub-select inside the OR
 * became a filter over every document of the organisation).
 */
const MATCHING_CUSTOMERS_MAX = 1000;

export async function customersMatching(db: Executor, member: Member, term: string | undefined): Promise<string[] | SQL> {
  if (!term) return [];
  const byName = and(eq(customers.orgId, member.orgId), ilike(customers.name, `%${escapeLike(term)}%`));
  const rows = await db.select({ id: customers.id }).from(customers).where(byName).limit(MATCHING_CUSTOMERS_MAX + 1);
  // A term so broad that it names over a thousand customers: the sub-select is the cheaper plan then.
  if (rows.length > MATCHING_CUSTOMERS_MAX) return db.select({ id: customers.id }).from(customers).where(byName).getSQL();
  return rows.map((r) => r.id);
}

/** Every filter, always led by the organisation (the list indexes start with org_id, kind). */
function conditions(member: Member, q: DocumentListQuery, customerIds: string[] | SQL): SQL {
  const where: (SQL | undefined)[] = [filterConditions(member, q, customerIds)];
  if (q.status === "overdue") where.push(overdueWhere(member));
  else if (q.status) where.push(inArray(documents.status, statusesOf(q.kind, q.status)!));
  return and(...where)!;
}

/** Filters other than status (the status tabs count within them): kind, customer, currency, dates, search. */
export function filterConditions(member: Member, q: Omit<DocumentListQuery, "status">, customerIds: string[] | SQL): SQL {
  const where: (SQL | undefined)[] = [eq(documents.orgId, member.orgId), eq(documents.kind, q.kind)];
  if (q.ids) where.push(q.ids.length ? inArray(documents.id, q.ids) : sql`false`);
  if (q.customerId) where.push(eq(documents.customerId, q.customerId));
  if (q.currency) where.push(eq(documents.currency, q.currency));
  if (q.from) where.push(gte(documents.issueDate, q.from));
  if (q.to) where.push(lte(documents.issueDate, q.to));
  const term = q.q?.trim();
  if (term) {
    const byNumber = ilike(documents.number, `%${escapeLike(term)}%`);
    const none = Array.isArray(customerIds) && customerIds.length === 0;
    where.push(none ? byNumber : or(byNumber, inArray(documents.customerId, customerIds)));
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

/** Filters that document_totals (kept per organisation, kind, status and currency) cannot answer. */
export const narrowed = (q: Omit<DocumentListQuery, "status">) => !!(q.ids || q.customerId || q.from || q.to || q.q?.trim());

/**
 * Per-currency count and sums of the filtered list; "due" counts what is owed, so drafts (not yet
 * sent to anyone) and void documents add their totals but nothing to the balance. Summing every matching document costs more
 * than the page itself at 100,000 invoices, so filters by kind, status and currency alone read the
 * running totals (document_totals) instead; "overdue" is the open invoices' running totals minus
 * those not yet due, which are few (at most the payment terms' worth of invoices), unlike overdue
 * ones, which pile up over years.
 */
function listTotals(db: Executor, member: Member, q: DocumentListQuery, where: SQL) {
  const t = documentTotals;
  const statuses = statusesOf(q.kind, q.status);
  const summarised = !narrowed(q);
  if (!summarised) {
    return db
      .select({
        currency: documents.currency,
        count: sql<number>`count(*)::int`,
        total: sql<string>`coalesce(sum(${documents.total}), 0)::text`,
        balance: sql<string>`coalesce(sum(case when ${documents.status} in ('draft', 'void') then 0 else ${documents.balance} end), 0)::text`,
      })
      .from(documents)
      .where(where)
      .groupBy(documents.currency)
      .orderBy(asc(documents.currency));
  }
  const running = db
    .select({ currency: t.currency, count: t.count, total: t.total, balance: sql<number>`case when ${t.status} in ('draft', 'void') then 0 else ${t.balance} end`.as("balance") })
    .from(t)
    .where(and(eq(t.orgId, member.orgId), eq(t.kind, q.kind), statuses ? inArray(t.status, statuses) : undefined, q.currency ? eq(t.currency, q.currency) : undefined));
  const parts =
    q.status === "overdue"
      ? unionAll(
          running,
          db
            .select({
              currency: documents.currency,
              count: sql<number>`-count(*)`.as("count"),
              total: sql<number>`-sum(${documents.total})`.as("total"),
              balance: sql<number>`-sum(${documents.balance})`.as("balance"),
            })
            .from(documents)
            .where(and(filterConditions(member, q, []), notYetDueWhere(member)))
            .groupBy(documents.currency),
        ).as("parts")
      : running.as("parts");
  return db
    .select({
      currency: parts.currency,
      count: sql<number>`sum(${parts.count})::int`,
      total: sql<string>`sum(${parts.total})::text`,
      balance: sql<string>`sum(${parts.balance})::text`,
    })
    .from(parts)
    .groupBy(parts.currency)
    .having(sql`sum(${parts.count}) > 0`)
    .orderBy(asc(parts.currency));
}

const listColumns = {
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
  depositForDocumentId: documents.depositForDocumentId,
};

/**
 * A page of search results. The matches are found first (trigram index), behind an OFFSET 0
 * fence, and only then sorted: given "ORDER BY issue_date LIMIT 25" the planner would walk the
 * date index hoping to meet 25 matches early, and read the whole organisation when they are old.
 */
function searchPage(
  db: Executor,
  where: SQL,
  sort: "issueDate" | "number" | "total" | "dueDate",
  by: typeof asc,
  limit: number,
  offset: number,
) {
  // drizzle leaves out a numeric "offset 0" as a no-op, which is exactly what the fence must not be.
  const fence = sql`0` as unknown as number;
  const matched = db.select(listColumns).from(documents).where(where).offset(fence).as("matched");
  return db.select().from(matched).orderBy(by(matched[sort]), by(matched.id)).limit(limit).offset(offset);
}

export async function listDocuments(member: Member, q: DocumentListQuery, tx?: Executor) {
  const db = tx ?? (await getDb());
  const pageSize = Math.min(100, Math.max(1, q.pageSize ?? PAGE_SIZE));
  const page = Math.max(1, q.page ?? 1);
  const where = conditions(member, q, await customersMatching(db, member, q.q?.trim()));
  const column = sortColumns[q.sort ?? "issueDate"];
  const by = q.dir === "asc" ? asc : desc;
  const order = by(column);

  const offset = (page - 1) * pageSize;
  const [pageRows, totals] = await Promise.all([
    q.sort === "customer"
      ? db.select({ ...listColumns, customerName: customers.name }).from(documents).innerJoin(customers, eq(customers.id, documents.customerId)).where(where).orderBy(order, desc(documents.id)).limit(pageSize).offset(offset)
      : q.q?.trim()
        ? searchPage(db, where, q.sort ?? "issueDate", by, pageSize, offset)
        : // Page first (an index range scan on documents), then name the page's customers: joining
          // first would make the planner read every document of the organisation.
          db.select(listColumns).from(documents).where(where).orderBy(order, by(documents.id)).limit(pageSize).offset(offset),
    // Totals per currency: amounts in different currencies are never added together.
    listTotals(db, member, q, where),
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

/**
 * The ids of the documents matching the list's filters ("select all matching" on a list), oldest
 * first, at most `limit`: the caller asks for one more than it accepts to tell "too many" apart.
 */
export async function listMatchingDocumentIds(member: Member, q: DocumentListQuery, limit: number, tx?: Executor): Promise<string[]> {
  const db = tx ?? (await getDb());
  const where = conditions(member, q, await customersMatching(db, member, q.q?.trim()));
  const rows = await db.select({ id: documents.id }).from(documents).where(where).orderBy(asc(documents.issueDate), asc(documents.number), asc(documents.id)).limit(limit);
  return rows.map((r) => r.id);
}

/** The filtered list in batches (keyset on id) for streaming a CSV without holding it all in memory. */
export async function* iterateDocuments(member: Member, q: DocumentListQuery, batchSize = 1000, tx?: Executor) {
  const db = tx ?? (await getDb());
  const where = conditions(member, q, await customersMatching(db, member, q.q?.trim()));
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
        lineAmountTotal: documents.lineAmountTotal,
        documentDiscount: documents.documentDiscount,
        taxTotal: documents.taxTotal,
        // Withholding taxes (negative rates) are part of taxTotal; the CSV shows them apart from VAT.
        withholdingTotal: sql<number>`coalesce((select sum(${documentTaxes.amount}) from ${documentTaxes} where ${documentTaxes.orgId} = ${documents.orgId} and ${documentTaxes.documentId} = ${documents.id} and ${documentTaxes.rateE4} < 0), 0)`.mapWith(Number),
        total: documents.total,
        amountPaid: documents.amountPaid,
        amountCredited: documents.amountCredited,
        balance: documents.balance,
        depositAmount: documents.depositAmount,
        depositForDocumentId: documents.depositForDocumentId,
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

/** The lines of some of the organisation's documents (a batch of iterateDocuments), in document order, for the lines CSV. */
export async function linesOfDocuments(member: Member, documentIds: string[], tx?: Executor) {
  const db = tx ?? (await getDb());
  if (documentIds.length === 0) return [];
  return db
    .select({
      documentId: documentLines.documentId,
      description: documentLines.description,
      unit: documentLines.unit,
      quantityE4: documentLines.quantityE4,
      unitPrice: documentLines.unitPrice,
      discountType: documentLines.discountType,
      discountValue: documentLines.discountValue,
      lineDiscount: documentLines.lineDiscount,
      amount: documentLines.amount,
      taxes: documentLines.taxes,
    })
    .from(documentLines)
    .where(and(eq(documentLines.orgId, member.orgId), inArray(documentLines.documentId, documentIds)))
    .orderBy(asc(documentLines.documentId), asc(documentLines.position));
}

/** A customer's documents of every kind, newest first (customer page). */
export async function listCustomerDocuments(member: Member, customerId: string, limit = 50, tx?: Executor) {
  const db = tx ?? (await getDb());
  return db
    .select({ id: documents.id, kind: documents.kind, number: documents.number, status: documents.status, issueDate: documents.issueDate, dueDate: documents.dueDate, currency: documents.currency, total: documents.total, balance: documents.balance })
    .from(documents)
    .where(and(eq(documents.orgId, member.orgId), eq(documents.customerId, customerId)))
    .orderBy(desc(documents.issueDate), desc(documents.id))
    .limit(limit);
}
