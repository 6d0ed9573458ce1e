/**
 * Issue 15 §2, payments recorded once: one submission of the payment form (however many requests it
 * turns into) records one payment, and an identical payment moments later needs the user's say-so.
 * Every invoice here is one line of €100.00 without tax, so the balances are worked by hand.
 */
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { auditLog, type Customer, documentEvents, payments } from "@/db/schema";
import { expectAppError } from "@/tests/support/accounts";
import { issueInvoice, storedDocument } from "@/tests/support/documents";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import type { Member } from "../context";
import { DUPLICATE_PAYMENT_MESSAGE, deletePayment, recordPayment } from "./payments";

let handle: DbHandle;
let db: Db;
let member: Member;
let customer: Customer;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  ({ member } = await createInvoicingOrg(db, "Payments once"));
  customer = await createCustomer(db, member.orgId, { name: "Acme GmbH" });
});
afterAll(async () => {
  await handle?.close();
});

const hundredEuroInvoice = () => issueInvoice(db, member, draftInput(customer.id, { unitPrice: 10_000 }));
const fifty = { paidOn: "2026-03-15", amount: 5_000, method: "bank_transfer", reference: "TRX-77" };
const paymentsOf = (documentId: string) => db.select().from(payments).where(eq(payments.documentId, documentId));
const recordedEvents = async (documentId: string) =>
  (await db.select().from(documentEvents).where(and(eq(documentEvents.documentId, documentId), eq(documentEvents.type, "payment_recorded")))).length;
const recordedAudits = async (documentId: string) =>
  db.select().from(auditLog).where(and(eq(auditLog.action, "document.payment_recorded"), eq(auditLog.targetId, documentId)));

