/**
 * The "payment received" emails: queued in the transaction that records the payment, once per
 * payment (a second call, in another transaction, queues nothing), and not at all where email
 * reaches nobody.
 */
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { type Customer, emails } from "@/db/schema";
import type { Member } from "@/lib/data/context";
import { recordPayment } from "@/lib/data/documents/payments";
import { saveEmailTemplate } from "@/lib/data/email-templates";
import { openEmailBody } from "@/lib/data/encrypted-fields";
import { getDocumentLink } from "@/lib/data/links";
import { addMember, createUser } from "@/tests/support/accounts";
import { issueInvoice } from "@/tests/support/documents";
import { NO_EMAIL_PROVIDER, withEnv } from "@/tests/support/env";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import { randomUUID } from "node:crypto";
import { enqueuePaymentEmails, notificationKey, receiptKey, recordPaymentWithReceipt } from "./payment-emails";

let handle: DbHandle;
let db: Db;
let owner: Member;
let member: Member;
let admin: Member;
let orgName: string;
let customer: Customer;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  const a = await createInvoicingOrg(db, "PaymentEmails");
  ({ owner, member } = a);
  orgName = a.org.name;
  admin = await addMember(db, owner.orgId, await createUser(db, "pe-admin"), "admin");
  customer = await createCustomer(db, owner.orgId, { name: "Prompt Payer GmbH", email: "ap@prompt.test" });
});
afterAll(async () => {
  await handle?.close();
});

/** An issued 100.00 EUR invoice and a payment of `amount` recorded on it, with the emails queued in the same transaction. */
async function payWithEmails(amount: number, forCustomer: Customer = customer) {
  const invoice = await issueInvoice(db, member, draftInput(forCustomer.id, {}));
  const result = await db.transaction(async (tx) => {
    const payment = await recordPayment(member, invoice.id, { paidOn: "2026-03-15", amount, method: "Stripe" }, {}, tx);
    return { payment, queued: await enqueuePaymentEmails(tx, { orgId: member.orgId, paymentId: payment.id }) };
  });
  return { invoice, ...result };
}

const emailsOf = (documentId: string) => db.select().from(emails).where(eq(emails.documentId, documentId));

