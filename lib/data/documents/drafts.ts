import "server-only";
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import { type Executor, type Tx, getDb } from "@/db";
import { customers, type Document, type DocumentKind, documentLines, documents, items } from "@/db/schema";
import { AppError, badRequest, conflict, notFound } from "@/lib/errors";
import { isLanguage, LANGUAGE_ERROR } from "@/lib/i18n/languages";
import { type Discount, documentDiscountShare } from "@/lib/money";
import { parseId } from "@/lib/ids";
import { rolledDates } from "@/lib/dates";
import { PERIOD_BOTH, PERIOD_ORDER } from "@/lib/validation/documents";
import { actorId, assertCan, type Member, type RequestMeta } from "../context";
import { addEvent, auditDocument, discountColumns, discountFromColumns, lockDocument, orgToday } from "./shared";
import { computeTotals, depositColumns, type LineToCompute, organizationRounding, taxSnapshots, totalColumns, writeLinesAndTaxes } from "./totals";

/** Drafts: saving from the editor, deleting, and new drafts copied from another document. */

const EDIT_LOCKED = "This document has been issued and can no longer be edited. Create a credit note, or void it and copy it to a new draft.";

export type DraftLine = {
  itemId?: string | null;
  description: string;
  unit?: string | null;
  quantityE4: number;
  unitPrice: number;
  discount?: Discount;
  taxRateIds: string[];
  /** Set on a final invoice's "Less deposits paid" lines (convertQuote); kept through edits. */
  depositInvoiceId?: string | null;
};

export type DraftInput = {
  kind: DocumentKind;
  customerId: string;
  currency: string;
  issueDate: string;
  dueDate?: string | null;
  discount?: Discount;
  /** A deposit asked for (quotes and invoices): percent or amount. */
  deposit?: Discount;
  notes?: string | null;
  terms?: string | null;
  footer?: string | null;
  /** The document's own language (a launch language, lib/i18n); null or absent = the customer's. */
  language?: string | null;
  /** E-invoice business terms: BT-72 delivery date, BG-14 invoicing period, BT-13 purchase order, BT-10 buyer reference, BT-81 payment means. */
  deliveryDate?: string | null;
  periodStart?: string | null;
  periodEnd?: string | null;
  purchaseOrderRef?: string | null;
  buyerReference?: string | null;
  paymentMeansCode?: string | null;
  lines: DraftLine[];
};


function validateDraft(input: DraftInput) {
  if (input.dueDate && input.dueDate < input.issueDate) {
    const message = input.kind === "quote" ? "The quote can't expire before its date." : "The due date can't be before the issue date.";
    throw badRequest(message, { dueDate: message });
  }
  if (input.lines.length > 500) throw badRequest("A document can have at most 500 lines.");
  if (input.language && !isLanguage(input.language)) throw badRequest(LANGUAGE_ERROR, { language: LANGUAGE_ERROR });
  // documents_period_check holds the same rule; checked here so the user reads it on the field.
  if (!input.periodStart !== !input.periodEnd) throw badRequest(PERIOD_BOTH, { [input.periodStart ? "periodEnd" : "periodStart"]: PERIOD_BOTH });
  if (input.periodStart && input.periodEnd && input.periodEnd < input.periodStart) throw badRequest(PERIOD_ORDER, { periodEnd: PERIOD_ORDER });
}

/** The e-invoice business terms a draft keeps, as columns (empty means not given). */
function einvoiceTermColumns(input: DraftInput) {
  return {
    deliveryDate: input.deliveryDate || null,
    periodStart: input.periodStart || null,
    periodEnd: input.periodEnd || null,
    purchaseOrderRef: input.purchaseOrderRef?.trim() || null,
    buyerReference: input.buyerReference?.trim() || null,
    paymentMeansCode: input.paymentMeansCode || null,
  };
}

export async function assertCustomer(db: Executor, member: Member, customerId: string) {
  const [customer] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.orgId, member.orgId), eq(customers.id, customerId)));
  if (!customer) throw new AppError("NOT_FOUND", "That customer was not found.", { customerId: "That customer was not found." });
}

const UNKNOWN_ITEM = "Unknown item: choose it again from your items.";

/**
 * Every item a line refers to must be one of this organisation's items. A foreign or deleted id is
 * a field error on that line (the foreign key alone would accept another organisation's item, and
 * answer an unknown one with a database error).
 */
