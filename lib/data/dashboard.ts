import "server-only";
import { and, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/db";
import { documents, payments } from "@/db/schema";
import { minDate, monthsEnding, type Period, periodDays, previousPeriod } from "@/lib/reporting-period";
import type { Member } from "./context";
import { OPEN_INVOICE_STATUSES } from "./documents";

export type { Period } from "@/lib/reporting-period";

/**
 * Dashboard aggregates. Every amount is summed as bigint in SQL, read back as text and kept as a
 * JavaScript bigint (a sum of many invoices can exceed what lib/money.ts accepts for one amount);
 * pages format them with formatMoneySum. Drafts and void documents never count. Dates are the
 * documents' calendar dates, which are written in the organisation's time zone (see lib/dates.ts).
 */
export const COUNTED = sql`${documents.status} not in ('draft', 'void')`;
export const big = (v: string | null | undefined) => BigInt(v ?? 0);
const sumText = (expr: SQL, filter?: SQL) => (filter ? sql<string>`coalesce(sum(${expr}) filter (where ${filter}), 0)::text` : sql<string>`coalesce(sum(${expr}), 0)::text`);
const between = (column: SQL | typeof documents.issueDate | typeof payments.paidOn, p: Period) => sql`${column} between ${p.from} and ${p.to}`;
/** Invoices count positive and credit notes negative: "invoiced" is net of credits. */
export const signedTotal = sql`case when ${documents.kind} = 'credit_note' then -${documents.total} else ${documents.total} end`;

/** Currencies the organisation has issued documents in: amounts are shown per currency, never added up. */
export async function dashboardCurrencies(db: Executor, member: Member): Promise<string[]> {
  const rows = await db
    .selectDistinct({ currency: documents.currency })
    .from(documents)
    .where(and(eq(documents.orgId, member.orgId), eq(documents.kind, "invoice"), COUNTED));
  return rows.map((r) => r.currency).sort();
}

export type KeyFigures = {
  invoiced: bigint;
  invoiceCount: number;
  collected: bigint;
  /** Unpaid balance at the end of the period (or today, if the period ends later). */
  outstanding: bigint;
  overdue: bigint;
  /** Mean days from issue date to the final payment, over invoices paid in full in the period. */
  averageDaysToPay: number | null;
  /** Days sales outstanding: outstanding ÷ invoiced × days elapsed in the period. */
  dso: number | null;
};

/**
 * Key figures for one currency, for a period and the period of equal length before it (so each
 * figure can show its change). Outstanding and overdue are reconstructed as of a date from the
 * ledger (invoices issued by then − payments received by then − credit notes issued by then), so
 * the previous period's balance is what it really was, not today's balance.
 */
export async function dashboardFigures(db: Executor, member: Member, currency: string, period: Period, today: string) {
  const prev = previousPeriod(period);
  const asOf = [minDate(period.to, today), minDate(prev.to, today)] as const;
  const credited = alias(documents, "credited_invoice");
  const scope = and(eq(documents.orgId, member.orgId), eq(documents.currency, currency), COUNTED);
  const isInvoice = sql`${documents.kind} = 'invoice'`;
  const [[docs], [credits], [paid], [days]] = await Promise.all([
    // Invoiced per period, and invoice totals issued by each as-of date (outstanding before deductions).
    db
      .select({
        invoiced0: sumText(signedTotal, between(documents.issueDate, period)),
        invoiced1: sumText(signedTotal, between(documents.issueDate, prev)),
        count0: sql<number>`count(*) filter (where ${isInvoice} and ${between(documents.issueDate, period)})::int`,
        count1: sql<number>`count(*) filter (where ${isInvoice} and ${between(documents.issueDate, prev)})::int`,
        open0: sumText(sql`${documents.total}`, sql`${isInvoice} and ${documents.issueDate} <= ${asOf[0]}`),
        open1: sumText(sql`${documents.total}`, sql`${isInvoice} and ${documents.issueDate} <= ${asOf[1]}`),
        due0: sumText(sql`${documents.total}`, sql`${isInvoice} and ${documents.issueDate} <= ${asOf[0]} and ${documents.dueDate} < ${asOf[0]}`),
        due1: sumText(sql`${documents.total}`, sql`${isInvoice} and ${documents.issueDate} <= ${asOf[1]} and ${documents.dueDate} < ${asOf[1]}`),
      })
      .from(documents)
      .where(and(scope, inArray(documents.kind, ["invoice", "credit_note"]), lte(documents.issueDate, period.to > asOf[0] ? period.to : asOf[0]))),
    // Credit notes reduce what their invoice still owes from the day they are issued.
    db
      .select({
        open0: sumText(sql`${documents.total}`, sql`${documents.issueDate} <= ${asOf[0]} and ${credited.issueDate} <= ${asOf[0]}`),
        open1: sumText(sql`${documents.total}`, sql`${documents.issueDate} <= ${asOf[1]} and ${credited.issueDate} <= ${asOf[1]}`),
        due0: sumText(sql`${documents.total}`, sql`${documents.issueDate} <= ${asOf[0]} and ${credited.issueDate} <= ${asOf[0]} and ${credited.dueDate} < ${asOf[0]}`),
        due1: sumText(sql`${documents.total}`, sql`${documents.issueDate} <= ${asOf[1]} and ${credited.issueDate} <= ${asOf[1]} and ${credited.dueDate} < ${asOf[1]}`),
      })
      .from(documents)
      .innerJoin(credited, and(eq(credited.orgId, member.orgId), eq(credited.id, documents.sourceDocumentId)))
      .where(and(scope, eq(documents.kind, "credit_note"), lte(documents.issueDate, asOf[0]))),
    // Payments: collected in each period, and received by each as-of date.
    db
      .select({
        collected0: sumText(sql`${payments.amount}`, between(payments.paidOn, period)),
        collected1: sumText(sql`${payments.amount}`, between(payments.paidOn, prev)),
        open0: sumText(sql`${payments.amount}`, sql`${payments.paidOn} <= ${asOf[0]} and ${documents.issueDate} <= ${asOf[0]}`),
        open1: sumText(sql`${payments.amount}`, sql`${payments.paidOn} <= ${asOf[1]} and ${documents.issueDate} <= ${asOf[1]}`),
        due0: sumText(sql`${payments.amount}`, sql`${payments.paidOn} <= ${asOf[0]} and ${documents.issueDate} <= ${asOf[0]} and ${documents.dueDate} < ${asOf[0]}`),
        due1: sumText(sql`${payments.amount}`, sql`${payments.paidOn} <= ${asOf[1]} and ${documents.issueDate} <= ${asOf[1]} and ${documents.dueDate} < ${asOf[1]}`),
      })
      .from(payments)
      .innerJoin(documents, and(eq(documents.orgId, member.orgId), eq(documents.id, payments.documentId)))
      .where(and(eq(payments.orgId, member.orgId), eq(payments.currency, currency), COUNTED, lte(payments.paidOn, period.to > asOf[0] ? period.to : asOf[0]))),
    averageDaysToPay(db, member, currency, period, prev),
  ]);
  const figures = (i: 0 | 1): KeyFigures => {
    const p = i === 0 ? period : prev;
    const invoiced = big(i === 0 ? docs?.invoiced0 : docs?.invoiced1);
    const outstanding = big(i === 0 ? docs?.open0 : docs?.open1) - big(i === 0 ? credits?.open0 : credits?.open1) - big(i === 0 ? paid?.open0 : paid?.open1);
    const overdue = big(i === 0 ? docs?.due0 : docs?.due1) - big(i === 0 ? credits?.due0 : credits?.due1) - big(i === 0 ? paid?.due0 : paid?.due1);
    const elapsed = asOf[i] >= p.from ? periodDays({ from: p.from, to: asOf[i] }) : 0;
    const avg = i === 0 ? days?.avg0 : days?.avg1;
    return {
      invoiced,
      invoiceCount: (i === 0 ? docs?.count0 : docs?.count1) ?? 0,
      collected: big(i === 0 ? paid?.collected0 : paid?.collected1),
      outstanding,
      overdue,
      averageDaysToPay: avg === null || avg === undefined ? null : Number(avg),
      // Whole-number maths on bigint, rounded half up to one decimal; undefined without sales.
      dso: invoiced > 0n && elapsed > 0 ? Number((outstanding * BigInt(elapsed) * 20n + invoiced) / (invoiced * 2n)) / 10 : null,
    };
  };
  return { currency, period, previous: prev, current: figures(0), before: figures(1) };
}

/**
 * Invoices paid in full whose final payment falls in each period: mean days from issue date to
 * that payment. Starts from the payments in the two periods (index on org_id, paid_on) rather than
 * from every paid invoice.
 */
async function averageDaysToPay(db: Executor, member: Member, currency: string, period: Period, prev: Period) {
  const window = { from: prev.from, to: period.to };
  const inWindow = db
    .select({ documentId: payments.documentId })
    .from(payments)
    .where(and(eq(payments.orgId, member.orgId), eq(payments.currency, currency), gte(payments.paidOn, window.from), lte(payments.paidOn, window.to)));
  const lastPayment = db
    .select({ documentId: payments.documentId, last: sql<string>`max(${payments.paidOn})`.as("last") })
    .from(payments)
    .where(and(eq(payments.orgId, member.orgId), inArray(payments.documentId, inWindow)))
    .groupBy(payments.documentId)
    .as("last_payment");
  const daysToPay = sql`(${lastPayment.last} - ${documents.issueDate})`;
  return db
    .select({
      avg0: sql<string | null>`round(avg(${daysToPay}) filter (where ${between(sql`${lastPayment.last}`, period)}), 1)::text`,
      avg1: sql<string | null>`round(avg(${daysToPay}) filter (where ${between(sql`${lastPayment.last}`, prev)}), 1)::text`,
    })
    .from(lastPayment)
    .innerJoin(documents, and(eq(documents.orgId, member.orgId), eq(documents.id, lastPayment.documentId)))
    .where(and(eq(documents.kind, "invoice"), eq(documents.status, "paid"), between(sql`${lastPayment.last}`, window)));
}

export const AGING_BUCKETS = ["current", "1-30", "31-60", "61-90", "90+"] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** Which aging bucket an open invoice is in on `today` (shared by the dashboard and the aging report). */
export function agingBucketSql(today: string) {
  return sql<AgingBucket>`case
    when ${documents.dueDate} is null or ${documents.dueDate} >= ${today} then 'current'
    when ${today}::date - ${documents.dueDate} <= 30 then '1-30'
    when ${today}::date - ${documents.dueDate} <= 60 then '31-60'
    when ${today}::date - ${documents.dueDate} <= 90 then '61-90'
    else '90+' end`;
}

export const openInvoices = (member: Member, currency: string) =>
  and(eq(documents.orgId, member.orgId), eq(documents.currency, currency), eq(documents.kind, "invoice"), inArray(documents.status, [...OPEN_INVOICE_STATUSES]));

/** Accounts-receivable aging of the open balances today. */
export async function agingSummary(db: Executor, member: Member, currency: string, today: string) {
  const rows = await db
    .select({ bucket: agingBucketSql(today), amount: sumText(sql`${documents.balance}`), count: sql<number>`count(*)::int` })
    .from(documents)
    .where(openInvoices(member, currency))
    .groupBy(sql`1`);
  return AGING_BUCKETS.map((bucket) => {
    const row = rows.find((r) => r.bucket === bucket);
    return { bucket, amount: big(row?.amount), count: row?.count ?? 0 };
  });
}

/** Invoiced (net of credit notes) and collected per month, for the twelve months ending with `end`'s month. */
export async function monthlySeries(db: Executor, member: Member, currency: string, end: string) {
  const months = monthsEnding(end);
  const range = { from: `${months[0]}-01`, to: new Date(Date.UTC(+end.slice(0, 4), +end.slice(5, 7), 0)).toISOString().slice(0, 10) };
  // A date column has no time zone: to_char on the calendar date the organisation wrote.
  const [issued, received] = await Promise.all([
    db
      .select({ month: sql<string>`to_char(${documents.issueDate}, 'YYYY-MM')`, amount: sumText(signedTotal) })
      .from(documents)
      .where(and(eq(documents.orgId, member.orgId), eq(documents.currency, currency), inArray(documents.kind, ["invoice", "credit_note"]), COUNTED, between(documents.issueDate, range)))
      .groupBy(sql`1`),
    db
      .select({ month: sql<string>`to_char(${payments.paidOn}, 'YYYY-MM')`, amount: sumText(sql`${payments.amount}`) })
      .from(payments)
      .where(and(eq(payments.orgId, member.orgId), eq(payments.currency, currency), between(payments.paidOn, range)))
      .groupBy(sql`1`),
  ]);
  return months.map((month) => ({
    month,
    invoiced: big(issued.find((r) => r.month === month)?.amount),
    collected: big(received.find((r) => r.month === month)?.amount),
  }));
}

/** Change against the previous period in per-mille (12.5% → 125), or null when there was nothing before. */
export function changePerMille(current: bigint, previous: bigint): number | null {
  if (previous === 0n) return null;
  const diff = (current - previous) * 2000n;
  const abs = previous < 0n ? -previous : previous;
  // Rounded half away from zero, in integers.
  return Number((diff + (diff < 0n ? -abs : abs)) / (2n * abs));
}