describe("enqueuePaymentEmails", () => {
  it("queues a receipt to the client and a notification to each owner and admin (not plain members)", async () => {
    const { invoice, payment, queued } = await payWithEmails(4_000);
    const rows = await emailsOf(invoice.id);
    expect(rows).toHaveLength(3);

    const receipt = rows.find((r) => r.kind === "payment_receipt")!;
    expect(receipt).toMatchObject({ id: queued.receipt, orgId: owner.orgId, toAddress: "ap@prompt.test", status: "queued", idempotencyKey: receiptKey(payment.id) });
    expect(receipt.subject).toBe(`Payment received for invoice ${invoice.number}`);
    // 100.00 invoiced, 40.00 paid: 60.00 still due.
    expect(receipt.text).toContain("We have received your payment of €40.00 for invoice");
    expect(receipt.text).toContain("The amount still due is €60.00.");
    const token = await getDocumentLink(member, invoice.id);
    expect(openEmailBody(receipt)!.text).toContain(`/i/${token}`);
    expect(JSON.stringify(receipt)).not.toContain(token!);

    const notes = rows.filter((r) => r.kind === "payment_notification");
    const users = await db.query.users.findMany({ where: (u, { inArray }) => inArray(u.id, [owner.userId, admin.userId, member.userId]) });
    const address = (id: string) => users.find((u) => u.id === id)!.email;
    expect(notes.map((n) => n.toAddress).sort()).toEqual([address(owner.userId), address(admin.userId)].sort());
    expect(notes.map((n) => n.toAddress)).not.toContain(address(member.userId));
    expect(notes.map((n) => n.idempotencyKey).sort()).toEqual([notificationKey(payment.id, owner.userId), notificationKey(payment.id, admin.userId)].sort());
    const note = notes[0]!;
    expect(note.subject).toBe(`Prompt Payer GmbH paid €40.00 on invoice ${invoice.number}`);
    expect(note.text).toContain("The amount still due is €60.00.");
    // The team gets the invoice in the app, never the client's token.
    expect(note.text).toContain(`/invoices/${invoice.id}`);
    expect(note.sealedBody).toBeNull();
    expect(note.text).toContain(`owner or admin of ${orgName}`);
  });

  it("queues nothing the second time, even from another transaction", async () => {
    const { invoice, payment, queued } = await payWithEmails(10_000);
    const again = await db.transaction((tx) => enqueuePaymentEmails(tx, { orgId: member.orgId, paymentId: payment.id }));
    expect(again.receipt).toBe(queued.receipt);
    expect([...again.notifications].sort()).toEqual([...queued.notifications].sort());
    expect(await emailsOf(invoice.id)).toHaveLength(3);
    // Paid in full: nothing left to pay.
    const receipt = (await emailsOf(invoice.id)).find((r) => r.kind === "payment_receipt")!;
    expect(receipt.text).toContain("The amount still due is €0.00.");
  });

  it("queues nothing when the payment's transaction rolls back", async () => {
    const invoice = await issueInvoice(db, member, draftInput(customer.id, {}));
    await expect(
      db.transaction(async (tx) => {
        const payment = await recordPayment(member, invoice.id, { paidOn: "2026-03-15", amount: 2_500, method: "Stripe" }, {}, tx);
        await enqueuePaymentEmails(tx, { orgId: member.orgId, paymentId: payment.id });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await emailsOf(invoice.id)).toHaveLength(0);
  });

  it("sends no receipt to a customer without an address, but still tells the team", async () => {
    const silent = await createCustomer(db, owner.orgId, { name: "No Mail Ltd", email: null });
    const { invoice, queued } = await payWithEmails(1_000, silent);
    expect(queued.receipt).toBeNull();
    expect((await emailsOf(invoice.id)).map((r) => r.kind)).toEqual(["payment_notification", "payment_notification"]);
  });

  it("queues nothing where email reaches nobody (no provider, production, DEBUG off)", async () => {
    const { invoice, queued } = await withEnv(NO_EMAIL_PROVIDER, () => payWithEmails(1_000));
    expect(queued).toEqual({ receipt: null, notifications: [] });
    expect(await emailsOf(invoice.id)).toHaveLength(0);
  });

  it("uses the organisation's own wording", async () => {
    await saveEmailTemplate(owner, { kind: "payment_notification", language: "en", subject: "Paid: {number} ({amount_paid})", body: "Left: {amount_due}" });
    const { invoice } = await payWithEmails(7_550);
    const notes = (await emailsOf(invoice.id)).filter((r) => r.kind === "payment_notification");
    expect(notes[0]!.subject).toBe(`Paid: ${invoice.number} (€75.50)`);
    expect(notes[0]!.text).toContain("Left: €24.50");
    const ids = notes.map((n) => n.id);
    await db.delete(emails).where(inArray(emails.id, ids));
  });
});

describe("recordPaymentWithReceipt (the manual payment form)", () => {
  const manual = (amount: number) => ({ paidOn: "2026-03-15", amount, method: "bank_transfer" });

  it("sends nothing unless asked", async () => {
    const invoice = await issueInvoice(db, member, draftInput(customer.id, {}));
    const { receipt } = await recordPaymentWithReceipt(member, invoice.id, manual(1_000), { idempotencyKey: randomUUID() });
    expect(receipt).toBeNull();
    expect(await emailsOf(invoice.id)).toHaveLength(0);
  });

  it("when asked, queues the client's receipt only (no team notification), once per submission", async () => {
    const invoice = await issueInvoice(db, member, draftInput(customer.id, {}));
    const key = randomUUID();
    const first = await recordPaymentWithReceipt(member, invoice.id, manual(2_500), { idempotencyKey: key, emailReceipt: true });
    const again = await recordPaymentWithReceipt(member, invoice.id, manual(2_500), { idempotencyKey: key, emailReceipt: true });
    expect(again.payment.id).toBe(first.payment.id);
    expect(again.receipt).toBe(first.receipt);
    const rows = await emailsOf(invoice.id);
    expect(rows.map((r) => [r.kind, r.toAddress, r.idempotencyKey])).toEqual([["payment_receipt", "ap@prompt.test", receiptKey(first.payment.id)]]);
    // 100.00 − 25.00.
    expect(rows[0]!.text).toContain("We have received your payment of €25.00 for invoice");
    expect(rows[0]!.text).toContain("The amount still due is €75.00.");
  });

  it("queues nothing when the payment is refused", async () => {
    const invoice = await issueInvoice(db, member, draftInput(customer.id, {}));
    await expect(recordPaymentWithReceipt(member, invoice.id, manual(10_001), { idempotencyKey: randomUUID(), emailReceipt: true })).rejects.toThrow(/more than the balance/);
    expect(await emailsOf(invoice.id)).toHaveLength(0);
  });
});
