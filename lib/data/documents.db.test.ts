/**
 * Documents DAL: stored totals come from lib/money.ts, issued documents are locked, numbering is
 * gapless and per kind and year, payments, voids, credit notes, quotes and the timeline. Every
 * call acts as a plain "member": documents.manage is all these need.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { auditLog, type Customer, type Document, documentEvents, documentLines, documents, documentTaxes, payments, type TaxRate, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { computeDocument, type Rounding } from "@/lib/money";
import { expectAppError } from "@/tests/support/accounts";
import { createCustomer, createInvoicingOrg, createTaxRate, draftInput, taxSnapshot } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import type { Member } from "./context";
import { type DraftInput, deleteDraft, saveDraft } from "./documents/drafts";
import { createCreditNote, issueDocument, voidAndCopy, voidDocument } from "./documents/lifecycle";
import { deletePayment, recordPayment } from "./documents/payments";
import { convertQuote, setQuoteOutcome } from "./documents/quotes";
import { getDocument } from "./documents/read";
import { isOverdue } from "./documents/shared";

let handle: DbHandle;
let db: Db;
let member: Member;
let customer: Customer;
let vat: TaxRate;

const THIS_YEAR = new Date().getUTCFullYear();
const today = () => new Date().toISOString().slice(0, 10);
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const payment = (amount: number) => ({ paidOn: "2026-03-15", amount, method: "bank_transfer" });

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  ({ member } = await createInvoicingOrg(db, "Documents"));
  customer = await createCustomer(db, member.orgId, { name: "Acme GmbH" });
  vat = await createTaxRate(db, member.orgId, { name: "VAT 20%", rateE4: 200_000 });
});
afterAll(async () => {
  await handle?.close();
});

const countAll = async (table: typeof documents | typeof documentLines | typeof documentEvents | typeof payments | typeof documentTaxes) =>
  (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;

/** Everything stored about a document: what a refused call must leave untouched. */
async function stored(id: string) {
  return {
    document: (await db.select().from(documents).where(eq(documents.id, id)))[0],
    lines: await db.select().from(documentLines).where(eq(documentLines.documentId, id)).orderBy(asc(documentLines.position)),
    taxes: await db.select().from(documentTaxes).where(eq(documentTaxes.documentId, id)).orderBy(asc(documentTaxes.position)),
    payments: await db.select().from(payments).where(eq(payments.documentId, id)).orderBy(asc(payments.id)),
    events: await db.select().from(documentEvents).where(eq(documentEvents.documentId, id)).orderBy(asc(documentEvents.id)),
  };
}

async function issuedInvoice(input: DraftInput, as: Member = member): Promise<Document> {
  const draft = await saveDraft(db, as, input);
  return issueDocument(db, as, draft.id);
}

/** True when the call was refused with a 400 or 409 AppError, false when it succeeded; anything else fails the test. */
async function refused(promise: Promise<unknown>): Promise<boolean> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error === undefined) return false;
  expect(error).toBeInstanceOf(AppError);
  expect(["BAD_REQUEST", "CONFLICT"]).toContain((error as AppError).code);
  return true;
}

/** The amounts a copied document must share with its source. */
function copiedContent(doc: Awaited<ReturnType<typeof getDocument>>) {
  return {
    currency: doc.currency,
    customerId: doc.customerId,
    discountType: doc.discountType,
    discountValue: doc.discountValue,
    subtotal: doc.subtotal,
    discountTotal: doc.discountTotal,
    taxTotal: doc.taxTotal,
    total: doc.total,
    lines: doc.lines.map(({ id: _id, documentId: _d, ...line }) => line),
    taxes: doc.taxes.map(({ documentId: _d, ...tax }) => tax),
  };
}

