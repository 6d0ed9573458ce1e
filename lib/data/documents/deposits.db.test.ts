/**
 * Deposits, with hand-worked values. The quote: 10 h × 120.00 at VAT 20% (net 1,200.00, tax 240.00)
 * and 2 × 50.00 at VAT 5.5% (net 100.00, tax 5.50): total 1,545.50; it asks for a 30% deposit.
 */
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { type Customer, documents, type TaxRate } from "@/db/schema";
import { expectAppError } from "@/tests/support/accounts";
import { addDays, issueInvoice } from "@/tests/support/documents";
import { createCustomer, createInvoicingOrg, createTaxRate, draftInput } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import type { Member } from "../context";
import { saveDraft } from "./drafts";
import { recordPayment } from "./payments";
import { convertQuote, recordClientQuoteResponse, setQuoteOutcome } from "./quotes";
import { getDocument } from "./read";

let handle: DbHandle;
let db: Db;
let member: Member;
let customer: Customer;
let vat20: TaxRate;
let vat55: TaxRate;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  ({ member } = await createInvoicingOrg(db, "Deposits"));
  customer = await createCustomer(db, member.orgId, { name: "Acme SARL", paymentTermsDays: 14 });
  vat20 = await createTaxRate(db, member.orgId, { name: "VAT 20%", rateE4: 200_000 });
  vat55 = await createTaxRate(db, member.orgId, { name: "VAT 5.5%", rateE4: 55_000 });
});
afterAll(async () => {
  await handle?.close();
});

const quoteInput = () => ({
  ...draftInput(customer.id, { description: "Design", quantityE4: 100_000, unitPrice: 12_000, taxRateIds: [vat20.id] }, { description: "Books", quantityE4: 20_000, unitPrice: 5_000, taxRateIds: [vat55.id] }),
  kind: "quote" as const,
  deposit: { type: "percent" as const, rateE4: 300_000 },
});
const sentQuote = () => issueInvoice(db, member, quoteInput());
const depositsOf = (quoteId: string) => db.select().from(documents).where(and(eq(documents.orgId, member.orgId), eq(documents.depositForDocumentId, quoteId)));

