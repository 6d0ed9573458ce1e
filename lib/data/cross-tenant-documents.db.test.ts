/**
 * Cross-tenant isolation for documents: a "member" of organisation B (documents.manage in B) can
 * neither read nor change nor delete anything of organisation A through the documents DAL, and
 * B's lists and exports never show A's rows. A's rows are re-read afterwards to prove they are unchanged.
 */
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { type Customer, type Document, documentEvents, documentLines, documents, documentTaxes, numberSequences, type Payment, payments } from "@/db/schema";
import { expectAppError } from "@/tests/support/accounts";
import { createCustomer, createInvoicingOrg, createTaxRate, draftInput } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import type { Member } from "./context";
import { iterateDocuments, listDocuments } from "./document-lists";
import { deleteDraft, duplicateDocument, saveDraft } from "./documents/drafts";
import { createCreditNote, issueDocument, voidAndCopy, voidDocument } from "./documents/lifecycle";
import { deletePayment, recordPayment } from "./documents/payments";
import { convertQuote, setQuoteOutcome } from "./documents/quotes";
import { getDocument } from "./documents/read";

let handle: DbHandle;
let db: Db;

/** Organisation A: one document in each interesting state. */
let A: { member: Member; customer: Customer; draft: Document; invoice: Document; paidInvoice: Document; quote: Document; payment: Payment };
/** Organisation B: the attacker, a plain member with full document rights in B. */
let B: { member: Member; customer: Customer };

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  const a = await createInvoicingOrg(db, "Tenant A");
  const customer = await createCustomer(db, a.member.orgId, { name: "Shared Name Ltd" });
  const vat = await createTaxRate(db, a.member.orgId, { name: "VAT", rateE4: 200_000 });
  const draft = await saveDraft(a.member, draftInput(customer.id, { unitPrice: 1_000, taxRateIds: [vat.id] }));
  const invoice = await issueDocument(a.member, (await saveDraft(a.member, draftInput(customer.id, { unitPrice: 5_000, taxRateIds: [vat.id] }))).id);
  const paidInvoice = await issueDocument(a.member, (await saveDraft(a.member, draftInput(customer.id, { unitPrice: 2_000 }))).id);
  const payment = await recordPayment(a.member, paidInvoice.id, { paidOn: "2026-03-12", amount: 500, method: "card" });
  const quote = await issueDocument(a.member, (await saveDraft(a.member, { ...draftInput(customer.id, { unitPrice: 3_000 }), kind: "quote" })).id);
  await setQuoteOutcome(a.member, quote.id, "accepted");
  A = { member: a.member, customer, draft, invoice, paidInvoice, quote, payment };

  const b = await createInvoicingOrg(db, "Tenant B");
  B = { member: b.member, customer: await createCustomer(db, b.member.orgId, { name: "Shared Name Ltd" }) };
  expect(B.member.role).toBe("member");
});
afterAll(async () => {
  await handle?.close();
});

/** Every row of organisation A that a document action could touch. */
async function snapshotA() {
  const org = A.member.orgId;
  return {
    documents: await db.select().from(documents).where(eq(documents.orgId, org)).orderBy(asc(documents.id)),
    lines: await db.select().from(documentLines).where(eq(documentLines.orgId, org)).orderBy(asc(documentLines.id)),
    taxes: await db.select().from(documentTaxes).where(eq(documentTaxes.orgId, org)).orderBy(asc(documentTaxes.documentId), asc(documentTaxes.taxId)),
    payments: await db.select().from(payments).where(eq(payments.orgId, org)).orderBy(asc(payments.id)),
    events: await db.select().from(documentEvents).where(eq(documentEvents.orgId, org)).orderBy(asc(documentEvents.id)),
    sequences: await db.select().from(numberSequences).where(eq(numberSequences.orgId, org)).orderBy(asc(numberSequences.kind), asc(numberSequences.period)),
  };
}

const countB = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(documents).where(eq(documents.orgId, B.member.orgId)))[0]!.n;

describe("a member of another organisation", () => {
  const attempts: Record<string, () => Promise<unknown>> = {
    "read a document": () => getDocument(B.member, A.invoice.id),
    "read a draft": () => getDocument(B.member, A.draft.id),
    "edit a draft": () => saveDraft(B.member, { ...draftInput(B.customer.id, { unitPrice: 1 }), id: A.draft.id }),
    "issue a draft": () => issueDocument(B.member, A.draft.id),
    "record a payment": () => recordPayment(B.member, A.invoice.id, { paidOn: "2026-03-20", amount: 100, method: "cash" }),
    "delete a payment": () => deletePayment(B.member, A.payment.id),
    "void an invoice": () => voidDocument(B.member, A.invoice.id, "hostile"),
    "void and copy an invoice": () => voidAndCopy(B.member, A.invoice.id, "hostile"),
    "delete a draft": () => deleteDraft(B.member, A.draft.id),
    "duplicate a document": () => duplicateDocument(B.member, A.invoice.id),
    "create a credit note": () => createCreditNote(B.member, A.invoice.id),
    "decline a quote": () => setQuoteOutcome(B.member, A.quote.id, "declined"),
    "convert a quote": () => convertQuote(B.member, A.quote.id),
  };

  it.each(Object.keys(attempts))("can't %s: NOT_FOUND, and A's rows are unchanged", async (name) => {
    const before = await snapshotA();
    const bDocuments = await countB();
    await expectAppError(attempts[name]!(), "NOT_FOUND");
    expect(await snapshotA()).toEqual(before);
    expect(await countB()).toBe(bDocuments);
  });

  it("can't use A's customer in a draft of its own", async () => {
    const bDocuments = await countB();
    await expectAppError(saveDraft(B.member, draftInput(A.customer.id, {})), "NOT_FOUND");
    expect(await countB()).toBe(bDocuments);
  });

  it("never sees A's documents in its lists, searches or exports", async () => {
    const mine = await saveDraft(B.member, draftInput(B.customer.id, {}));
    for (const kind of ["invoice", "quote", "credit_note"] as const) {
      const list = await listDocuments(B.member, { kind, q: "Shared Name", pageSize: 100 });
      expect(list.rows.map((r) => r.id)).toEqual(kind === "invoice" ? [mine.id] : []);
      const all: string[] = [];
      for await (const batch of iterateDocuments(B.member, { kind }, 2)) all.push(...batch.map((r) => r.id));
      expect(all).toEqual(kind === "invoice" ? [mine.id] : []);
    }
    // Searching by A's invoice number finds nothing either.
    expect((await listDocuments(B.member, { kind: "invoice", q: A.invoice.number! })).count).toBe(0);
    expect((await listDocuments(B.member, { kind: "invoice", customerId: A.customer.id })).rows).toEqual([]);
  });

  it("leaves A able to carry on as before", async () => {
    // A's own member still can: the refusals above were about tenancy, not broken documents.
    await expect(getDocument(A.member, A.invoice.id)).resolves.toMatchObject({ id: A.invoice.id, status: "issued" });
    await expect(deletePayment(A.member, A.payment.id)).resolves.toBe(A.paidInvoice.id);
  });
});
