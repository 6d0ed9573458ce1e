/**
 * Data written under one set of keys and read under another (a seed run without the server's
 * SECRET_KEY / ENCRYPTION_SALT): the key check names the variables, and the pages read the
 * unreadable fields as blank, reported on the row, instead of failing.
 */
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { createKeyring, type Keyring } from "@/lib/crypto";
import { setActiveKeyring } from "@/lib/crypto/keyring";
import { createCustomer, createInvoicingOrg } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import type { Member } from "./context";
import { getCustomer } from "./customers";
import { unsafeCheckStoredKeys } from "./key-check";
import { getOrganization, updateOrganization } from "./organizations";

let handle: DbHandle;
let db: Db;
let owner: Member;
let customerId: string;

const keys = (secret = randomBytes(32).toString("hex"), salt = randomBytes(16).toString("hex")): Keyring => createKeyring({ current: { version: 1, secret }, salt });
const seedKeys = keys(); // what `npm run db:seed` generated for itself
const serverKeys = keys(); // what the server is configured with

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
});
afterEach(() => setActiveKeyring(null));
afterAll(async () => {
  setActiveKeyring(null);
  await handle?.close();
});

describe("unsafeCheckStoredKeys", () => {
  it("passes on a database with nothing encrypted yet", async () => {
    expect(await unsafeCheckStoredKeys(serverKeys)).toEqual({ ok: true, checked: 0, unreadable: [] });
  });

  it("reports data written with other keys, in one line naming the variables", async () => {
    setActiveKeyring(seedKeys);
    owner = (await createInvoicingOrg(db, "Seeded")).owner;
    await updateOrganization(owner, { taxId: "DE-SEED-1", bankDetails: "IBAN SEED" });
    customerId = (await createCustomer(db, owner.orgId, { taxId: "AT-SEED-2" })).id;
    setActiveKeyring(null);

    expect(await unsafeCheckStoredKeys(seedKeys)).toMatchObject({ ok: true, checked: 3, unreadable: [] });
    const check = await unsafeCheckStoredKeys(serverKeys);
    expect(check.ok).toBe(false);
    expect(check.checked).toBe(3);
    expect(check.unreadable).toHaveLength(3);
    if (check.ok) throw new Error("unreachable");
    expect(check.message).not.toContain("\n");
    expect(check.message).toContain("SECRET_KEY / ENCRYPTION_SALT");
    expect(check.message).toContain("0 of 3 sampled values readable");
    // The salt alone differing is a mismatch too.
    expect((await unsafeCheckStoredKeys(keys(undefined, "another-salt-value"))).ok).toBe(false);
  });

  it("a field that cannot be decrypted reads as blank and is reported, instead of throwing", async () => {
    setActiveKeyring(serverKeys);
    const org = await getOrganization(owner);
    expect(org).toMatchObject({ taxId: null, bankDetails: null, unreadableFields: ["organizations.tax_id", "organizations.bank_details"] });
    expect(org.name).toBeTruthy();
    const customer = await getCustomer(owner, customerId);
    expect(customer).toMatchObject({ taxId: null, unreadableFields: ["customers.tax_id"] });
  });

  it("a single damaged value among readable ones is reported, not a key mismatch", async () => {
    setActiveKeyring(serverKeys);
    const other = (await createInvoicingOrg(db, "Server")).owner;
    await updateOrganization(other, { taxId: "DE-SERVER-1" });
    await createCustomer(db, other.orgId, { taxId: "AT-SERVER-2" });
    setActiveKeyring(null);
    const check = await unsafeCheckStoredKeys(serverKeys);
    expect(check.ok).toBe(true);
    expect(check.unreadable).toHaveLength(3);
  });
});