describe("saveDraft stores exactly what lib/money.ts computes", () => {
  /** Three lines, an exclusive, a compound and an inclusive rate, line discounts of both kinds and a document discount. */
  async function richDraft(orgMember: Member, documentDiscount: DraftInput["discount"]) {
    const rates = {
      vat: await createTaxRate(db, orgMember.orgId, { name: "GST 5%", rateE4: 50_000 }),
      compound: await createTaxRate(db, orgMember.orgId, { name: "QST 9.975% (compound)", rateE4: 99_750, compound: true }),
      inclusive: await createTaxRate(db, orgMember.orgId, { name: "Tourism 7% (incl.)", rateE4: 70_000, inclusive: true }),
    };
    const c = await createCustomer(db, orgMember.orgId);
    const input: DraftInput = {
      ...draftInput(
        c.id,
        { quantityE4: 25_000, unitPrice: 1_999, discount: { type: "percent", rateE4: 125_000 }, taxRateIds: [rates.vat.id, rates.compound.id] },
        { quantityE4: 10_000, unitPrice: 12_345, discount: { type: "amount", amount: 345 }, taxRateIds: [rates.vat.id] },
        { quantityE4: 33_333, unitPrice: 3_333, taxRateIds: [rates.inclusive.id, rates.compound.id] },
      ),
      discount: documentDiscount,
    };
    return { input, rates: new Map(Object.values(rates).map((r) => [r.id, r])) };
  }

  function expected(input: DraftInput, rounding: Rounding, rates: Map<string, TaxRate>) {
    return computeDocument({
      currency: input.currency,
      rounding,
      discount: input.discount,
      lines: input.lines.map((l) => ({ quantityE4: l.quantityE4, unitPrice: l.unitPrice, discount: l.discount, taxes: l.taxRateIds.map((id) => taxSnapshot(rates.get(id)!)) })),
    });
  }

  it.each([
    { rounding: "line" as const, discount: { type: "percent" as const, rateE4: 75_000 } },
    { rounding: "document" as const, discount: { type: "amount" as const, amount: 1_001 } },
  ])("with $rounding rounding and a $discount.type document discount", async ({ rounding, discount }) => {
    const org = await createInvoicingOrg(db, `Rounding ${rounding}`, { rounding });
    const { input, rates } = await richDraft(org.member, discount);
    const want = expected(input, rounding, rates);
    // The case is only worth something if every part of the computation is exercised.
    expect(want.lineDiscountTotal).toBeGreaterThan(0);
    expect(want.documentDiscountTotal).toBeGreaterThan(0);
    expect(want.taxes.map((t) => [t.inclusive, t.compound])).toEqual(
      expect.arrayContaining([
        [false, false],
        [false, true],
        [true, false],
      ]),
    );

    const draft = await saveDraft(db, org.member, input);
    const doc = await getDocument(db, org.member, draft.id);
    expect(doc).toMatchObject({ status: "draft", number: null, rounding, subtotal: want.subtotal, discountTotal: want.discountTotal, taxTotal: want.taxTotal, total: want.total, balance: want.total });
    expect(doc.lines).toHaveLength(3);
    doc.lines.forEach((line, i) => {
      const w = want.lines[i]!;
      expect({ position: line.position, net: line.net, discount: line.discount, taxable: line.taxable, tax: line.tax, total: line.total }).toEqual({
        position: i,
        net: w.net,
        discount: w.lineDiscount + w.documentDiscount,
        taxable: w.taxable,
        tax: w.tax,
        total: w.total,
      });
      expect(line.taxes).toEqual(input.lines[i]!.taxRateIds.map((id) => taxSnapshot(rates.get(id)!)));
    });
    expect(doc.taxes.map((t) => ({ taxId: t.taxId, name: t.name, rateE4: t.rateE4, inclusive: t.inclusive, compound: t.compound, base: t.base, amount: t.amount }))).toEqual(want.taxes);
    expect(doc.taxes.map((t) => t.position)).toEqual(want.taxes.map((_, i) => i));
  });

  it("matches a hand-computed invoice", async () => {
    // 1.5 × 9.99 = 14.985 → 14.99, VAT 2.998 → 3.00; 2 × 10.50 = 21.00 − 10% = 18.90, VAT 3.78.
    const draft = await saveDraft(
      db,
      member,
      draftInput(customer.id, { quantityE4: 15_000, unitPrice: 999, taxRateIds: [vat.id] }, { quantityE4: 20_000, unitPrice: 1_050, discount: { type: "percent", rateE4: 100_000 }, taxRateIds: [vat.id] }),
    );
    const doc = await getDocument(db, member, draft.id);
    expect(doc).toMatchObject({ subtotal: 3_599, discountTotal: 210, taxTotal: 678, total: 4_067, balance: 4_067 });
    expect(doc.lines.map((l) => [l.net, l.discount, l.taxable, l.tax, l.total])).toEqual([
      [1_499, 0, 1_499, 300, 1_799],
      [2_100, 210, 1_890, 378, 2_268],
    ]);
    expect(doc.taxes).toMatchObject([{ taxId: vat.id, base: 3_389, amount: 678 }]);
  });

  it("replaces the lines and taxes when a draft is saved again", async () => {
    const draft = await saveDraft(db, member, draftInput(customer.id, { unitPrice: 1_000, taxRateIds: [vat.id] }, { unitPrice: 2_000 }));
    const saved = await saveDraft(db, member, { ...draftInput(customer.id, { unitPrice: 500 }), id: draft.id });
    expect(saved.id).toBe(draft.id);
    const after = await stored(draft.id);
    expect(after.document).toMatchObject({ subtotal: 500, taxTotal: 0, total: 500 });
    expect(after.lines.map((l) => l.unitPrice)).toEqual([500]);
    expect(after.taxes).toEqual([]);
  });
});

