import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { documentLines, documents, documentTaxes, organizations } from "@/db/schema";
import { deleteDraft, saveDraft } from "@/lib/data/documents/drafts";
import { createCreditNote, issueDocument, voidDocument } from "@/lib/data/documents/lifecycle";
import { deletePayment, recordPayment } from "@/lib/data/documents/payments";
import { convertQuote, setQuoteOutcome } from "@/lib/data/documents/quotes";
import { createItem, deleteItem } from "@/lib/data/items";
import { createTestDb } from "@/tests/support/test-db";
import { createCustomer, createInvoicingOrg, createTaxRate, draftInput } from "@/tests/support/invoicing";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => {
  await handle?.close();
});

/** A line without an item is keyed by a hash of its description (descriptions outgrow a B-tree key). */
const textKey = (description: string) => `text:${createHash("md5").update(description).digest("hex")}`;

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await handle.db.execute(query);
  return (Array.isArray(result) ? result : (result as unknown as { rows: T[] }).rows) as T[];
}

/**
 * The rollups as the triggers kept them, and the same sums recomputed from scratch from the
 * documents, their lines and tax breakdowns, each as sorted text rows (zeros left out: a rollup
 * row whose documents were voided stays, at zero; concat_ws leaves out a null item id).
 */
async function keptAndRecomputed(orgId: string) {
  const counted = sql`d.kind in ('invoice', 'credit_note') and d.status not in ('draft', 'void')`;
  const sign = sql`(case when d.kind = 'credit_note' then -1 else 1 end)`;
  const text = async (query: ReturnType<typeof sql>) => (await rows<{ r: string }>(query)).map((r) => r.r).sort();
  return {
    kept: {
      sales: await text(sql`select concat_ws(' ', day, customer_id, currency, invoice_count, invoiced, invoiced_tax, credit_note_count, credited, credited_tax) as r
        from sales_daily where org_id = ${orgId} and (invoice_count, invoiced, invoiced_tax, credit_note_count, credited, credited_tax) <> (0, 0, 0, 0, 0, 0)`),
      items: await text(sql`select concat_ws(' ', day, currency, line_key, item_id, description, lines, quantity_e4, tax, total) as r
        from item_sales_daily where org_id = ${orgId} and (lines, quantity_e4, tax, total) <> (0, 0, 0, 0)`),
      taxes: await text(sql`select concat_ws(' ', day, currency, name, rate_e4, inclusive, documents, base, amount) as r
        from tax_daily where org_id = ${orgId} and (documents, base, amount) <> (0, 0, 0)`),
      receivables: await text(sql`select concat_ws(' ', customer_id, currency, issue_date, due_date, invoices, unpaid, balance) as r
        from receivables where org_id = ${orgId} and (invoices, unpaid, balance) <> (0, 0, 0)`),
      payments: await text(sql`select concat_ws(' ', paid_on, currency, invoice_issue_date, invoice_due_date, payments, amount) as r
        from payments_daily where org_id = ${orgId} and (payments, amount) <> (0, 0)`),
    },
    recomputed: {
      sales: await text(sql`select concat_ws(' ', d.issue_date, d.customer_id, d.currency,
          count(*) filter (where d.kind = 'invoice'), coalesce(sum(d.total) filter (where d.kind = 'invoice'), 0), coalesce(sum(d.tax_total) filter (where d.kind = 'invoice'), 0),
          count(*) filter (where d.kind = 'credit_note'), coalesce(sum(d.total) filter (where d.kind = 'credit_note'), 0), coalesce(sum(d.tax_total) filter (where d.kind = 'credit_note'), 0)) as r
        from documents d where d.org_id = ${orgId} and ${counted} group by d.issue_date, d.customer_id, d.currency`),
      items: await text(sql`select concat_ws(' ', d.issue_date, d.currency, coalesce('item:' || l.item_id, 'text:' || md5(l.description)), l.item_id,
          case when l.item_id is null then l.description else '' end, count(*), sum(${sign} * l.quantity_e4), sum(${sign} * l.tax), sum(${sign} * l.total)) as r
        from documents d join document_lines l on l.document_id = d.id where d.org_id = ${orgId} and ${counted}
        group by d.issue_date, d.currency, l.item_id, case when l.item_id is null then l.description else '' end, coalesce('item:' || l.item_id, 'text:' || md5(l.description))`),
      taxes: await text(sql`select concat_ws(' ', d.issue_date, d.currency, x.name, x.rate_e4, x.inclusive, count(*), sum(${sign} * x.base), sum(${sign} * x.amount)) as r
        from documents d join document_taxes x on x.document_id = d.id where d.org_id = ${orgId} and ${counted}
        group by d.issue_date, d.currency, x.name, x.rate_e4, x.inclusive`),
      receivables: await text(sql`select concat_ws(' ', d.customer_id, d.currency, d.issue_date, coalesce(d.due_date, 'infinity'), count(*), count(*) filter (where d.balance <> 0), sum(d.balance)) as r
        from documents d where d.org_id = ${orgId} and d.kind = 'invoice' and d.status in ('issued', 'sent', 'viewed', 'partially_paid')
        group by d.customer_id, d.currency, d.issue_date, coalesce(d.due_date, 'infinity')`),
      payments: await text(sql`select concat_ws(' ', p.paid_on, p.currency, p.invoice_issue_date, coalesce(p.invoice_due_date, 'infinity'), count(*), sum(p.amount)) as r
        from payments p where p.org_id = ${orgId} group by p.paid_on, p.currency, p.invoice_issue_date, coalesce(p.invoice_due_date, 'infinity')`),
    },
  };
}

