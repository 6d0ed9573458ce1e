/** Demo documents for scripts/seed.ts: a few in every state through the real DAL, and optionally many in bulk. */
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { customers, documentLines, documents, documentTaxes, items, numberSequences, payments, taxRates } from "@/db/schema";
import type { Member } from "@/lib/data/context";
import { sealCustomer } from "@/lib/data/encrypted-fields";
import { saveDraft } from "@/lib/data/documents/drafts";
import { createCreditNote, issueDocument, voidDocument } from "@/lib/data/documents/lifecycle";
import { recordPayment } from "@/lib/data/documents/payments";
import { setQuoteOutcome, convertQuote } from "@/lib/data/documents/quotes";
import { addDays } from "@/lib/dates";
import { computeDocument } from "@/lib/money";

const CUSTOMER_NAMES = ["Acme Corporation", "Globex Ltd", "Initech", "Umbrella plc", "Stark Industries", "Wayne Enterprises", "Hooli", "Vandelay Industries", "Soylent GmbH", "Tyrell Corp"];

export async function seedCatalogue(db: Db, orgId: string) {
  const [existing] = await db.select({ id: customers.id }).from(customers).where(eq(customers.orgId, orgId)).limit(1);
  if (existing) return false;
  await db.insert(taxRates).values([
    { orgId, name: "VAT", rateE4: 200000 },
    { orgId, name: "Reduced VAT", rateE4: 50000 },
  ]);
  await db.insert(customers).values(
    CUSTOMER_NAMES.map((name, i) => {
      const id = randomUUID();
      return sealCustomer(id, {
        id,
        orgId,
        name,
        email: `billing@${name.toLowerCase().replace(/[^a-z]/g, "")}.example`,
        addressLine1: `${10 + i} Commerce Street`,
        city: "Springfield",
        country: "US",
        currency: i % 4 === 3 ? "EUR" : "USD",
        paymentTermsDays: 30,
        taxId: i % 3 === 0 ? `US-EIN 12-34567${i}` : null,
      });
    }),
  );
  const [vat] = await db.select().from(taxRates).where(and(eq(taxRates.orgId, orgId), eq(taxRates.name, "VAT")));
  await db.insert(items).values([
    { orgId, name: "Consulting hour", unit: "hour", unitPrice: 12000, currency: "USD", taxRateIds: [vat!.id] },
    { orgId, name: "Website maintenance", unit: "month", unitPrice: 49900, currency: "USD", taxRateIds: [vat!.id] },
    { orgId, name: "Training day", unit: "day", unitPrice: 95000, currency: "USD", taxRateIds: [vat!.id] },
  ]);
  return true;
}

/** One document in each state, made through the same functions the app uses. */
export async function seedLifecycle(db: Db, member: Member) {
  const cs = await db.select().from(customers).where(eq(customers.orgId, member.orgId)).orderBy(customers.name).limit(4);
  const [vat] = await db.select().from(taxRates).where(and(eq(taxRates.orgId, member.orgId), eq(taxRates.name, "VAT")));
  const today = new Date().toISOString().slice(0, 10);
  const draft = (kind: "invoice" | "quote", customer = cs[0]!, daysAgo = 0, lines = 2) =>
    saveDraft(member, {
      kind,
      customerId: customer.id,
      currency: customer.currency ?? "USD",
      issueDate: addDays(today, -daysAgo),
      dueDate: addDays(today, -daysAgo + 30),
      lines: Array.from({ length: lines }, (_, i) => ({ description: `Consulting, phase ${i + 1}`, quantityE4: (i + 1) * 15000, unitPrice: 12000 + i * 2550, taxRateIds: [vat!.id] })),
    }, db);
  await draft("invoice", cs[1]);
  const issued = await draft("invoice", cs[2], 3);
  await issueDocument(member, issued.id, undefined, db);
  const partial = await draft("invoice", cs[0], 10);
  await issueDocument(member, partial.id, undefined, db);
  await recordPayment(member, partial.id, { paidOn: today, amount: 10000, method: "bank_transfer", reference: "TRX-1001" }, undefined, db);
  const paid = await draft("invoice", cs[1], 20);
  const paidIssued = await issueDocument(member, paid.id, undefined, db);
  await recordPayment(member, paid.id, { paidOn: today, amount: paidIssued.total, method: "card" }, undefined, db);
  const overdue = await draft("invoice", cs[3], 45);
  await issueDocument(member, overdue.id, undefined, db);
  const voided = await draft("invoice", cs[2], 5);
  await issueDocument(member, voided.id, undefined, db);
  await voidDocument(member, voided.id, "Issued to the wrong customer", undefined, db);
  const credited = await draft("invoice", cs[0], 15);
  await issueDocument(member, credited.id, undefined, db);
  const cn = await createCreditNote(member, credited.id, undefined, db);
  await issueDocument(member, cn.id, undefined, db);
  await draft("quote", cs[1]);
  const sent = await draft("quote", cs[2], 2);
  await issueDocument(member, sent.id, undefined, db);
  const accepted = await draft("quote", cs[3], 4);
  await issueDocument(member, accepted.id, undefined, db);
  await setQuoteOutcome(member, accepted.id, "accepted", db);
  await convertQuote(member, accepted.id, db);
}

