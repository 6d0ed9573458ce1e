import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor, Tx } from "@/db";
import {
  customers,
  type Document,
  items,
  documentEvents,
  type DocumentKind,
  documentLines,
  type DocumentStatus,
  documents,
  documentTaxes,
  type LineTaxSnapshot,
  organizations,
  payments,
  taxRates,
  users,
} from "@/db/schema";
import { parseId } from "@/lib/ids";
import { AppError, badRequest, conflict, notFound } from "@/lib/errors";
import { todayIn } from "@/lib/dates";
import { computeDocument, type Discount, MoneyError, type Rounding } from "@/lib/money";
import { recordAudit } from "./audit";
import { customerSnapshot } from "./customers";
import { openCustomer, openDocument, sealSnapshot } from "./encrypted-fields";
import { actorId, assertCan, assertReadsDocument, type Member, type Reader, type RequestMeta } from "./context";
import { allocateNumber, formatDocumentNumber } from "./numbering";

export const OPEN_INVOICE_STATUSES = ["issued", "sent", "viewed", "partially_paid"] as const satisfies DocumentStatus[];
const EDIT_LOCKED = "This document has been issued and can no longer be edited. Create a credit note, or void it and copy it to a new draft.";

export type DraftLine = {
  itemId?: string | null;
  description: string;
  unit?: string | null;
  quantityE4: number;
  unitPrice: number;
  discount?: Discount;
  taxRateIds: string[];
};

export type DraftInput = {
  kind: DocumentKind;
  customerId: string;
  currency: string;
  issueDate: string;
  dueDate?: string | null;
  discount?: Discount;
  notes?: string | null;
  terms?: string | null;
  footer?: string | null;
  lines: DraftLine[];
};

type EventInput = { type: string; meta?: Record<string, unknown> };

async function addEvent(db: Executor, member: Member, documentId: string, event: EventInput) {
  await db.insert(documentEvents).values({ orgId: member.orgId, documentId, actorUserId: actorId(member), type: event.type, meta: event.meta ?? null });
}

function discountColumns(discount: Discount) {
  if (!discount) return { discountType: null, discountValue: null };
  return discount.type === "percent"
    ? { discountType: "percent" as const, discountValue: discount.rateE4 }
    : { discountType: "amount" as const, discountValue: discount.amount };
}

export function discountFromColumns(type: "percent" | "amount" | null, value: number | null): Discount {
  if (!type || value === null) return null;
  return type === "percent" ? { type, rateE4: value } : { type, amount: value };
}

async function organizationRounding(db: Executor, orgId: string): Promise<Rounding> {
  const [org] = await db.select({ rounding: organizations.rounding }).from(organizations).where(eq(organizations.id, orgId));
  return org?.rounding ?? "line";
}

/** Loads the referenced tax rates of this organisation; an id from elsewhere is "not found". */
async function taxSnapshots(db: Executor, member: Member, ids: string[]): Promise<Map<string, LineTaxSnapshot>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select()
    .from(taxRates)
    .where(and(eq(taxRates.orgId, member.orgId), inArray(taxRates.id, unique)));
  if (rows.length !== unique.length) throw new AppError("NOT_FOUND", "A tax rate on this document was not found.");
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, rateE4: r.rateE4, inclusive: r.inclusive, compound: r.compound }]));
}

type ComputedLine = Omit<typeof documentLines.$inferInsert, "documentId" | "orgId">;

/** Every stored amount comes from lib/money.ts, the same computation the editor shows. */
function computeTotals(currency: string, rounding: Rounding, discount: Discount, lines: (Omit<DraftLine, "taxRateIds"> & { taxes: LineTaxSnapshot[] })[]) {
  let totals;
  try {
    totals = computeDocument({
      currency,
      rounding,
      discount,
      lines: lines.map((l) => ({ quantityE4: l.quantityE4, unitPrice: l.unitPrice, discount: l.discount, taxes: l.taxes })),
    });
  } catch (error) {
    if (error instanceof MoneyError) throw badRequest(error.message);
    throw error;
  }
  const rows: ComputedLine[] = lines.map((l, i) => {
    const t = totals.lines[i]!;
    return {
      position: i,
      itemId: l.itemId ?? null,
      description: l.description,
      unit: l.unit ?? null,
      quantityE4: l.quantityE4,
      unitPrice: l.unitPrice,
      ...discountColumns(l.discount),
      taxes: l.taxes,
      net: t.net,
      discount: t.lineDiscount + t.documentDiscount,
      taxable: t.taxable,
      tax: t.tax,
      total: t.total,
    };
  });
  return { totals, rows };
}

