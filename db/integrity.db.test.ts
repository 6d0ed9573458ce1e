/**
 * Integrity the database enforces by itself (migration 0010): a row can only name a customer or
 * document of its own organisation (composite foreign keys on (org_id, …)), and a document's
 * ledger is consistent (balance = total − paid − credited; no negative paid, credited or payment
 * amounts). Each refusal is checked against the constraint's name, next to the same write made
 * consistent, which the database accepts: these tests fail if a constraint is missing.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { customerContacts, type Customer, type Document, documentEvents, documentLines, documentLinks, documents, documentTaxes, payments } from "@/db/schema";
import type { Member } from "@/lib/data/context";
import { saveDraft } from "@/lib/data/documents/drafts";
import { issueDocument } from "@/lib/data/documents/lifecycle";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";

let handle: DbHandle;
let db: Db;
let A: { member: Member; customer: Customer; invoice: Document };
let B: { member: Member; customer: Customer; invoice: Document };

/** The constraint a write was refused by (drizzle wraps the driver's error in `cause`). */
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

async function orgWithIssuedInvoice(label: string) {
  const { member } = await createInvoicingOrg(db, label);
  const customer = await createCustomer(db, member.orgId, { name: `${label} customer` });
  // 2 × 50.00, no tax: total 100.00.
  const draft = await saveDraft(member, draftInput(customer.id, { quantityE4: 20_000, unitPrice: 5_000 }));
  const invoice = await issueDocument(member, draft.id);
  return { member, customer, invoice };
}

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  A = await orgWithIssuedInvoice("Integrity A");
  B = await orgWithIssuedInvoice("Integrity B");
});
afterAll(async () => {
  await handle?.close();
});

const documentRow = (orgId: string, customerId: string) => ({ orgId, kind: "invoice" as const, customerId, currency: "EUR", issueDate: "2026-03-10" });
const lineRow = (orgId: string, documentId: string) => ({
  orgId,
  documentId,
  position: 9,
  description: "Injected",
  quantityE4: 10_000,
  unitPrice: 100,
  net: 100,
  lineDiscount: 0,
  amount: 100,
  discount: 0,
  taxable: 100,
  tax: 0,
  total: 100,
});
const paymentRow = (orgId: string, documentId: string, amount = 100) => ({
  orgId,
  documentId,
  paidOn: "2026-03-15",
  invoiceIssueDate: "2026-03-10",
  amount,
  currency: "EUR",
  method: "bank_transfer",
});

describe(`cross-organisation references are refused by the database (${process.env.TEST_DB})`, () => {
  it("a document of B naming A's customer", async () => {
    expect(await refusal(db.insert(documents).values(documentRow(B.member.orgId, A.customer.id)))).toBe("documents_customer_fk");
    expect(await refusal(db.insert(documents).values(documentRow(B.member.orgId, B.customer.id)))).toBe("accepted");
  });

  it("moving B's invoice onto A's customer, or making it come from A's invoice", async () => {
    expect(await refusal(db.update(documents).set({ customerId: A.customer.id }).where(eq(documents.id, B.invoice.id)))).toBe("documents_customer_fk");
    expect(await refusal(db.update(documents).set({ sourceDocumentId: A.invoice.id }).where(eq(documents.id, B.invoice.id)))).toBe("documents_source_document_fk");
  });

  it("a contact of B on A's customer", async () => {
    const contact = (orgId: string, customerId: string) => ({ orgId, customerId, email: "x@example.test" });
    expect(await refusal(db.insert(customerContacts).values(contact(B.member.orgId, A.customer.id)))).toBe("customer_contacts_customer_fk");
    expect(await refusal(db.insert(customerContacts).values(contact(B.member.orgId, B.customer.id)))).toBe("accepted");
  });

  it("lines, taxes, payments, events and links of B on A's invoice", async () => {
    const tax = (orgId: string, documentId: string) => ({ orgId, documentId, taxId: randomUUID(), name: "VAT", rateE4: 0, inclusive: false, compound: false, base: 0, amount: 0, position: 0 });
    const event = (orgId: string, documentId: string) => ({ orgId, documentId, type: "updated" });
    const link = (orgId: string, documentId: string) => ({ orgId, documentId, tokenHash: randomUUID(), revokedAt: new Date() });
    const attempts: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
      ["document_lines_document_fk", () => db.insert(documentLines).values(lineRow(B.member.orgId, A.invoice.id)), () => db.insert(documentLines).values(lineRow(B.member.orgId, B.invoice.id))],
      ["document_taxes_document_fk", () => db.insert(documentTaxes).values(tax(B.member.orgId, A.invoice.id)), () => db.insert(documentTaxes).values(tax(B.member.orgId, B.invoice.id))],
      ["document_events_document_fk", () => db.insert(documentEvents).values(event(B.member.orgId, A.invoice.id)), () => db.insert(documentEvents).values(event(B.member.orgId, B.invoice.id))],
      ["document_links_document_fk", () => db.insert(documentLinks).values(link(B.member.orgId, A.invoice.id)), () => db.insert(documentLinks).values(link(B.member.orgId, B.invoice.id))],
    ];
    for (const [constraint, crossOrg, sameOrg] of attempts) {
      expect(await refusal(crossOrg())).toBe(constraint);
      expect(await refusal(sameOrg())).toBe("accepted");
    }
    // A payment row alone would break B's ledger, so only the cross-organisation one is tried.
    expect(await refusal(db.insert(payments).values(paymentRow(B.member.orgId, A.invoice.id)))).toBe("payments_document_fk");
  });
});

