import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { type Executor, type Tx, getDb } from "@/db";
import { customers, type Document, documentLines, documents, type LineTaxSnapshot, organizations } from "@/db/schema";
import { formatMoney, planDeposit, rateToString, depositDeductions } from "@/lib/money";
import { actorId, type Member } from "../context";
import { issueDocument } from "./lifecycle";
import { addEvent, discountFromColumns, orgToday } from "./shared";
import { computeTotals, type LineToCompute, totalColumns, writeLinesAndTaxes } from "./totals";

/**
 * Deposits: the deposit invoice a quote's acceptance issues, and the "Less deposits paid" lines
 * its final invoice deducts. Amounts come from lib/money.ts (planDeposit, depositDeductions).
 */

/** "VAT 20%" (a name that already says its rate is kept as it is); several: "VAT 20% + Eco 1%"; none: "no tax". */
export function taxSetLabel(taxes: LineTaxSnapshot[]): string {
  if (!taxes.length) return "no tax";
  return taxes.map((t) => (t.name.includes("%") ? t.name : `${t.name} ${rateToString(t.rateE4)}%`)).join(" + ");
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Issues the deposit invoice of a quote that was just accepted, inside the accepting transaction
 * (the caller holds the quote's row lock). Its own invoice number; dated the acceptance day in the
 * organisation's time zone, due after the customer's (else the organisation's) payment terms; one
 * line per tax set of the quote with the deposit's part of it. Exactly once: the unique index on
 * deposit_for_document_id turns a second insert for the same quote into "nothing to do" (null).
 * Null too when the quote asks for no deposit.
 */
export async function issueDepositInvoice(member: Member, quote: Document, tx: Tx): Promise<Document | null> {
  const deposit = discountFromColumns(quote.depositType, quote.depositValue);
  if (!deposit || quote.kind !== "quote") return null;
  const quoteLines = await tx
    .select()
    .from(documentLines)
    .where(and(eq(documentLines.orgId, member.orgId), eq(documentLines.documentId, quote.id)))
    .orderBy(asc(documentLines.position));
  const plan = planDeposit({ currency: quote.currency, rounding: quote.rounding, deposit, total: quote.total, lines: quoteLines.map((l) => ({ taxable: l.taxable, taxes: l.taxes })) });
  if (!plan.lines.length) return null;
  const what = deposit.type === "percent" ? `Deposit ${rateToString(deposit.rateE4)}%` : "Deposit";
  const lines: LineToCompute[] = plan.lines.map((l) => ({
    description: `${what} on quote ${quote.number ?? ""} (${taxSetLabel(l.taxes as LineTaxSnapshot[])})`,
    quantityE4: 10_000,
    unitPrice: l.net,
    taxes: l.taxes as LineTaxSnapshot[],
  }));
  const computed = computeTotals(quote.currency, quote.rounding, null, lines);
  const [org] = await tx.select({ paymentTermsDays: organizations.paymentTermsDays }).from(organizations).where(eq(organizations.id, member.orgId));
  const [customer] = await tx.select({ paymentTermsDays: customers.paymentTermsDays }).from(customers).where(and(eq(customers.orgId, member.orgId), eq(customers.id, quote.customerId)));
  const issueDate = await orgToday(member, tx);
  const [draft] = await tx
    .insert(documents)
    .values({
      orgId: member.orgId,
      kind: "invoice",
      customerId: quote.customerId,
      currency: quote.currency,
      issueDate,
      dueDate: addDays(issueDate, customer?.paymentTermsDays ?? org?.paymentTermsDays ?? 0),
      rounding: quote.rounding,
      terms: quote.terms,
      footer: quote.footer,
      // Same order and buyer; no delivery date or period: a deposit is paid before the supply.
      purchaseOrderRef: quote.purchaseOrderRef,
      buyerReference: quote.buyerReference,
      paymentMeansCode: quote.paymentMeansCode,
      ...totalColumns(computed),
      depositForDocumentId: quote.id,
      createdById: actorId(member) ?? quote.createdById,
    })
    .onConflictDoNothing({ target: documents.depositForDocumentId })
    .returning();
  if (!draft) return null;
  await writeLinesAndTaxes(member, draft.id, computed, tx);
  await addEvent(member, draft.id, { type: "created", meta: { depositFor: quote.number } }, tx);
  await addEvent(member, quote.id, { type: "deposit_invoiced", meta: { invoiceId: draft.id } }, tx);
  return issueDocument(member, draft.id, {}, tx);
}

/**
 * What converting a quote deducts: each paid deposit invoice of the quote, its lines negated,
 * described by number, date and amount. Deposit invoices that are not paid in full are not
 * deducted (the client has not paid them; deducting would undercharge) and come back in `unpaid`
 * so the owner is told: they stay open on their own, to be paid, or voided and the final invoice
 * edited, as the owner decides.
 */
export async function depositDeductionsFor(member: Member, quoteId: string, tx: Tx) {
  const deposits = await tx
    .select()
    .from(documents)
    .where(and(eq(documents.orgId, member.orgId), eq(documents.depositForDocumentId, quoteId)))
    .orderBy(asc(documents.issueDate), asc(documents.number));
  const paid = deposits.filter(paidInMoney);
  const unpaid = deposits.filter((d) => !paidInMoney(d) && d.status !== "void").map((d) => ({ id: d.id, number: d.number }));
  if (!paid.length) return { deductions: [], unpaid };
  const [org] = await tx.select({ locale: organizations.locale }).from(organizations).where(eq(organizations.id, member.orgId));
  const lines = await tx
    .select()
    .from(documentLines)
    .where(and(eq(documentLines.orgId, member.orgId), inArray(documentLines.documentId, paid.map((d) => d.id))))
    .orderBy(asc(documentLines.position));
  const deductions: LineToCompute[] = paid.flatMap((d) => {
    const own = lines.filter((l) => l.documentId === d.id);
    const negated = depositDeductions(own);
    const amount = formatMoney(d.total, d.currency, org?.locale ?? "en-US");
    return own.map((l, i) => ({
      description: `Deposit invoice ${d.number ?? ""} of ${d.issueDate}, ${amount} (${taxSetLabel(l.taxes)})`,
      quantityE4: negated[i]!.quantityE4,
      unitPrice: negated[i]!.unitPrice,
      taxes: l.taxes,
      depositInvoiceId: d.id,
    }));
  });
  return { deductions, unpaid };
}

/**
 * Paid by the client, not merely settled: a deposit invoice cleared by a credit note is "paid"
 * with no money received, and deducting it would undercharge the final invoice.
 */
function paidInMoney(d: { status: string; amountPaid: number; total: number }) {
  return d.status === "paid" && d.amountPaid >= d.total;
}

/** A quote's deposit invoices that are neither paid nor void: what a converted draft could not deduct (the owner is warned on it). */
export async function unpaidDepositInvoices(member: Member, quoteId: string, tx?: Executor) {
  const db = tx ?? (await getDb());
  const rows = await db
    .select({ id: documents.id, number: documents.number, status: documents.status, balance: documents.balance, amountPaid: documents.amountPaid, total: documents.total })
    .from(documents)
    .where(and(eq(documents.orgId, member.orgId), eq(documents.depositForDocumentId, quoteId)));
  return rows.filter((d) => !paidInMoney(d) && d.status !== "void");
}
