import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { type TaxRate, taxRates } from "@/db/schema";
import { AppError, badRequest, notFound } from "@/lib/errors";
import { isId } from "@/lib/ids";
import { taxCategoryErrors } from "@/lib/validation/tax-rates";
import { auditMemberChange } from "./audit";
import { assertCan, type Member, type RequestMeta } from "./context";
import { refreshProfileTotals } from "./recurring-profiles";

/**
 * Tax rates of an organisation.
 *
 * Editing a rate is allowed even when documents already use it: every document line stores its own
 * snapshot of the rates it was saved with (`document_lines.taxes`, `document_taxes`), so issued
 * documents never change when a rate is renamed, re-rated or archived. Archiving only hides the
 * rate from the pickers for new lines and items.
 */

export type TaxRateInput = {
  name: string;
  /** Negative for a withholding tax (lib/money.ts). */
  rateE4: number;
  inclusive: boolean;
  compound: boolean;
  /** UNCL5305 (lib/einvoice/codes.ts); "S" when not given. */
  vatCategory?: string;
  exemptionReason?: string | null;
  exemptionCode?: string | null;
};

/** 100% in rateE4 (percent × 10^4). */
export const MAX_RATE_E4 = 1_000_000;

function checkRate(input: TaxRateInput) {
  if (!Number.isSafeInteger(input.rateE4) || input.rateE4 < -MAX_RATE_E4 || input.rateE4 > MAX_RATE_E4) {
    throw badRequest("Enter a rate from 0 to 100%.", { rate: "Enter a rate from 0 to 100%." });
  }
  // A compound tax is charged on the price plus the other taxes; "included in the price" has no
  // clear meaning for it, so the two are exclusive.
  if (input.inclusive && input.compound) {
    throw badRequest("A compound tax can't be included in prices.", { compound: "A compound tax can't be included in prices." });
  }
  const errors = taxCategoryErrors({ ...input, vatCategory: input.vatCategory ?? "S" });
  const first = Object.values(errors)[0];
  if (first) throw badRequest(first, errors);
}

/** The columns a rate's input writes (the exemption only where the category has one). */
const rateValues = (input: TaxRateInput) => ({
  name: input.name,
  rateE4: input.rateE4,
  inclusive: input.inclusive,
  compound: input.compound,
  vatCategory: input.vatCategory ?? "S",
  exemptionReason: input.exemptionReason?.trim() || null,
  exemptionCode: input.exemptionCode?.trim() || null,
});

/** Any member may read the rates (the document editor and item form need them); changing them is a setting. */
export async function listTaxRates(member: Member, { includeArchived = false }: { includeArchived?: boolean } = {}, tx?: Executor) {
  const db = tx ?? (await getDb());
  return db
    .select()
    .from(taxRates)
    .where(and(eq(taxRates.orgId, member.orgId), includeArchived ? undefined : isNull(taxRates.archivedAt)))
    .orderBy(asc(taxRates.name), asc(taxRates.id));
}

export async function getTaxRate(member: Member, id: string, tx?: Executor) {
  const db = tx ?? (await getDb());
  const [row] = await db
    .select()
    .from(taxRates)
    .where(and(eq(taxRates.orgId, member.orgId), eq(taxRates.id, id)))
    .limit(1);
  if (!row) throw notFound("Tax rate");
  return row;
}

/**
 * The organisation's rates with these ids, in the order asked (duplicates dropped). Throws
 * NOT_FOUND when any id is not one of the organisation's rates, so a foreign or deleted id can
 * never be snapshotted onto a document or saved on an item. Archived rates are returned: a draft
 * or an item may still carry a rate that was archived after it was chosen.
 */
export async function getTaxRatesByIds(member: Member, ids: readonly string[], tx?: Executor): Promise<TaxRate[]> {
  const db = tx ?? (await getDb());
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  if (!unique.every(isId)) throw taxRateNotFound();
  const rows = await db
    .select()
    .from(taxRates)
    .where(and(eq(taxRates.orgId, member.orgId), inArray(taxRates.id, unique)));
  if (rows.length !== unique.length) throw taxRateNotFound();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return unique.map((id) => byId.get(id)!);
}

const taxRateNotFound = () => new AppError("NOT_FOUND", "Tax rate not found.", { taxRateIds: "Tax rate not found." });

export async function createTaxRate(member: Member, input: TaxRateInput, meta: RequestMeta = {}, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "settings.manage");
  checkRate(input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(taxRates)
      .values({ orgId: member.orgId, ...rateValues(input) })
      .returning();
    await auditMemberChange(member, "tax_rate.created", { type: "tax_rate", id: row!.id }, meta, { name: row!.name, rateE4: row!.rateE4, vatCategory: row!.vatCategory }, tx);
    return row!;
  });
}

export async function updateTaxRate(member: Member, input: TaxRateInput & { id: string }, meta: RequestMeta = {}, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "settings.manage");
  checkRate(input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(taxRates)
      .set(rateValues(input))
      .where(and(eq(taxRates.orgId, member.orgId), eq(taxRates.id, input.id)))
      .returning();
    if (!row) throw notFound("Tax rate");
    await refreshProfileTotals(member, row.id, tx);
    await auditMemberChange(member, "tax_rate.updated", { type: "tax_rate", id: row.id }, meta, { name: row.name, rateE4: row.rateE4 }, tx);
    return row;
  });
}

/** Idempotent: archiving an archived rate keeps its first archive date. */
export async function archiveTaxRate(member: Member, id: string, meta: RequestMeta = {}, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "settings.manage");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(taxRates)
      .set({ archivedAt: sql`coalesce(${taxRates.archivedAt}, now())` })
      .where(and(eq(taxRates.orgId, member.orgId), eq(taxRates.id, id)))
      .returning();
    if (!row) throw notFound("Tax rate");
    await auditMemberChange(member, "tax_rate.archived", { type: "tax_rate", id }, meta, { name: row.name }, tx);
    return row;
  });
}

export async function unarchiveTaxRate(member: Member, id: string, meta: RequestMeta = {}, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "settings.manage");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(taxRates)
      .set({ archivedAt: null })
      .where(and(eq(taxRates.orgId, member.orgId), eq(taxRates.id, id)))
      .returning();
    if (!row) throw notFound("Tax rate");
    await auditMemberChange(member, "tax_rate.unarchived", { type: "tax_rate", id }, meta, { name: row.name }, tx);
    return row;
  });
}