async function writeLinesAndTaxes(tx: Tx, member: Member, documentId: string, computed: ReturnType<typeof computeTotals>) {
  await tx.delete(documentLines).where(and(eq(documentLines.orgId, member.orgId), eq(documentLines.documentId, documentId)));
  await tx.delete(documentTaxes).where(and(eq(documentTaxes.orgId, member.orgId), eq(documentTaxes.documentId, documentId)));
  if (computed.rows.length) await tx.insert(documentLines).values(computed.rows.map((r) => ({ ...r, orgId: member.orgId, documentId })));
  if (computed.totals.taxes.length) {
    await tx.insert(documentTaxes).values(
      computed.totals.taxes.map((t, position) => ({
        orgId: member.orgId,
        documentId,
        taxId: t.taxId,
        name: t.name,
        rateE4: t.rateE4,
        inclusive: t.inclusive,
        compound: t.compound,
        base: t.base,
        amount: t.amount,
        position,
      })),
    );
  }
}

function validateDraft(input: DraftInput) {
  if (input.dueDate && input.dueDate < input.issueDate) {
    const message = input.kind === "quote" ? "The quote can't expire before its date." : "The due date can't be before the issue date.";
    throw badRequest(message, { dueDate: message });
  }
  if (input.lines.length > 500) throw badRequest("A document can have at most 500 lines.");
}

async function assertCustomer(db: Executor, member: Member, customerId: string) {
  const [customer] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.orgId, member.orgId), eq(customers.id, customerId)));
  if (!customer) throw new AppError("NOT_FOUND", "That customer was not found.", { customerId: "That customer was not found." });
}

/**
 * Every item a line refers to must be one of this organisation's items. A foreign or deleted id is
 * a field error on that line (the foreign key alone would accept another organisation's item, and
 * answer an unknown one with a database error).
 */
async function assertItems(db: Executor, member: Member, lines: DraftLine[]) {
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
const UNKNOWN_ITEM = "Unknown item: choose it again from your items.";

/** Creates a draft, or replaces a draft's contents. Issued documents are refused with 409. */
export async function saveDraft(db: Executor, member: Member, input: DraftInput & { id?: string }, meta: RequestMeta = {}) {
  assertCan(member, "documents.manage");
  validateDraft(input);
  return db.transaction(async (tx) => {
    await assertCustomer(tx, member, input.customerId);
    await assertItems(tx, member, input.lines);
    const taxes = await taxSnapshots(tx, member, input.lines.flatMap((l) => l.taxRateIds));
    const rounding = await organizationRounding(tx, member.orgId);
    const computed = computeTotals(
      input.currency,
      rounding,
      input.discount,
      input.lines.map((l) => ({ ...l, taxes: l.taxRateIds.map((id) => taxes.get(id)!) })),
    );
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
      subtotal: computed.totals.subtotal,
      discountTotal: computed.totals.discountTotal,
      taxTotal: computed.totals.taxTotal,
      total: computed.totals.total,
      balance: computed.totals.total,
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
      await addEvent(tx, member, document.id, { type: "updated" });
    } else {
      const [created] = await tx.insert(documents).values({ ...values, orgId: member.orgId, kind: input.kind, createdById: member.userId }).returning();
      document = created!;
      await addEvent(tx, member, document.id, { type: "created" });
    }
    await writeLinesAndTaxes(tx, member, document.id, computed);
    void meta;
    return document;
  });
}

async function lockDocument(tx: Tx, member: Member, id: string) {
  const [doc] = await tx
    .select()
    .from(documents)
    .where(and(eq(documents.orgId, member.orgId), eq(documents.id, id)))
    .for("update");
  if (!doc) throw notFound("Document");
  return doc;
}