describe("validation and locking", () => {
  it("refuses to edit or delete an issued invoice (409) and changes nothing", async () => {
    const issued = await issuedInvoice(draftInput(customer.id, { unitPrice: 5_000, taxRateIds: [vat.id] }));
    const before = await stored(issued.id);
    const edit = await expectAppError(saveDraft(db, member, { ...draftInput(customer.id, { unitPrice: 1 }), id: issued.id }), "CONFLICT");
    expect(edit.status).toBe(409);
    expect((await expectAppError(deleteDraft(db, member, issued.id), "CONFLICT")).status).toBe(409);
    expect(await stored(issued.id)).toEqual(before);
  });

  it("deletes a draft with its lines", async () => {
    const draft = await saveDraft(db, member, draftInput(customer.id, { taxRateIds: [vat.id] }));
    await deleteDraft(db, member, draft.id);
    expect(await stored(draft.id)).toEqual({ document: undefined, lines: [], taxes: [], payments: [], events: [] });
    await expectAppError(getDocument(db, member, draft.id), "NOT_FOUND");
  });

  it("treats another organisation's customer or tax rate as not found and writes nothing", async () => {
    const other = await createInvoicingOrg(db, "Other");
    const otherCustomer = await createCustomer(db, other.member.orgId);
    const otherRate = await createTaxRate(db, other.member.orgId, { name: "Other VAT", rateE4: 100_000 });
    const draft = await saveDraft(db, member, draftInput(customer.id, { unitPrice: 700 }));
    const before = { documents: await countAll(documents), lines: await countAll(documentLines), events: await countAll(documentEvents), draft: await stored(draft.id) };

    await expectAppError(saveDraft(db, member, draftInput(otherCustomer.id, {})), "NOT_FOUND");
    await expectAppError(saveDraft(db, member, draftInput(customer.id, { taxRateIds: [otherRate.id] })), "NOT_FOUND");
    await expectAppError(saveDraft(db, member, draftInput(customer.id, { taxRateIds: [vat.id, otherRate.id] })), "NOT_FOUND");
    await expectAppError(saveDraft(db, member, { ...draftInput(otherCustomer.id, {}), id: draft.id }), "NOT_FOUND");
    await expectAppError(saveDraft(db, member, { ...draftInput(customer.id, { taxRateIds: [otherRate.id] }), id: draft.id }), "NOT_FOUND");

    expect({ documents: await countAll(documents), lines: await countAll(documentLines), events: await countAll(documentEvents), draft: await stored(draft.id) }).toEqual(before);
  });

  it("refuses a due date before the issue date with a field error", async () => {
    const before = await countAll(documents);
    const error = await expectAppError(saveDraft(db, member, { ...draftInput(customer.id, {}), issueDate: "2026-03-10", dueDate: "2026-03-09" }), "BAD_REQUEST");
    expect(error.fieldErrors?.dueDate).toBeTruthy();
    const quote = await expectAppError(saveDraft(db, member, { ...draftInput(customer.id, {}), kind: "quote", issueDate: "2026-03-10", dueDate: "2026-03-01" }), "BAD_REQUEST");
    expect(quote.fieldErrors?.dueDate).toBeTruthy();
    expect(await countAll(documents)).toBe(before);
    // The same day is fine.
    await expect(saveDraft(db, member, { ...draftInput(customer.id, {}), issueDate: "2026-03-10", dueDate: "2026-03-10" })).resolves.toMatchObject({ dueDate: "2026-03-10" });
  });
});

