/**
 * Document lifecycle: gapless numbering per kind and year, voids, credit notes and the timeline. Every call acts as a plain "member": documents.manage is all these need.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { type Customer, type TaxRate, users } from "@/db/schema";
import { expectAppError } from "@/tests/support/accounts";
import { copiedContent, issueInvoice, payment, refused, storedDocument, THIS_YEAR } from "@/tests/support/documents";
import { createCustomer, createInvoicingOrg, createTaxRate, draftInput } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import type { Member } from "../context";
import { type DraftInput, saveDraft } from "./drafts";
import { createCreditNote, issueDocument, voidAndCopy, voidDocument } from "./lifecycle";
import { deletePayment, recordPayment } from "./payments";
import { getDocument } from "./read";

let handle: DbHandle;
let db: Db;
let member: Member;
let customer: Customer;
let vat: TaxRate;

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

const stored = (id: string) => storedDocument(db, id);
const issuedInvoice = (input: DraftInput, as: Member = member) => issueInvoice(db, as, input);

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
    const creditDraft = await createCreditNote(org.member, first.id);
    const credit = await issueDocument(org.member, creditDraft.id);
    expect(credit).toMatchObject({ kind: "credit_note", number: `CN-${THIS_YEAR}-0001`, status: "issued" });

    expect((await invoice({ issueDate: `${THIS_YEAR + 1}-01-05` })).number).toBe(`INV-${THIS_YEAR + 1}-0001`);
    expect((await invoice()).number).toBe(`INV-${THIS_YEAR}-0003`);

    const empty = await saveDraft(org.member, { ...draftInput(c.id), lines: [], issueDate: on });
    await expectAppError(issueDocument(org.member, empty.id), "BAD_REQUEST");
    const negative = await saveDraft(org.member, { ...draftInput(c.id, { quantityE4: -10_000 }), issueDate: on });
    expect(negative.total).toBe(-10_000);
    await expectAppError(issueDocument(org.member, negative.id), "BAD_REQUEST");
    for (const refused of [empty, negative]) expect((await stored(refused.id)).document).toMatchObject({ status: "draft", number: null });

    expect((await invoice()).number).toBe(`INV-${THIS_YEAR}-0004`);
    await expectAppError(issueDocument(org.member, first.id), "CONFLICT");
  });

  it("gives a rolled-back number to the next document (no gap)", async () => {
    const org = await createInvoicingOrg(db, "Rollback");
    const c = await createCustomer(db, org.member.orgId);
    const first = await issuedInvoice(draftInput(c.id, {}), org.member);
    expect(first.number).toBe("INV-2026-0001");
    const [rolledBack, next] = [await saveDraft(org.member, draftInput(c.id, {})), await saveDraft(org.member, draftInput(c.id, {}))];

    await expect(
      db.transaction(async (tx) => {
        const issued = await issueDocument(org.member, rolledBack.id, undefined, tx);
        expect(issued.number).toBe("INV-2026-0002");
        throw new Error("forced rollback");
      }),
    ).rejects.toThrow("forced rollback");

    expect((await stored(rolledBack.id)).document).toMatchObject({ status: "draft", number: null });
    expect((await issueDocument(org.member, next.id)).number).toBe("INV-2026-0002");
  });

  it.skipIf(process.env.TEST_DB !== "postgres")("hands out 1..200 exactly once to 200 concurrent issuers (real Postgres)", { timeout: 120_000 }, async () => {
    expect(handle.kind).toBe("postgres");
    const org = await createInvoicingOrg(db, "Concurrent");
    const c = await createCustomer(db, org.member.orgId);
    const drafts = await Promise.all(Array.from({ length: 200 }, (_, i) => saveDraft(org.member, draftInput(c.id, { unitPrice: 100 + i }))));

    const issued = await Promise.all(drafts.map((d) => issueDocument(org.member, d.id)));

    const sequences = issued.map((d) => {
      const match = /^INV-2026-(\d{4})$/.exec(d.number ?? "");
      expect(match, `unexpected number ${d.number}`).not.toBeNull();
      return Number(match![1]);
    });
    expect(new Set(issued.map((d) => d.id)).size).toBe(200);
    expect(sequences.sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));

    // A rollback in the middle of the run does not leave a gap either.
    const [rolledBack, next] = await Promise.all([saveDraft(org.member, draftInput(c.id, {})), saveDraft(org.member, draftInput(c.id, {}))]);
    await expect(
      db.transaction(async (tx) => {
        expect((await issueDocument(org.member, rolledBack.id, undefined, tx)).number).toBe("INV-2026-0201");
        throw new Error("forced rollback");
      }),
    ).rejects.toThrow("forced rollback");
    expect((await issueDocument(org.member, next.id)).number).toBe("INV-2026-0201");
  });
});

describe("void", () => {
  it("voids an unpaid invoice with its reason", async () => {
    const invoice = await issuedInvoice(draftInput(customer.id, { unitPrice: 4_200 }));
    const voided = await voidDocument(member, invoice.id, "Sent to the wrong customer");
    expect(voided).toMatchObject({ status: "void", balance: 0, voidReason: "Sent to the wrong customer", total: 4_200, number: invoice.number });
    expect(voided.voidedAt).toBeInstanceOf(Date);
    const events = (await getDocument(member, invoice.id)).events;
    expect(events.at(-1)).toMatchObject({ type: "voided", meta: { reason: "Sent to the wrong customer" } });
    await expectAppError(voidDocument(member, invoice.id, "again"), "CONFLICT");
  });

  it("refuses to void an invoice with payments, or a draft", async () => {
    const invoice = await issuedInvoice(draftInput(customer.id, { unitPrice: 4_200 }));
    await recordPayment(member, invoice.id, payment(200));
    const before = await stored(invoice.id);
    await expectAppError(voidDocument(member, invoice.id, "Oops"), "CONFLICT");
    await expectAppError(voidAndCopy(member, invoice.id, "Oops"), "CONFLICT");
    expect(await stored(invoice.id)).toEqual(before);
    const draft = await saveDraft(member, draftInput(customer.id, {}));
    await expectAppError(voidDocument(member, draft.id, "Oops"), "CONFLICT");
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
    const copy = await voidAndCopy(member, invoice.id, "Wrong address");
    expect(copy).toMatchObject({ kind: "invoice", status: "draft", number: null, sourceDocumentId: invoice.id, notes: "Thanks!", amountPaid: 0, balance: invoice.total });
    expect((await stored(invoice.id)).document).toMatchObject({ status: "void", voidReason: "Wrong address", balance: 0 });
    const [original, copied] = [await getDocument(member, invoice.id), await getDocument(member, copy.id)];
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
    const invoiceLines = (await getDocument(member, invoice.id)).lines;

    const draft = await createCreditNote(member, invoice.id, [invoiceLines[0]!.id, invoiceLines[2]!.id]);
    expect(draft).toMatchObject({ kind: "credit_note", status: "draft", number: null, sourceDocumentId: invoice.id, total: 14_400 });
    const credit = await getDocument(member, draft.id);
    expect(credit.lines.map((l) => [l.description, l.unitPrice, l.total])).toEqual([
      ["Line 1", 10_000, 12_000],
      ["Line 3", 2_000, 2_400],
    ]);
    const issuedCredit = await issueDocument(member, draft.id);
    expect(issuedCredit).toMatchObject({ status: "issued", balance: 0 });
    expect((await stored(invoice.id)).document).toMatchObject({ status: "issued", amountCredited: 14_400, balance: 6_000 });
    expect((await getDocument(member, invoice.id)).events.at(-1)).toMatchObject({ type: "credited", meta: { creditNoteId: draft.id, amount: 14_400 } });

    // Line 1 again (120.00) is more than the 60.00 still due.
    const tooLarge = await createCreditNote(member, invoice.id, [invoiceLines[0]!.id]);
    const invoiceBefore = await stored(invoice.id);
    await expectAppError(issueDocument(member, tooLarge.id), "BAD_REQUEST");
    expect(await stored(invoice.id)).toEqual(invoiceBefore);
    expect((await stored(tooLarge.id)).document).toMatchObject({ status: "draft", number: null });

    const rest = await createCreditNote(member, invoice.id, [invoiceLines[1]!.id]);
    const issuedRest = await issueDocument(member, rest.id);
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
    const lines = (await getDocument(member, invoice.id)).lines;
    expect(lines.map((l) => l.total)).toEqual([5_000, 2_500]);
    const credit = await createCreditNote(member, invoice.id, [lines[0]!.id]);
    expect(credit.total).toBe(lines[0]!.total);
  });

  it("voiding an issued credit note gives the credit back to the invoice", async () => {
    const invoice = await issuedInvoice(draftInput(customer.id, { unitPrice: 10_000 }));
    const credit = await issueDocument(member, (await createCreditNote(member, invoice.id)).id);
    expect((await stored(invoice.id)).document).toMatchObject({ status: "paid", amountCredited: 10_000, balance: 0 });
    // Either fix is sound: refuse to void an issued credit note, or void it and undo the credit.
    const before = await stored(invoice.id);
    if (await refused(voidDocument(member, credit.id, "Issued by mistake"))) {
      expect(await stored(invoice.id)).toEqual(before);
    } else {
      expect((await stored(invoice.id)).document).toMatchObject({ status: "issued", amountCredited: 0, balance: 10_000, paidAt: null });
    }
  });

  it("refuses to issue a credit note whose currency or customer no longer matches the invoice", async () => {
    const invoice = await issuedInvoice(draftInput(customer.id, { unitPrice: 10_000 }));
    const credit = await createCreditNote(member, invoice.id);
    const before = await stored(invoice.id);
    // A credit note draft is edited like any draft: here into 1000 JPY, which must not pay 10.00 EUR.
    // Refusing the edit or refusing the issue are both fine; crediting the invoice is not.
    const toJpy = saveDraft(member, { ...draftInput(customer.id, { unitPrice: 1_000 }), kind: "credit_note", currency: "JPY", id: credit.id });
    if (!(await refused(toJpy))) expect(await refused(issueDocument(member, credit.id))).toBe(true);
    expect(await stored(invoice.id)).toEqual(before);

    const other = await createCustomer(db, member.orgId);
    const credit2 = await createCreditNote(member, invoice.id);
    const toOtherCustomer = saveDraft(member, { ...draftInput(other.id, { unitPrice: 1_000 }), kind: "credit_note", id: credit2.id });
    if (!(await refused(toOtherCustomer))) expect(await refused(issueDocument(member, credit2.id))).toBe(true);
    expect(await stored(invoice.id)).toEqual(before);
  });

  it("refuses credit notes for drafts, void invoices and lines of another document", async () => {
    const draft = await saveDraft(member, draftInput(customer.id, {}));
    await expectAppError(createCreditNote(member, draft.id), "CONFLICT");
    const voided = await issuedInvoice(draftInput(customer.id, {}));
    await voidDocument(member, voided.id, "x");
    await expectAppError(createCreditNote(member, voided.id), "CONFLICT");
    const invoice = await issuedInvoice(draftInput(customer.id, {}));
    const otherLine = (await getDocument(member, draft.id)).lines[0]!;
    await expectAppError(createCreditNote(member, invoice.id, [otherLine.id]), "NOT_FOUND");
  });
});

describe("timeline", () => {
  it("records an invoice's life in order, with who did it", async () => {
    const draft = await saveDraft(member, draftInput(customer.id, { unitPrice: 9_000 }));
    await saveDraft(member, { ...draftInput(customer.id, { unitPrice: 10_000 }), id: draft.id });
    await issueDocument(member, draft.id);
    const p = await recordPayment(member, draft.id, payment(2_500));
    await deletePayment(member, p.id);
    await recordPayment(member, draft.id, payment(10_000));

    const { events } = await getDocument(member, draft.id);
    expect(events.map((e) => e.type)).toEqual(["created", "updated", "issued", "payment_recorded", "payment_deleted", "payment_recorded"]);
    expect(events[2]!.meta).toMatchObject({ number: expect.stringMatching(/^INV-2026-\d{4}$/) });
    const [actor] = await db.select({ name: users.name }).from(users).where(eq(users.id, member.userId));
    for (const e of events) expect(e.actorName).toBe(actor!.name);
  });
});
