import "server-only";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { type Executor, type Tx, getDb } from "@/db";
import { type Document, documentEvents, documents, type DocumentStatus, organizations } from "@/db/schema";
import { todayIn } from "@/lib/dates";
import { notFound } from "@/lib/errors";
import type { Discount } from "@/lib/money";
import { type AuditAction, auditMemberChange } from "../audit";
import { actorId, type Member, type RequestMeta } from "../context";

/** What the documents DAL files share: open statuses, the timeline, row locks, discount columns, dates. */

import { OPEN_INVOICE_STATUSES } from "@/lib/document-labels";

export { OPEN_INVOICE_STATUSES };

export const isOpenInvoiceStatus = (status: DocumentStatus) => OPEN_INVOICE_STATUSES.includes(status as (typeof OPEN_INVOICE_STATUSES)[number]);

type EventInput = { type: string; meta?: Record<string, unknown> };

export async function addEvent(member: Member, documentId: string, event: EventInput, tx?: Executor) {
  const db = tx ?? (await getDb());
  await db.insert(documentEvents).values({ orgId: member.orgId, documentId, actorUserId: actorId(member), type: event.type, meta: event.meta ?? null });
}

/** An audit log entry about a document, with the request's ip and user agent. */
export async function auditDocument(member: Member, action: AuditAction, documentId: string, meta: RequestMeta, details: Record<string, unknown>, tx?: Executor) {
  const db = tx ?? (await getDb());
  await auditMemberChange(member, action, { type: "document", id: documentId }, meta, details, db);
}

export async function lockDocument(member: Member, id: string, tx: Tx) {
  const [doc] = await tx
    .select()
    .from(documents)
    .where(and(eq(documents.orgId, member.orgId), eq(documents.id, id)))
    .for("update");
  if (!doc) throw notFound("Document");
  return doc;
}

/** The status an invoice has once its balance changed: paid, partly paid, or back to how far it got. */
export function statusAfterPayment(doc: Document, amountPaid: number, balance: number): DocumentStatus {
  if (balance === 0) return "paid";
  if (amountPaid > 0) return "partially_paid";
  return doc.viewedAt ? "viewed" : doc.sentAt ? "sent" : "issued";
}

export function discountColumns(discount: Discount) {
  if (!discount) return { discountType: null, discountValue: null };
  return discount.type === "percent"
    ? { discountType: "percent" as const, discountValue: discount.rateE4 }
    : { discountType: "amount" as const, discountValue: discount.amount };
}

export function discountFromColumns(type: "percent" | "amount" | null, value: number | null): Discount {
  if (!type || value === null) return null;
  return type === "percent" ? { type, rateE4: value } : { type, amount: value };
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Today in the organisation's time zone, for documents created from others (copies, credit notes,
 * converted quotes): a credit note written at 23:30 on January 31 in New York is dated January 31,
 * so it counts in January on the dashboard and in reports, as the editor would have dated it.
 */
export async function orgToday(member: Member, tx: Tx): Promise<string> {
  const [org] = await tx.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, member.orgId));
  return org ? todayIn(org.timeZone) : today();
}

/**
 * The one definition of "overdue": an open invoice whose due date is before today in the
 * organisation's time zone (not the server's: at 23:30 in New York it is already tomorrow in UTC).
 * Pages pass `todayIn(org.timeZone)`; the dashboard's receivables use the same rule with the same
 * date, and list filters and status counts use overdueWhere below.
 */
export function isOverdue(doc: Pick<Document, "kind" | "status" | "dueDate">, on: string): boolean {
  return doc.kind === "invoice" && !!doc.dueDate && doc.dueDate < on && isOpenInvoiceStatus(doc.status);
}

/**
 * Today in the organisation's time zone, worked out by the database once per statement (an
 * uncorrelated sub-select), so a query needs no extra round trip to learn the time zone.
 */
export const orgTodaySql = (member: Member): SQL =>
  sql`(select (now() at time zone ${organizations.timeZone})::date from ${organizations} where ${organizations.id} = ${member.orgId})`;

/** isOverdue as a condition on documents (served by documents_org_id_due_date_idx, the open invoices' due dates). */
export const overdueWhere = (member: Member): SQL =>
  and(eq(documents.kind, "invoice"), inArray(documents.status, [...OPEN_INVOICE_STATUSES]), sql`${documents.dueDate} < ${orgTodaySql(member)}`)!;

/** Open invoices not yet overdue: due today or later, or with no due date. */
export const notYetDueWhere = (member: Member): SQL =>
  and(eq(documents.kind, "invoice"), inArray(documents.status, [...OPEN_INVOICE_STATUSES]), sql`(${documents.dueDate} >= ${orgTodaySql(member)} or ${documents.dueDate} is null)`)!;