describe(`rollups (${process.env.TEST_DB})`, () => {
  it("follow issuing, voiding, crediting, recording and deleting payments, deleted drafts and items, converted quotes and bulk inserts, and match a recomputation", async () => {
    const { db } = handle;
    const { org, owner, member } = await createInvoicingOrg(db, "Rollups");
    const acme = await createCustomer(db, org.id, { name: "Acme" });
    const globex = await createCustomer(db, org.id, { name: "Globex" });
    const vat = await createTaxRate(db, org.id, { name: "VAT", rateE4: 200000 });
    const reduced = await createTaxRate(db, org.id, { name: "Reduced", rateE4: 50000 });
    const widget = await createItem(owner, { name: "Widget", description: null, unit: null, unitPrice: 2500, currency: "EUR", taxRateIds: [vat.id] });
    const gadget = await createItem(owner, { name: "Gadget", description: null, unit: null, unitPrice: 1000, currency: "EUR", taxRateIds: [] });
    const invoice = async (customerId: string, issueDate: string, lines: Parameters<typeof draftInput>[1][], kind: "invoice" | "quote" = "invoice") =>
      saveDraft(member, { ...draftInput(customerId, ...lines), kind, issueDate, dueDate: null });

    // A: 2 × Widget at 25.00 + 20% VAT = 60.00, and "Setup" 100.00 + 5% = 105.00: 165.00, of which 15.00 tax.
    const a = await issueDocument(member, (await invoice(acme.id, "2026-03-10", [
      { description: "Widget", itemId: widget.id, quantityE4: 20000, unitPrice: 2500, taxRateIds: [vat.id] },
      { description: "Setup", quantityE4: 10000, unitPrice: 10000, taxRateIds: [reduced.id] },
    ])).id);
    expect(a.total).toBe(16500);
    // B: issued then voided; C: a draft, deleted; D: a Gadget line, whose item is deleted afterwards.
    const b = await issueDocument(member, (await invoice(globex.id, "2026-03-10", [{ description: "Setup", quantityE4: 10000, unitPrice: 40000, taxRateIds: [vat.id] }])).id);
    await voidDocument(member, b.id, "wrong customer");
    await deleteDraft(member, (await invoice(globex.id, "2026-03-10", [{ description: "Draft only", unitPrice: 99900 }])).id);
    const d = await issueDocument(member, (await invoice(globex.id, "2026-03-11", [{ description: "Gadget", itemId: gadget.id, quantityE4: 30000, unitPrice: 1000, taxRateIds: [] }])).id);
    await deleteItem(owner, gadget.id);
    // A credit note for A's Setup line on 03-12; a payment recorded and another deleted on D.
    const aLines = await db.select().from(documentLines).where(sql`${documentLines.documentId} = ${a.id}`).orderBy(documentLines.position);
    const cn = await createCreditNote(member, a.id, [aLines[1]!.id]);
    await saveDraft(member, { id: cn.id, ...draftInput(acme.id, { description: "Setup", quantityE4: 10000, unitPrice: 10000, taxRateIds: [reduced.id] }), kind: "credit_note", issueDate: "2026-03-12" });
    await issueDocument(member, cn.id);
    await recordPayment(member, d.id, { paidOn: "2026-03-20", amount: 1000, method: "card" });
    const second = await recordPayment(member, d.id, { paidOn: "2026-03-21", amount: 500, method: "card" });
    await deletePayment(member, second.id);
    // A quote never counts; the invoice converted from it does once issued.
    const quote = await issueDocument(member, (await invoice(acme.id, "2026-03-12", [{ description: "Training", unitPrice: 50000 }], "quote")).id);
    await setQuoteOutcome(member, quote.id, "accepted");
    const converted = await convertQuote(member, quote.id);
    await issueDocument(member, converted.id);
    // Written as the bulk seed does: an issued document first, its lines and taxes after.
    const bulkId = crypto.randomUUID();
    await db.transaction(async (tx) => {
      await tx.insert(documents).values({ id: bulkId, orgId: org.id, kind: "invoice", status: "issued", number: "BULK-1", customerId: acme.id, currency: "EUR", issueDate: "2026-03-10", subtotal: 1000, lineAmountTotal: 1000, discountTotal: 0, taxTotal: 200, total: 1200, amountPaid: 0, balance: 1200 });
      await tx.insert(documentLines).values({ orgId: org.id, documentId: bulkId, position: 0, description: "Setup", quantityE4: 10000, unitPrice: 1000, taxes: [], net: 1000, lineDiscount: 0, amount: 1000, discount: 0, taxable: 1000, tax: 200, total: 1200 });
      await tx.insert(documentTaxes).values({ orgId: org.id, documentId: bulkId, taxId: vat.id, name: "VAT", rateE4: 200000, inclusive: false, compound: false, base: 1000, amount: 200, position: 0 });
    });

    const { kept, recomputed } = await keptAndRecomputed(org.id);
    expect(kept).toEqual(recomputed);
    // And by hand, March 10 for Acme: A 165.00 (15.00 tax) + BULK-1 12.00 (2.00 tax); B is void, C was a draft.
    expect(kept.sales).toContain(`2026-03-10 ${acme.id} EUR 2 17700 1700 0 0 0`);
    expect(kept.sales.some((r) => r.startsWith(`2026-03-10 ${globex.id}`))).toBe(false);
    // Setup on 03-10: A's 105.00 and BULK-1's 12.00; credited on 03-12 as −105.00 (5.00 tax).
    expect(kept.items).toContain(`2026-03-10 EUR ${textKey("Setup")} Setup 2 20000 700 11700`);
    expect(kept.items).toContain(`2026-03-12 EUR ${textKey("Setup")} Setup 1 -10000 -500 -10500`);
    // The deleted Gadget's 3 × 10.00 now sold under its description.
    expect(kept.items).toContain(`2026-03-11 EUR ${textKey("Gadget")} Gadget 1 30000 0 3000`);
    expect(kept.items).toContain(`2026-03-10 EUR item:${widget.id} ${widget.id}  1 20000 1000 6000`);
    // VAT on 03-10: A's Widget line (50.00, 10.00 tax) and BULK-1 (10.00, 2.00); the credit note takes back 5% of 100.00.
    // Open: D owes 30.00 − 10.00 (the 5.00 payment was deleted); A 165.00 − 105.00 credited; BULK-1;
    // the converted quote's invoice. No due dates in this test.
    expect(kept.receivables).toContain(`${globex.id} EUR 2026-03-11 infinity 1 1 2000`);
    expect(kept.payments).toEqual(["2026-03-20 EUR 2026-03-11 infinity 1 1000"]);
    expect(kept.taxes).toEqual(["2026-03-10 EUR Reduced 50000 f 1 10000 500", "2026-03-10 EUR VAT 200000 f 2 6000 1200", "2026-03-12 EUR Reduced 50000 f 1 -10000 -500"]);
  });

  it("take a line of 2,000 distinct CJK characters (about 6,000 bytes, over a B-tree key's 2,704-byte limit)", async () => {
    const { db } = handle;
    const { org, member } = await createInvoicingOrg(db, "Rollups-long");
    const customer = await createCustomer(db, org.id, { name: "Long lines" });
    // Distinct characters, so the key can't shrink by compression as a repeated phrase would.
    const description = Array.from({ length: 2000 }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 7919) % 20000))).join("");
    const draft = await saveDraft(member, { ...draftInput(customer.id, { description, quantityE4: 10000, unitPrice: 12345, taxRateIds: [] }), issueDate: "2026-04-01", dueDate: null });
    await issueDocument(member, draft.id);
    const [row] = await rows<{ description: string; total: string }>(sql`select description, total::text as total from item_sales_daily where org_id = ${org.id}`);
    expect(row).toEqual({ description, total: "12345" });
    const { kept, recomputed } = await keptAndRecomputed(org.id);
    expect(kept).toEqual(recomputed);
  });

  it("go with their organisation", async () => {
    const { db } = handle;
    const { org, member } = await createInvoicingOrg(db, "Leaving");
    const customer = await createCustomer(db, org.id, { name: "Acme" });
    const invoice = await issueDocument(member, (await saveDraft(member, draftInput(customer.id, { unitPrice: 5000 }))).id);
    await recordPayment(member, invoice.id, { paidOn: "2026-03-12", amount: 1000, method: "card" });
    expect((await keptAndRecomputed(org.id)).kept).toMatchObject({ sales: [expect.any(String)], receivables: [expect.any(String)], payments: [expect.any(String)] });
    await db.delete(organizations).where(sql`${organizations.id} = ${org.id}`);
    const left = await rows<{ n: number }>(sql`select (select count(*) from sales_daily where org_id = ${org.id}) + (select count(*) from item_sales_daily where org_id = ${org.id}) + (select count(*) from tax_daily where org_id = ${org.id})
      + (select count(*) from receivables where org_id = ${org.id}) + (select count(*) from payments_daily where org_id = ${org.id}) as n`);
    expect(Number(left[0]?.n)).toBe(0);
  });
});
