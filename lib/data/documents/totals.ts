import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { type Executor, type Tx, getDb } from "@/db";
import { documentLines, documentTaxes, type LineTaxSnapshot, organizations, taxRates } from "@/db/schema";
import { AppError, badRequest } from "@/lib/errors";
import { addAmounts, computeDocument, type Discount, MoneyError, MoneyTooLargeError, planDeposit, type Rounding } from "@/lib/money";

/** A sum beyond exact handling: the person gets the schemas' wording (and its translation), not the figure's internal name. */
const AMOUNT_TOO_LARGE = "The amount is too large to be handled exactly.";
import type { Member } from "../context";
import { discountColumns } from "./shared";

/** A document's lines and tax breakdown as stored: every amount comes from lib/money.ts, the same computation the editor shows. */

export type LineToCompute = {
  itemId?: string | null;
  description: string;
  unit?: string | null;
  quantityE4: number;
  unitPrice: number;
  discount?: Discount;
  taxes: LineTaxSnapshot[];
  /** A final invoice's deduction of this deposit invoice ("Less deposits paid"). */
  depositInvoiceId?: string | null;
};

type ComputedLine = Omit<typeof documentLines.$inferInsert, "documentId" | "orgId">;
export type ComputedDocument = ReturnType<typeof computeTotals>;

export async function organizationRounding(orgId: string, tx?: Executor): Promise<Rounding> {
  const db = tx ?? (await getDb());
  const [org] = await db.select({ rounding: organizations.rounding }).from(organizations).where(eq(organizations.id, orgId));
  return org?.rounding ?? "line";
}

/** Loads the referenced tax rates of this organisation; an id from elsewhere is "not found". */
export async function taxSnapshots(member: Member, ids: string[], tx?: Executor): Promise<Map<string, LineTaxSnapshot>> {
  const db = tx ?? (await getDb());
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select()
    .from(taxRates)
    .where(and(eq(taxRates.orgId, member.orgId), inArray(taxRates.id, unique)));
  if (rows.length !== unique.length) throw new AppError("NOT_FOUND", "A tax rate on this document was not found.");
  return new Map(rows.map((r) => [r.id, snapshotOf(r)]));
}

/** What a line keeps of a tax rate: its money settings and (for e-invoices and the legal wording) its VAT category and exemption. */
export function snapshotOf(r: typeof taxRates.$inferSelect): LineTaxSnapshot {
  return {
    id: r.id,
    name: r.name,
    rateE4: r.rateE4,
    inclusive: r.inclusive,
    compound: r.compound,
    vatCategory: r.vatCategory,
    exemptionReason: r.exemptionReason,
    exemptionCode: r.exemptionCode,
  };
}

export function computeTotals(currency: string, rounding: Rounding, discount: Discount, lines: LineToCompute[]) {
  let totals;
  try {
    totals = computeDocument({
      currency,
      rounding,
      discount,
      lines: lines.map((l) => ({ quantityE4: l.quantityE4, unitPrice: l.unitPrice, discount: l.discount, taxes: l.taxes })),
    });
  } catch (error) {
    if (error instanceof MoneyError) throw badRequest(error instanceof MoneyTooLargeError ? AMOUNT_TOO_LARGE : error.message);
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
      lineDiscount: t.lineDiscount,
      amount: t.amount,
      // The line's own discount plus its share of the document discount, as lib/money.ts split it.
      discount: addAmounts(t.lineDiscount, t.documentDiscount),
      taxable: t.taxable,
      tax: t.tax,
      total: t.total,
      depositInvoiceId: l.depositInvoiceId ?? null,
    };
  });
  return { totals, rows };
}

/**
 * The deposit a quote or invoice asks for, and what it comes to (the deposit invoice's total, from
 * the document's lines grouped by tax set: lib/money.ts planDeposit). Credit notes ask for none.
 */
export function depositColumns(kind: string, deposit: Discount, rounding: Rounding, computed: ComputedDocument, lines: LineToCompute[]) {
  if (kind === "credit_note" || !deposit) return { depositType: null, depositValue: null, depositAmount: 0 };
  let plan;
  try {
    plan = planDeposit({
      currency: computed.totals.currency,
      rounding,
      deposit,
      total: computed.totals.total,
      lines: computed.totals.lines.map((l, i) => ({ taxable: l.taxable, taxes: lines[i]!.taxes })),
    });
  } catch (error) {
    if (error instanceof MoneyError) throw badRequest(error instanceof MoneyTooLargeError ? AMOUNT_TOO_LARGE : error.message);
    throw error;
  }
  const columns = discountColumns(deposit);
  return { depositType: columns.discountType, depositValue: columns.discountValue, depositAmount: plan.total };
}

/** The document columns that hold its totals; a draft owes its whole total. */
export function totalColumns(computed: ComputedDocument) {
  const { subtotal, discountTotal, lineAmountTotal, documentDiscountTotal, taxTotal, total } = computed.totals;
  return { subtotal, discountTotal, lineAmountTotal, documentDiscount: documentDiscountTotal, taxTotal, total, balance: total };
}

export async function writeLinesAndTaxes(member: Member, documentId: string, computed: ComputedDocument, tx: Tx) {
  await tx.delete(documentLines).where(and(eq(documentLines.orgId, member.orgId), eq(documentLines.documentId, documentId)));
  await tx.delete(documentTaxes).where(and(eq(documentTaxes.orgId, member.orgId), eq(documentTaxes.documentId, documentId)));
  if (computed.rows.length) await tx.insert(documentLines).values(computed.rows.map((r) => ({ ...r, orgId: member.orgId, documentId })));
  if (computed.totals.taxes.length) {
    // The category and exemption of each tax, from the lines' snapshots (lib/money.ts only carries the money settings).
    const snapshots = new Map(computed.rows.flatMap((r) => r.taxes ?? []).map((t) => [t.id, t]));
    await tx.insert(documentTaxes).values(
      computed.totals.taxes.map((t, position) => ({
        vatCategory: snapshots.get(t.taxId)?.vatCategory ?? null,
        exemptionReason: snapshots.get(t.taxId)?.exemptionReason ?? null,
        exemptionCode: snapshots.get(t.taxId)?.exemptionCode ?? null,
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