/**
 * Issues a draft: number, customer snapshot and status in one transaction. Credit notes also
 * reduce the balance of the invoice they credit, in the same transaction.
 */
export async function issueDocument(db: Executor, member: Member, id: string, meta: RequestMeta = {}) {
  assertCan(member, "documents.manage");
  return db.transaction(async (tx) => {
    const doc = await lockDocument(tx, member, id);
    if (doc.status !== "draft") throw conflict("Only drafts can be issued.");
    const lineCount = await tx.select({ n: sql<number>`count(*)::int` }).from(documentLines).where(eq(documentLines.documentId, id));
    if (!lineCount[0]?.n) throw badRequest("Add at least one line before issuing.");
    if (doc.total < 0) throw badRequest("The total can't be negative. Use a credit note to give money back.");
    const [org] = await tx.select().from(organizations).where(eq(organizations.id, member.orgId));
    const [customer] = await tx.select().from(customers).where(and(eq(customers.orgId, member.orgId), eq(customers.id, doc.customerId)));
    const year = Number(doc.issueDate.slice(0, 4));
    const format = doc.kind === "invoice" ? org!.invoiceNumberFormat : doc.kind === "quote" ? org!.quoteNumberFormat : org!.creditNoteNumberFormat;
    const sequence = await allocateNumber(tx, member.orgId, doc.kind, org!.numberingResetsYearly ? year : 0);
    const number = formatDocumentNumber(format, sequence, year);

    if (doc.kind === "credit_note") {
      if (!doc.sourceDocumentId) throw badRequest("This credit note is not linked to an invoice.");
      const invoice = await lockDocument(tx, member, doc.sourceDocumentId);
      if (!OPEN_INVOICE_STATUSES.includes(invoice.status as (typeof OPEN_INVOICE_STATUSES)[number]) && invoice.status !== "paid") {
        throw conflict("The credited invoice is not open.");
      }
      if (doc.currency !== invoice.currency || doc.customerId !== invoice.customerId) {
        throw badRequest("A credit note must be for the same customer and currency as the invoice it credits.");
      }
      if (doc.total > invoice.balance) throw badRequest("The credit note is larger than the invoice's balance due.");
      const balance = invoice.balance - doc.total;
      await tx
        .update(documents)
        .set({ amountCredited: invoice.amountCredited + doc.total, balance, ...(balance === 0 ? { status: "paid", paidAt: new Date() } : {}) })
        .where(and(eq(documents.orgId, member.orgId), eq(documents.id, invoice.id)));
      await addEvent(tx, member, invoice.id, { type: "credited", meta: { creditNoteId: doc.id, number, amount: doc.total } });
    }

    const [issued] = await tx
      .update(documents)
      .set({
        status: doc.kind === "quote" ? "sent" : "issued",
        number,
        issuedAt: new Date(),
        customerSnapshot: customer ? sealSnapshot(id, customerSnapshot(openCustomer(customer))) : null,
        balance: doc.kind === "invoice" ? doc.total : 0,
      })
      .where(and(eq(documents.orgId, member.orgId), eq(documents.id, id), eq(documents.status, "draft")))
      .returning();
    await addEvent(tx, member, id, { type: "issued", meta: { number } });
    void meta;
    return openDocument(issued!);
  });
}

export type PaymentInput = { paidOn: string; amount: number; method: string; reference?: string | null; note?: string | null };

function statusAfterPayment(doc: Document, amountPaid: number, balance: number): DocumentStatus {
  if (balance === 0) return "paid";
  if (amountPaid > 0) return "partially_paid";
  return doc.viewedAt ? "viewed" : doc.sentAt ? "sent" : "issued";
}

