import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { customerContacts, customers, documents } from "@/db/schema";
import { and, eq } from "drizzle-orm";
import { addMember, createAccount, createUser, expectAppError } from "@/tests/support/accounts";
import { createTestDb } from "@/tests/support/test-db";
import type { Member } from "./context";
import {
  archiveCustomer,
  createCustomer,
  type CustomerInput,
  customerSnapshot,
  deleteCustomer,
  getCustomer,
  listCustomers,
  searchCustomersForPicker,
  unarchiveCustomer,
  updateCustomer,
} from "./customers";

let handle: DbHandle;
let db: Db;
let owner: Member;
let member: Member;

function customerInput(overrides: Partial<CustomerInput> = {}): CustomerInput {
  return {
    name: "Acme Ltd",
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
    contacts: [],
    ...overrides,
  };
}

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  const account = await createAccount(db, "cust");
  owner = account.member;
  member = await addMember(db, account.org.id, await createUser(db, "cust-member"), "member");
});
afterAll(async () => {
  await handle?.close();
});

describe("create, get, update", () => {
  it("creates a customer with contacts in one go and reads it back", async () => {
    const created = await createCustomer(
      member,
      customerInput({
        name: "Contoso",
        email: "billing@contoso.test",
        addressLine1: "1 Main St",
        city: "Springfield",
        postalCode: "12345",
        country: "US",
        taxId: "US-1",
        paymentTermsDays: 14,
        contacts: [
          { name: "Ann", email: "ann@contoso.test", isPrimary: false },
          { name: null, email: "bob@contoso.test", isPrimary: true },
        ],
      }),
    );
    const got = await getCustomer(member, created.id);
    expect(got.name).toBe("Contoso");
    expect(got.paymentTermsDays).toBe(14);
    expect(got.contacts.map((c) => [c.email, c.isPrimary])).toEqual([
      ["bob@contoso.test", true],
      ["ann@contoso.test", false],
    ]);
    expect(customerSnapshot(got)).toEqual({
      name: "Contoso",
      email: "billing@contoso.test",
      addressLines: ["1 Main St", "12345 Springfield", "US"],
      taxId: "US-1",
      address: { line1: "1 Main St", line2: null, city: "Springfield", postalCode: "12345", region: null, country: "US" },
      buyerReference: null,
      electronicAddress: null,
      electronicAddressScheme: null,
    });
  });

  it("makes the first contact primary when none is chosen", async () => {
    const c = await createCustomer(owner, customerInput({ contacts: [{ name: null, email: "a@x.test", isPrimary: false }, { name: null, email: "b@x.test", isPrimary: false }] }));
    expect(c.contacts.filter((x) => x.isPrimary).map((x) => x.email)).toEqual(["a@x.test"]);
  });

  it("refuses two primary contacts and writes nothing", async () => {
    const before = (await listCustomers(owner, { status: "all", pageSize: 100 })).total;
    const error = await expectAppError(
      createCustomer(owner, customerInput({ name: "Two primaries", contacts: [{ name: null, email: "a@x.test", isPrimary: true }, { name: null, email: "b@x.test", isPrimary: true }] })),
      "BAD_REQUEST",
    );
    expect(error.fieldErrors).toEqual({ contacts: "Choose one primary contact." });
    expect((await listCustomers(owner, { status: "all", pageSize: 100 })).total).toBe(before);
  });

  it("the database itself allows only one primary contact per customer", async () => {
    const c = await createCustomer(owner, customerInput({ contacts: [{ name: null, email: "a@x.test", isPrimary: true }] }));
    await expect(db.insert(customerContacts).values({ orgId: owner.orgId, customerId: c.id, email: "b@x.test", isPrimary: true })).rejects.toThrow();
  });

  it("updates fields and contacts: keeps, edits, adds, removes and moves the primary flag", async () => {
    const c = await createCustomer(
      owner,
      customerInput({
        name: "Initech",
        contacts: [
          { name: "Peter", email: "peter@initech.test", isPrimary: true },
          { name: "Milton", email: "milton@initech.test", isPrimary: false },
        ],
      }),
    );
    const peter = c.contacts.find((x) => x.email === "peter@initech.test")!;
    const updated = await updateCustomer(owner, {
      id: c.id,
      ...customerInput({
        name: "Initech Inc",
        notes: "Line 1\nLine 2",
        contacts: [
          { id: peter.id, name: "Peter G", email: "peter@initech.test", isPrimary: false },
          { name: "Samir", email: "samir@initech.test", isPrimary: true },
        ],
      }),
    });
    expect(updated.name).toBe("Initech Inc");
    expect(updated.notes).toBe("Line 1\nLine 2");
    expect(updated.contacts.map((x) => [x.name, x.isPrimary])).toEqual([
      ["Samir", true],
      ["Peter G", false],
    ]);
    expect(updated.contacts.find((x) => x.name === "Peter G")!.id).toBe(peter.id);
  });

  it("refuses a contact id that belongs to another customer", async () => {
    const a = await createCustomer(owner, customerInput({ contacts: [{ name: null, email: "a@x.test", isPrimary: true }] }));
    const b = await createCustomer(owner, customerInput({ contacts: [] }));
    await expectAppError(updateCustomer(owner, { id: b.id, ...customerInput({ contacts: [{ id: a.contacts[0]!.id, name: null, email: "steal@x.test", isPrimary: true }] }) }), "NOT_FOUND");
    expect((await getCustomer(owner, a.id)).contacts[0]!.email).toBe("a@x.test");
  });

  it("answers NOT_FOUND for an unknown id", async () => {
    await expectAppError(getCustomer(owner, "00000000-0000-4000-8000-000000000000"), "NOT_FOUND");
    await expectAppError(updateCustomer(owner, { id: "00000000-0000-4000-8000-000000000000", ...customerInput() }), "NOT_FOUND");
  });
});

