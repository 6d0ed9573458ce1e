import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { customers, documentLines, documents, organizations } from "@/db/schema";
import { badRequest, conflict } from "@/lib/errors";
import { applyCredit, reverseCredit } from "@/lib/money";
import { assertCan, type Member, type RequestMeta } from "../context";
import { customerSnapshot } from "../customers";
import { openCustomer, openDocument, sealSnapshot } from "../encrypted-fields";
import { allocateNumber, formatDocumentNumber } from "../numbering";
import { copyToDraft } from "./drafts";
import { addEvent, auditDocument, isOpenInvoiceStatus, lockDocument, orgToday, statusAfterPayment } from "./shared";

/** An issued document's life: issuing (numbering, credits), voiding, and credit notes. */

/**
 * Issues a draft: number, customer snapshot and status in one transaction. Credit notes also
 * reduce the balance of the invoice they credit, in the same transaction.
 */
export async function issueDocument(member: Member, id: string, meta: RequestMeta = {}, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "documents.manage");
  return db.transaction(async (tx) => {
    const doc = await lockDocument(member, id, tx);
    if (doc.status !== "draft") throw conflict("Only drafts can be issued.");
    const lineCount = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(documentLines)
      .where(and(eq(documentLines.orgId, member.orgId), eq(documentLines.documentId, id)));
    if (!lineCount[0]?.n) throw badRequest("Add at least one line before issuing.");
    if (doc.total < 0) throw badRequest("The total can't be negative. Use a credit note to give money back.");
    const [org] = await tx.select().from(organizations).where(eq(organizations.id, member.orgId));
    const [customer] = await tx.select().from(customers).where(and(eq(customers.orgId, member.orgId), eq(customers.id, doc.customerId)));
    const year = Number(doc.issueDate.slice(0, 4));
    const format = doc.kind === "invoice" ? org!.invoiceNumberFormat : doc.kind === "quote" ? org!.quoteNumberFormat : org!.creditNoteNumberFormat;
    const sequence = await allocateNumber(member.orgId, doc.kind, org!.numberingResetsYearly ? year : 0, tx);
    const number = formatDocumentNumber(format, sequence, year);

    if (doc.kind === "credit_note") {
      if (!doc.sourceDocumentId) throw badRequest("This credit note is not linked to an invoice.");
      const invoice = await lockDocument(member, doc.sourceDocumentId, tx);
      if (!isOpenInvoiceStatus(invoice.status) && invoice.status !== "paid") throw conflict("The credited invoice is not open.");
      if (doc.currency !== invoice.currency || doc.customerId !== invoice.customerId) {
        throw badRequest("A credit note must be for the same customer and currency as the invoice it credits.");
      }
      if (doc.total > invoice.balance) throw badRequest("The credit note is larger than the invoice's balance due.");
      const { amountCredited, balance } = applyCredit(invoice, doc.total);
      await tx
        .update(documents)
        .set({ amountCredited, balance, ...(balance === 0 ? { status: "paid", paidAt: new Date() } : {}) })
        .where(and(eq(documents.orgId, member.orgId), eq(documents.id, invoice.id)));
      await addEvent(member, invoice.id, { type: "credited", meta: { creditNoteId: doc.id, number, amount: doc.total } }, tx);
    }

    const [issued] = await tx
      .update(documents)
      .set({
        status: doc.kind === "quote" ? "sent" : "issued",
        number,
        issuedAt: new Date(),
        customerSnapshot: customer ? sealSnapshot(id, customerSnapshot(openCustomer(customer))) : null,
        // Only an invoice is owed; a quote or credit note owes nothing (documents_ledger_check).
        balance: doc.kind === "invoice" ? doc.total : 0,
      })
      .where(and(eq(documents.orgId, member.orgId), eq(documents.id, id), eq(documents.status, "draft")))
      .returning();
    await addEvent(member, id, { type: "issued", meta: { number } }, tx);
    await auditDocument(member, "document.issued", id, meta, { kind: doc.kind, number, total: doc.total, currency: doc.currency }, tx);
    return openDocument(issued!);
  });
}

export async function voidDocument(member: Member, id: string, reason: string, meta: RequestMeta = {}, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "documents.manage");
  return db.transaction(async (tx) => {
    const doc = await lockDocument(member, id, tx);
    if (doc.status === "draft") throw conflict("Drafts are deleted, not voided.");
    if (doc.status === "void") throw conflict("This document is already void.");
    if (doc.amountPaid > 0) throw conflict("This invoice has payments. Delete them or issue a credit note instead.");
    if (doc.amountCredited > 0) throw conflict("This invoice has credit notes. Void them first, or credit the rest.");
    if (doc.kind === "credit_note" && doc.sourceDocumentId) {
      // The credit goes back onto the invoice it reduced.
      const invoice = await lockDocument(member, doc.sourceDocumentId, tx);
      const { amountCredited, balance } = reverseCredit(invoice, doc.total);
      await tx
        .update(documents)
        .set({ amountCredited, balance, status: statusAfterPayment(invoice, invoice.amountPaid, balance), paidAt: balance === 0 ? invoice.paidAt : null })
        .where(and(eq(documents.orgId, member.orgId), eq(documents.id, invoice.id)));
      await addEvent(member, invoice.id, { type: "credit_voided", meta: { creditNoteId: doc.id, number: doc.number, amount: doc.total } }, tx);
    }
    const [voided] = await tx
      .update(documents)
      .set({ status: "void", voidReason: reason, voidedAt: new Date(), balance: 0 })
      .where(and(eq(documents.orgId, member.orgId), eq(documents.id, id)))
      .returning();
    await addEvent(member, id, { type: "voided", meta: { reason } }, tx);
    await auditDocument(member, "document.voided", id, meta, { kind: doc.kind, number: doc.number, total: doc.total, currency: doc.currency, reason }, tx);
    return voided!;
  });
}

/** "Void and copy to a new draft": the locked invoice stays as it was, history intact. */
export async function voidAndCopy(member: Member, id: string, reason: string, meta: RequestMeta = {}, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "documents.manage");
  return db.transaction(async (tx) => {
    await voidDocument(member, id, reason, meta, tx);
    const source = await lockDocument(member, id, tx);
    const draft = await copyToDraft(member, source, source.kind, { issueDate: await orgToday(member, tx), sourceDocumentId: source.id }, tx);
    await addEvent(member, draft.id, { type: "created", meta: { copiedFrom: source.number } }, tx);
    return draft;
  });
}

export async function createCreditNote(member: Member, invoiceId: string, lineIds?: string[], tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "documents.manage");
  return db.transaction(async (tx) => {
    const invoice = await lockDocument(member, invoiceId, tx);
    if (invoice.kind !== "invoice" || invoice.status === "draft" || invoice.status === "void") throw conflict("Credit notes are created from issued invoices.");
    const draft = await copyToDraft(member, invoice, "credit_note", { lineIds, sourceDocumentId: invoice.id, issueDate: await orgToday(member, tx) }, tx);
    await addEvent(member, draft.id, { type: "created", meta: { creditFor: invoice.number } }, tx);
    return draft;
  });
}
