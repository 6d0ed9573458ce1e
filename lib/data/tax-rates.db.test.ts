import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { addMember, createAccount, createUser, expectAppError } from "@/tests/support/accounts";
import { createTestDb } from "@/tests/support/test-db";
import { taxRateSchema } from "@/lib/validation/tax-rates";
import type { Member } from "./context";
import { archiveTaxRate, createTaxRate, getTaxRatesByIds, listTaxRates, unarchiveTaxRate, updateTaxRate } from "./tax-rates";

let handle: DbHandle;
let db: Db;
let owner: Member;
let admin: Member;
let member: Member;

const vat = { name: "VAT", rateE4: 200_000, inclusive: false, compound: false };

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  const account = await createAccount(db, "tax");
  owner = account.member;
  admin = await addMember(db, account.org.id, await createUser(db, "tax-admin"), "admin");
  member = await addMember(db, account.org.id, await createUser(db, "tax-member"), "member");
});
afterAll(async () => {
  await handle?.close();
});

describe("tax rates", () => {
  it("creates, lists by name, updates, archives and restores", async () => {
    const b = await createTaxRate(admin, { name: "Sales tax", rateE4: 72_500, inclusive: false, compound: false });
    const a = await createTaxRate(owner, vat);
    expect((await listTaxRates(owner)).map((r) => r.name)).toEqual(["Sales tax", "VAT"]);
    const edited = await updateTaxRate(owner, { id: a.id, name: "VAT standard", rateE4: 210_000, inclusive: true, compound: false });
    expect(edited).toMatchObject({ name: "VAT standard", rateE4: 210_000, inclusive: true });
    await archiveTaxRate(owner, b.id);
    expect((await listTaxRates(owner)).map((r) => r.id)).toEqual([a.id]);
    expect((await listTaxRates(owner, { includeArchived: true })).map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
    await unarchiveTaxRate(owner, b.id);
    expect(await listTaxRates(owner)).toHaveLength(2);
  });

  it("refuses out-of-range rates and compound + inclusive in the DAL too", async () => {
    await expectAppError(createTaxRate(owner, { ...vat, rateE4: 1_000_001 }), "BAD_REQUEST");
    await expectAppError(createTaxRate(owner, { ...vat, rateE4: -1_000_001 }), "BAD_REQUEST");
    const e = await expectAppError(createTaxRate(owner, { ...vat, inclusive: true, compound: true }), "BAD_REQUEST");
    expect(e.fieldErrors).toEqual({ compound: "A compound tax can't be included in prices." });
  });

  it("getTaxRatesByIds returns the rates in the order asked and refuses unknown ids", async () => {
    const x = await createTaxRate(owner, { ...vat, name: "X" });
    const y = await createTaxRate(owner, { ...vat, name: "Y" });
    expect((await getTaxRatesByIds(member, [y.id, x.id, y.id])).map((r) => r.name)).toEqual(["Y", "X"]);
    expect(await getTaxRatesByIds(member, [])).toEqual([]);
    await expectAppError(getTaxRatesByIds(member, [x.id, "00000000-0000-4000-8000-000000000000"]), "NOT_FOUND");
    await expectAppError(getTaxRatesByIds(member, ["not-a-uuid"]), "NOT_FOUND");
  });

  it("members can read rates but not change them", async () => {
    const r = await createTaxRate(owner, { ...vat, name: "Members read me" });
    expect((await listTaxRates(member)).map((t) => t.id)).toContain(r.id);
    await expectAppError(createTaxRate(member, vat), "FORBIDDEN");
    await expectAppError(updateTaxRate(member, { id: r.id, ...vat }), "FORBIDDEN");
    await expectAppError(archiveTaxRate(member, r.id), "FORBIDDEN");
    await expectAppError(unarchiveTaxRate(member, r.id), "FORBIDDEN");
  });

  it("unknown ids answer NOT_FOUND", async () => {
    const id = "00000000-0000-4000-8000-000000000000";
    await expectAppError(updateTaxRate(owner, { id, ...vat }), "NOT_FOUND");
    await expectAppError(archiveTaxRate(owner, id), "NOT_FOUND");
  });
});

describe("tax rate form schema", () => {
  it("parses the typed rate exactly", () => {
    expect(taxRateSchema.parse({ name: "VAT", rate: "20", inclusive: false, compound: false }).rateE4).toBe(200_000);
    expect(taxRateSchema.parse({ name: "GST", rate: "7.25%", inclusive: false, compound: false }).rateE4).toBe(72_500);
  });

  it("explains bad input field by field", () => {
    const r = taxRateSchema.safeParse({ name: "", rate: "150", inclusive: true, compound: true });
    expect(r.success).toBe(false);
    const messages = Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages).toEqual({ name: "Enter a name, like VAT or Sales tax.", rate: "Enter a rate from 0 to 100%.", compound: "A compound tax can't be included in prices." });
  });
});