describe("numbering", () => {
  it("numbers each kind in its own yearly sequence and never uses a number for a refused issue", async () => {
    const org = await createInvoicingOrg(db, "Numbering");
    const c = await createCustomer(db, org.member.orgId);
    const on = `${THIS_YEAR}-02-01`;
    const invoice = (overrides: Partial<DraftInput> = {}, ...lines: Parameters<typeof draftInput>[1][]) =>
      issuedInvoice({ ...draftInput(c.id, ...(lines.length ? lines : [{}])), issueDate: on, ...overrides }, org.member);

    const first = await invoice();
    expect(first).toMatchObject({ number: `INV-${THIS_YEAR}-0001`, status: "issued" });
    expect((await invoice()).number).toBe(`INV-${THIS_YEAR}-0002`);
    const quote = await invoice({ kind: "quote" });
    expect(quote).toMatchObject({ number: `QUO-${THIS_YEAR}-0001`, status: "sent" });
    // A credit note is dated today, so it is numbered in today's year.
    const creditDraft = await createCreditNote(db, org.member, first.id);
    const credit = await issueDocument(db, org.member, creditDraft.id);
    expect(credit).toMatchObject({ kind: "credit_note", number: `CN-${THIS_YEAR}-0001`, status: "issued" });

    expect((await invoice({ issueDate: `${THIS_YEAR + 1}-01-05` })).number).toBe(`INV-${THIS_YEAR + 1}-0001`);
    expect((await invoice()).number).toBe(`INV-${THIS_YEAR}-0003`);

    const empty = await saveDraft(db, org.member, { ...draftInput(c.id), lines: [], issueDate: on });
    await expectAppError(issueDocument(db, org.member, empty.id), "BAD_REQUEST");
    const negative = await saveDraft(db, org.member, { ...draftInput(c.id, { quantityE4: -10_000 }), issueDate: on });
    expect(negative.total).toBe(-10_000);
    await expectAppError(issueDocument(db, org.member, negative.id), "BAD_REQUEST");
    for (const refused of [empty, negative]) expect((await stored(refused.id)).document).toMatchObject({ status: "draft", number: null });

    expect((await invoice()).number).toBe(`INV-${THIS_YEAR}-0004`);
    await expectAppError(issueDocument(db, org.member, first.id), "CONFLICT");
  });

  it("gives a rolled-back number to the next document (no gap)", async () => {
    const org = await createInvoicingOrg(db, "Rollback");
    const c = await createCustomer(db, org.member.orgId);
    const first = await issuedInvoice(draftInput(c.id, {}), org.member);
    expect(first.number).toBe("INV-2026-0001");
    const [rolledBack, next] = [await saveDraft(db, org.member, draftInput(c.id, {})), await saveDraft(db, org.member, draftInput(c.id, {}))];

    await expect(
      db.transaction(async (tx) => {
        const issued = await issueDocument(tx, org.member, rolledBack.id);
        expect(issued.number).toBe("INV-2026-0002");
        throw new Error("forced rollback");
      }),
    ).rejects.toThrow("forced rollback");

    expect((await stored(rolledBack.id)).document).toMatchObject({ status: "draft", number: null });
    expect((await issueDocument(db, org.member, next.id)).number).toBe("INV-2026-0002");
  });

  it.skipIf(process.env.TEST_DB !== "postgres")("hands out 1..200 exactly once to 200 concurrent issuers (real Postgres)", { timeout: 120_000 }, async () => {
    expect(handle.kind).toBe("postgres");
    const org = await createInvoicingOrg(db, "Concurrent");
    const c = await createCustomer(db, org.member.orgId);
    const drafts = await Promise.all(Array.from({ length: 200 }, (_, i) => saveDraft(db, org.member, draftInput(c.id, { unitPrice: 100 + i }))));

    const issued = await Promise.all(drafts.map((d) => issueDocument(db, org.member, d.id)));

    const sequences = issued.map((d) => {
      const match = /^INV-2026-(\d{4})$/.exec(d.number ?? "");
      expect(match, `unexpected number ${d.number}`).not.toBeNull();
      return Number(match![1]);
    });
    expect(new Set(issued.map((d) => d.id)).size).toBe(200);
    expect(sequences.sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));

    // A rollback in the middle of the run does not leave a gap either.
    const [rolledBack, next] = await Promise.all([saveDraft(db, org.member, draftInput(c.id, {})), saveDraft(db, org.member, draftInput(c.id, {}))]);
    await expect(
      db.transaction(async (tx) => {
        expect((await issueDocument(tx, org.member, rolledBack.id)).number).toBe("INV-2026-0201");
        throw new Error("forced rollback");
      }),
    ).rejects.toThrow("forced rollback");
    expect((await issueDocument(db, org.member, next.id)).number).toBe("INV-2026-0201");
  });
});