export async function recordPayment(db: Executor, member: Member, documentId: string, input: PaymentInput, meta: RequestMeta = {}) {
  assertCan(member, "documents.manage");
  return db.transaction(async (tx) => {
    const doc = await lockDocument(tx, member, documentId);
    if (doc.kind !== "invoice") throw badRequest("Payments are recorded against invoices.");
    if (!OPEN_INVOICE_STATUSES.includes(doc.status as (typeof OPEN_INVOICE_STATUSES)[number])) {
      throw conflict(doc.status === "paid" ? "This invoice is already paid in full." : "Payments can only be recorded on issued, unpaid invoices.");
    }
    if (input.amount <= 0) throw badRequest("Enter an amount greater than zero.", { amount: "Enter an amount greater than zero." });
    if (input.amount > doc.balance) {
      throw badRequest("That is more than the balance due. Overpayments are not accepted.", { amount: "That is more than the balance due." });
    }
    const [payment] = await tx
      .insert(payments)
      .values({ orgId: member.orgId, documentId, currency: doc.currency, invoiceIssueDate: doc.issueDate, invoiceDueDate: doc.dueDate, createdById: member.userId, ...input })
      .returning();
    const amountPaid = doc.amountPaid + input.amount;
    const balance = doc.balance - input.amount;
    const lastPaidOn = doc.lastPaidOn && doc.lastPaidOn > payment!.paidOn ? doc.lastPaidOn : payment!.paidOn;
    await tx
      .update(documents)
      .set({ amountPaid, balance, lastPaidOn, status: statusAfterPayment(doc, amountPaid, balance), ...(balance === 0 ? { paidAt: new Date() } : {}) })
      .where(and(eq(documents.orgId, member.orgId), eq(documents.id, documentId)));
    await addEvent(tx, member, documentId, { type: "payment_recorded", meta: { paymentId: payment!.id, amount: input.amount, method: input.method } });
    void meta;
    return payment!;
  });
}

/** Deleting a payment restores the balance and is audited. */
export async function deletePayment(db: Executor, member: Member, paymentId: string, meta: RequestMeta = {}) {
  assertCan(member, "documents.manage");
  return db.transaction(async (tx) => {
    const [payment] = await tx.select().from(payments).where(and(eq(payments.orgId, member.orgId), eq(payments.id, paymentId)));
    if (!payment) throw notFound("Payment");
    const doc = await lockDocument(tx, member, payment.documentId);
    if (doc.status === "void") throw conflict("Payments of a void invoice can't be changed.");
    await tx.delete(payments).where(and(eq(payments.orgId, member.orgId), eq(payments.id, paymentId)));
    const amountPaid = doc.amountPaid - payment.amount;
    const balance = doc.balance + payment.amount;
    const [remaining] = await tx
      .select({ lastPaidOn: sql<string | null>`max(${payments.paidOn})::text` })
      .from(payments)
      .where(and(eq(payments.orgId, member.orgId), eq(payments.documentId, doc.id)));
    await tx
      .update(documents)
      .set({ amountPaid, balance, lastPaidOn: remaining?.lastPaidOn ?? null, status: statusAfterPayment(doc, amountPaid, balance), paidAt: null })
      .where(and(eq(documents.orgId, member.orgId), eq(documents.id, doc.id)));
    await addEvent(tx, member, doc.id, { type: "payment_deleted", meta: { amount: payment.amount, paidOn: payment.paidOn } });
    await recordAudit(tx, {
      action: "document.payment_deleted",
      orgId: member.orgId,
      actorUserId: member.userId,
      targetType: "document",
      targetId: doc.id,
      meta: { amount: payment.amount, currency: payment.currency, paidOn: payment.paidOn, number: doc.number },
      ...meta,
    });
    return doc.id;
  });
}

export async function voidDocument(db: Executor, member: Member, id: string, reason: string, meta: RequestMeta = {}) {
  assertCan(member, "documents.manage");
  return db.transaction(async (tx) => {
    const doc = await lockDocument(tx, member, id);
    if (doc.status === "draft") throw conflict("Drafts are deleted, not voided.");
    if (doc.status === "void") throw conflict("This document is already void.");
    if (doc.amountPaid > 0) throw conflict("This invoice has payments. Delete them or issue a credit note instead.");
    if (doc.amountCredited > 0) throw conflict("This invoice has credit notes. Void them first, or credit the rest.");
    if (doc.kind === "credit_note" && doc.sourceDocumentId) {
      // The credit goes back onto the invoice it reduced.
      const invoice = await lockDocument(tx, member, doc.sourceDocumentId);
      const amountCredited = invoice.amountCredited - doc.total;
      const balance = invoice.balance + doc.total;
      await tx
        .update(documents)
        .set({ amountCredited, balance, status: statusAfterPayment(invoice, invoice.amountPaid, balance), paidAt: balance === 0 ? invoice.paidAt : null })
        .where(and(eq(documents.orgId, member.orgId), eq(documents.id, invoice.id)));
      await addEvent(tx, member, invoice.id, { type: "credit_voided", meta: { creditNoteId: doc.id, number: doc.number, amount: doc.total } });
    }
    const [voided] = await tx
      .update(documents)
      .set({ status: "void", voidReason: reason, voidedAt: new Date(), balance: 0 })
      .where(and(eq(documents.orgId, member.orgId), eq(documents.id, id)))
      .returning();
    await addEvent(tx, member, id, { type: "voided", meta: { reason } });
    void meta;
    return voided!;
  });
}

