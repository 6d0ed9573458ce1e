/**
 * The detail pages' existence checks (their layouts answer 404 on "no"): a record of the member's
 * organisation exists, the same id seen from another organisation does not, nor does a document
 * asked for as another kind.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { profileInput } from "@/tests/support/recurring";
import { createTestDb } from "@/tests/support/test-db";
import type { Member } from "./context";
import { saveDraft } from "./documents/drafts";
import { createItem } from "./items";
import { bulkJobExists, customerExists, documentExists, itemExists, recurringProfileExists } from "./record-exists";
import { createBulkJob } from "./bulk-jobs";
import { saveProfile } from "./recurring-profiles";

let handle: DbHandle;
let db: Db;
let mine: Member;
let theirs: Member;

const UNKNOWN = "00000000-0000-4000-8000-000000000000";

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  mine = (await createInvoicingOrg(db, "Exists A")).owner;
  theirs = (await createInvoicingOrg(db, "Exists B")).owner;
});
afterAll(async () => {
  await handle?.close();
});

describe("record existence for detail pages", () => {
  it("finds a document of its own organisation and kind only", async () => {
    const customer = await createCustomer(db, mine.orgId, { name: "Exists Ltd" });
    const invoice = await saveDraft(mine, draftInput(customer.id, { unitPrice: 1_000 }));
    expect(await documentExists(mine, "invoice", invoice.id)).toBe(true);
    expect(await documentExists(mine, "quote", invoice.id)).toBe(false);
    expect(await documentExists(mine, "credit_note", invoice.id)).toBe(false);
    expect(await documentExists(theirs, "invoice", invoice.id)).toBe(false);
    expect(await documentExists(mine, "invoice", UNKNOWN)).toBe(false);
  });

  it("finds a customer, an item and a recurring profile of its own organisation only", async () => {
    const customer = await createCustomer(db, mine.orgId, { name: "Exists Two Ltd" });
    expect(await customerExists(mine, customer.id)).toBe(true);
    expect(await customerExists(theirs, customer.id)).toBe(false);
    expect(await customerExists(mine, UNKNOWN)).toBe(false);

    const item = await createItem(mine, { name: "Survey", description: null, unit: null, unitPrice: 12_000, currency: "USD", taxRateIds: [] });
    expect(await itemExists(mine, item.id)).toBe(true);
    expect(await itemExists(theirs, item.id)).toBe(false);

    const profile = await saveProfile(mine, profileInput(customer.id));
    expect(await recurringProfileExists(mine, profile.id)).toBe(true);
    expect(await recurringProfileExists(theirs, profile.id)).toBe(false);
    expect(await recurringProfileExists(mine, UNKNOWN)).toBe(false);
  });

  it("finds a bulk action of its own organisation only", async () => {
    const customer = await createCustomer(db, mine.orgId, { name: "Exists Three Ltd" });
    const invoice = await saveDraft(mine, draftInput(customer.id, { unitPrice: 500 }));
    const job = await createBulkJob(mine, { kind: "invoice", action: "zip", documentIds: [invoice.id] });
    expect(await bulkJobExists(mine, job.id)).toBe(true);
    expect(await bulkJobExists(theirs, job.id)).toBe(false);
    expect(await bulkJobExists(mine, UNKNOWN)).toBe(false);
  });
});