describe("payments", () => {
  it("moves an invoice through partially paid and paid, and back when payments are deleted", async () => {
    const invoice = await issuedInvoice(draftInput(customer.id, { unitPrice: 10_000 }));
    expect(invoice).toMatchObject({ status: "issued", total: 10_000, balance: 10_000, amountPaid: 0 });

    const first = await recordPayment(db, member, invoice.id, payment(3_000));
    expect(first).toMatchObject({ documentId: invoice.id, amount: 3_000, currency: "EUR", orgId: member.orgId });
    expect((await stored(invoice.id)).document).toMatchObject({ status: "partially_paid", amountPaid: 3_000, balance: 7_000, paidAt: null });

    const before = await stored(invoice.id);
    const over = await expectAppError(recordPayment(db, member, invoice.id, payment(7_001)), "BAD_REQUEST");
    expect(over.fieldErrors?.amount).toBeTruthy();
    const zero = await expectAppError(recordPayment(db, member, invoice.id, payment(0)), "BAD_REQUEST");
    expect(zero.fieldErrors?.amount).toBeTruthy();
    expect(await stored(invoice.id)).toEqual(before);

    const rest = await recordPayment(db, member, invoice.id, payment(7_000));
    const paid = (await stored(invoice.id)).document!;
    expect(paid).toMatchObject({ status: "paid", amountPaid: 10_000, balance: 0 });
    expect(paid.paidAt).toBeInstanceOf(Date);
    await expectAppError(recordPayment(db, member, invoice.id, payment(1)), "CONFLICT");

    await deletePayment(db, member, rest.id, { ip: "203.0.113.9", userAgent: "vitest" });
    expect((await stored(invoice.id)).document).toMatchObject({ status: "partially_paid", amountPaid: 3_000, balance: 7_000, paidAt: null });
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.action, "document.payment_deleted"), eq(auditLog.targetId, invoice.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ orgId: member.orgId, actorUserId: member.userId, targetType: "document", ip: "203.0.113.9", meta: { amount: 7_000, currency: "EUR", number: invoice.number } });

    await deletePayment(db, member, first.id);
    expect((await stored(invoice.id)).document).toMatchObject({ status: "issued", amountPaid: 0, balance: 10_000 });
    await expectAppError(deletePayment(db, member, first.id), "NOT_FOUND");

    const events = (await getDocument(db, member, invoice.id)).events.map((e) => e.type);
    expect(events.filter((t) => t === "payment_recorded")).toHaveLength(2);
    expect(events.filter((t) => t === "payment_deleted")).toHaveLength(2);
    const deleted = (await getDocument(db, member, invoice.id)).events.find((e) => e.type === "payment_deleted" && (e.meta as { amount?: number }).amount === 7_000);
    expect(deleted).toBeDefined();
  });

  it("copies the invoice's dates onto each payment and keeps the invoice's latest payment date (the dashboard reads both)", async () => {
    const invoice = await issuedInvoice({ ...draftInput(customer.id, { unitPrice: 10_000 }), issueDate: "2026-03-10", dueDate: "2026-04-09" });
    expect(invoice.lastPaidOn).toBeNull();
    const late = await recordPayment(db, member, invoice.id, { paidOn: "2026-04-20", amount: 4_000, method: "bank_transfer" });
    const early = await recordPayment(db, member, invoice.id, { paidOn: "2026-03-20", amount: 6_000, method: "bank_transfer" });
    for (const p of [late, early]) expect(p).toMatchObject({ invoiceIssueDate: "2026-03-10", invoiceDueDate: "2026-04-09" });
    // Recorded out of order: the final payment is still the later date.
    expect((await stored(invoice.id)).document).toMatchObject({ status: "paid", lastPaidOn: "2026-04-20" });
    await deletePayment(db, member, late.id);
    expect((await stored(invoice.id)).document).toMatchObject({ status: "partially_paid", lastPaidOn: "2026-03-20" });
    await deletePayment(db, member, early.id);
    expect((await stored(invoice.id)).document).toMatchObject({ status: "issued", lastPaidOn: null });

    const undated = await issuedInvoice(draftInput(customer.id, { unitPrice: 1_000 }));
    expect(await recordPayment(db, member, undated.id, payment(500))).toMatchObject({ invoiceIssueDate: undated.issueDate, invoiceDueDate: null });
  });

  it("refuses payments on drafts, void invoices and quotes, and writes nothing", async () => {
    const draft = await saveDraft(db, member, draftInput(customer.id, {}));
    const voided = await issuedInvoice(draftInput(customer.id, {}));
    await voidDocument(db, member, voided.id, "Duplicate");
    const quote = await issuedInvoice({ ...draftInput(customer.id, {}), kind: "quote" });
    const before = await countAll(payments);
    await expectAppError(recordPayment(db, member, draft.id, payment(100)), "CONFLICT");
    await expectAppError(recordPayment(db, member, voided.id, payment(100)), "CONFLICT");
    await expectAppError(recordPayment(db, member, quote.id, payment(100)), "BAD_REQUEST");
    expect(await countAll(payments)).toBe(before);
    expect((await stored(draft.id)).document).toMatchObject({ status: "draft", amountPaid: 0 });
    expect((await stored(voided.id)).document).toMatchObject({ status: "void", amountPaid: 0, balance: 0 });
  });
});