describe("one submission, one payment", () => {
  it("records one payment when two requests of one click arrive at once", async () => {
    const invoice = await hundredEuroInvoice();
    const key = randomUUID();
    const [a, b] = await Promise.all([
      recordPayment(member, invoice.id, fifty, {}, undefined, { idempotencyKey: key }),
      recordPayment(member, invoice.id, fifty, {}, undefined, { idempotencyKey: key }),
    ]);
    // Both requests answer with the same payment: the one the user sees on the page.
    expect(a.id).toBe(b.id);
    expect(await paymentsOf(invoice.id)).toHaveLength(1);
    // €100.00 − €50.00, once.
    expect((await storedDocument(db, invoice.id)).document).toMatchObject({ status: "partially_paid", amountPaid: 5_000, balance: 5_000 });
    expect(await recordedEvents(invoice.id)).toBe(1);
    expect(await recordedAudits(invoice.id)).toHaveLength(1);
  });

  it("answers a repeated request for a payment in full with that payment, not with 'already paid'", async () => {
    const invoice = await hundredEuroInvoice();
    const key = randomUUID();
    const full = { ...fifty, amount: 10_000 };
    const [a, b] = await Promise.all([
      recordPayment(member, invoice.id, full, {}, undefined, { idempotencyKey: key }),
      recordPayment(member, invoice.id, full, {}, undefined, { idempotencyKey: key }),
    ]);
    expect(a.id).toBe(b.id);
    expect(await paymentsOf(invoice.id)).toHaveLength(1);
    expect((await storedDocument(db, invoice.id)).document).toMatchObject({ status: "paid", amountPaid: 10_000, balance: 0 });
  });

  it("records one of two identical payments sent at once from two forms, and asks about the other", async () => {
    const invoice = await hundredEuroInvoice();
    const outcomes = await Promise.allSettled([
      recordPayment(member, invoice.id, fifty, {}, undefined, { idempotencyKey: randomUUID() }),
      recordPayment(member, invoice.id, fifty, {}, undefined, { idempotencyKey: randomUUID() }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected");
    expect(refused?.reason).toMatchObject({ code: "CONFLICT", fieldErrors: { confirmDuplicate: DUPLICATE_PAYMENT_MESSAGE } });
    expect(await paymentsOf(invoice.id)).toHaveLength(1);
    expect((await storedDocument(db, invoice.id)).document).toMatchObject({ amountPaid: 5_000, balance: 5_000 });
  });

  it("takes an undone payment back, after which the same payment is recorded again without asking", async () => {
    const invoice = await hundredEuroInvoice();
    const recorded = await recordPayment(member, invoice.id, fifty, {}, undefined, { idempotencyKey: randomUUID() });
    await deletePayment(member, recorded.id);
    expect((await storedDocument(db, invoice.id)).document).toMatchObject({ status: "issued", amountPaid: 0, balance: 10_000 });
    await recordPayment(member, invoice.id, fifty, {}, undefined, { idempotencyKey: randomUUID() });
    expect(await paymentsOf(invoice.id)).toHaveLength(1);
    expect((await storedDocument(db, invoice.id)).document).toMatchObject({ amountPaid: 5_000, balance: 5_000 });
  });
});

describe("an identical payment moments later", () => {
  it("is refused until the user confirms it, then recorded and audited as confirmed", async () => {
    const invoice = await hundredEuroInvoice();
    await recordPayment(member, invoice.id, fifty, {}, undefined, { idempotencyKey: randomUUID() });
    const again = await expectAppError(recordPayment(member, invoice.id, fifty, {}, undefined, { idempotencyKey: randomUUID() }), "CONFLICT");
    expect(again.message).toBe(
      "A payment with this amount, date and reference was recorded on this invoice in the last 10 minutes. Record it again only if you received it twice.",
    );
    expect(again.fieldErrors).toEqual({ confirmDuplicate: again.message });
    expect(await paymentsOf(invoice.id)).toHaveLength(1);
    expect((await storedDocument(db, invoice.id)).document).toMatchObject({ amountPaid: 5_000, balance: 5_000 });

    await recordPayment(member, invoice.id, fifty, {}, undefined, { idempotencyKey: randomUUID(), confirmDuplicate: true });
    expect(await paymentsOf(invoice.id)).toHaveLength(2);
    expect((await storedDocument(db, invoice.id)).document).toMatchObject({ status: "paid", amountPaid: 10_000, balance: 0 });
    const audits = await recordedAudits(invoice.id);
    expect(audits.map((a) => (a.meta as { confirmedDuplicate?: boolean }).confirmedDuplicate ?? false).sort()).toEqual([false, true]);
  });

  it("is recorded without asking when the amount, date or reference differs", async () => {
    const invoice = await hundredEuroInvoice();
    const record = (input: typeof fifty | (Omit<typeof fifty, "reference"> & { reference: string | null })) =>
      recordPayment(member, invoice.id, input, {}, undefined, { idempotencyKey: randomUUID() });
    await record({ ...fifty, amount: 2_000 });
    await record({ ...fifty, amount: 2_000, paidOn: "2026-03-16" });
    await record({ ...fifty, amount: 2_000, reference: "TRX-78" });
    await record({ ...fifty, amount: 2_000, reference: null });
    // €100.00 − 4 × €20.00; a fifth without a reference repeats the fourth.
    expect((await storedDocument(db, invoice.id)).document).toMatchObject({ amountPaid: 8_000, balance: 2_000 });
    await expectAppError(record({ ...fifty, amount: 2_000, reference: null }), "CONFLICT");
  });

  it("is recorded without asking once the first is more than 10 minutes old", async () => {
    const invoice = await hundredEuroInvoice();
    const first = await recordPayment(member, invoice.id, fifty, {}, undefined, { idempotencyKey: randomUUID() });
    await db.update(payments).set({ createdAt: sql`now() - interval '11 minutes'` }).where(eq(payments.id, first.id));
    await recordPayment(member, invoice.id, fifty, {}, undefined, { idempotencyKey: randomUUID() });
    expect((await storedDocument(db, invoice.id)).document).toMatchObject({ status: "paid", amountPaid: 10_000, balance: 0 });
  });
});
