import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db, DbHandle } from "@/db";
import { customers, documentLines, documents } from "@/db/schema";
import { addMember, createAccount, createUser, expectAppError } from "@/tests/support/accounts";
import { createTestDb } from "@/tests/support/test-db";
import { itemSchema } from "@/lib/validation/items";
import type { Member } from "./context";
import { archiveItem, createItem, deleteItem, getItem, type ItemInput, listItems, searchItemsForPicker, unarchiveItem, updateItem } from "./items";
import { createTaxRate } from "./tax-rates";

let handle: DbHandle;
let db: Db;
let owner: Member;
let member: Member;
let other: Member;
let vatId: string;

const item = (overrides: Partial<ItemInput> = {}): ItemInput => ({
  name: "Consulting hour",
  description: null,
  unit: "hour",
  unitPrice: 12_000,
  currency: "USD",
  taxRateIds: [],
  ...overrides,
});

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  const account = await createAccount(db, "items");
  owner = account.member;
  member = await addMember(db, account.org.id, await createUser(db, "items-member"), "member");
  other = (await createAccount(db, "items-other")).member;
  vatId = (await createTaxRate(owner, { name: "VAT", rateE4: 200_000, inclusive: false, compound: false })).id;
});
afterAll(async () => {
  await handle?.close();
});

describe("items", () => {
  it("a member creates, reads, updates, archives, restores and deletes an item", async () => {
    const created = await createItem(member, item({ taxRateIds: [vatId, vatId] }));
    expect(created).toMatchObject({ name: "Consulting hour", unitPrice: 12_000, currency: "USD", taxRateIds: [vatId] });
    expect(await getItem(member, created.id)).toMatchObject({ id: created.id });
    const updated = await updateItem(member, { id: created.id, ...item({ name: "Senior consulting hour", unitPrice: 15_050, taxRateIds: [] }) });
    expect(updated).toMatchObject({ name: "Senior consulting hour", unitPrice: 15_050, taxRateIds: [] });
    await archiveItem(member, created.id);
    expect((await searchItemsForPicker(member, "senior")).map((r) => r.id)).toEqual([]);
    await unarchiveItem(member, created.id);
    expect((await searchItemsForPicker(member, "senior"))[0]).toEqual({
      id: created.id,
      name: "Senior consulting hour",
      description: null,
      unit: "hour",
      unitPrice: 15_050,
      currency: "USD",
      taxRateIds: [],
    });
    await deleteItem(member, created.id);
    await expectAppError(getItem(member, created.id), "NOT_FOUND");
    await expectAppError(deleteItem(member, created.id), "NOT_FOUND");
  });

  it("refuses a tax rate of another organisation, and writes nothing", async () => {
    const foreign = await createTaxRate(other, { name: "Foreign VAT", rateE4: 190_000, inclusive: false, compound: false });
    const e = await expectAppError(createItem(owner, item({ name: "Sneaky", taxRateIds: [vatId, foreign.id] })), "NOT_FOUND");
    expect(e.message).toBe("Tax rate not found.");
    expect((await listItems(owner, { q: "Sneaky", status: "all" })).total).toBe(0);
    const ok = await createItem(owner, item({ name: "Honest", taxRateIds: [vatId] }));
    await expectAppError(updateItem(owner, { id: ok.id, ...item({ name: "Honest", taxRateIds: [foreign.id] }) }), "NOT_FOUND");
    expect((await getItem(owner, ok.id)).taxRateIds).toEqual([vatId]);
  });

  it("deleting an item used on a document line keeps the line (item_id set null)", async () => {
    const it1 = await createItem(owner, item({ name: "Used on a line" }));
    const [customer] = await db.insert(customers).values({ orgId: owner.orgId, name: "Line customer" }).returning();
    const [doc] = await db.insert(documents).values({ orgId: owner.orgId, kind: "invoice", customerId: customer!.id, currency: "USD", issueDate: "2026-01-15" }).returning();
    const [line] = await db
      .insert(documentLines)
      .values({ orgId: owner.orgId, documentId: doc!.id, position: 0, itemId: it1.id, description: "Used on a line", quantityE4: 10_000, unitPrice: 12_000, net: 12_000, lineDiscount: 0, amount: 12_000, discount: 0, taxable: 12_000, tax: 0, total: 12_000 })
      .returning();
    await deleteItem(owner, it1.id);
    const [after] = await db.select().from(documentLines).where(eq(documentLines.id, line!.id));
    expect(after).toMatchObject({ itemId: null, description: "Used on a line", unitPrice: 12_000 });
  });

  it("lists with search, sort, status and pages", async () => {
    const m = (await createAccount(db, "items-list")).member;
    for (let i = 1; i <= 12; i++) await createItem(m, item({ name: `Widget ${String(i).padStart(2, "0")}`, unitPrice: i * 100, description: i === 3 ? "100% cotton" : null }));
    const gone = await createItem(m, item({ name: "Widget old" }));
    await archiveItem(m, gone.id);
    const p2 = await listItems(m, { page: 2, pageSize: 5 });
    expect(p2.total).toBe(12);
    expect(p2.rows.map((r) => r.name)).toEqual(["Widget 06", "Widget 07", "Widget 08", "Widget 09", "Widget 10"]);
    expect((await listItems(m, { sort: "name", dir: "desc", pageSize: 1 })).rows[0]!.name).toBe("Widget 12");
    expect((await listItems(m, { sort: "price", dir: "desc", pageSize: 1 })).rows[0]!.unitPrice).toBe(1200);
    expect((await listItems(m, { q: "WIDGET 1" })).rows.map((r) => r.name)).toEqual(["Widget 10", "Widget 11", "Widget 12"]);
    expect((await listItems(m, { q: "0%" })).rows.map((r) => r.name)).toEqual(["Widget 03"]);
    expect((await listItems(m, { status: "archived" })).rows.map((r) => r.name)).toEqual(["Widget old"]);
    expect(await searchItemsForPicker(m, "widget")).toHaveLength(10);
    expect((await searchItemsForPicker(m, "old"))).toEqual([]);
  });
});

describe("item form schema", () => {
  const base = { name: "Thing", unitPrice: "120.00", currency: "usd", taxRateIds: [] };
  it("parses the price exactly against the currency", () => {
    expect(itemSchema.parse(base)).toMatchObject({ unitPrice: 12_000, currency: "USD", description: null, unit: null });
    expect(itemSchema.parse({ ...base, unitPrice: "1,200", currency: "JPY" }).unitPrice).toBe(1200);
    expect(itemSchema.parse({ ...base, unitPrice: "1.234", currency: "BHD" }).unitPrice).toBe(1234);
  });
  it("puts price errors on the price field", () => {
    const r = itemSchema.safeParse({ ...base, unitPrice: "12.345" });
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["unitPrice", "USD amounts can have at most 2 decimals."]]);
    const bad = itemSchema.safeParse({ ...base, unitPrice: "12,34" });
    expect(bad.error?.issues[0]?.path).toEqual(["unitPrice"]);
    const noCurrency = itemSchema.safeParse({ ...base, currency: "XYZ" });
    expect(noCurrency.error?.issues.map((i) => i.path.join("."))).toEqual(["currency"]);
  });
});
