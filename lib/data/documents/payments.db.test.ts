/**
 * Payments: an invoice through partially paid and paid and back, payment dates, refusals. Every call acts as a plain "member": documents.manage is all these need.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { auditLog, type Customer, payments } from "@/db/schema";
import { expectAppError } from "@/tests/support/accounts";
import { countRows, issueInvoice, payment, storedDocument } from "@/tests/support/documents";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import type { Member } from "../context";
import { type DraftInput, saveDraft } from "./drafts";
import { voidDocument } from "./lifecycle";
import { deletePayment, recordPayment } from "./payments";
import { getDocument } from "./read";

let handle: DbHandle;
let db: Db;
let member: Member;
let customer: Customer;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  ({ member } = await createInvoicingOrg(db, "Documents"));
  customer = await createCustomer(db, member.orgId, { name: "Acme GmbH" });
});
afterAll(async () => {
  await handle?.close();
});

const countAll = (table: Parameters<typeof countRows>[1]) => countRows(db, table);
const stored = (id: string) => storedDocument(db, id);
const issuedInvoice = (input: DraftInput, as: Member = member) => issueInvoice(db, as, input);

describe("payments", () => {
  it("moves an invoice through partially paid and paid, and back when payments are deleted", async () => {
    const invoice = await issuedInvoice(draftInput(customer.id, { unitPrice: 10_000 }));
    expect(invoice).toMatchObject({ status: "issued", total: 10_000, balance: 10_000, amountPaid: 0 });

    const first = await recordPayment(member, invoice.id, payment(3_000));
    expect(first).toMatchObject({ documentId: invoice.id, amount: 3_000, currency: "EUR", orgId: member.orgId });
    expect((await stored(invoice.id)).document).toMatchObject({ status: "partially_paid", amountPaid: 3_000, balance: 7_000, paidAt: null });

    const before = await stored(invoice.id);
    const over = await expectAppError(recordPayment(member, invoice.id, payment(7_001)), "BAD_REQUEST");
    expect(over.fieldErrors?.amount).toBe("That is more than the balance due.");
    const zero = await expectAppError(recordPayment(member, invoice.id, payment(0)), "BAD_REQUEST");
    expect(zero.fieldErrors?.amount).toBe("Enter an amount greater than zero.");
    expect(await stored(invoice.id)).toEqual(before);

    const rest = await recordPayment(member, invoice.id, payment(7_000));
    const paid = (await stored(invoice.id)).document!;
    expect(paid).toMatchObject({ status: "paid", amountPaid: 10_000, balance: 0 });
    expect(paid.paidAt).toBeInstanceOf(Date);
    await expectAppError(recordPayment(member, invoice.id, payment(1)), "CONFLICT");

    await deletePayment(member, rest.id, { ip: "203.0.113.9", userAgent: "vitest" });
    expect((await stored(invoice.id)).document).toMatchObject({ status: "partially_paid", amountPaid: 3_000, balance: 7_000, paidAt: null });
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.action, "document.payment_deleted"), eq(auditLog.targetId, invoice.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ orgId: member.orgId, actorUserId: member.userId, targetType: "document", ip: "203.0.113.9", meta: { amount: 7_000, currency: "EUR", number: invoice.number } });

    await deletePayment(member, first.id);
    expect((await stored(invoice.id)).document).toMatchObject({ status: "issued", amountPaid: 0, balance: 10_000 });
    await expectAppError(deletePayment(member, first.id), "NOT_FOUND");

    const events = (await getDocument(member, invoice.id)).events.map((e) => e.type);
    expect(events.filter((t) => t === "payment_recorded")).toHaveLength(2);
    expect(events.filter((t) => t === "payment_deleted")).toHaveLength(2);
    const deleted = (await getDocument(member, invoice.id)).events.find((e) => e.type === "payment_deleted" && (e.meta as { amount?: number }).amount === 7_000);
    expect(deleted).toBeDefined();
  });

  it("copies the invoice's dates onto each payment and keeps the invoice's latest payment date (the dashboard reads both)", async () => {
    const invoice = await issuedInvoice({ ...draftInput(customer.id, { unitPrice: 10_000 }), issueDate: "2026-03-10", dueDate: "2026-04-09" });
    expect(invoice.lastPaidOn).toBeNull();
    const late = await recordPayment(member, invoice.id, { paidOn: "2026-04-20", amount: 4_000, method: "bank_transfer" });
    const early = await recordPayment(member, invoice.id, { paidOn: "2026-03-20", amount: 6_000, method: "bank_transfer" });
    for (const p of [late, early]) expect(p).toMatchObject({ invoiceIssueDate: "2026-03-10", invoiceDueDate: "2026-04-09" });
    // Recorded out of order: the final payment is still the later date.
    expect((await stored(invoice.id)).document).toMatchObject({ status: "paid", lastPaidOn: "2026-04-20" });
    await deletePayment(member, late.id);
    expect((await stored(invoice.id)).document).toMatchObject({ status: "partially_paid", lastPaidOn: "2026-03-20" });
    await deletePayment(member, early.id);
    expect((await stored(invoice.id)).document).toMatchObject({ status: "issued", lastPaidOn: null });

    const undated = await issuedInvoice(draftInput(customer.id, { unitPrice: 1_000 }));
    expect(await recordPayment(member, undated.id, payment(500))).toMatchObject({ invoiceIssueDate: undated.issueDate, invoiceDueDate: null });
  });

  it("refuses payments on drafts, void invoices and quotes, and writes nothing", async () => {
    const draft = await saveDraft(member, draftInput(customer.id, {}));
    const voided = await issuedInvoice(draftInput(customer.id, {}));
    await voidDocument(member, voided.id, "Duplicate");
    const quote = await issuedInvoice({ ...draftInput(customer.id, {}), kind: "quote" });
    const before = await countAll(payments);
    await expectAppError(recordPayment(member, draft.id, payment(100)), "CONFLICT");
    await expectAppError(recordPayment(member, voided.id, payment(100)), "CONFLICT");
    await expectAppError(recordPayment(member, quote.id, payment(100)), "BAD_REQUEST");
    expect(await countAll(payments)).toBe(before);
    expect((await stored(draft.id)).document).toMatchObject({ status: "draft", amountPaid: 0 });
    expect((await stored(voided.id)).document).toMatchObject({ status: "void", amountPaid: 0, balance: 0 });
  });
});
