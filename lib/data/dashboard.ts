import "server-only";
import { and, desc, eq, gte, inArray, lte, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { customers, documents, payments } from "@/db/schema";
import type { Member } from "./context";
import { OPEN_INVOICE_STATUSES } from "./documents";

export type Period = { from: string; to: string };
const COUNTED = sql`${documents.status} not in ('draft', 'void')`;
const num = (v: unknown) => Number(v ?? 0);

/** Currencies the organisation has issued documents in: amounts are shown per currency, never added up. */
export async function dashboardCurrencies(db: Executor, member: Member): Promise<string[]> {
  const rows = await db
    .selectDistinct({ currency: documents.currency })
    .from(documents)
    .where(and(eq(documents.orgId, member.orgId), eq(documents.kind, "invoice"), COUNTED));
  return rows.map((r) => r.currency).sort();
}

/**
 * Key figures for one currency. Invoiced is net of credit notes issued in the period; collected is
 * payments received in the period; outstanding and overdue are as of `today`. Drafts and void
 * documents never count. Issue dates are calendar dates in the organisation's time zone.
 */
export async function dashboardFigures(db: Executor, member: Member, currency: string, period: Period, today: string) {
  const scope = and(eq(documents.orgId, member.orgId), eq(documents.currency, currency), COUNTED);
  const [issued, collected, open, aging] = await Promise.all([
    db
      .select({
        invoiced: sql<string>`coalesce(sum(case when ${documents.kind} = 'invoice' then ${documents.total} when ${documents.kind} = 'credit_note' then -${documents.total} else 0 end), 0)::text`,
        count: sql<number>`count(*) filter (where ${documents.kind} = 'invoice')::int`,
      })
      .from(documents)
      .where(and(scope, inArray(documents.kind, ["invoice", "credit_note"]), gte(documents.issueDate, period.from), lte(documents.issueDate, period.to))),
    db
      .select({ collected: sql<string>`coalesce(sum(${payments.amount}), 0)::text` })
      .from(payments)
      .where(and(eq(payments.orgId, member.orgId), eq(payments.currency, currency), gte(payments.paidOn, period.from), lte(payments.paidOn, period.to))),
    db
      .select({
        outstanding: sql<string>`coalesce(sum(${documents.balance}), 0)::text`,
        overdue: sql<string>`coalesce(sum(${documents.balance}) filter (where ${documents.dueDate} < ${today}), 0)::text`,
      })
      .from(documents)
      .where(and(scope, eq(documents.kind, "invoice"), inArray(documents.status, [...OPEN_INVOICE_STATUSES]))),
    db
      .select({
        bucket: sql<string>`case
          when ${documents.dueDate} is null or ${documents.dueDate} >= ${today} then 'current'
          when ${today}::date - ${documents.dueDate} <= 30 then '1-30'
          when ${today}::date - ${documents.dueDate} <= 60 then '31-60'
          when ${today}::date - ${documents.dueDate} <= 90 then '61-90'
          else '90+' end`,
        amount: sql<string>`sum(${documents.balance})::text`,
        count: sql<number>`count(*)::int`,
      })
      .from(documents)
      .where(and(scope, eq(documents.kind, "invoice"), inArray(documents.status, [...OPEN_INVOICE_STATUSES])))
      .groupBy(sql`1`),
  ]);
  const buckets = ["current", "1-30", "31-60", "61-90", "90+"] as const;
  return {
    currency,
    invoiced: num(issued[0]?.invoiced),
    invoiceCount: issued[0]?.count ?? 0,
    collected: num(collected[0]?.collected),
    outstanding: num(open[0]?.outstanding),
    overdue: num(open[0]?.overdue),
    aging: buckets.map((b) => {
      const row = aging.find((a) => a.bucket === b);
      return { bucket: b, amount: num(row?.amount), count: row?.count ?? 0 };
    }),
  };
}

export async function topCustomers(db: Executor, member: Member, currency: string, period: Period, limit = 5) {
  return db
    .select({ customerId: documents.customerId, name: customers.name, revenue: sql<string>`sum(${documents.total})::text` })
    .from(documents)
    .innerJoin(customers, eq(customers.id, documents.customerId))
    .where(and(eq(documents.orgId, member.orgId), eq(documents.currency, currency), eq(documents.kind, "invoice"), COUNTED, gte(documents.issueDate, period.from), lte(documents.issueDate, period.to)))
    .groupBy(documents.customerId, customers.name)
    .orderBy(desc(sql`sum(${documents.total})`))
    .limit(limit)
    .then((rows) => rows.map((r) => ({ ...r, revenue: num(r.revenue) })));
}

export async function upcomingDue(db: Executor, member: Member, currency: string, today: string, limit = 5) {
  return db
    .select({ id: documents.id, number: documents.number, dueDate: documents.dueDate, balance: documents.balance, customerName: customers.name })
    .from(documents)
    .innerJoin(customers, eq(customers.id, documents.customerId))
    .where(and(eq(documents.orgId, member.orgId), eq(documents.currency, currency), eq(documents.kind, "invoice"), inArray(documents.status, [...OPEN_INVOICE_STATUSES]), gte(documents.dueDate, today), ne(documents.balance, 0)))
    .orderBy(documents.dueDate)
    .limit(limit);
}

export function periodFor(preset: string | undefined, today: string): Period & { label: string; preset: string } {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const iso = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
  switch (preset) {
    case "quarter": {
      const q = Math.floor((m - 1) / 3) * 3 + 1;
      return { preset, label: "This quarter", from: iso(y, q, 1), to: iso(y, q + 3, 0) };
    }
    case "year":
      return { preset, label: "This year", from: iso(y, 1, 1), to: iso(y, 12, 31) };
    case "12m":
      return { preset, label: "Last 12 months", from: iso(y, m - 11, 1), to: today };
    default:
      return { preset: "month", label: "This month", from: iso(y, m, 1), to: iso(y, m + 1, 0) };
  }
}

