/**
 * Cross-tenant isolation for the catalogue (customers, items, tax rates): acting as organisation
 * B's owner (full rights in B), nothing of organisation A can be read, changed or deleted, and
 * B's lists and pickers never show A's rows. A's rows are re-read afterwards to prove they are unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import type { Customer, CustomerContact, Item, TaxRate } from "@/db/schema";
import { createAccount, expectAppError } from "@/tests/support/accounts";
import { createTestDb } from "@/tests/support/test-db";
import type { Member } from "./context";
import {
  archiveCustomer,
  createCustomer,
  type CustomerInput,
  deleteCustomer,
  getCustomer,
  listCustomers,
  searchCustomersForPicker,
  unarchiveCustomer,
  updateCustomer,
} from "./customers";
import { archiveItem, createItem, deleteItem, getItem, listItems, searchItemsForPicker, unarchiveItem, updateItem } from "./items";
import { archiveTaxRate, createTaxRate, getTaxRate, getTaxRatesByIds, listTaxRates, unarchiveTaxRate, updateTaxRate } from "./tax-rates";

let handle: DbHandle;
let db: Db;

type Tenant = { member: Member; customer: Customer & { contacts: CustomerContact[] }; item: Item; taxRate: TaxRate };
let A: Tenant;
let B: Tenant;

const blank: Omit<CustomerInput, "name" | "contacts"> = {
  email: null,
  phone: null,
  addressLine1: null,
  addressLine2: null,
  city: null,
  postalCode: null,
  region: null,
  country: null,
  taxId: null,
  currency: null,
  paymentTermsDays: null,
  notes: null,
};

async function seedTenant(label: string): Promise<Tenant> {
  const { member } = await createAccount(db, label);
  const taxRate = await createTaxRate(member, { name: `Shared VAT ${label}`, rateE4: 200_000, inclusive: false, compound: false });
  const customer = await createCustomer(member, {
    ...blank,
    name: `Shared Customer ${label}`,
    email: `billing-${label}@shared.test`,
    contacts: [{ name: "Primary", email: `primary-${label}@shared.test`, isPrimary: true }],
  });
  const item = await createItem(member, { name: `Shared Item ${label}`, description: null, unit: null, unitPrice: 1000, currency: "USD", taxRateIds: [taxRate.id] });
  return { member, customer, item, taxRate };
}

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  A = await seedTenant("a");
  B = await seedTenant("b");
});
afterAll(async () => {
  await handle?.close();
});

describe("customers", () => {
  it("B's list, search and picker show only B's customers", async () => {
    for (const status of ["active", "archived", "all"] as const) {
      const { rows, total } = await listCustomers(B.member, { status, q: "shared" });
      expect(rows.map((r) => r.id)).not.toContain(A.customer.id);
      expect(total).toBe(status === "archived" ? 0 : 1);
    }
    expect((await listCustomers(B.member, { q: "billing-a@" })).total).toBe(0);
    expect((await searchCustomersForPicker(B.member, "shared")).map((r) => r.id)).toEqual([B.customer.id]);
    expect(await searchCustomersForPicker(B.member, "Shared Customer a")).toEqual([]);
  });

  it("B can't get, update, archive, restore or delete A's customer", async () => {
    const id = A.customer.id;
    await expectAppError(getCustomer(B.member, id), "NOT_FOUND");
    await expectAppError(updateCustomer(B.member, { id, ...blank, name: "Hijacked", contacts: [] }), "NOT_FOUND");
    await expectAppError(archiveCustomer(B.member, id), "NOT_FOUND");
    await expectAppError(unarchiveCustomer(B.member, id), "NOT_FOUND");
    await expectAppError(deleteCustomer(B.member, id), "NOT_FOUND");
    const after = await getCustomer(A.member, id);
    expect(after).toMatchObject({ name: A.customer.name, archivedAt: null });
    expect(after.contacts.map((c) => c.id)).toEqual(A.customer.contacts.map((c) => c.id));
  });

  it("B can't move A's contact onto B's customer", async () => {
    const contact = A.customer.contacts[0]!;
    await expectAppError(
      updateCustomer(B.member, { id: B.customer.id, ...blank, name: B.customer.name, contacts: [{ id: contact.id, name: "Mine now", email: "b@x.test", isPrimary: true }] }),
      "NOT_FOUND",
    );
    expect((await getCustomer(A.member, A.customer.id)).contacts[0]).toMatchObject({ id: contact.id, name: "Primary", email: contact.email });
    // B's own customer is unchanged too: the transaction rolled back.
    expect((await getCustomer(B.member, B.customer.id)).contacts.map((c) => c.id)).toEqual(B.customer.contacts.map((c) => c.id));
  });
});

describe("items", () => {
  it("B's list and picker show only B's items", async () => {
    for (const status of ["active", "archived", "all"] as const) {
      expect((await listItems(B.member, { status })).rows.map((r) => r.id)).not.toContain(A.item.id);
    }
    expect((await searchItemsForPicker(B.member, "shared")).map((r) => r.id)).toEqual([B.item.id]);
    expect(await searchItemsForPicker(B.member, "Shared Item a")).toEqual([]);
  });

  it("B can't get, update, archive, restore or delete A's item", async () => {
    const id = A.item.id;
    await expectAppError(getItem(B.member, id), "NOT_FOUND");
    await expectAppError(updateItem(B.member, { id, name: "Hijacked", description: null, unit: null, unitPrice: 1, currency: "USD", taxRateIds: [] }), "NOT_FOUND");
    await expectAppError(archiveItem(B.member, id), "NOT_FOUND");
    await expectAppError(unarchiveItem(B.member, id), "NOT_FOUND");
    await expectAppError(deleteItem(B.member, id), "NOT_FOUND");
    expect(await getItem(A.member, id)).toEqual(A.item);
  });

  it("B can't put A's tax rate on B's item", async () => {
    await expectAppError(createItem(B.member, { name: "x", description: null, unit: null, unitPrice: 1, currency: "USD", taxRateIds: [A.taxRate.id] }), "NOT_FOUND");
    await expectAppError(updateItem(B.member, { ...B.item, taxRateIds: [A.taxRate.id] }), "NOT_FOUND");
    expect((await getItem(B.member, B.item.id)).taxRateIds).toEqual([B.taxRate.id]);
  });
});

describe("tax rates", () => {
  it("B lists only B's rates", async () => {
    expect((await listTaxRates(B.member, { includeArchived: true })).map((r) => r.id)).toEqual([B.taxRate.id]);
  });

  it("B can't get, snapshot, update, archive or restore A's rate", async () => {
    const id = A.taxRate.id;
    await expectAppError(getTaxRate(B.member, id), "NOT_FOUND");
    await expectAppError(getTaxRatesByIds(B.member, [id]), "NOT_FOUND");
    await expectAppError(getTaxRatesByIds(B.member, [B.taxRate.id, id]), "NOT_FOUND");
    await expectAppError(updateTaxRate(B.member, { id, name: "Hijacked", rateE4: 100_000, inclusive: false, compound: false }), "NOT_FOUND");
    await expectAppError(archiveTaxRate(B.member, id), "NOT_FOUND");
    await expectAppError(unarchiveTaxRate(B.member, id), "NOT_FOUND");
    expect(await getTaxRate(A.member, id)).toEqual(A.taxRate);
  });
});
