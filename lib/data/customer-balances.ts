import "server-only";
import { and, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { documents } from "@/db/schema";
import type { Member } from "./context";
import { OPEN_INVOICE_STATUSES } from "./documents/shared";

export type CustomerBalance = { currency: string; outstanding: number; overdue: number };

/**
 * What a customer owes, per currency (amounts in different currencies never add up): the balance
 * of its open invoices, and the part of it past due on `today` (the organisation's date), the same
 * rule as isOverdue. Served by the documents (org_id, customer_id) index.
 */
export async function customerBalances(member: Member, customerId: string, today: string, tx?: Executor): Promise<CustomerBalance[]> {
  const db = tx ?? (await getDb());
  const rows = await db
    .select({
      currency: documents.currency,
      // Sums of bigint arrive as strings; minor units stay far below 2^53.
      outstanding: sql<string>`sum(${documents.balance})`,
      overdue: sql<string>`coalesce(sum(${documents.balance}) filter (where ${documents.dueDate} < ${today}), 0)`,
    })
    .from(documents)
    .where(
      and(
        eq(documents.orgId, member.orgId),
        eq(documents.customerId, customerId),
        eq(documents.kind, "invoice"),
        inArray(documents.status, [...OPEN_INVOICE_STATUSES]),
      ),
    )
    .groupBy(documents.currency)
    .orderBy(documents.currency);
  return rows.map((r) => ({ currency: r.currency, outstanding: Number(r.outstanding), overdue: Number(r.overdue) }));
}

/** The customer's most recent invoice that is not void (drafts included): what "Invoice again" copies. */
export async function lastInvoiceOf(member: Member, customerId: string, tx?: Executor): Promise<{ id: string; number: string | null } | null> {
  const db = tx ?? (await getDb());
  const [row] = await db
    .select({ id: documents.id, number: documents.number })
    .from(documents)
    .where(and(eq(documents.orgId, member.orgId), eq(documents.customerId, customerId), eq(documents.kind, "invoice"), ne(documents.status, "void")))
    .orderBy(desc(documents.issueDate), desc(documents.createdAt))
    .limit(1);
  return row ?? null;
}