describe("archive and delete", () => {
  it("archives (hidden from the picker and the active list) and restores", async () => {
    const c = await createCustomer(member, customerInput({ name: "Zebra Archivable" }));
    expect((await searchCustomersForPicker(member, "zebra arch")).map((r) => r.id)).toEqual([c.id]);
    const archived = await archiveCustomer(member, c.id);
    expect(archived.archivedAt).toBeInstanceOf(Date);
    // Idempotent: a second archive keeps the first date.
    expect((await archiveCustomer(member, c.id)).archivedAt!.getTime()).toBe(archived.archivedAt!.getTime());
    expect(await searchCustomersForPicker(member, "zebra arch")).toEqual([]);
    expect((await listCustomers(member, { q: "Zebra Archivable" })).total).toBe(0);
    expect((await listCustomers(member, { q: "Zebra Archivable", status: "archived" })).rows.map((r) => r.id)).toEqual([c.id]);
    await unarchiveCustomer(member, c.id);
    expect((await searchCustomersForPicker(member, "zebra arch")).map((r) => r.id)).toEqual([c.id]);
  });

  it("deletes a customer without documents, with its contacts", async () => {
    const c = await createCustomer(member, customerInput({ contacts: [{ name: null, email: "gone@x.test", isPrimary: true }] }));
    await deleteCustomer(member, c.id);
    await expectAppError(getCustomer(member, c.id), "NOT_FOUND");
    expect(await db.select().from(customerContacts).where(eq(customerContacts.customerId, c.id))).toEqual([]);
    await expectAppError(deleteCustomer(member, c.id), "NOT_FOUND");
  });

  it("refuses to delete a customer that has a document", async () => {
    const c = await createCustomer(member, customerInput({ name: "Has documents" }));
    await db.insert(documents).values({ orgId: member.orgId, kind: "invoice", customerId: c.id, currency: "USD", issueDate: "2026-01-15" });
    const error = await expectAppError(deleteCustomer(member, c.id), "CONFLICT");
    expect(error.message).toBe("This customer has documents; archive it instead.");
    expect((await getCustomer(member, c.id)).name).toBe("Has documents");
  });
});