describe("deposits", () => {
  it("are refused, with the reason, where tax is rounded once per document (deposit + final could miss the quote by a cent)", async () => {
    const { member: perDocument } = await createInvoicingOrg(db, "Per document");
    await db.execute(sql`update organizations set rounding = 'document' where id = ${perDocument.orgId}`);
    const buyer = await createCustomer(db, perDocument.orgId, { name: "Buyer" });
    const input = { ...draftInput(buyer.id, { description: "Design", quantityE4: 10_000, unitPrice: 101 }), kind: "quote" as const };
    await expectAppError(saveDraft(perDocument, { ...input, deposit: { type: "percent" as const, rateE4: 300_000 } }), "BAD_REQUEST");
    // Without a deposit the same quote saves.
    expect(await saveDraft(perDocument, input)).toMatchObject({ kind: "quote", total: 101 });
  });

  it("a quote stores the deposit it asks for and what it comes to", async () => {
    const quote = await sentQuote();
    // 30% of each rate's net: 360.00 + 72.00 tax + 30.00 + 1.65 tax = 463.65.
    expect(quote).toMatchObject({ total: 154_550, taxTotal: 24_550, depositType: "percent", depositValue: 300_000, depositAmount: 46_365 });
    const credit = await saveDraft(member, { ...quoteInput(), kind: "credit_note" });
    expect(credit).toMatchObject({ depositType: null, depositValue: null, depositAmount: 0 });
  });

  it("accepting issues a numbered deposit invoice with one line per VAT rate, due on the customer's terms", async () => {
    const quote = await sentQuote();
    await setQuoteOutcome(member, quote.id, "accepted");
    const [row] = await depositsOf(quote.id);
    const deposit = await getDocument(member, row!.id);
    expect(deposit).toMatchObject({ kind: "invoice", status: "issued", depositForDocumentId: quote.id, currency: "EUR", subtotal: 39_000, taxTotal: 7_365, total: 46_365, balance: 46_365 });
    expect(deposit.number).toMatch(/\d/);
    expect(deposit.number).not.toBe(quote.number);
    expect(deposit.dueDate).toBe(addDays(deposit.issueDate, 14));
    expect(deposit.lines.map((l) => [l.description, l.quantityE4, l.unitPrice, l.tax, l.total])).toEqual([
      [`Deposit 30% on quote ${quote.number} (VAT 20%)`, 10_000, 36_000, 7_200, 43_200],
      [`Deposit 30% on quote ${quote.number} (VAT 5.5%)`, 10_000, 3_000, 165, 3_165],
    ]);
    expect(deposit.taxes.map((t) => [t.name, t.base, t.amount])).toEqual([
      ["VAT 20%", 36_000, 7_200],
      ["VAT 5.5%", 3_000, 165],
    ]);
  });

  it("the final invoice deducts the paid deposit by reference, per VAT rate", async () => {
    const quote = await sentQuote();
    await setQuoteOutcome(member, quote.id, "accepted");
    const [deposit] = await depositsOf(quote.id);
    await recordPayment(member, deposit!.id, { paidOn: deposit!.issueDate, amount: 46_365, method: "bank_transfer" });
    const converted = await convertQuote(member, quote.id);
    expect(converted.unpaidDeposits).toEqual([]);
    const final = await getDocument(member, converted.id);
    const reference = `Deposit invoice ${deposit!.number} of ${deposit!.issueDate}, €463.65`;
    expect(final.lines.map((l) => [l.description, l.unitPrice, l.tax, l.depositInvoiceId])).toEqual([
      ["Design", 12_000, 24_000, null],
      ["Books", 5_000, 550, null],
      [`${reference} (VAT 20%)`, -36_000, -7_200, deposit!.id],
      [`${reference} (VAT 5.5%)`, -3_000, -165, deposit!.id],
    ]);
    // VAT 20%: 1,200.00 − 360.00 = 840.00 → 168.00; VAT 5.5%: 100.00 − 30.00 = 70.00 → 3.85.
    expect(final.taxes.map((t) => [t.name, t.base, t.amount])).toEqual([
      ["VAT 20%", 84_000, 16_800],
      ["VAT 5.5%", 7_000, 385],
    ]);
    // Tax 245.50 − 73.65 = 171.85; total 1,545.50 − 463.65 = 1,081.85.
    expect(final).toMatchObject({ kind: "invoice", status: "draft", sourceDocumentId: quote.id, taxTotal: 17_185, total: 108_185, depositType: null, depositAmount: 0 });
  });

  it("an unpaid deposit is not deducted, and convertQuote names it", async () => {
    const quote = await sentQuote();
    await setQuoteOutcome(member, quote.id, "accepted");
    const [deposit] = await depositsOf(quote.id);
    const converted = await convertQuote(member, quote.id);
    expect(converted.unpaidDeposits).toEqual([{ id: deposit!.id, number: deposit!.number }]);
    expect(converted.total).toBe(154_550);
  });

  it("the owner and the client accepting at once issue one deposit invoice", async () => {
    const quote = await sentQuote();
    const outcomes = await Promise.allSettled([
      setQuoteOutcome(member, quote.id, "accepted"),
      recordClientQuoteResponse({ orgId: member.orgId, documentId: quote.id, linkId: randomUUID() }, "accepted"),
      setQuoteOutcome(member, quote.id, "accepted"),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    for (const o of outcomes) if (o.status === "rejected") expect(o.reason).toMatchObject({ code: "CONFLICT" });
    const deposits = await depositsOf(quote.id);
    expect(deposits).toHaveLength(1);
    expect(deposits[0]).toMatchObject({ total: 46_365, status: "issued" });
  });

  it("a second deposit invoice for one quote is refused by the unique index", async () => {
    const quote = await sentQuote();
    await setQuoteOutcome(member, quote.id, "accepted");
    const [deposit] = await depositsOf(quote.id);
    const { id: _id, number: _n, ...copy } = deposit!;
    await expect(db.insert(documents).values({ ...copy, status: "draft", balance: copy.total })).rejects.toThrow();
  });

  it("a quote's whole-document discount stays on its own lines; the deduction is not discounted again", async () => {
    // 10% off: taxable 1,080.00 (tax 216.00) and 90.00 (tax 4.95); total 1,390.95.
    const quote = await issueInvoice(db, member, { ...quoteInput(), discount: { type: "percent", rateE4: 100_000 } });
    expect(quote.total).toBe(139_095);
    await setQuoteOutcome(member, quote.id, "accepted");
    const [deposit] = await depositsOf(quote.id);
    // 30%: 324.00 + 64.80 + 27.00 + 1.49 (1.485) = 417.29.
    expect(deposit!.total).toBe(41_729);
    await recordPayment(member, deposit!.id, { paidOn: deposit!.issueDate, amount: 41_729, method: "bank_transfer" });
    const final = await getDocument(member, (await convertQuote(member, quote.id)).id);
    // Each line carries its 10% as an amount (120.00 and 10.00); taxes per line: 216.00 − 64.80 and 4.95 − 1.49.
    expect(final.lines.map((l) => [l.lineDiscount, l.taxable, l.tax])).toEqual([
      [12_000, 108_000, 21_600],
      [1_000, 9_000, 495],
      [0, -32_400, -6_480],
      [0, -2_700, -149],
    ]);
    expect(final.taxes.map((t) => [t.base, t.amount])).toEqual([
      [75_600, 15_120],
      [6_300, 346],
    ]);
    // 1,390.95 − 417.29 = 973.66.
    expect(final).toMatchObject({ documentDiscount: 0, total: 97_366 });
  });

  it("the final invoice's draft keeps its deposit references through an edit; another organisation's deposit invoice is refused", async () => {
    const quote = await sentQuote();
    await setQuoteOutcome(member, quote.id, "accepted");
    const [deposit] = await depositsOf(quote.id);
    await recordPayment(member, deposit!.id, { paidOn: deposit!.issueDate, amount: 46_365, method: "bank_transfer" });
    const final = await getDocument(member, (await convertQuote(member, quote.id)).id);
    const lines = final.lines.map((l) => ({ description: l.description, quantityE4: l.quantityE4, unitPrice: l.unitPrice, taxRateIds: l.taxes.map((t) => t.id), depositInvoiceId: l.depositInvoiceId }));
    const input = { id: final.id, kind: "invoice" as const, customerId: customer.id, currency: "EUR", issueDate: final.issueDate, lines };
    const saved = await saveDraft(member, input);
    expect(saved.total).toBe(108_185);
    expect((await getDocument(member, final.id)).lines.map((l) => l.depositInvoiceId)).toEqual([null, null, deposit!.id, deposit!.id]);

    const other = await createInvoicingOrg(db, "Deposits elsewhere");
    const theirCustomer = await createCustomer(db, other.member.orgId);
    await expect(saveDraft(other.member, { ...draftInput(theirCustomer.id, { depositInvoiceId: deposit!.id }) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Nor is an ordinary invoice a deposit invoice.
    await expect(saveDraft(member, { ...draftInput(customer.id, { depositInvoiceId: final.id }) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("a quote without a deposit issues no deposit invoice", async () => {
    const quote = await issueInvoice(db, member, { ...quoteInput(), deposit: null });
    await setQuoteOutcome(member, quote.id, "accepted");
    expect(await depositsOf(quote.id)).toEqual([]);
  });
});
