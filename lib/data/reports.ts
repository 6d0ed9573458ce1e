import "server-only";
import { and, asc, eq, gt, or, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { customers, documents, items, itemSalesDaily, payments, paymentsDaily, receivables, salesDaily, taxDaily } from "@/db/schema";
import type { Period } from "@/lib/reporting-period";
import type { Member } from "./context";
import { AGING_BUCKETS, agingBucketSql, between, big, receivablesOf, salesDays } from "./dashboard";

/**
 * Reports: one currency and one period each, aggregated in SQL as bigint (read back as text, kept
 * as bigint). Sales and tax figures count invoices positive and credit notes negative, by their
 * issue date; drafts and void documents are left out. They sum the daily rollups
 * (db/schema/reporting.ts), a few thousand rows a year, instead of every document and line.
 */
const sumText = (expr: ReturnType<typeof sql>) => sql<string>`coalesce(sum(${expr}), 0)::text`;
const int = (expr: ReturnType<typeof sql>) => sql<number>`coalesce(sum(${expr}), 0)::int`;

/** Open balances per customer and aging bucket, as of today; largest total first. */
export async function agingByCustomer(member: Member, currency: string, today: string, tx?: Executor) {
  const db = tx ?? (await getDb());
  const bucket = agingBucketSql(today);
  const inBucket = (b: (typeof AGING_BUCKETS)[number]) => sql<string>`coalesce(sum(${receivables.balance}) filter (where ${bucket} = ${b}), 0)::text`;
  const rows = await db
    .select({
      customerId: receivables.customerId,
      name: customers.name,
      current: inBucket("current"),
      days1to30: inBucket("1-30"),
      days31to60: inBucket("31-60"),
      days61to90: inBucket("61-90"),
      over90: inBucket("90+"),
      total: sumText(sql`${receivables.balance}`),
    })
    .from(receivables)
    .innerJoin(customers, and(eq(customers.orgId, member.orgId), eq(customers.id, receivables.customerId)))
    .where(receivablesOf(member, currency))
    .groupBy(receivables.customerId, customers.name)
    .having(sql`sum(${receivables.unpaid}) > 0`)
    .orderBy(sql`sum(${receivables.balance}) desc`, customers.name);
  return rows.map((r) => ({
    customerId: r.customerId,
    name: r.name,
    buckets: [big(r.current), big(r.days1to30), big(r.days31to60), big(r.days61to90), big(r.over90)],
    total: big(r.total),
  }));
}

/** Invoiced per customer in the period: net of tax, tax and total, credit notes deducted. */
export async function salesByCustomer(member: Member, currency: string, period: Period, tx?: Executor) {
  const db = tx ?? (await getDb());
  const total = sql`${salesDaily.invoiced} - ${salesDaily.credited}`;
  const tax = sql`${salesDaily.invoicedTax} - ${salesDaily.creditedTax}`;
  const rows = await db
    .select({
      customerId: salesDaily.customerId,
      name: customers.name,
      invoices: int(sql`${salesDaily.invoiceCount}`),
      creditNotes: int(sql`${salesDaily.creditNoteCount}`),
      net: sumText(sql`${total} - (${tax})`),
      tax: sumText(tax),
      total: sumText(total),
    })
    .from(salesDaily)
    .innerJoin(customers, and(eq(customers.orgId, member.orgId), eq(customers.id, salesDaily.customerId)))
    .where(salesDays(member, currency, period))
    .groupBy(salesDaily.customerId, customers.name)
    // A day's row stays, at zero, once its documents are voided.
    .having(sql`sum(${salesDaily.invoiceCount} + ${salesDaily.creditNoteCount}) > 0`)
    .orderBy(sql`sum(${total}) desc`, customers.name);
  return rows.map((r) => ({ ...r, net: big(r.net), tax: big(r.tax), total: big(r.total) }));
}

/**
 * Sold per catalogue item (lines without an item are grouped by their description): quantity and
 * amount net of tax (line total − line taxes, so inclusive taxes are taken out too).
 */
export async function salesByItem(member: Member, currency: string, period: Period, tx?: Executor) {
  const db = tx ?? (await getDb());
  const name = sql<string>`coalesce(${items.name}, ${itemSalesDaily.description})`;
  const rows = await db
    .select({
      itemId: itemSalesDaily.itemId,
      name,
      quantityE4: sumText(sql`${itemSalesDaily.quantityE4}`),
      net: sumText(sql`${itemSalesDaily.total} - ${itemSalesDaily.tax}`),
      tax: sumText(sql`${itemSalesDaily.tax}`),
      total: sumText(sql`${itemSalesDaily.total}`),
    })
    .from(itemSalesDaily)
    .leftJoin(items, and(eq(items.orgId, member.orgId), eq(items.id, itemSalesDaily.itemId)))
    .where(and(eq(itemSalesDaily.orgId, member.orgId), eq(itemSalesDaily.currency, currency), between(itemSalesDaily.day, period)))
    .groupBy(itemSalesDaily.itemId, name)
    .having(sql`sum(${itemSalesDaily.lines}) > 0`)
    .orderBy(sql`sum(${itemSalesDaily.total} - ${itemSalesDaily.tax}) desc`, name);
  return rows.map((r) => ({ ...r, quantityE4: big(r.quantityE4), net: big(r.net), tax: big(r.tax), total: big(r.total) }));
}

/**
 * Tax collected per rate and month, from the per-rate breakdown stored on each document
 * (document_taxes, computed by lib/money.ts, rolled up per day): taxable base and tax, credit
 * notes deducted.
 */
export async function taxSummary(member: Member, currency: string, period: Period, tx?: Executor) {
  const db = tx ?? (await getDb());
  const month = sql<string>`to_char(${taxDaily.day}, 'YYYY-MM')`;
  const rows = await db
    .select({
      month,
      name: taxDaily.name,
      rateE4: taxDaily.rateE4,
      inclusive: taxDaily.inclusive,
      documents: int(sql`${taxDaily.documents}`),
      base: sumText(sql`${taxDaily.base}`),
      amount: sumText(sql`${taxDaily.amount}`),
    })
    .from(taxDaily)
    .where(and(eq(taxDaily.orgId, member.orgId), eq(taxDaily.currency, currency), between(taxDaily.day, period)))
    .groupBy(month, taxDaily.name, taxDaily.rateE4, taxDaily.inclusive)
    .having(sql`sum(${taxDaily.documents}) > 0`)
    .orderBy(month, taxDaily.name, taxDaily.rateE4);
  return rows.map((r) => ({ ...r, base: big(r.base), amount: big(r.amount) }));
}

export type PaymentCursor = { paidOn: string; id: string };
export const PAYMENTS_PAGE = 200;

/** Payments received in the period, oldest first, in keyset pages (the page shows one, the CSV streams all). */
export async function paymentsReceived(member: Member, currency: string, period: Period, after?: PaymentCursor, limit = PAYMENTS_PAGE, tx?: Executor) {
  const db = tx ?? (await getDb());
  return db
    .select({
      id: payments.id,
      paidOn: payments.paidOn,
      amount: payments.amount,
      method: payments.method,
      reference: payments.reference,
      documentId: documents.id,
      number: documents.number,
      customerName: customers.name,
    })
    .from(payments)
    .innerJoin(documents, and(eq(documents.orgId, member.orgId), eq(documents.id, payments.documentId)))
    .innerJoin(customers, and(eq(customers.orgId, member.orgId), eq(customers.id, documents.customerId)))
    .where(
      and(
        eq(payments.orgId, member.orgId),
        eq(payments.currency, currency),
        sql`${payments.paidOn} between ${period.from} and ${period.to}`,
        after ? or(gt(payments.paidOn, after.paidOn), and(eq(payments.paidOn, after.paidOn), gt(payments.id, after.id))) : undefined,
      ),
    )
    .orderBy(asc(payments.paidOn), asc(payments.id))
    .limit(limit);
}

/** Count and sum of the payments in the period. */
export async function paymentsTotal(member: Member, currency: string, period: Period, tx?: Executor) {
  const db = tx ?? (await getDb());
  const [row] = await db
    .select({ count: sql<number>`coalesce(sum(${paymentsDaily.payments}), 0)::int`, amount: sumText(sql`${paymentsDaily.amount}`) })
    .from(paymentsDaily)
    .where(and(eq(paymentsDaily.orgId, member.orgId), eq(paymentsDaily.currency, currency), between(paymentsDaily.paidOn, period)));
  return { count: row?.count ?? 0, amount: big(row?.amount) };
}