describe(`an inconsistent ledger row is refused by the database (${process.env.TEST_DB})`, () => {
  const update = (set: Partial<Document>) => db.update(documents).set(set).where(eq(documents.id, A.invoice.id));

  it("balance that is not total − paid − credited", async () => {
    // Issued invoice: total 100.00, nothing paid, balance 100.00.
    expect(await refusal(update({ balance: 9_999 }))).toBe("documents_ledger_check");
    expect(await refusal(update({ amountPaid: 4_000 }))).toBe("documents_ledger_check");
    expect(await refusal(update({ amountCredited: 1_000, balance: 10_000 }))).toBe("documents_ledger_check");
    // 100.00 − 40.00 paid − 10.00 credited = 50.00.
    expect(await refusal(update({ amountPaid: 4_000, amountCredited: 1_000, balance: 5_000 }))).toBe("accepted");
    expect(await refusal(update({ amountPaid: 0, amountCredited: 0, balance: 10_000 }))).toBe("accepted");
  });

  it("a void document, issued quote or credit note that still owes something", async () => {
    expect(await refusal(update({ status: "void" }))).toBe("documents_ledger_check");
    expect(await refusal(update({ status: "void", balance: 0 }))).toBe("accepted");
    await update({ status: "issued", balance: 10_000 });
    expect(await refusal(update({ kind: "quote", status: "sent" }))).toBe("documents_ledger_check");
  });

  it("negative paid or credited amounts, an issued document owing less than nothing, a payment of zero or less", async () => {
    // 100.00 − (−10.00) = 110.00 would satisfy the ledger equation, not the sign rule.
    expect(await refusal(update({ amountPaid: -1_000, balance: 11_000 }))).toBe("documents_amounts_check");
    expect(await refusal(update({ amountCredited: -1_000, balance: 11_000 }))).toBe("documents_amounts_check");
    expect(await refusal(update({ amountPaid: 12_000, balance: -2_000 }))).toBe("documents_amounts_check");
    expect(await refusal(update({ total: -500, balance: -500 }))).toBe("documents_amounts_check");
    expect(await refusal(db.insert(payments).values(paymentRow(A.member.orgId, A.invoice.id, 0)))).toBe("payments_amount_check");
    expect(await refusal(db.insert(payments).values(paymentRow(A.member.orgId, A.invoice.id, -100)))).toBe("payments_amount_check");
  });

  it("lets a draft's total (and balance) be negative: a negative line may outweigh the others", async () => {
    const draft = await saveDraft(A.member, draftInput(A.customer.id, { unitPrice: 1_000 }, { unitPrice: -3_000 }));
    expect([draft.status, draft.total, draft.balance]).toEqual(["draft", -2_000, -2_000]);
  });
});
