import "server-only";
import { and, eq, gt, gte, inArray, lte, notInArray, sql, type SQL } from "drizzle-orm";
import { type AnyPgColumn, alias } from "drizzle-orm/pg-core";
import { type Executor, getDb } from "@/db";
import { documents, documentTotals, onlinePayments, paymentsDaily, receivables, salesDaily } from "@/db/schema";
import { addSums, daysSalesOutstanding } from "@/lib/money";
import { minDate, monthsEnding, type Period, previousPeriod, shiftDays } from "@/lib/reporting-period";
import type { Member } from "./context";
import { OPEN_INVOICE_STATUSES } from "./documents/shared";

export type { Period } from "@/lib/reporting-period";

/**
 * Dashboard aggregates. Every amount is summed as bigint in SQL, read back as text and kept as a
 * JavaScript bigint (a sum of many invoices can exceed what lib/money.ts accepts for one amount);
 * pages format them with formatMoneySum. Drafts and void documents never count. Dates are the
 * documents' calendar dates, which are written in the organisation's time zone (see lib/dates.ts).
 * Sales, open balances and payments are summed from the rollups in db/schema/reporting.ts, which
 * triggers keep in step with the documents, so no view scans them.
 */
export const COUNTED = sql`${documents.status} not in ('draft', 'void')`;
export const big = (v: string | null | undefined) => BigInt(v ?? 0);
const sumText = (expr: SQL, filter?: SQL) => (filter ? sql<string>`coalesce(sum(${expr}) filter (where ${filter}), 0)::text` : sql<string>`coalesce(sum(${expr}), 0)::text`);
export const between = (column: SQL | AnyPgColumn, p: Period) => sql`${column} between ${p.from} and ${p.to}`;

/**
 * Currencies the organisation has issued invoices in: amounts are shown per currency, never added
 * up. Read from the running totals per kind, status and currency (document_totals), not the documents.
 */
export async function dashboardCurrencies(member: Member, tx?: Executor): Promise<string[]> {
  const db = tx ?? (await getDb());
  const rows = await db
    .selectDistinct({ currency: documentTotals.currency })
    .from(documentTotals)
    .where(and(eq(documentTotals.orgId, member.orgId), eq(documentTotals.kind, "invoice"), notInArray(documentTotals.status, ["draft", "void"]), gt(documentTotals.count, 0)));
  return rows.map((r) => r.currency).sort();
}

/**
 * Online payments in one currency that the client has paid by a delayed method (SEPA Debit, ACH,
 * bank transfer) and Stripe has not settled yet: not money in the account, so never in
 * "collected" nor off the balance. What the client pays towards the invoice (`amount`), without
 * the pass-through fee. Through the partial index online_payments_org_id_processing_idx.
 */
export async function processingPayments(member: Member, currency: string, tx?: Executor): Promise<{ amount: bigint; count: number }> {
  const db = tx ?? (await getDb());
  const [row] = await db
    .select({ amount: sumText(sql`${onlinePayments.amount}`), count: sql<number>`count(*)::int` })
    .from(onlinePayments)
    .where(and(eq(onlinePayments.orgId, member.orgId), eq(onlinePayments.currency, currency), eq(onlinePayments.status, "processing")));
  return { amount: big(row?.amount), count: row?.count ?? 0 };
}

/** DSO looks back this many days from the as-of date: the usual quarter-long window. */
export const DSO_WINDOW_DAYS = 90;
/**
 * Below this many invoices issued in the window, DSO is not shown: with two or three invoices one
 * large unpaid invoice swings it by weeks, and the figure describes that invoice, not how fast
 * customers pay.
 */
export const DSO_MIN_INVOICES = 5;

export type KeyFigures = {
  /** Invoices issued in the period, gross: credit notes are a figure of their own. */
  invoiced: bigint;
  invoiceCount: number;
  /** Credit notes issued in the period (a positive amount). */
  credited: bigint;
  creditNoteCount: number;
  collected: bigint;
  /** Unpaid balance at the end of the period (or today, if the period ends later). */
  outstanding: bigint;
  overdue: bigint;
  /** Mean days from issue date to the final payment, over invoices paid in full in the period. */
  averageDaysToPay: number | null;
  /**
   * Days sales outstanding as of the period's end: outstanding ÷ credit sales (invoices less credit
   * notes) of the DSO_WINDOW_DAYS days ending then × DSO_WINDOW_DAYS. Null below the sample
   * (fewer than DSO_MIN_INVOICES invoices in the window, or no net sales); `dsoBasis` says which.
   */
  dso: number | null;
  dsoBasis: { from: string; to: string; invoices: number; sales: bigint };
};

