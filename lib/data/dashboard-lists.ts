import "server-only";
import { and, desc, eq, gte, lt, ne, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { customers, documentEvents, documents, receivables, salesDaily, users } from "@/db/schema";
import type { Period } from "@/lib/reporting-period";
import type { Member } from "./context";
import { big, openInvoices, receivablesOf, salesDays } from "./dashboard";

/**
 * Customers by revenue in the period: invoices net of their credit notes, one currency. A customer
 * whose credit notes outweigh their invoices in the period earned nothing and is not listed.
 */
export async function topCustomers(member: Member, currency: string, period: Period, limit = 5, tx?: Executor) {
  const db = tx ?? (await getDb());
  const revenue = sql`sum(${salesDaily.invoiced} - ${salesDaily.credited})`;
  const rows = await db
    .select({ customerId: salesDaily.customerId, name: customers.name, amount: sql<string>`${revenue}::text` })
    .from(salesDaily)
    .innerJoin(customers, and(eq(customers.orgId, member.orgId), eq(customers.id, salesDaily.customerId)))
    .where(salesDays(member, currency, period))
    .groupBy(salesDaily.customerId, customers.name)
    .having(sql`${revenue} > 0`)
    .orderBy(desc(revenue), customers.name)
    .limit(limit);
  return rows.map((r) => ({ ...r, amount: big(r.amount) }));
}

/** Customers by amount overdue today (open balances past their due date). */
export async function topOverdueCustomers(member: Member, currency: string, today: string, limit = 5, tx?: Executor) {
  const db = tx ?? (await getDb());
  const overdue = sql`sum(${receivables.balance})`;
  const rows = await db
    .select({ customerId: receivables.customerId, name: customers.name, amount: sql<string>`${overdue}::text`, count: sql<number>`sum(${receivables.unpaid})::int` })
    .from(receivables)
    .innerJoin(customers, and(eq(customers.orgId, member.orgId), eq(customers.id, receivables.customerId)))
    .where(and(receivablesOf(member, currency), lt(receivables.dueDate, today)))
    .groupBy(receivables.customerId, customers.name)
    .having(sql`sum(${receivables.unpaid}) > 0`)
    .orderBy(desc(overdue), customers.name)
    .limit(limit);
  return rows.map((r) => ({ ...r, amount: big(r.amount) }));
}

/** Open invoices due today or later, soonest first. */
export async function upcomingDue(member: Member, currency: string, today: string, limit = 5, tx?: Executor) {
  const db = tx ?? (await getDb());
  return db
    .select({ id: documents.id, number: documents.number, dueDate: documents.dueDate, balance: documents.balance, customerName: customers.name })
    .from(documents)
    .innerJoin(customers, and(eq(customers.orgId, member.orgId), eq(customers.id, documents.customerId)))
    .where(and(openInvoices(member, currency), gte(documents.dueDate, today), ne(documents.balance, 0)))
    .orderBy(documents.dueDate, documents.number)
    .limit(limit);
}

/** The latest document events of the organisation (issued, sent, viewed, paid…), newest first. */
export async function recentActivity(member: Member, limit = 8, tx?: Executor) {
  const db = tx ?? (await getDb());
  return db
    .select({
      id: documentEvents.id,
      type: documentEvents.type,
      createdAt: documentEvents.createdAt,
      meta: documentEvents.meta,
      documentId: documents.id,
      kind: documents.kind,
      number: documents.number,
      currency: documents.currency,
      actorName: users.name,
    })
    .from(documentEvents)
    .innerJoin(documents, and(eq(documents.orgId, member.orgId), eq(documents.id, documentEvents.documentId)))
    .leftJoin(users, eq(users.id, documentEvents.actorUserId))
    .where(eq(documentEvents.orgId, member.orgId))
    .orderBy(desc(documentEvents.createdAt), desc(documentEvents.id))
    .limit(limit);
}