describe("void", () => {
  it("voids an unpaid invoice with its reason", async () => {
    const invoice = await issuedInvoice(draftInput(customer.id, { unitPrice: 4_200 }));
    const voided = await voidDocument(db, member, invoice.id, "Sent to the wrong customer");
    expect(voided).toMatchObject({ status: "void", balance: 0, voidReason: "Sent to the wrong customer", total: 4_200, number: invoice.number });
    expect(voided.voidedAt).toBeInstanceOf(Date);
    const events = (await getDocument(db, member, invoice.id)).events;
    expect(events.at(-1)).toMatchObject({ type: "voided", meta: { reason: "Sent to the wrong customer" } });
    await expectAppError(voidDocument(db, member, invoice.id, "again"), "CONFLICT");
  });

  it("refuses to void an invoice with payments, or a draft", async () => {
    const invoice = await issuedInvoice(draftInput(customer.id, { unitPrice: 4_200 }));
    await recordPayment(db, member, invoice.id, payment(200));
    const before = await stored(invoice.id);
    await expectAppError(voidDocument(db, member, invoice.id, "Oops"), "CONFLICT");
    await expectAppError(voidAndCopy(db, member, invoice.id, "Oops"), "CONFLICT");
    expect(await stored(invoice.id)).toEqual(before);
    const draft = await saveDraft(db, member, draftInput(customer.id, {}));
    await expectAppError(voidDocument(db, member, draft.id, "Oops"), "CONFLICT");
  });

  it("void and copy: the original is void, the new draft has the same lines and totals", async () => {
    const invoice = await issuedInvoice({
      ...draftInput(
        customer.id,
        { quantityE4: 30_000, unitPrice: 1_234, discount: { type: "percent", rateE4: 50_000 }, taxRateIds: [vat.id] },
        { quantityE4: 12_500, unitPrice: 8_000, taxRateIds: [vat.id] },
      ),
      discount: { type: "amount", amount: 999 },
      notes: "Thanks!",
    });
    const copy = await voidAndCopy(db, member, invoice.id, "Wrong address");
    expect(copy).toMatchObject({ kind: "invoice", status: "draft", number: null, sourceDocumentId: invoice.id, notes: "Thanks!", amountPaid: 0, balance: invoice.total });
    expect((await stored(invoice.id)).document).toMatchObject({ status: "void", voidReason: "Wrong address", balance: 0 });
    const [original, copied] = [await getDocument(db, member, invoice.id), await getDocument(db, member, copy.id)];
    expect(copiedContent(copied)).toEqual(copiedContent(original));
    expect(copied.lines).toHaveLength(2);
    expect(copied.events.map((e) => e.type)).toEqual(["created"]);
    expect(copied.related.map((r) => r.id)).toEqual([invoice.id]);
  });
});