/**
 * Key figures for one currency, for a period and the period of equal length before it (so each
 * figure can show its change). Outstanding and overdue are as of the period's end (today if it
 * ends later), reconstructed without scanning history: what an invoice owed on day D is its
 * balance now plus the payments and credit notes it received after D. So the queries read only
 * open invoices, the daily sales rollup (db/schema/reporting.ts) over both periods and the DSO
 * windows before their ends, and the payments and credit notes since the earlier as-of date, each
 * through an index led by org_id.
 */
export async function dashboardFigures(member: Member, currency: string, period: Period, today: string, tx?: Executor) {
  const db = tx ?? (await getDb());
  const prev = previousPeriod(period);
  const asOf = [minDate(period.to, today), minDate(prev.to, today)] as const;
  const windows = asOf.map((d) => ({ from: shiftDays(d, 1 - DSO_WINDOW_DAYS), to: d })) as [Period, Period];
  const since = minDate(prev.from, asOf[1]);
  const credited = alias(documents, "credited_invoice");
  const countSum = (column: AnyPgColumn, p: Period) => sql<number>`coalesce(sum(${column}) filter (where ${between(salesDaily.day, p)}), 0)::int`;
  // The same sum for both as-of dates: [owed on D, of which past due on D].
  const owed = (amount: SQL, after: SQL, issue: SQL, due: SQL) => {
    const on = (d: string) => [sumText(amount, sql`${after} > ${d} and ${issue} <= ${d}`), sumText(amount, sql`${after} > ${d} and ${issue} <= ${d} and ${due} < ${d}`)] as const;
    return [on(asOf[0]), on(asOf[1])] as const;
  };
  const earliest = [prev.from, windows[0].from, windows[1].from].reduce(minDate);
  const [[issued], [open], [paid], [credits], [days]] = await Promise.all([
    // Invoiced and credited in each period, and net sales in each DSO window, from the daily rollup.
    db
      .select({
        invoiced0: sumText(sql`${salesDaily.invoiced}`, between(salesDaily.day, period)),
        invoiced1: sumText(sql`${salesDaily.invoiced}`, between(salesDaily.day, prev)),
        count0: countSum(salesDaily.invoiceCount, period),
        count1: countSum(salesDaily.invoiceCount, prev),
        credited0: sumText(sql`${salesDaily.credited}`, between(salesDaily.day, period)),
        credited1: sumText(sql`${salesDaily.credited}`, between(salesDaily.day, prev)),
        creditCount0: countSum(salesDaily.creditNoteCount, period),
        creditCount1: countSum(salesDaily.creditNoteCount, prev),
        sales0: sumText(sql`${salesDaily.invoiced} - ${salesDaily.credited}`, between(salesDaily.day, windows[0])),
        sales1: sumText(sql`${salesDaily.invoiced} - ${salesDaily.credited}`, between(salesDaily.day, windows[1])),
        windowCount0: countSum(salesDaily.invoiceCount, windows[0]),
        windowCount1: countSum(salesDaily.invoiceCount, windows[1]),
      })
      .from(salesDaily)
      .where(and(eq(salesDaily.orgId, member.orgId), eq(salesDaily.currency, currency), between(salesDaily.day, { from: earliest, to: period.to }))),
    // Open invoices' balances now, by whether they were issued (and due) by each as-of date.
    db
      .select({
        open0: sumText(sql`${receivables.balance}`, sql`${receivables.issueDate} <= ${asOf[0]}`),
        due0: sumText(sql`${receivables.balance}`, sql`${receivables.issueDate} <= ${asOf[0]} and ${receivables.dueDate} < ${asOf[0]}`),
        open1: sumText(sql`${receivables.balance}`, sql`${receivables.issueDate} <= ${asOf[1]}`),
        due1: sumText(sql`${receivables.balance}`, sql`${receivables.issueDate} <= ${asOf[1]} and ${receivables.dueDate} < ${asOf[1]}`),
      })
      .from(receivables)
      .where(receivablesOf(member, currency)),
    // Payments: collected in each period, and those received after each as-of date (still owed then).
    paymentSums(db, member, currency, period, prev, asOf, since),
    // Credit notes issued after each as-of date reduced their invoice only later.
    (() => {
      const [[o0, d0], [o1, d1]] = owed(sql`${documents.total}`, sql`${documents.issueDate}`, sql`${credited.issueDate}`, sql`${credited.dueDate}`);
      return db
        .select({ open0: o0, due0: d0, open1: o1, due1: d1 })
        .from(documents)
        .innerJoin(credited, and(eq(credited.orgId, member.orgId), eq(credited.id, documents.sourceDocumentId)))
        .where(and(eq(documents.orgId, member.orgId), eq(documents.currency, currency), eq(documents.kind, "credit_note"), COUNTED, sql`${documents.issueDate} > ${asOf[1]}`));
    })(),
    averageDaysToPay(db, member, currency, period, prev),
  ]);
  const figures = (i: 0 | 1): KeyFigures => {
    const pick = (row: Record<string, string | number | null> | undefined, name: string) => big(row?.[`${name}${i}`] as string | undefined);
    const outstanding = addSums(pick(open, "open"), pick(paid, "open"), pick(credits, "open"));
    const overdue = addSums(pick(open, "due"), pick(paid, "due"), pick(credits, "due"));
    const avg = i === 0 ? days?.avg0 : days?.avg1;
    const dsoBasis = { ...windows[i], invoices: (i === 0 ? issued?.windowCount0 : issued?.windowCount1) ?? 0, sales: pick(issued, "sales") };
    return {
      invoiced: pick(issued, "invoiced"),
      invoiceCount: (i === 0 ? issued?.count0 : issued?.count1) ?? 0,
      credited: pick(issued, "credited"),
      creditNoteCount: (i === 0 ? issued?.creditCount0 : issued?.creditCount1) ?? 0,
      collected: pick(paid, "collected"),
      outstanding,
      overdue,
      averageDaysToPay: avg === null || avg === undefined ? null : Number(avg),
      dso: dsoBasis.invoices < DSO_MIN_INVOICES ? null : daysSalesOutstanding(outstanding, dsoBasis.sales, DSO_WINDOW_DAYS),
      dsoBasis,
    };
  };
  return { currency, period, previous: prev, current: figures(0), before: figures(1) };
}

