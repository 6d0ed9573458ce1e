import { asc, eq, sql } from "drizzle-orm";
import { expect } from "vitest";
import type { Executor } from "@/db";
import { type Document, documentEvents, documentLines, documents, documentTaxes, payments } from "@/db/schema";
import type { Member } from "@/lib/data/context";
import { type DraftInput, saveDraft } from "@/lib/data/documents/drafts";
import { issueDocument } from "@/lib/data/documents/lifecycle";
import type { getDocument } from "@/lib/data/documents/read";
import { AppError } from "@/lib/errors";

/** Helpers shared by the documents DAL tests (lib/data/documents/*.db.test.ts). */

export const THIS_YEAR = new Date().getUTCFullYear();
export const today = () => new Date().toISOString().slice(0, 10);
export const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
export const payment = (amount: number) => ({ paidOn: "2026-03-15", amount, method: "bank_transfer" });

export const countRows = async (db: Executor, table: typeof documents | typeof documentLines | typeof documentEvents | typeof payments | typeof documentTaxes) =>
  (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;

/** Everything stored about a document: what a refused call must leave untouched. */
export async function storedDocument(db: Executor, id: string) {
  return {
    document: (await db.select().from(documents).where(eq(documents.id, id)))[0],
    lines: await db.select().from(documentLines).where(eq(documentLines.documentId, id)).orderBy(asc(documentLines.position)),
    taxes: await db.select().from(documentTaxes).where(eq(documentTaxes.documentId, id)).orderBy(asc(documentTaxes.position)),
    payments: await db.select().from(payments).where(eq(payments.documentId, id)).orderBy(asc(payments.id)),
    events: await db.select().from(documentEvents).where(eq(documentEvents.documentId, id)).orderBy(asc(documentEvents.id)),
  };
}

export async function issueInvoice(db: Executor, member: Member, input: DraftInput): Promise<Document> {
  const draft = await saveDraft(member, input, db);
  return issueDocument(member, draft.id, undefined, db);
}

/** True when the call was refused with a 400 or 409 AppError, false when it succeeded; anything else fails the test. */
export async function refused(promise: Promise<unknown>): Promise<boolean> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error === undefined) return false;
  expect(error).toBeInstanceOf(AppError);
  expect(["BAD_REQUEST", "CONFLICT"]).toContain((error as AppError).code);
  return true;
}

/** The amounts a copied document must share with its source. */
export function copiedContent(doc: Awaited<ReturnType<typeof getDocument>>) {
  return {
    currency: doc.currency,
    customerId: doc.customerId,
    discountType: doc.discountType,
    discountValue: doc.discountValue,
    subtotal: doc.subtotal,
    discountTotal: doc.discountTotal,
    taxTotal: doc.taxTotal,
    total: doc.total,
    lines: doc.lines.map(({ id: _id, documentId: _d, ...line }) => line),
    taxes: doc.taxes.map(({ documentId: _d, ...tax }) => tax),
  };
}
