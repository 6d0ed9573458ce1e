/**
 * Field encryption through the data-access layer, on the real database: what is stored, what
 * users read back (pages, public link, PDF), tampering, and key rotation with keys:rotate.
 */
import { randomBytes } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { createKeyring } from "@/lib/crypto";
import { activeKeyring, keyringFromEnv, setActiveKeyring } from "@/lib/crypto/keyring";
import { env } from "@/lib/env";
import { loadPdfData } from "@/lib/services/document-pdf";
import { renderDocumentPdfBuffer } from "@/pdf/render";
import { pdfText } from "@/pdf/testing";
import { createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import type { Member } from "./context";
import { createCustomer, type CustomerInput, getCustomer } from "./customers";
import { saveDraft } from "./documents/drafts";
import { issueDocument } from "./documents/lifecycle";
import { getDocument } from "./documents/read";
import { unsafePendingRotation, unsafeRotateEncryptedFields } from "./key-rotation";
import { getOrganization, updateOrganization } from "./organizations";
import { unsafeCheckStoredKeys } from "./key-check";
import { loadPublicDocument } from "./public-documents";

let handle: DbHandle;
let db: Db;
let a: Member;
let b: Member;
const customerIds: string[] = [];
const documentIds: string[] = [];

// Distinctive plaintexts, so a search of the whole database for them cannot match by accident.
const ORG_TAX_ID = "DE-ORGTAX-7781234";
const BANK = "Sparkasse Köln · IBAN DE89 3704 0044 0532 0130 00 · BIC COLSDE33";
const CUSTOMER_TAX_IDS = ["ATU-CUSTTAX-0001", "ATU-CUSTTAX-0002", "ATU-CUSTTAX-0003", "ATU-CUSTTAX-0004", "ATU-CUSTTAX-0005"];
const ORG_B_TAX_ID = "FR-ORGTAX-9900112";

async function rows<T>(query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as unknown as { rows: T[] }).rows) as T[];
}

/** Every stored value of every encrypted column, read with raw SQL. */
async function storedValues() {
  return rows<{ field: string; id: string; value: string }>(sql`
    select 'organizations.tax_id' as field, id::text, tax_id as value from organizations where tax_id is not null
    union all select 'organizations.bank_details', id::text, bank_details from organizations where bank_details is not null
    union all select 'customers.tax_id', id::text, tax_id from customers where tax_id is not null
    union all select 'documents.customer_snapshot.tax_id', id::text, customer_snapshot->>'taxId' from documents where customer_snapshot->>'taxId' is not null
    order by 1, 2`);
}

const customerInput = (name: string, taxId: string | null): CustomerInput => ({
  name,
  email: `${name.toLowerCase()}@customer.test`,
  phone: null,
  addressLine1: "1 Main Street",
  addressLine2: null,
  city: "Springfield",
  postalCode: "12345",
  region: null,
  country: "AT",
  taxId,
  currency: "EUR",
  paymentTermsDays: null,
  notes: null,
  contacts: [],
});

/** A keyring on `version` with a fresh secret, that can still read version 1 (the configured key). */
function nextKeyring(version: number) {
  const secret = randomBytes(32).toString("hex");
  const keyring = createKeyring({ current: { version, secret }, previous: [{ version: 1, secret: env.ENCRYPTION_KEY }], salt: env.ENCRYPTION_SALT });
  return { keyring, secret };
}

/** Rotates everything back to the configured version 1, from `version` (so each test starts alike). */
async function backToV1(version: number, secret: string) {
  const back = createKeyring({ current: { version: 1, secret: env.ENCRYPTION_KEY }, previous: [{ version, secret }], salt: env.ENCRYPTION_SALT });
  const report = await unsafeRotateEncryptedFields({ keyring: back });
  expect(report.flatMap((r) => r.failed)).toEqual([]);
  expect((await storedValues()).every((s) => s.value.startsWith("v1:"))).toBe(true);
}

