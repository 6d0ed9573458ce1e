import "server-only";
import { and, asc, eq, gt, or, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { customers, documentLines, documents, documentTaxes, items, payments } from "@/db/schema";
import type { Period } from "@/lib/reporting-period";
import type { Member } from "./context";
import { AGING_BUCKETS, agingBucketSql, big, openInvoices, salesInPeriod } from "./dashboard";

/**
 * Reports: one currency and one period each, aggregated in SQL as bigint (read back as text, kept
 * as bigint). Sales and tax figures count invoices positive and credit notes negative, by their
 * issue date; drafts and void documents are left out.
 */
const sumText = (expr: ReturnType<typeof sql>) => sql<string>`coalesce(sum(${expr}), 0)::text`;
const sign = sql`(case when ${documents.kind} = 'credit_note' then -1 else 1 end)`;

/** Open balances per customer and aging bucket, as of today; largest total first. */
export async function agingByCustomer(member: Member, currency: string, today: string, tx?: Executor) {
  const db = tx ?? (await getDb());
  const bucket = agingBucketSql(today);
  const inBucket = (b: (typeof AGING_BUCKETS)[number]) => sql<string>`coalesce(sum(${documents.balance}) filter (where ${bucket} = ${b}), 0)::text`;
  const rows = await db
    .select({
      customerId: documents.customerId,
      name: customers.name,
      current: inBucket("current"),
      days1to30: inBucket("1-30"),
      days31to60: inBucket("31-60"),
      days61to90: inBucket("61-90"),
      over90: inBucket("90+"),
      total: sumText(sql`${documents.balance}`),
    })
    .from(documents)
    .innerJoin(customers, and(eq(customers.orgId, member.orgId), eq(customers.id, documents.customerId)))
    .where(and(openInvoices(member, currency), sql`${documents.balance} <> 0`))
    .groupBy(documents.customerId, customers.name)
    .orderBy(sql`sum(${documents.balance}) desc`, customers.name);
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
  const rows = await db
    .select({
      customerId: documents.customerId,
      name: customers.name,
      invoices: sql<number>`count(*) filter (where ${documents.kind} = 'invoice')::int`,
      creditNotes: sql<number>`count(*) filter (where ${documents.kind} = 'credit_note')::int`,
      net: sumText(sql`${sign} * (${documents.total} - ${documents.taxTotal})`),
      tax: sumText(sql`${sign} * ${documents.taxTotal}`),
      total: sumText(sql`${sign} * ${documents.total}`),
    })
    .from(documents)
    .innerJoin(customers, and(eq(customers.orgId, member.orgId), eq(customers.id, documents.customerId)))
    .where(salesInPeriod(member, currency, period))
    .groupBy(documents.customerId, customers.name)
    .orderBy(sql`sum(${sign} * ${documents.total}) desc`, customers.name);
  return rows.map((r) => ({ ...r, net: big(r.net), tax: big(r.tax), total: big(r.total) }));
}

/**
 * Sold per catalogue item (lines without an item are grouped by their description): quantity and
 * amount net of tax (line total − line taxes, so inclusive taxes are taken out too).
 */
export async function salesByItem(member: Member, currency: string, period: Period, tx?: Executor) {
  const db = tx ?? (await getDb());
  const name = sql<string>`coalesce(${items.name}, ${documentLines.description})`;
  const rows = await db
    .select({
      itemId: documentLines.itemId,
      name,
      quantityE4: sumText(sql`${sign} * ${documentLines.quantityE4}`),
      net: sumText(sql`${sign} * (${documentLines.total} - ${documentLines.tax})`),
      tax: sumText(sql`${sign} * ${documentLines.tax}`),
      total: sumText(sql`${sign} * ${documentLines.total}`),
    })
    .from(documents)
    .innerJoin(documentLines, and(eq(documentLines.orgId, member.orgId), eq(documentLines.documentId, documents.id)))
    .leftJoin(items, and(eq(items.orgId, member.orgId), eq(items.id, documentLines.itemId)))
    .where(salesInPeriod(member, currency, period))
    .groupBy(documentLines.itemId, name)
    .orderBy(sql`sum(${sign} * (${documentLines.total} - ${documentLines.tax})) desc`, name);
  return rows.map((r) => ({ ...r, quantityE4: big(r.quantityE4), net: big(r.net), tax: big(r.tax), total: big(r.total) }));
}

/**
 * Tax collected per rate and month, from the per-rate breakdown stored on each document
 * (document_taxes, computed by lib/money.ts): taxable base and tax, credit notes deducted.
 */
export async function taxSummary(member: Member, currency: string, period: Period, tx?: Executor) {
  const db = tx ?? (await getDb());
  const month = sql<string>`to_char(${documents.issueDate}, 'YYYY-MM')`;
  const rows = await db
    .select({
      month,
      name: documentTaxes.name,
      rateE4: documentTaxes.rateE4,
      inclusive: documentTaxes.inclusive,
      // One breakdown row per document and tax id (its primary key), so count(*) counts documents;
      // count(distinct) would force a sort of every row instead of a hash aggregate.
      documents: sql<number>`count(*)::int`,
      base: sumText(sql`${sign} * ${documentTaxes.base}`),
      amount: sumText(sql`${sign} * ${documentTaxes.amount}`),
    })
    .from(documents)
    .innerJoin(documentTaxes, and(eq(documentTaxes.orgId, member.orgId), eq(documentTaxes.documentId, documents.id)))
    .where(salesInPeriod(member, currency, period))
    .groupBy(month, documentTaxes.name, documentTaxes.rateE4, documentTaxes.inclusive)
    .orderBy(month, documentTaxes.name, documentTaxes.rateE4);
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
    .select({ count: sql<number>`count(*)::int`, amount: sumText(sql`${payments.amount}`) })
    .from(payments)
    .where(and(eq(payments.orgId, member.orgId), eq(payments.currency, currency), sql`${payments.paidOn} between ${period.from} and ${period.to}`));
  return { count: row?.count ?? 0, amount: big(row?.amount) };
}