/**
 * Payments since `since`: collected per period, and for each as-of date D those received after D
 * on invoices issued by D (and due before D). Each payment carries its invoice's issue and due
 * dates (copied when recorded; issued invoices' dates never change, and an invoice with payments
 * can't be voided), and the payments_daily rollup sums them per day and pair of dates, so this
 * never reads the invoices nor each payment.
 */
async function paymentSums(db: Executor, member: Member, currency: string, period: Period, prev: Period, asOf: readonly [string, string], since: string) {
  const amount = sql`${paymentsDaily.amount}`;
  const owed = (d: string, pastDue: boolean) =>
    sumText(
      amount,
      pastDue
        ? sql`${paymentsDaily.paidOn} > ${d} and ${paymentsDaily.invoiceIssueDate} <= ${d} and ${paymentsDaily.invoiceDueDate} < ${d}`
        : sql`${paymentsDaily.paidOn} > ${d} and ${paymentsDaily.invoiceIssueDate} <= ${d}`,
    );
  const [d0, d1] = asOf;
  const [row] = await db
    .select({
      collected0: sumText(amount, between(paymentsDaily.paidOn, period)),
      collected1: sumText(amount, between(paymentsDaily.paidOn, prev)),
      open0: owed(d0, false),
      due0: owed(d0, true),
      open1: owed(d1, false),
      due1: owed(d1, true),
    })
    .from(paymentsDaily)
    .where(and(eq(paymentsDaily.orgId, member.orgId), eq(paymentsDaily.currency, currency), gte(paymentsDaily.paidOn, since)));
  return [row];
}

/**
 * Invoices paid in full whose final payment falls in each period: mean days from issue date to
 * that payment. Each invoice keeps the date of its latest payment (last_paid_on), so this reads
 * the paid invoices by that date through a partial index. Invoices paid off by credit notes alone
 * have no payment and never count.
 */
