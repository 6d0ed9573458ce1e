/**
 * Integrity the database enforces by itself since migration 0026: a line names only an item of its
 * own organisation (and loses only that reference when the item is deleted), a refund only a
 * payment of its own organisation, an email event only its organisation's email and document, and
 * no email event exists without an organisation. Each refusal is checked against the constraint
 * that made it, beside the same write made consistent, which the database accepts.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { type Customer, type Document, documentLines, emailEvents, emails, type Item, items, payments } from "@/db/schema";
import type { Member } from "@/lib/data/context";
import { saveDraft } from "@/lib/data/documents/drafts";
import { issueDocument } from "@/lib/data/documents/lifecycle";
import { recordPayment } from "@/lib/data/documents/payments";
import { deleteItem } from "@/lib/data/items";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";

let handle: DbHandle;
let db: Db;
type Org = { member: Member; owner: Member; customer: Customer; item: Item; invoice: Document; emailId: string };
let A: Org;
let B: Org;

/** The constraint a write was refused by, the driver's message when it names none, or "accepted". */
async function refusal(write: Promise<unknown>): Promise<string> {
  try {
    await write;
  } catch (error) {
    const e = error as { message?: string; cause?: { message?: string } };
    const message = `${e.message ?? ""} ${e.cause?.message ?? ""}`;
    return /constraint "([a-z_]+)"/.exec(message)?.[1] ?? message;
  }
  return "accepted";
}

async function org(label: string): Promise<Org> {
  const { member, owner } = await createInvoicingOrg(db, label);
  const customer = await createCustomer(db, member.orgId, { name: `${label} customer` });
  const [item] = await db.insert(items).values({ orgId: member.orgId, name: `${label} hour`, unitPrice: 5_000, currency: "EUR" }).returning();
  // 2 × 50.00 of the item, no tax: total 100.00.
  const draft = await saveDraft(member, draftInput(customer.id, { itemId: item!.id, quantityE4: 20_000, unitPrice: 5_000 }));
  const invoice = await issueDocument(member, draft.id);
  const [email] = await db
    .insert(emails)
    .values({ orgId: member.orgId, documentId: invoice.id, kind: "invoice", toAddress: "billing@customer.test", fromAddress: "a@b.test", subject: "Invoice", html: "<p>x</p>", text: "x", idempotencyKey: randomUUID(), status: "sent" })
    .returning({ id: emails.id });
  return { member, owner, customer, item: item!, invoice, emailId: email!.id };
}

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  A = await org("Keys A");
  B = await org("Keys B");
});
afterAll(async () => {
  await handle?.close();
});

const lineRow = (orgId: string, documentId: string, itemId: string) => ({
  orgId,
  documentId,
  itemId,
  position: 9,
  description: "Injected",
  quantityE4: 10_000,
  unitPrice: 0,
  net: 0,
  lineDiscount: 0,
  amount: 0,
  discount: 0,
  taxable: 0,
  tax: 0,
  total: 0,
});
const eventRow = (orgId: string | null, emailId: string, documentId: string | null) => ({
  orgId: orgId as string,
  emailId,
  documentId,
  event: "delivered",
  providerEventId: randomUUID(),
  occurredAt: new Date("2026-03-10T12:00:00Z"),
});

describe(`items, refunds and email events of another organisation are refused (${process.env.TEST_DB})`, () => {
  it("a line of B's invoice naming A's item", async () => {
    expect(await refusal(db.insert(documentLines).values(lineRow(B.member.orgId, B.invoice.id, A.item.id)))).toBe("document_lines_item_fk");
    expect(await refusal(db.update(documentLines).set({ itemId: A.item.id }).where(eq(documentLines.documentId, B.invoice.id)))).toBe("document_lines_item_fk");
    expect(await refusal(db.insert(documentLines).values(lineRow(B.member.orgId, B.invoice.id, B.item.id)))).toBe("accepted");
  });

  it("a refund in B of A's payment", async () => {
    // A pays 30.00 of its 100.00 invoice; B's refund row then names that payment.
    const payment = await recordPayment(A.member, A.invoice.id, { paidOn: "2026-03-15", amount: 3_000, method: "bank_transfer" });
    const refund = (orgId: string, documentId: string) => ({
      orgId,
      documentId,
      refundOfId: payment.id,
      paidOn: "2026-03-16",
      invoiceIssueDate: "2026-03-10",
      amount: -1_000,
      currency: "EUR",
      method: "card",
    });
    expect(await refusal(db.insert(payments).values(refund(B.member.orgId, B.invoice.id)))).toBe("payments_refund_of_fk");
  });

  it("an email event without an organisation, or naming another organisation's email or document", async () => {
    expect(await refusal(db.insert(emailEvents).values(eventRow(null, A.emailId, A.invoice.id)))).toMatch(/null value in column "org_id".*not-null/);
    expect(await refusal(db.insert(emailEvents).values(eventRow(B.member.orgId, A.emailId, null)))).toBe("email_events_email_fk");
    expect(await refusal(db.insert(emailEvents).values(eventRow(B.member.orgId, B.emailId, A.invoice.id)))).toBe("email_events_document_fk");
    expect(await refusal(db.insert(emailEvents).values(eventRow(B.member.orgId, B.emailId, B.invoice.id)))).toBe("accepted");
  });
});

describe(`deleting an item keeps the lines that used it (${process.env.TEST_DB})`, () => {
  it("sets only item_id to null: the line keeps its organisation, description and amounts", async () => {
    const before = await db.select().from(documentLines).where(eq(documentLines.itemId, A.item.id));
    expect(before).toHaveLength(1);
    await deleteItem(A.owner, A.item.id);
    const [after] = await db.select().from(documentLines).where(eq(documentLines.id, before[0]!.id));
    expect(after).toEqual({ ...before[0]!, itemId: null });
    // 2 × 50.00.
    expect([after!.orgId, after!.description, after!.total]).toEqual([A.member.orgId, "Line 1", 10_000]);
  });
});