describe("credit notes", () => {
  it("credits chosen lines, reduces the balance, refuses too much, and a full credit pays the invoice", async () => {
    const invoice = await issuedInvoice(
      draftInput(customer.id, { unitPrice: 10_000, taxRateIds: [vat.id] }, { unitPrice: 5_000, taxRateIds: [vat.id] }, { unitPrice: 2_000, taxRateIds: [vat.id] }),
    );
    expect(invoice.total).toBe(20_400);
    const invoiceLines = (await getDocument(db, member, invoice.id)).lines;

    const draft = await createCreditNote(db, member, invoice.id, [invoiceLines[0]!.id, invoiceLines[2]!.id]);
    expect(draft).toMatchObject({ kind: "credit_note", status: "draft", number: null, sourceDocumentId: invoice.id, total: 14_400 });
    const credit = await getDocument(db, member, draft.id);
    expect(credit.lines.map((l) => [l.description, l.unitPrice, l.total])).toEqual([
      ["Line 1", 10_000, 12_000],
      ["Line 3", 2_000, 2_400],
    ]);
    const issuedCredit = await issueDocument(db, member, draft.id);
    expect(issuedCredit).toMatchObject({ status: "issued", balance: 0 });
    expect((await stored(invoice.id)).document).toMatchObject({ status: "issued", amountCredited: 14_400, balance: 6_000 });
    expect((await getDocument(db, member, invoice.id)).events.at(-1)).toMatchObject({ type: "credited", meta: { creditNoteId: draft.id, amount: 14_400 } });

    // Line 1 again (120.00) is more than the 60.00 still due.
    const tooLarge = await createCreditNote(db, member, invoice.id, [invoiceLines[0]!.id]);
    const invoiceBefore = await stored(invoice.id);
    await expectAppError(issueDocument(db, member, tooLarge.id), "BAD_REQUEST");
    expect(await stored(invoice.id)).toEqual(invoiceBefore);
    expect((await stored(tooLarge.id)).document).toMatchObject({ status: "draft", number: null });

    const rest = await createCreditNote(db, member, invoice.id, [invoiceLines[1]!.id]);
    const issuedRest = await issueDocument(db, member, rest.id);
    // The refused credit note did not use up a number.
    expect(Number(issuedRest.number!.slice(-4))).toBe(Number(issuedCredit.number!.slice(-4)) + 1);
    const paid = (await stored(invoice.id)).document!;
    expect(paid).toMatchObject({ status: "paid", amountCredited: 20_400, amountPaid: 0, balance: 0 });
    expect(paid.paidAt).toBeInstanceOf(Date);
  });

  it("credits what was charged for the chosen lines when the invoice had a document discount", async () => {
    // 100.00 + 50.00, 50% off the whole invoice: line 1 was charged 50.00, and that is what crediting it gives back.
    const invoice = await issuedInvoice({ ...draftInput(customer.id, { unitPrice: 10_000 }, { unitPrice: 5_000 }), discount: { type: "percent", rateE4: 500_000 } });
    expect(invoice.total).toBe(7_500);
    const lines = (await getDocument(db, member, invoice.id)).lines;
    expect(lines.map((l) => l.total)).toEqual([5_000, 2_500]);
    const credit = await createCreditNote(db, member, invoice.id, [lines[0]!.id]);
    expect(credit.total).toBe(lines[0]!.total);
  });

  it("voiding an issued credit note gives the credit back to the invoice", async () => {
    const invoice = await issuedInvoice(draftInput(customer.id, { unitPrice: 10_000 }));
    const credit = await issueDocument(db, member, (await createCreditNote(db, member, invoice.id)).id);
    expect((await stored(invoice.id)).document).toMatchObject({ status: "paid", amountCredited: 10_000, balance: 0 });
    // Either fix is sound: refuse to void an issued credit note, or void it and undo the credit.
    const before = await stored(invoice.id);
    if (await refused(voidDocument(db, member, credit.id, "Issued by mistake"))) {
      expect(await stored(invoice.id)).toEqual(before);
    } else {
      expect((await stored(invoice.id)).document).toMatchObject({ status: "issued", amountCredited: 0, balance: 10_000, paidAt: null });
    }
  });

  it("refuses to issue a credit note whose currency or customer no longer matches the invoice", async () => {
    const invoice = await issuedInvoice(draftInput(customer.id, { unitPrice: 10_000 }));
    const credit = await createCreditNote(db, member, invoice.id);
    const before = await stored(invoice.id);
    // A credit note draft is edited like any draft: here into 1000 JPY, which must not pay 10.00 EUR.
    // Refusing the edit or refusing the issue are both fine; crediting the invoice is not.
    const toJpy = saveDraft(db, member, { ...draftInput(customer.id, { unitPrice: 1_000 }), kind: "credit_note", currency: "JPY", id: credit.id });
    if (!(await refused(toJpy))) expect(await refused(issueDocument(db, member, credit.id))).toBe(true);
    expect(await stored(invoice.id)).toEqual(before);

    const other = await createCustomer(db, member.orgId);
    const credit2 = await createCreditNote(db, member, invoice.id);
    const toOtherCustomer = saveDraft(db, member, { ...draftInput(other.id, { unitPrice: 1_000 }), kind: "credit_note", id: credit2.id });
    if (!(await refused(toOtherCustomer))) expect(await refused(issueDocument(db, member, credit2.id))).toBe(true);
    expect(await stored(invoice.id)).toEqual(before);
  });

  it("refuses credit notes for drafts, void invoices and lines of another document", async () => {
    const draft = await saveDraft(db, member, draftInput(customer.id, {}));
    await expectAppError(createCreditNote(db, member, draft.id), "CONFLICT");
    const voided = await issuedInvoice(draftInput(customer.id, {}));
    await voidDocument(db, member, voided.id, "x");
    await expectAppError(createCreditNote(db, member, voided.id), "CONFLICT");
    const invoice = await issuedInvoice(draftInput(customer.id, {}));
    const otherLine = (await getDocument(db, member, draft.id)).lines[0]!;
    await expectAppError(createCreditNote(db, member, invoice.id, [otherLine.id]), "NOT_FOUND");
  });
});