describe("list: search, filter, sort, pages", () => {
  let orgMember: Member;
  beforeAll(async () => {
    // A separate organisation so other tests' customers don't change the counts.
    orgMember = (await createAccount(db, "list")).member;
    for (let i = 1; i <= 30; i++) {
      const n = String(i).padStart(2, "0");
      await createCustomer(orgMember, customerInput({ name: `Customer ${n}`, email: `c${n}@list.test` }));
    }
    await createCustomer(orgMember, customerInput({ name: "100% Organic", email: "hello@organic.test" }));
    await createCustomer(orgMember, customerInput({ name: "under_score co", email: "u@under.test" }));
    const old = await createCustomer(orgMember, customerInput({ name: "Archived Anvil" }));
    await archiveCustomer(orgMember, old.id);
  });

  it("pages through active customers sorted by name, case-insensitively", async () => {
    const first = await listCustomers(orgMember, { pageSize: 25 });
    expect(first.total).toBe(32);
    expect(first.rows).toHaveLength(25);
    expect(first.rows[0]!.name).toBe("100% Organic");
    expect(first.rows[1]!.name).toBe("Customer 01");
    expect(first.rows[24]!.name).toBe("Customer 24");
    const second = await listCustomers(orgMember, { page: 2, pageSize: 25 });
    expect(second.total).toBe(32);
    expect(second.rows.map((r) => r.name)).toEqual(["Customer 25", "Customer 26", "Customer 27", "Customer 28", "Customer 29", "Customer 30", "under_score co"]);
    const third = await listCustomers(orgMember, { page: 3, pageSize: 25 });
    expect(third.rows).toEqual([]);
  });

  it("sorts descending and by creation date", async () => {
    const desc = await listCustomers(orgMember, { sort: "name", dir: "desc", pageSize: 3 });
    expect(desc.rows.map((r) => r.name)).toEqual(["under_score co", "Customer 30", "Customer 29"]);
    const newest = await listCustomers(orgMember, { sort: "created", dir: "desc", pageSize: 2 });
    expect(newest.rows.map((r) => r.name)).toEqual(["under_score co", "100% Organic"]);
    const oldest = await listCustomers(orgMember, { sort: "created", dir: "asc", pageSize: 1 });
    expect(oldest.rows.map((r) => r.name)).toEqual(["Customer 01"]);
  });

  it("searches part of the name or email, case-insensitively", async () => {
    expect((await listCustomers(orgMember, { q: "tomer 1" })).rows.map((r) => r.name)).toEqual(["Customer 10", "Customer 11", "Customer 12", "Customer 13", "Customer 14", "Customer 15", "Customer 16", "Customer 17", "Customer 18", "Customer 19"]);
    expect((await listCustomers(orgMember, { q: "C07@LIST" })).rows.map((r) => r.name)).toEqual(["Customer 07"]);
    expect((await listCustomers(orgMember, { q: "organic.test" })).rows.map((r) => r.name)).toEqual(["100% Organic"]);
  });

  it("treats % and _ in the search literally", async () => {
    expect((await listCustomers(orgMember, { q: "%" })).rows.map((r) => r.name)).toEqual(["100% Organic"]);
    expect((await listCustomers(orgMember, { q: "0%" })).rows.map((r) => r.name)).toEqual(["100% Organic"]);
    expect((await listCustomers(orgMember, { q: "_" })).rows.map((r) => r.name)).toEqual(["under_score co"]);
    expect((await listCustomers(orgMember, { q: "\\" })).total).toBe(0);
  });

  it("filters by status", async () => {
    expect((await listCustomers(orgMember, { status: "archived" })).rows.map((r) => r.name)).toEqual(["Archived Anvil"]);
    expect((await listCustomers(orgMember, { status: "all" })).total).toBe(33);
  });

  it("clamps nonsense page numbers", async () => {
    const r = await listCustomers(orgMember, { page: -3, pageSize: 0 });
    expect(r.page).toBe(1);
    expect(r.rows.length).toBeGreaterThan(0);
  });

  it("picker: prefix matches first, then contains; archived never; limit 10", async () => {
    await createCustomer(orgMember, customerInput({ name: "Organic Farm" }));
    // "100% Organic" sorts first by name, but a name that starts with the term comes first.
    const rows = await searchCustomersForPicker(orgMember, "ORG");
    expect(rows.map((r) => r.name)).toEqual(["Organic Farm", "100% Organic"]);
    expect(await searchCustomersForPicker(orgMember, "anvil")).toEqual([]);
    expect(await searchCustomersForPicker(orgMember, "customer")).toHaveLength(10);
    expect(await searchCustomersForPicker(orgMember, "")).toHaveLength(10);
  });
});

describe("roles", () => {
  it("members may manage customers (all roles have customers.manage)", async () => {
    const c = await createCustomer(member, customerInput({ name: "By a member" }));
    await updateCustomer(member, { id: c.id, ...customerInput({ name: "By a member, edited" }) });
    const [row] = await db.select().from(customers).where(and(eq(customers.orgId, member.orgId), eq(customers.id, c.id)));
    expect(row!.name).toBe("By a member, edited");
    await deleteCustomer(member, c.id);
  });
});
