import "server-only";
import { and, eq } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { documentEvents, documents } from "@/db/schema";
import { conflict, notFound } from "@/lib/errors";
import { actorId, assertCan, type Member, systemContext } from "../context";
import { depositDeductionsFor, issueDepositInvoice } from "./deposits";
import { copyToDraft } from "./drafts";
import { addEvent, lockDocument, orgToday } from "./shared";

/** A sent quote's outcome, from a member or from the client's link, and its conversion into an invoice. */

export async function setQuoteOutcome(member: Member, id: string, outcome: "accepted" | "declined", tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "documents.manage");
  return applyQuoteOutcome(db, member, id, outcome, { by: "member", actorUserId: actorId(member) });
}

/**
 * The client's answer from its link: `link` is what unsafeResolveDocumentLink returned for the
 * token (the credential), so the only document it can touch is the one the token names.
 */
export async function recordClientQuoteResponse(link: { orgId: string; documentId: string; linkId: string }, outcome: "accepted" | "declined", tx?: Executor) {
  const db = tx ?? (await getDb());
  // The deposit invoice an acceptance issues is written for the organisation, with no actor (as the reminders job does).
  return applyQuoteOutcome(db, systemContext(link.orgId), link.documentId, outcome, { by: "client", actorUserId: null });
}

async function applyQuoteOutcome(db: Executor, member: Member, id: string, outcome: "accepted" | "declined", who: { by: "member" | "client"; actorUserId: string | null }) {
  const { orgId } = member;
  return db.transaction(async (tx) => {
    const [quote] = await tx.select().from(documents).where(and(eq(documents.orgId, orgId), eq(documents.id, id))).for("update");
    if (!quote) throw notFound("Document");
    if (quote.kind !== "quote" || !["sent", "viewed"].includes(quote.status)) throw conflict("Only sent quotes can be accepted or declined.");
    const [updated] = await tx.update(documents).set({ status: outcome }).where(and(eq(documents.orgId, orgId), eq(documents.id, id))).returning();
    await tx.insert(documentEvents).values({ orgId, documentId: id, actorUserId: who.actorUserId, type: outcome, meta: { by: who.by } });
    // Same transaction, under the quote's row lock: a second acceptance waits, then finds the quote
    // accepted (409), and the unique deposit_for_document_id stops any other path from a second one.
    if (outcome === "accepted") await issueDepositInvoice(member, updated!, tx);
    return updated!;
  });
}

/**
 * The quote's invoice, less its paid deposit invoices ("Less deposits paid" lines, by reference).
 * Unpaid deposit invoices are not deducted; `unpaidDeposits` names them so the owner is warned.
 */
export async function convertQuote(member: Member, id: string, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "documents.manage");
  return db.transaction(async (tx) => {
    const quote = await lockDocument(member, id, tx);
    if (quote.kind !== "quote" || quote.status !== "accepted") throw conflict("Only accepted quotes can be converted into an invoice.");
    const { deductions, unpaid } = await depositDeductionsFor(member, quote.id, tx);
    const invoice = await copyToDraft(member, quote, "invoice", { issueDate: await orgToday(member, tx), sourceDocumentId: quote.id, deductions }, tx);
    await tx.update(documents).set({ status: "converted" }).where(and(eq(documents.orgId, member.orgId), eq(documents.id, id)));
    await addEvent(member, id, { type: "converted", meta: { invoiceId: invoice.id } }, tx);
    await addEvent(member, invoice.id, { type: "created", meta: { fromQuote: quote.number } }, tx);
    return Object.assign(invoice, { unpaidDeposits: unpaid });
  });
}