describe("quotes", () => {
  it("issue → accept → convert into an invoice draft with the same lines and totals", async () => {
    const quote = await issuedInvoice({
      ...draftInput(customer.id, { quantityE4: 20_000, unitPrice: 4_999, taxRateIds: [vat.id] }, { unitPrice: 1_500, discount: { type: "amount", amount: 100 } }),
      kind: "quote",
      dueDate: "2026-04-10",
      discount: { type: "percent", rateE4: 25_000 },
    });
    expect(quote).toMatchObject({ kind: "quote", status: "sent", balance: 0 });
    await expectAppError(convertQuote(db, member, quote.id), "CONFLICT");

    expect(await setQuoteOutcome(db, member, quote.id, "accepted")).toMatchObject({ status: "accepted" });
    const invoice = await convertQuote(db, member, quote.id);
    expect(invoice).toMatchObject({ kind: "invoice", status: "draft", number: null, sourceDocumentId: quote.id, balance: quote.total });
    expect(copiedContent(await getDocument(db, member, invoice.id))).toEqual(copiedContent(await getDocument(db, member, quote.id)));

    const converted = await getDocument(db, member, quote.id);
    expect(converted.status).toBe("converted");
    expect(converted.events.map((e) => e.type)).toEqual(["created", "issued", "accepted", "converted"]);
    expect(converted.events.at(-1)?.meta).toMatchObject({ invoiceId: invoice.id });

    await expectAppError(setQuoteOutcome(db, member, quote.id, "declined"), "CONFLICT");
    await expectAppError(convertQuote(db, member, quote.id), "CONFLICT");
    expect((await stored(quote.id)).document?.status).toBe("converted");
  });

  it("a declined quote can't be converted", async () => {
    const quote = await issuedInvoice({ ...draftInput(customer.id, {}), kind: "quote" });
    await setQuoteOutcome(db, member, quote.id, "declined");
    await expectAppError(convertQuote(db, member, quote.id), "CONFLICT");
    await expectAppError(setQuoteOutcome(db, member, quote.id, "accepted"), "CONFLICT");
    expect((await stored(quote.id)).document?.status).toBe("declined");
  });
});

describe("timeline", () => {
  it("records an invoice's life in order, with who did it", async () => {
    const draft = await saveDraft(db, member, draftInput(customer.id, { unitPrice: 9_000 }));
    await saveDraft(db, member, { ...draftInput(customer.id, { unitPrice: 10_000 }), id: draft.id });
    await issueDocument(db, member, draft.id);
    const p = await recordPayment(db, member, draft.id, payment(2_500));
    await deletePayment(db, member, p.id);
    await recordPayment(db, member, draft.id, payment(10_000));

    const { events } = await getDocument(db, member, draft.id);
    expect(events.map((e) => e.type)).toEqual(["created", "updated", "issued", "payment_recorded", "payment_deleted", "payment_recorded"]);
    expect(events[2]!.meta).toMatchObject({ number: expect.stringMatching(/^INV-2026-\d{4}$/) });
    const [actor] = await db.select({ name: users.name }).from(users).where(eq(users.id, member.userId));
    for (const e of events) expect(e.actorName).toBe(actor!.name);
  });
});

describe("isOverdue", () => {
  it("is true only for open invoices past their due date", () => {
    const on = "2026-03-10";
    const yesterday = "2026-03-09";
    for (const status of ["issued", "sent", "viewed", "partially_paid"] as const) expect(isOverdue({ kind: "invoice", status, dueDate: yesterday }, on)).toBe(true);
    for (const status of ["paid", "void", "draft"] as const) expect(isOverdue({ kind: "invoice", status, dueDate: yesterday }, on)).toBe(false);
    expect(isOverdue({ kind: "invoice", status: "issued", dueDate: on }, on)).toBe(false);
    expect(isOverdue({ kind: "invoice", status: "issued", dueDate: null }, on)).toBe(false);
    expect(isOverdue({ kind: "quote", status: "sent", dueDate: yesterday }, on)).toBe(false);
  });

  it("applies to stored invoices against today's date", async () => {
    const dates = { issueDate: addDays(today(), -10), dueDate: addDays(today(), -1) };
    const open = await issuedInvoice({ ...draftInput(customer.id, { unitPrice: 1_000 }), ...dates });
    const paid = await issuedInvoice({ ...draftInput(customer.id, { unitPrice: 1_000 }), ...dates });
    await recordPayment(db, member, paid.id, payment(1_000));
    const voided = await issuedInvoice({ ...draftInput(customer.id, { unitPrice: 1_000 }), ...dates });
    await voidDocument(db, member, voided.id, "x");
    expect(isOverdue((await stored(open.id)).document!)).toBe(true);
    expect(isOverdue((await stored(paid.id)).document!)).toBe(false);
    expect(isOverdue((await stored(voided.id)).document!)).toBe(false);
  });
});