/** Copies a document's lines (with their tax snapshots) into a new draft. */
async function copyToDraft(tx: Tx, member: Member, source: Document, kind: DocumentKind, options: { lineIds?: string[]; sourceDocumentId?: string | null; issueDate: string }) {
  const lines = await tx
    .select()
    .from(documentLines)
    .where(and(eq(documentLines.orgId, member.orgId), eq(documentLines.documentId, source.id)))
    .orderBy(asc(documentLines.position));
  const chosen = options.lineIds ? lines.filter((l) => options.lineIds!.includes(l.id)) : lines;
  if (options.lineIds && chosen.length !== options.lineIds.length) throw notFound("Line");
  if (chosen.length === 0) throw badRequest("Choose at least one line.");
  const lineInputs = chosen.map((l) => ({ ...l, discount: discountFromColumns(l.discountType, l.discountValue) }));
  let discount = discountFromColumns(source.discountType, source.discountValue);
  if (options.lineIds && chosen.length !== lines.length) {
    // Some lines only: their share of the whole-document discount comes along as an amount, so a
    // partial credit never gives back more than the customer was charged for those lines.
    const withoutDocumentDiscount = computeTotals(source.currency, source.rounding, null, lineInputs);
    const share = chosen.reduce((sum, l) => sum + l.discount, 0) - withoutDocumentDiscount.totals.lineDiscountTotal;
    discount = share > 0 ? { type: "amount", amount: share } : null;
  }
  const computed = computeTotals(
    source.currency,
    source.rounding,
    discount,
    lineInputs,
  );
  const [draft] = await tx
    .insert(documents)
    .values({
      orgId: member.orgId,
      kind,
      customerId: source.customerId,
      currency: source.currency,
      issueDate: options.issueDate,
      dueDate: kind === "credit_note" ? null : source.dueDate && source.dueDate >= options.issueDate ? source.dueDate : null,
      rounding: source.rounding,
      ...discountColumns(discount),
      notes: source.notes,
      terms: source.terms,
      footer: source.footer,
      subtotal: computed.totals.subtotal,
      discountTotal: computed.totals.discountTotal,
      taxTotal: computed.totals.taxTotal,
      total: computed.totals.total,
      balance: computed.totals.total,
      sourceDocumentId: options.sourceDocumentId ?? null,
      createdById: member.userId,
    })
    .returning();
  await writeLinesAndTaxes(tx, member, draft!.id, computed);
  return draft!;
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Today in the organisation's time zone, for documents created from others (copies, credit notes,
 * converted quotes): a credit note written at 23:30 on January 31 in New York is dated January 31,
 * so it counts in January on the dashboard and in reports, as the editor would have dated it.
 */
async function orgToday(tx: Tx, member: Member): Promise<string> {
  const [org] = await tx.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, member.orgId));
  return org ? todayIn(org.timeZone) : today();
}

export async function duplicateDocument(db: Executor, member: Member, id: string) {
  assertCan(member, "documents.manage");
  return db.transaction(async (tx) => {
    const source = await lockDocument(tx, member, id);
    const draft = await copyToDraft(tx, member, source, source.kind, { issueDate: await orgToday(tx, member) });
    await addEvent(tx, member, draft.id, { type: "created", meta: { duplicatedFrom: source.number ?? source.id } });
    return draft;
  });
}