/** Many issued invoices, written in batches straight into the tables (totals still from lib/money.ts). */
export async function seedBulkInvoices(db: Db, member: Member, count: number, log: (s: string) => void) {
  const cs = await db.select({ id: customers.id, name: customers.name }).from(customers).where(eq(customers.orgId, member.orgId));
  const [vat] = await db.select().from(taxRates).where(and(eq(taxRates.orgId, member.orgId), eq(taxRates.name, "VAT")));
  const tax = { id: vat!.id, name: vat!.name, rateE4: vat!.rateE4, inclusive: false, compound: false };
  const [{ start } = { start: 0 }] = await db
    .select({ start: sql<number>`coalesce(max(${numberSequences.lastValue}), 0)::int` })
    .from(numberSequences)
    .where(and(eq(numberSequences.orgId, member.orgId), eq(numberSequences.kind, "invoice"), eq(numberSequences.period, 0)));
  const batch = 1000;
  const today = Date.now();
  for (let done = 0; done < count; done += batch) {
    const n = Math.min(batch, count - done);
    await db.transaction(async (tx) => {
      const docs = [];
      const lineRows: (typeof documentLines.$inferInsert)[] = [];
      const taxRows: (typeof documentTaxes.$inferInsert)[] = [];
      const paymentRows: (typeof payments.$inferInsert)[] = [];
      for (let i = 0; i < n; i++) {
        const seq = start + done + i + 1;
        const id = crypto.randomUUID();
        const lines = [
          { quantityE4: ((seq % 7) + 1) * 10000, unitPrice: 5000 + (seq % 97) * 125, discount: null, taxes: [tax] },
          { quantityE4: 10000, unitPrice: 2500 + (seq % 13) * 100, discount: null, taxes: [tax] },
        ];
        const totals = computeDocument({ currency: "USD", rounding: "line", lines });
        const issueDate = new Date(today - (seq % 730) * 86_400_000).toISOString().slice(0, 10);
        const state = seq % 10;
        const paid = state < 6 ? totals.total : state < 8 ? Math.floor(totals.total / 2) : 0;
        docs.push({
          id,
          orgId: member.orgId,
          kind: "invoice" as const,
          status: (paid === totals.total ? "paid" : paid > 0 ? "partially_paid" : "issued") as "paid" | "partially_paid" | "issued",
          number: `BULK-${String(seq).padStart(6, "0")}`,
          customerId: cs[seq % cs.length]!.id,
          currency: "USD",
          issueDate,
          dueDate: addDays(issueDate, 30),
          subtotal: totals.subtotal,
          discountTotal: totals.discountTotal,
          lineAmountTotal: totals.lineAmountTotal,
          documentDiscount: totals.documentDiscountTotal,
          taxTotal: totals.taxTotal,
          total: totals.total,
          amountPaid: paid,
          balance: totals.total - paid,
          issuedAt: new Date(`${issueDate}T12:00:00Z`),
          paidAt: paid === totals.total ? new Date(`${issueDate}T12:00:00Z`) : null,
          lastPaidOn: paid ? addDays(issueDate, 10) : null,
        });
        lines.forEach((l, position) => {
          const t = totals.lines[position]!;
          lineRows.push({ orgId: member.orgId, documentId: id, position, description: position ? "Support" : "Consulting", quantityE4: l.quantityE4, unitPrice: l.unitPrice, taxes: [tax], net: t.net, lineDiscount: t.lineDiscount, amount: t.amount, discount: t.lineDiscount + t.documentDiscount, taxable: t.taxable, tax: t.tax, total: t.total });
        });
        totals.taxes.forEach((t, position) => taxRows.push({ orgId: member.orgId, documentId: id, taxId: t.taxId, name: t.name, rateE4: t.rateE4, inclusive: t.inclusive, compound: t.compound, base: t.base, amount: t.amount, position }));
        if (paid) paymentRows.push({ orgId: member.orgId, documentId: id, paidOn: addDays(issueDate, 10), invoiceIssueDate: issueDate, invoiceDueDate: addDays(issueDate, 30), amount: paid, currency: "USD", method: "bank_transfer" });
      }
      await tx.insert(documents).values(docs);
      await tx.insert(documentLines).values(lineRows);
      await tx.insert(documentTaxes).values(taxRows);
      if (paymentRows.length) await tx.insert(payments).values(paymentRows);
    });
    if ((done / batch) % 10 === 0) log(`  ${done + n} / ${count} invoices`);
  }
  await db
    .insert(numberSequences)
    .values({ orgId: member.orgId, kind: "invoice", period: 0, lastValue: start + count })
    .onConflictDoUpdate({ target: [numberSequences.orgId, numberSequences.kind, numberSequences.period], set: { lastValue: start + count } });
  // Fresh statistics for the planner: PGlite has no autovacuum, and on Postgres the first queries
  // would otherwise run before it wakes (with stale row counts the dashboard's joins take minutes).
  await db.execute(sql`analyze`);
}