const readAll = async () => ({
  org: await getOrganization(a),
  orgB: await getOrganization(b),
  customers: await Promise.all(customerIds.map((id) => getCustomer(a, id))),
  documents: await Promise.all(documentIds.map((id) => getDocument(a, id))),
});

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  a = (await createInvoicingOrg(db, "Crypt")).owner;
  b = (await createInvoicingOrg(db, "CryptB")).owner;
  await updateOrganization(a, { taxId: ORG_TAX_ID, bankDetails: BANK });
  await updateOrganization(b, { taxId: ORG_B_TAX_ID });
  for (const [i, taxId] of CUSTOMER_TAX_IDS.entries()) {
    const c = await createCustomer(a, customerInput(`Kunde${i}`, taxId));
    customerIds.push(c.id);
    const draft = await saveDraft(a, draftInput(c.id, {}));
    await issueDocument(a, draft.id);
    documentIds.push(draft.id);
  }
  customerIds.push((await createCustomer(a, customerInput("NoTaxId", null))).id);
});
afterEach(() => setActiveKeyring(null));
afterAll(async () => {
  await handle?.close();
});

describe("stored values", () => {
  it("hold no plaintext: every encrypted column is a v1 ciphertext, and no table contains the secrets", async () => {
    const stored = await storedValues();
    expect(stored.map((s) => s.field)).toEqual([
      ...Array(5).fill("customers.tax_id"),
      ...Array(5).fill("documents.customer_snapshot.tax_id"),
      "organizations.bank_details",
      "organizations.tax_id",
      "organizations.tax_id",
    ]);
    for (const s of stored) expect(s.value).toMatch(/^v1:[A-Za-z0-9_-]{38,}$/);

    // Every row of every table, as text: the plaintexts appear nowhere (audit log, snapshots...).
    const tables = await rows<{ table_name: string }>(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
    expect(tables.length).toBeGreaterThan(10);
    // The search itself works: it finds what is stored in clear (the organisation's name).
    const [{ name } = { name: "" }] = await rows<{ name: string }>(sql`select name from organizations where id = ${a.orgId}`);
    const [control] = await rows<{ n: number }>(sql`select count(*)::int as n from organizations t where t::text like ${`%${name}%`}`);
    expect(control?.n).toBe(1);
    for (const secret of [ORG_TAX_ID, ORG_B_TAX_ID, "DE89 3704", "COLSDE33", ...CUSTOMER_TAX_IDS]) {
      for (const { table_name } of tables) {
        const [hit] = await rows<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table_name)} t where t::text like ${`%${secret}%`}`);
        expect(hit?.n, `${secret} in ${table_name}`).toBe(0);
      }
    }
  });

  it("read back as plaintext on the pages, the client's link and the PDF", async () => {
    const { org, customers, documents } = await readAll();
    expect([org.taxId, org.bankDetails]).toEqual([ORG_TAX_ID, BANK]);
    expect(customers.map((c) => c.taxId)).toEqual([...CUSTOMER_TAX_IDS, null]);
    expect(documents.map((d) => d.customerSnapshot?.taxId)).toEqual(CUSTOMER_TAX_IDS);
    expect(documents.map((d) => d.customer.taxId)).toEqual(CUSTOMER_TAX_IDS);

    const publicView = await loadPublicDocument({ orgId: a.orgId, documentId: documentIds[0]! });
    expect([publicView?.org.taxId, publicView?.org.bankDetails, publicView?.document.customerSnapshot?.taxId]).toEqual([ORG_TAX_ID, BANK, CUSTOMER_TAX_IDS[0]]);

    const pdf = await pdfText(await renderDocumentPdfBuffer(await loadPdfData(a, documentIds[0]!)));
    expect(pdf.text).toContain(`Tax ID: ${ORG_TAX_ID}`);
    expect(pdf.text).toContain(`Tax ID: ${CUSTOMER_TAX_IDS[0]}`);
    expect(pdf.text).toContain("IBAN DE89 3704 0044 0532 0130 00");
  });
});

describe("tampering", () => {
  /** Runs `check` with a raw SQL change applied, then puts the original value back. */
  async function withStored(table: "customers" | "organizations", column: "tax_id" | "bank_details", id: string, value: string, check: () => Promise<void>) {
    const [before] = await rows<{ v: string }>(sql`select ${sql.identifier(column)} as v from ${sql.identifier(table)} where id = ${id}`);
    await db.execute(sql`update ${sql.identifier(table)} set ${sql.identifier(column)} = ${value} where id = ${id}`);
    try {
      await check();
    } finally {
      await db.execute(sql`update ${sql.identifier(table)} set ${sql.identifier(column)} = ${before!.v} where id = ${id}`);
    }
  }

  const flipByte = (stored: string, index: number) => {
    const body = Buffer.from(stored.slice(3), "base64url");
    body[index]! ^= 0x80;
    return `${stored.slice(0, 3)}${body.toString("base64url")}`;
  };

  const stored = async (field: string, id: string) => (await storedValues()).find((s) => s.field === field && s.id === id)!.value;

  // A value that does not decrypt reads as blank (never garbage) and is reported on the row, so
  // one damaged value blanks one field instead of failing every page (lib/data/encrypted-fields.ts).
  it("a flipped byte in a customer's stored tax id reads as blank and is reported, instead of returning garbage", async () => {
    const id = customerIds[0]!;
    const original = await stored("customers.tax_id", id);
    for (const index of [0, 14, Buffer.from(original.slice(3), "base64url").length - 1]) {
      await withStored("customers", "tax_id", id, flipByte(original, index), async () => {
        const customer = await getCustomer(a, id);
        expect(customer.taxId).toBeNull();
        expect(customer.unreadableFields).toEqual(["customers.tax_id"]);
        expect(customer.name).toBe("Kunde0");
      });
    }
    expect((await getCustomer(a, id)).taxId).toBe(CUSTOMER_TAX_IDS[0]);
  });

  it("a ciphertext copied to another row, organisation or column is refused", async () => {
    const fromCustomer = await stored("customers.tax_id", customerIds[0]!);
    await withStored("customers", "tax_id", customerIds[1]!, fromCustomer, async () => {
      expect(await getCustomer(a, customerIds[1]!)).toMatchObject({ taxId: null, unreadableFields: ["customers.tax_id"] });
    });
    const orgTax = await stored("organizations.tax_id", a.orgId);
    await withStored("organizations", "tax_id", b.orgId, orgTax, async () => {
      expect(await getOrganization(b)).toMatchObject({ taxId: null, unreadableFields: ["organizations.tax_id"] });
    });
    await withStored("organizations", "bank_details", a.orgId, orgTax, async () => {
      expect(await getOrganization(a)).toMatchObject({ taxId: ORG_TAX_ID, bankDetails: null, unreadableFields: ["organizations.bank_details"] });
    });
    // A customer's ciphertext pasted into an organisation, and a document snapshot's into another document.
    await withStored("organizations", "tax_id", a.orgId, fromCustomer, async () => {
      const loaded = await loadPublicDocument({ orgId: a.orgId, documentId: documentIds[0]! });
      expect(loaded?.org).toMatchObject({ taxId: null, bankDetails: BANK, unreadableFields: ["organizations.tax_id"] });
      expect(loaded?.document.customerSnapshot?.taxId).toBe(CUSTOMER_TAX_IDS[0]);
    });
    const snapshot = await stored("documents.customer_snapshot.tax_id", documentIds[0]!);
    await db.execute(sql`update documents set customer_snapshot = jsonb_set(customer_snapshot, '{taxId}', to_jsonb(${snapshot}::text)) where id = ${documentIds[1]!}`);
    const copied = await getDocument(a, documentIds[1]!);
    expect(copied.customerSnapshot?.taxId).toBeNull();
    expect(copied.unreadableFields).toEqual(["documents.customer_snapshot.tax_id"]);
    // Restore document 1's value as legacy plaintext: the rotation encrypts it (and nothing else).
    await db.execute(sql`update documents set customer_snapshot = jsonb_set(customer_snapshot, '{taxId}', to_jsonb(${CUSTOMER_TAX_IDS[1]!}::text)) where id = ${documentIds[1]!}`);
    const report = await unsafeRotateEncryptedFields();
    expect(report.find((r) => r.field === "documents.customer_snapshot.tax_id")?.reencrypted).toBe(1);
    expect((await getDocument(a, documentIds[1]!)).customerSnapshot?.taxId).toBe(CUSTOMER_TAX_IDS[1]);
  });
});

describe("key rotation", () => {
  it("moves every value to the new version, keeps them readable, encrypts legacy plaintext, and a second run changes nothing", async () => {
    // A row written before encryption existed: plaintext, read as it is.
    const legacyId = customerIds[5]!;
    await db.execute(sql`update customers set tax_id = 'LEGACY-PLAIN-4242' where id = ${legacyId}`);
    expect((await getCustomer(a, legacyId)).taxId).toBe("LEGACY-PLAIN-4242");
    const before = await readAll();
    const [updatedBefore] = await rows<{ t: string }>(sql`select updated_at::text as t from customers where id = ${customerIds[0]!}`);

    const v1 = keyringFromEnv(env);
    expect(activeKeyring().current).toBe(1);
    const { keyring: v2, secret: v2Secret } = nextKeyring(2);
    setActiveKeyring(v2);
    // Deployed with the new key but not rotated yet: old values still read through the previous key.
    expect(await readAll()).toEqual(before);
    expect((await unsafePendingRotation(v2)).reduce((n, f) => n + f.pending, 0)).toBe(14);

    const progress: string[] = [];
    const report = await unsafeRotateEncryptedFields({ keyring: v2, batchSize: 2, onProgress: (p) => progress.push(`${p.field} ${p.reencrypted}/${p.pending}`) });
    expect(report.map((r) => [r.field, r.reencrypted, r.failed.length])).toEqual([
      ["organizations.tax_id", 2, 0],
      ["organizations.bank_details", 1, 0],
      ["customers.tax_id", 6, 0],
      ["documents.customer_snapshot.tax_id", 5, 0],
      ["emails.sealed_body", 0, 0],
      ["stripe_connections.secret_key", 0, 0],
      ["stripe_connections.webhook_secret", 0, 0],
      ["stripe_connections.previous_webhook_secret", 0, 0],
      ["pdf_cache.sealed", 0, 0],
    ]);
    expect(progress).toContain("customers.tax_id 2/6");
    expect(progress).toContain("customers.tax_id 6/6");

    const stored = await storedValues();
    expect(stored).toHaveLength(14);
    for (const s of stored) expect(s.value).toMatch(/^v2:/);
    expect(stored.map((s) => s.value).join()).not.toContain("LEGACY-PLAIN");
    const [updatedAfter] = await rows<{ t: string }>(sql`select updated_at::text as t from customers where id = ${customerIds[0]!}`);
    expect(updatedAfter).toEqual(updatedBefore);

    // Version 1 can now be dropped from the configuration: everything reads with version 2 alone.
    setActiveKeyring(createKeyring({ current: { version: 2, secret: v2Secret }, salt: env.ENCRYPTION_SALT }));
    expect(await readAll()).toEqual(before);
    // ...and the old keyring alone cannot read anything any more.
    setActiveKeyring(v1);
    // (Each such field reads as blank and is reported; start-up's key check stops the server first.)
    expect(await getCustomer(a, customerIds[0]!)).toMatchObject({ taxId: null, unreadableFields: ["customers.tax_id"] });
    expect((await unsafeCheckStoredKeys(v1)).ok).toBe(false);

    const again = await unsafeRotateEncryptedFields({ keyring: v2, batchSize: 2 });
    expect(again.every((r) => r.pending === 0 && r.reencrypted === 0)).toBe(true);
    expect(await storedValues()).toEqual(stored);

    await db.execute(sql`update customers set tax_id = null where id = ${legacyId}`);
    await backToV1(2, v2Secret);
  });

  it("resumes after a crash: a re-run re-encrypts only what the interrupted run had not reached", async () => {
    const { keyring: v3, secret } = nextKeyring(3);
    let batches = 0;
    const crash = unsafeRotateEncryptedFields({
      keyring: v3,
      batchSize: 2,
      onProgress: (p) => {
        if (p.field === "customers.tax_id" && ++batches === 2) throw new Error("power cut");
      },
    });
    await expect(crash).rejects.toThrow("power cut");
    const midway = await storedValues();
    const onV3 = midway.filter((s) => s.value.startsWith("v3:"));
    // Both organisation fields, then two committed customer batches of two.
    expect(onV3.map((s) => s.field)).toEqual([...Array(4).fill("customers.tax_id"), "organizations.bank_details", "organizations.tax_id", "organizations.tax_id"]);

    const resumed = await unsafeRotateEncryptedFields({ keyring: v3, batchSize: 2 });
    expect(resumed.map((r) => [r.field, r.reencrypted])).toEqual([
      ["organizations.tax_id", 0],
      ["organizations.bank_details", 0],
      ["customers.tax_id", 1],
      ["documents.customer_snapshot.tax_id", 5],
      ["emails.sealed_body", 0],
      ["stripe_connections.secret_key", 0],
      ["stripe_connections.webhook_secret", 0],
      ["stripe_connections.previous_webhook_secret", 0],
      ["pdf_cache.sealed", 0],
    ]);
    // Values already moved were not touched again.
    const after = await storedValues();
    for (const s of onV3) expect(after.find((x) => x.field === s.field && x.id === s.id)?.value).toBe(s.value);
    setActiveKeyring(v3);
    const all = await readAll();
    expect(all.customers.map((c) => c.taxId)).toEqual([...CUSTOMER_TAX_IDS, null]);
    expect([all.org.taxId, all.org.bankDetails, all.orgB.taxId]).toEqual([ORG_TAX_ID, BANK, ORG_B_TAX_ID]);
    expect(all.documents.map((d) => d.customerSnapshot?.taxId)).toEqual(CUSTOMER_TAX_IDS);
    await backToV1(3, secret);
  });

  it("reports a damaged value, leaves it alone and rotates the rest", async () => {
    const id = customerIds[2]!;
    const [row] = await rows<{ v: string }>(sql`select tax_id as v from customers where id = ${id}`);
    const damaged = `${row!.v.slice(0, 20)}${row!.v[20] === "A" ? "B" : "A"}${row!.v.slice(21)}`;
    await db.execute(sql`update customers set tax_id = ${damaged} where id = ${id}`);
    const { keyring: v4, secret } = nextKeyring(4);
    const report = await unsafeRotateEncryptedFields({ keyring: v4 });
    expect(report.map((r) => [r.field, r.reencrypted, r.failed.length])).toEqual([
      ["organizations.tax_id", 2, 0],
      ["organizations.bank_details", 1, 0],
      ["customers.tax_id", 4, 1],
      ["documents.customer_snapshot.tax_id", 5, 0],
      ["emails.sealed_body", 0, 0],
      ["stripe_connections.secret_key", 0, 0],
      ["stripe_connections.webhook_secret", 0, 0],
      ["stripe_connections.previous_webhook_secret", 0, 0],
      ["pdf_cache.sealed", 0, 0],
    ]);
    expect(report[2]?.failed[0]?.reason).toContain(`customers.tax_id of record ${id}`);
    const [after] = await rows<{ v: string }>(sql`select tax_id as v from customers where id = ${id}`);
    expect(after?.v).toBe(damaged);
    // A re-run tries the damaged value again (and only it) and reports it again.
    const again = await unsafeRotateEncryptedFields({ keyring: v4 });
    expect(again.map((r) => r.failed.length)).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0]);
    await db.execute(sql`update customers set tax_id = ${row!.v} where id = ${id}`);
    await backToV1(4, secret);
  });
});