export async function assertItems(db: Executor, member: Member, lines: DraftLine[]) {
  // A malformed id names no item either (and must not reach a uuid column as a query error).
  const ids = [...new Set(lines.flatMap((l) => parseId(l.itemId) ?? []))];
  const found = ids.length
    ? await db
        .select({ id: items.id })
        .from(items)
        .where(and(eq(items.orgId, member.orgId), inArray(items.id, ids)))
    : [];
  const known = new Set(found.map((r) => r.id));
  const fieldErrors: Record<string, string> = {};
  lines.forEach((l, i) => {
    if (l.itemId && !known.has(parseId(l.itemId) ?? "")) {
      // The item picker fills the description, so that is where the editor shows the message.
      fieldErrors[`lines.${i}.itemId`] = UNKNOWN_ITEM;
      fieldErrors[`lines.${i}.description`] = UNKNOWN_ITEM;
    }
  });
  if (Object.keys(fieldErrors).length) throw badRequest("A line refers to an item that does not exist. Choose it again from your items.", fieldErrors);
}

/**
 * A "Less deposits paid" line names a deposit invoice of this organisation (the composite foreign
 * key would answer another organisation's id with a database error, not a message).
 */
async function assertDepositInvoices(db: Executor, member: Member, lines: DraftLine[]) {
  const ids = [...new Set(lines.flatMap((l) => parseId(l.depositInvoiceId) ?? []))];
  if (lines.some((l) => l.depositInvoiceId && !parseId(l.depositInvoiceId))) throw badRequest("A deposit line refers to an unknown deposit invoice.");
  if (!ids.length) return;
  const found = await db
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.orgId, member.orgId), inArray(documents.id, ids), isNotNull(documents.depositForDocumentId)));
  if (found.length !== ids.length) throw badRequest("A deposit line refers to an unknown deposit invoice.");
}

/**
 * Creates a draft, or replaces a draft's contents. Issued documents are refused with 409. Not in the
 * audit log: the document's timeline records each save.
 */
export async function saveDraft(member: Member, input: DraftInput & { id?: string }, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "documents.manage");
  validateDraft(input);
  return db.transaction(async (tx) => {
    await assertCustomer(tx, member, input.customerId);
    await assertItems(tx, member, input.lines);
    await assertDepositInvoices(tx, member, input.lines);
    const taxes = await taxSnapshots(member, input.lines.flatMap((l) => l.taxRateIds), tx);
    const rounding = await organizationRounding(member.orgId, tx);
    if (input.deposit && input.kind !== "credit_note" && rounding === "document") {
      // With tax rounded once per document, the deposit invoice and the final invoice each round
      // their own tax, and together they can differ from the quote by a cent. Per-line rounding
      // keeps deposit + final = quote exactly (lib/money.ts depositLines, depositDeductions).
      const message = "Deposits are not available while tax is rounded once per document: a deposit and its final invoice could then differ from the quote by a cent. Remove the deposit.";
      throw badRequest(message, { depositValue: message });
    }
    const lines = input.lines.map((l) => ({ ...l, depositInvoiceId: parseId(l.depositInvoiceId), taxes: l.taxRateIds.map((id) => taxes.get(id)!) }));
    const computed = computeTotals(input.currency, rounding, input.discount, lines);
    const values = {
      customerId: input.customerId,
      currency: input.currency,
      issueDate: input.issueDate,
      dueDate: input.dueDate ?? null,
      rounding,
      ...discountColumns(input.discount),
      notes: input.notes ?? null,
      terms: input.terms ?? null,
      footer: input.footer ?? null,
      language: input.language || null,
      ...einvoiceTermColumns(input),
      ...totalColumns(computed),
      ...depositColumns(input.kind, input.deposit, rounding, computed, lines),
    };
    let document: Document;
    if (input.id) {
      const [updated] = await tx
        .update(documents)
        .set(values)
        .where(and(eq(documents.orgId, member.orgId), eq(documents.id, input.id), eq(documents.kind, input.kind), eq(documents.status, "draft")))
        .returning();
      if (!updated) {
        const [existing] = await tx.select({ status: documents.status }).from(documents).where(and(eq(documents.orgId, member.orgId), eq(documents.id, input.id)));
        if (existing) throw conflict(EDIT_LOCKED);
        throw notFound("Document");
      }
      document = updated;
      await addEvent(member, document.id, { type: "updated" }, tx);
    } else {
      const [created] = await tx.insert(documents).values({ ...values, orgId: member.orgId, kind: input.kind, createdById: actorId(member) }).returning();
      document = created!;
      await addEvent(member, document.id, { type: "created" }, tx);
    }
    await writeLinesAndTaxes(member, document.id, computed, tx);
    return document;
  });
}