/** "Void and copy to a new draft": the locked invoice stays as it was, history intact. */
export async function voidAndCopy(db: Executor, member: Member, id: string, reason: string, meta: RequestMeta = {}) {
  assertCan(member, "documents.manage");
  return db.transaction(async (tx) => {
    await voidDocument(tx, member, id, reason, meta);
    const source = await lockDocument(tx, member, id);
    const draft = await copyToDraft(tx, member, source, source.kind, { issueDate: await orgToday(tx, member), sourceDocumentId: source.id });
    await addEvent(tx, member, draft.id, { type: "created", meta: { copiedFrom: source.number } });
    return draft;
  });
}

export async function createCreditNote(db: Executor, member: Member, invoiceId: string, lineIds?: string[]) {
  assertCan(member, "documents.manage");
  return db.transaction(async (tx) => {
    const invoice = await lockDocument(tx, member, invoiceId);
    if (invoice.kind !== "invoice" || invoice.status === "draft" || invoice.status === "void") throw conflict("Credit notes are created from issued invoices.");
    const draft = await copyToDraft(tx, member, invoice, "credit_note", { lineIds, sourceDocumentId: invoice.id, issueDate: await orgToday(tx, member) });
    await addEvent(tx, member, draft.id, { type: "created", meta: { creditFor: invoice.number } });
    return draft;
  });
}

export async function setQuoteOutcome(db: Executor, member: Member, id: string, outcome: "accepted" | "declined") {
  assertCan(member, "documents.manage");
  return applyQuoteOutcome(db, member.orgId, id, outcome, { by: "member", actorUserId: actorId(member) });
}

/**
 * The client's answer from its link: `link` is what unsafeResolveDocumentLink returned for the
 * token (the credential), so the only document it can touch is the one the token names.
 */
export async function recordClientQuoteResponse(db: Executor, link: { orgId: string; documentId: string; linkId: string }, outcome: "accepted" | "declined") {
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

export async function convertQuote(db: Executor, member: Member, id: string) {
  assertCan(member, "documents.manage");
  return db.transaction(async (tx) => {
    const quote = await lockDocument(tx, member, id);
    if (quote.kind !== "quote" || quote.status !== "accepted") throw conflict("Only accepted quotes can be converted into an invoice.");
    const invoice = await copyToDraft(tx, member, quote, "invoice", { issueDate: await orgToday(tx, member), sourceDocumentId: quote.id });
    await tx.update(documents).set({ status: "converted" }).where(and(eq(documents.orgId, member.orgId), eq(documents.id, id)));
    await addEvent(tx, member, id, { type: "converted", meta: { invoiceId: invoice.id } });
    await addEvent(tx, member, invoice.id, { type: "created", meta: { fromQuote: quote.number } });
    return invoice;
  });
}

export async function deleteDraft(db: Executor, member: Member, id: string) {
  assertCan(member, "documents.manage");
  const [deleted] = await db
    .delete(documents)
    .where(and(eq(documents.orgId, member.orgId), eq(documents.id, id), eq(documents.status, "draft")))
    .returning({ id: documents.id });
  if (!deleted) {
    const [existing] = await db.select({ id: documents.id }).from(documents).where(and(eq(documents.orgId, member.orgId), eq(documents.id, id)));
    if (existing) throw conflict("Only drafts can be deleted. Void an issued document instead.");
    throw notFound("Document");
  }
}

/** A member reads any of its organisation's documents; a client link only its own. */
export async function getDocument(db: Executor, member: Reader, id: string) {
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
      .select({ id: documents.id, kind: documents.kind, number: documents.number, status: documents.status, total: documents.total, sourceDocumentId: documents.sourceDocumentId })
      .from(documents)
      .where(and(eq(documents.orgId, member.orgId), sql`(${documents.sourceDocumentId} = ${id} or ${documents.id} = ${doc.sourceDocumentId ?? null})`)),
  ]);
  return { ...openDocument(doc), lines, taxes, payments: paymentRows, events, customer: openCustomer(customer!), related };
}

export function isOverdue(doc: Pick<Document, "kind" | "status" | "dueDate">, on = today()): boolean {
  return doc.kind === "invoice" && !!doc.dueDate && doc.dueDate < on && OPEN_INVOICE_STATUSES.includes(doc.status as (typeof OPEN_INVOICE_STATUSES)[number]);
}

