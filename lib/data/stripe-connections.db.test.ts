/**
 * Stripe credentials at rest: what the database holds (no plaintext), what the settings page
 * reads (masked), and key rotation (keys:rotate) re-encrypting them.
 */
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { createKeyring } from "@/lib/crypto";
import { setActiveKeyring } from "@/lib/crypto/keyring";
import { env } from "@/lib/env";
import { createInvoicingOrg } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import type { Member } from "./context";
import { unsafeRotateEncryptedFields } from "./key-rotation";
import { describeStripeConnection, findStripeConnection, saveStripeConnection, unsafeFindStripeConnectionByWebhookId } from "./stripe-connections";

let handle: DbHandle;
let db: Db;
let owner: Member;
// Distinctive, so a search of the whole row cannot match by accident.
const SECRET_KEY = "rk_test_51PlainKeyZq8Xw4Lm";
const WEBHOOK_SECRET = "whsec_PlainSigningSecret77Q";
const ROLLED_SECRET = "whsec_RolledSigningSecret88R";

async function rawRow() {
  const result = await db.execute(sql`select row_to_json(s)::text as json, secret_key, webhook_secret, previous_webhook_secret, webhook_id from stripe_connections s where org_id = ${owner.orgId}`);
  const rows = (Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as { json: string; secret_key: string; webhook_secret: string; previous_webhook_secret: string | null; webhook_id: string }[];
  return rows[0]!;
}

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  ({ owner } = await createInvoicingOrg(db, "StripeCrypt"));
  await saveStripeConnection(owner, { secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET, accountId: null, accountName: null, livemode: false });
  await saveStripeConnection(owner, { secretKey: SECRET_KEY, webhookSecret: ROLLED_SECRET, accountId: null, accountName: null, livemode: false });
});
afterEach(() => setActiveKeyring(null));
afterAll(async () => {
  await handle?.close();
});

describe("stripe_connections at rest", () => {
  it("stores the key and both signing secrets encrypted: no plaintext anywhere in the row", async () => {
    const row = await rawRow();
    for (const value of [row.secret_key, row.webhook_secret, row.previous_webhook_secret]) expect(value).toMatch(/^v1:/);
    for (const plain of [SECRET_KEY, WEBHOOK_SECRET, ROLLED_SECRET, "PlainKey", "PlainSigning", "RolledSigning"]) expect(row.json).not.toContain(plain);
    // Only the last four characters stay readable, to show the key masked.
    expect(row.json).toContain(`"secret_key_last4":"${SECRET_KEY.slice(-4)}"`);
  });

  it("reads back in the clear for the Stripe client and the webhook check, masked for the settings page", async () => {
    const open = await findStripeConnection(owner);
    expect(open).toMatchObject({ secretKey: SECRET_KEY, webhookSecret: ROLLED_SECRET, previousWebhookSecret: WEBHOOK_SECRET });
    expect((await unsafeFindStripeConnectionByWebhookId((await rawRow()).webhook_id))?.webhookSecret).toBe(ROLLED_SECRET);
    const summary = await describeStripeConnection(owner);
    expect(summary).toMatchObject({ maskedKey: `rk_test_…${SECRET_KEY.slice(-4)}`, hasPreviousWebhookSecret: true });
    expect(JSON.stringify(summary)).not.toContain("PlainKey");
    expect(JSON.stringify(summary)).not.toContain("whsec_");
  });

  it("is re-encrypted by key rotation, and reads back under the new key alone", async () => {
    const secret = randomBytes(32).toString("hex");
    const v2 = createKeyring({ current: { version: 2, secret }, previous: [{ version: 1, secret: env.ENCRYPTION_KEY }], salt: env.ENCRYPTION_SALT });
    const report = await unsafeRotateEncryptedFields({ keyring: v2 });
    expect(report.filter((r) => r.field.startsWith("stripe_connections.")).map((r) => [r.field, r.reencrypted, r.failed.length])).toEqual([
      ["stripe_connections.secret_key", 1, 0],
      ["stripe_connections.webhook_secret", 1, 0],
      ["stripe_connections.previous_webhook_secret", 1, 0],
    ]);
    const row = await rawRow();
    for (const value of [row.secret_key, row.webhook_secret, row.previous_webhook_secret]) expect(value).toMatch(/^v2:/);
    setActiveKeyring(createKeyring({ current: { version: 2, secret }, salt: env.ENCRYPTION_SALT }));
    expect(await findStripeConnection(owner)).toMatchObject({ secretKey: SECRET_KEY, webhookSecret: ROLLED_SECRET, previousWebhookSecret: WEBHOOK_SECRET });
  });
});