export async function deleteDraft(member: Member, id: string, meta: RequestMeta = {}, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "documents.manage");
  return db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(documents)
      .where(and(eq(documents.orgId, member.orgId), eq(documents.id, id), eq(documents.status, "draft")))
      .returning({ id: documents.id, kind: documents.kind, total: documents.total, currency: documents.currency });
    if (!deleted) {
      const [existing] = await tx.select({ id: documents.id }).from(documents).where(and(eq(documents.orgId, member.orgId), eq(documents.id, id)));
      if (existing) throw conflict("Only drafts can be deleted. Void an issued document instead.");
      throw notFound("Document");
    }
    await auditDocument(member, "document.draft_deleted", id, meta, { kind: deleted.kind, total: deleted.total, currency: deleted.currency }, tx);
  });
}

/**
 * Copies a document's lines (with their tax snapshots) into a new draft. `deductions` are appended
 * after them (a final invoice's "Less deposits paid" lines): the source's whole-document discount
 * then moves onto its own lines as each line's stored share (own discount + document discount
 * share, as an amount), so the deductions, already net of that discount, are not discounted again.
 * A duplicate (or "void and copy") keeps the deposit the source asks for; a converted quote or a credit note does not.
 */
export async function copyToDraft(
  member: Member,
  source: Document,
  kind: DocumentKind,
  options: { lineIds?: string[]; sourceDocumentId?: string | null; issueDate: string; dueDate?: string | null; deductions?: LineToCompute[] },
  tx: Tx,
) {
  const lines = await tx
    .select()
    .from(documentLines)
    .where(and(eq(documentLines.orgId, member.orgId), eq(documentLines.documentId, source.id)))
    .orderBy(asc(documentLines.position));
  const chosen = options.lineIds ? lines.filter((l) => options.lineIds!.includes(l.id)) : lines;
  if (options.lineIds && chosen.length !== options.lineIds.length) throw notFound("Line");
  if (chosen.length === 0) throw badRequest("Choose at least one line.");
  let lineInputs: LineToCompute[] = chosen.map((l) => ({ ...l, discount: discountFromColumns(l.discountType, l.discountValue) }));
  let discount = discountFromColumns(source.discountType, source.discountValue);
  if (options.lineIds && chosen.length !== lines.length) {
    // Some lines only: their share of the whole-document discount comes along as an amount.
    const withoutDocumentDiscount = computeTotals(source.currency, source.rounding, null, lineInputs);
    discount = documentDiscountShare(
      chosen.map((l) => l.discount),
      withoutDocumentDiscount.totals.lineDiscountTotal,
    );
  }
  if (options.deductions?.length) {
    if (discount) {
      lineInputs = chosen.map((l) => ({ ...l, discount: l.discount ? { type: "amount" as const, amount: Math.abs(l.discount) } : null }));
      discount = null;
    }
    lineInputs = [...lineInputs, ...options.deductions];
  }
  const computed = computeTotals(source.currency, source.rounding, discount, lineInputs);
  const deposit = kind === source.kind ? discountFromColumns(source.depositType, source.depositValue) : null;
  const [draft] = await tx
    .insert(documents)
    .values({
      orgId: member.orgId,
      kind,
      customerId: source.customerId,
      currency: source.currency,
      issueDate: options.issueDate,
      dueDate: kind === "credit_note" ? null : options.dueDate !== undefined ? options.dueDate : source.dueDate && source.dueDate >= options.issueDate ? source.dueDate : null,
      rounding: source.rounding,
      ...discountColumns(discount),
      notes: source.notes,
      terms: source.terms,
      footer: source.footer,
      language: source.language,
      // The e-invoice terms travel with the notes: a converted quote or a credit note is for the same delivery and order.
      deliveryDate: source.deliveryDate,
      periodStart: source.periodStart,
      periodEnd: source.periodEnd,
      purchaseOrderRef: source.purchaseOrderRef,
      buyerReference: source.buyerReference,
      paymentMeansCode: source.paymentMeansCode,
      ...totalColumns(computed),
      ...depositColumns(kind, deposit, source.rounding, computed, lineInputs),
      sourceDocumentId: options.sourceDocumentId ?? null,
      createdById: actorId(member),
    })
    .returning();
  await writeLinesAndTaxes(member, draft!.id, computed, tx);
  return draft!;
}

/**
 * A new draft copied from a document, dated today. `rollDates` ("Invoice again" on the customer
 * page) also moves the due date forward by the original's term instead of keeping it.
 */
export async function duplicateDocument(member: Member, id: string, tx?: Executor, options: { rollDates?: boolean } = {}) {
  const db = tx ?? (await getDb());
  assertCan(member, "documents.manage");
  return db.transaction(async (tx) => {
    const source = await lockDocument(member, id, tx);
    const today = await orgToday(member, tx);
    const dates = options.rollDates ? rolledDates(source, today) : { issueDate: today };
    const draft = await copyToDraft(member, source, source.kind, dates, tx);
    await addEvent(member, draft.id, { type: "created", meta: { duplicatedFrom: source.number ?? source.id } }, tx);
    return draft;
  });
}
