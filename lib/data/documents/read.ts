import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { customers, documentEvents, documentLines, documents, documentTaxes, payments, users } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { assertReadsDocument, type Reader } from "../context";
import { openCustomer, openDocument } from "../encrypted-fields";

/** A member reads any of its organisation's documents; a client link only its own. */
export async function getDocument(member: Reader, id: string, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertReadsDocument(member, id);
  const [doc] = await db.select().from(documents).where(and(eq(documents.orgId, member.orgId), eq(documents.id, id)));
  if (!doc) throw notFound("Document");
  const [lines, taxes, paymentRows, events, customer, related] = await Promise.all([
    db.select().from(documentLines).where(and(eq(documentLines.orgId, member.orgId), eq(documentLines.documentId, id))).orderBy(asc(documentLines.position)),
    db.select().from(documentTaxes).where(and(eq(documentTaxes.orgId, member.orgId), eq(documentTaxes.documentId, id))).orderBy(asc(documentTaxes.position)),
    db.select().from(payments).where(and(eq(payments.orgId, member.orgId), eq(payments.documentId, id))).orderBy(asc(payments.paidOn), asc(payments.createdAt)),
    db
      .select({ id: documentEvents.id, type: documentEvents.type, meta: documentEvents.meta, createdAt: documentEvents.createdAt, actorName: users.name })
      .from(documentEvents)
      .leftJoin(users, eq(users.id, documentEvents.actorUserId))
      .where(and(eq(documentEvents.orgId, member.orgId), eq(documentEvents.documentId, id)))
      .orderBy(asc(documentEvents.createdAt), asc(documentEvents.id)),
    db.select().from(customers).where(and(eq(customers.orgId, member.orgId), eq(customers.id, doc.customerId))).then((r) => r[0]),
    db
      .select({
        id: documents.id,
        kind: documents.kind,
        number: documents.number,
        status: documents.status,
        total: documents.total,
        issueDate: documents.issueDate,
        sourceDocumentId: documents.sourceDocumentId,
        depositForDocumentId: documents.depositForDocumentId,
      })
      .from(documents)
      // What it came from or became, and a quote's deposit invoice or a deposit invoice's quote.
      .where(
        and(
          eq(documents.orgId, member.orgId),
          sql`(${documents.sourceDocumentId} = ${id} or ${documents.id} = ${doc.sourceDocumentId ?? null} or ${documents.depositForDocumentId} = ${id} or ${documents.id} = ${doc.depositForDocumentId ?? null})`,
        ),
      ),
  ]);
  return { ...openDocument(doc), lines, taxes, payments: paymentRows, events, customer: openCustomer(customer!), related };
}