async function averageDaysToPay(db: Executor, member: Member, currency: string, period: Period, prev: Period) {
  const days = sql`${documents.lastPaidOn} - ${documents.issueDate}`;
  return db
    .select({
      avg0: sql<string | null>`round(avg(${days}) filter (where ${between(documents.lastPaidOn, period)}), 1)::text`,
      avg1: sql<string | null>`round(avg(${days}) filter (where ${between(documents.lastPaidOn, prev)}), 1)::text`,
    })
    .from(documents)
    .where(
      and(
        eq(documents.orgId, member.orgId),
        eq(documents.currency, currency),
        eq(documents.kind, "invoice"),
        eq(documents.status, "paid"),
        gte(documents.lastPaidOn, prev.from),
        lte(documents.lastPaidOn, period.to),
      ),
    );
}

export const AGING_BUCKETS = ["current", "1-30", "31-60", "61-90", "90+"] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/**
 * Which aging bucket open balances due on `dueDate` are in on `today` (shared by the dashboard and
 * the aging report). Invoices without a due date are kept as due on NO_DUE_DATE, never past.
 */
export function agingBucketSql(today: string, dueDate: AnyPgColumn = receivables.dueDate) {
  return sql<AgingBucket>`case
    when ${dueDate} >= ${today} then 'current'
    when ${today}::date - ${dueDate} <= 30 then '1-30'
    when ${today}::date - ${dueDate} <= 60 then '31-60'
    when ${today}::date - ${dueDate} <= 90 then '61-90'
    else '90+' end`;
}

/** The daily sales rollup's rows for one currency and period: what the sales figures sum. */
export const salesDays = (member: Member, currency: string, period: Period) =>
  and(eq(salesDaily.orgId, member.orgId), eq(salesDaily.currency, currency), between(salesDaily.day, period));

/** Open invoices, one currency. */
export const openInvoices = (member: Member, currency: string) =>
  and(eq(documents.orgId, member.orgId), eq(documents.currency, currency), eq(documents.kind, "invoice"), inArray(documents.status, [...OPEN_INVOICE_STATUSES]));

/** The open balances rollup (receivables) of one currency. */
export const receivablesOf = (member: Member, currency: string) => and(eq(receivables.orgId, member.orgId), eq(receivables.currency, currency));

/** Accounts-receivable aging of the open balances today. */
export async function agingSummary(member: Member, currency: string, today: string, tx?: Executor) {
  const db = tx ?? (await getDb());
  const rows = await db
    .select({ bucket: agingBucketSql(today), amount: sumText(sql`${receivables.balance}`), count: sql<number>`coalesce(sum(${receivables.invoices}), 0)::int` })
    .from(receivables)
    .where(receivablesOf(member, currency))
    .groupBy(sql`1`);
  return AGING_BUCKETS.map((bucket) => {
    const row = rows.find((r) => r.bucket === bucket);
    return { bucket, amount: big(row?.amount), count: row?.count ?? 0 };
  });
}

/** Invoiced (gross), credited and collected per month, for the twelve months ending with `end`'s month. */
export async function monthlySeries(member: Member, currency: string, end: string, tx?: Executor) {
  const db = tx ?? (await getDb());
  const months = monthsEnding(end);
  const range = { from: `${months[0]}-01`, to: new Date(Date.UTC(+end.slice(0, 4), +end.slice(5, 7), 0)).toISOString().slice(0, 10) };
  // A date column has no time zone: to_char on the calendar date the organisation wrote.
  const [issued, received] = await Promise.all([
    db
      .select({
        month: sql<string>`to_char(${salesDaily.day}, 'YYYY-MM')`,
        invoiced: sumText(sql`${salesDaily.invoiced}`),
        credited: sumText(sql`${salesDaily.credited}`),
      })
      .from(salesDaily)
      .where(and(eq(salesDaily.orgId, member.orgId), eq(salesDaily.currency, currency), between(salesDaily.day, range)))
      .groupBy(sql`1`),
    db
      .select({ month: sql<string>`to_char(${paymentsDaily.paidOn}, 'YYYY-MM')`, amount: sumText(sql`${paymentsDaily.amount}`) })
      .from(paymentsDaily)
      .where(and(eq(paymentsDaily.orgId, member.orgId), eq(paymentsDaily.currency, currency), between(paymentsDaily.paidOn, range)))
      .groupBy(sql`1`),
  ]);
  return months.map((month) => {
    const row = issued.find((r) => r.month === month);
    return { month, invoiced: big(row?.invoiced), credited: big(row?.credited), collected: big(received.find((r) => r.month === month)?.amount) };
  });
}
