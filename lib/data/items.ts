import "server-only";
import { and, asc, count, desc, eq, ilike, isNotNull, isNull, or, type SQL, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db";
import { items } from "@/db/schema";
import { badRequest, notFound } from "@/lib/errors";
import { auditMemberChange } from "./audit";
import { assertCan, type Member, type RequestMeta } from "./context";
import { pageOf, type SortDir } from "./customers";
import { escapeLike } from "./like";
import { getTaxRatesByIds } from "./tax-rates";

export type ItemStatus = "active" | "archived" | "all";
export type ItemSort = "name" | "price" | "created";

/** unitPrice in minor units of `currency` (parsed from the typed text with lib/money.ts). */
export type ItemInput = {
  name: string;
  description: string | null;
  unit: string | null;
  unitPrice: number;
  currency: string;
  taxRateIds: string[];
};

export type ListItemsOptions = { q?: string; status?: ItemStatus; sort?: ItemSort; dir?: SortDir; page?: number; pageSize?: number };

export async function listItems(member: Member, options: ListItemsOptions = {}, tx?: Executor) {
  const db = tx ?? (await getDb());
  const { q, status = "active", sort = "name", dir = "asc" } = options;
  const { size, offset } = pageOf(options.page, options.pageSize);
  const conditions: (SQL | undefined)[] = [eq(items.orgId, member.orgId)];
  if (status === "active") conditions.push(isNull(items.archivedAt));
  if (status === "archived") conditions.push(isNotNull(items.archivedAt));
  const term = q?.trim();
  if (term) {
    const pattern = `%${escapeLike(term)}%`;
    conditions.push(or(ilike(items.name, pattern), ilike(items.description, pattern)));
  }
  const where = and(...conditions);
  const order = dir === "desc" ? desc : asc;
  const key = sort === "price" ? items.unitPrice : sort === "created" ? items.createdAt : sql`lower(${items.name})`;
  const rows = await db
    .select()
    .from(items)
    .where(where)
    .orderBy(order(key), order(items.id))
    .limit(size)
    .offset(offset);
  const [totalRow] = await db.select({ total: count() }).from(items).where(where);
  return { rows, total: totalRow?.total ?? 0, page: Math.floor(offset / size) + 1, pageSize: size };
}

export async function getItem(member: Member, id: string, tx?: Executor) {
  const db = tx ?? (await getDb());
  const [row] = await db
    .select()
    .from(items)
    .where(and(eq(items.orgId, member.orgId), eq(items.id, id)))
    .limit(1);
  if (!row) throw notFound("Item");
  return row;
}

function checkPrice(input: ItemInput) {
  if (!Number.isSafeInteger(input.unitPrice)) throw badRequest("Enter a valid price.", { unitPrice: "Enter a valid price." });
}

/** Every default tax must be one of the organisation's rates: checked inside the write's transaction. */
async function validTaxRateIds(tx: Executor, member: Member, ids: string[]) {
  return (await getTaxRatesByIds(member, ids, tx)).map((r) => r.id);
}

export async function createItem(member: Member, input: ItemInput, meta: RequestMeta = {}, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "customers.manage");
  checkPrice(input);
  return db.transaction(async (tx) => {
    const taxRateIds = await validTaxRateIds(tx, member, input.taxRateIds);
    const [row] = await tx
      .insert(items)
      .values({
        orgId: member.orgId,
        name: input.name,
        description: input.description,
        unit: input.unit,
        unitPrice: input.unitPrice,
        currency: input.currency,
        taxRateIds,
      })
      .returning();
    await auditMemberChange(member, "item.created", { type: "item", id: row!.id }, meta, { name: row!.name }, tx);
    return row!;
  });
}

export async function updateItem(member: Member, input: ItemInput & { id: string }, meta: RequestMeta = {}, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "customers.manage");
  checkPrice(input);
  return db.transaction(async (tx) => {
    const taxRateIds = await validTaxRateIds(tx, member, input.taxRateIds);
    const [row] = await tx
      .update(items)
      .set({ name: input.name, description: input.description, unit: input.unit, unitPrice: input.unitPrice, currency: input.currency, taxRateIds })
      .where(and(eq(items.orgId, member.orgId), eq(items.id, input.id)))
      .returning();
    if (!row) throw notFound("Item");
    await auditMemberChange(member, "item.updated", { type: "item", id: row.id }, meta, { name: row.name }, tx);
    return row;
  });
}

export async function archiveItem(member: Member, id: string, meta: RequestMeta = {}, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "customers.manage");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(items)
      .set({ archivedAt: sql`coalesce(${items.archivedAt}, now())` })
      .where(and(eq(items.orgId, member.orgId), eq(items.id, id)))
      .returning();
    if (!row) throw notFound("Item");
    await auditMemberChange(member, "item.archived", { type: "item", id }, meta, { name: row.name }, tx);
    return row;
  });
}

export async function unarchiveItem(member: Member, id: string, meta: RequestMeta = {}, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "customers.manage");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(items)
      .set({ archivedAt: null })
      .where(and(eq(items.orgId, member.orgId), eq(items.id, id)))
      .returning();
    if (!row) throw notFound("Item");
    await auditMemberChange(member, "item.unarchived", { type: "item", id }, meta, { name: row.name }, tx);
    return row;
  });
}

/** Always allowed: document lines keep their own copy of the item, and their item_id is set null by the foreign key. */
export async function deleteItem(member: Member, id: string, meta: RequestMeta = {}, tx?: Executor) {
  const db = tx ?? (await getDb());
  assertCan(member, "customers.manage");
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(items)
      .where(and(eq(items.orgId, member.orgId), eq(items.id, id)))
      .returning({ id: items.id, name: items.name });
    if (!row) throw notFound("Item");
    await auditMemberChange(member, "item.deleted", { type: "item", id }, meta, { name: row.name }, tx);
  });
}

/** The invoice editor's item autocomplete: active items, names starting with `q` first, then containing it. */
export async function searchItemsForPicker(member: Member, q: string, limit = 10, tx?: Executor) {
  const db = tx ?? (await getDb());
  const term = q.trim().toLowerCase();
  const prefix = sql`lower(${items.name}) like ${`${escapeLike(term)}%`}`;
  const conditions: (SQL | undefined)[] = [eq(items.orgId, member.orgId), isNull(items.archivedAt)];
  if (term) conditions.push(or(prefix, ilike(items.name, `%${escapeLike(term)}%`)));
  return db
    .select({
      id: items.id,
      name: items.name,
      description: items.description,
      unit: items.unit,
      unitPrice: items.unitPrice,
      currency: items.currency,
      taxRateIds: items.taxRateIds,
    })
    .from(items)
    .where(and(...conditions))
    .orderBy(...(term ? [desc(prefix)] : []), asc(sql`lower(${items.name})`), asc(items.id))
    .limit(Math.min(50, Math.max(1, limit)));
}
