import "server-only";
import { and, eq } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { documentEvents, documents } from "@/db/schema";
import { conflict, notFound } from "@/lib/errors";
import { actorId, assertCan, type Member } from "../context";
import { copyToDraft } from "./drafts";
import { addEvent, lockDocument, orgToday } from "./shared";

/** A sent quote's outcome, from a member or from the client's link, and its conversion into an invoice. */

export async function setQuoteOutcome(member: Member, id: string, outcome: "accepted" | "declined", tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "documents.manage");
  return applyQuoteOutcome(db, member.orgId, id, outcome, { by: "member", actorUserId: actorId(member) });
}

/**
 * The client's answer from its link: `link` is what unsafeResolveDocumentLink returned for the
 * token (the credential), so the only document it can touch is the one the token names.
 */
export async function recordClientQuoteResponse(link: { orgId: string; documentId: string; linkId: string }, outcome: "accepted" | "declined", tx?: Executor) {
  const db = tx ?? (await getDb());
  return applyQuoteOutcome(db, link.orgId, link.documentId, outcome, { by: "client", actorUserId: null });
}

async function applyQuoteOutcome(db: Executor, orgId: string, id: string, outcome: "accepted" | "declined", who: { by: "member" | "client"; actorUserId: string | null }) {
  return db.transaction(async (tx) => {
    const [quote] = await tx.select().from(documents).where(and(eq(documents.orgId, orgId), eq(documents.id, id))).for("update");
    if (!quote) throw notFound("Document");
    if (quote.kind !== "quote" || !["sent", "viewed"].includes(quote.status)) throw conflict("Only sent quotes can be accepted or declined.");
    const [updated] = await tx.update(documents).set({ status: outcome }).where(and(eq(documents.orgId, orgId), eq(documents.id, id))).returning();
    await tx.insert(documentEvents).values({ orgId, documentId: id, actorUserId: who.actorUserId, type: outcome, meta: { by: who.by } });
    return updated!;
  });
}

export async function convertQuote(member: Member, id: string, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "documents.manage");
  return db.transaction(async (tx) => {
    const quote = await lockDocument(member, id, tx);
    if (quote.kind !== "quote" || quote.status !== "accepted") throw conflict("Only accepted quotes can be converted into an invoice.");
    const invoice = await copyToDraft(member, quote, "invoice", { issueDate: await orgToday(member, tx), sourceDocumentId: quote.id }, tx);
    await tx.update(documents).set({ status: "converted" }).where(and(eq(documents.orgId, member.orgId), eq(documents.id, id)));
    await addEvent(member, id, { type: "converted", meta: { invoiceId: invoice.id } }, tx);
    await addEvent(member, invoice.id, { type: "created", meta: { fromQuote: quote.number } }, tx);
    return invoice;
  });
}
