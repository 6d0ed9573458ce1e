/**
 * The detail pages' 404 (their layouts, through requireRecord and the per-request loaders the pages
 * share): a record of the member's organisation passes, the same id seen from another organisation
 * is "not found", and so are an unknown id, a malformed one and a document asked for as another kind.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db, DbHandle } from "@/db";
import type { Member } from "@/lib/data/context";
import { createBulkJob } from "@/lib/data/bulk-jobs";
import { saveDraft } from "@/lib/data/documents/drafts";
import { createItem } from "@/lib/data/items";
import { saveProfile } from "@/lib/data/recurring-profiles";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { profileInput } from "@/tests/support/recurring";
import { createTestDb } from "@/tests/support/test-db";

const state = vi.hoisted(() => ({ membership: null as unknown }));
vi.mock("@/lib/session", () => ({ requireMembership: async () => state.membership }));

const { requireRecord } = await import("./require-record");
const { bulkJobFound, customerFound, documentFound, itemFound, profileFound, readDocument } = await import("./requested-records");

let handle: DbHandle;
let db: Db;
let mine: Member;
let theirs: Member;

const UNKNOWN = "00000000-0000-4000-8000-000000000000";
/** What Next's notFound() throws: the layout's 404, rendered before the response starts. */
const NOT_FOUND = { digest: "NEXT_HTTP_ERROR_FALLBACK;404" };

/** The layout's check as `member` would meet it at /<kind>/<id>. */
function open(member: Member, id: string, exists: (m: Member, id: string) => Promise<boolean>) {
  state.membership = member;
  return requireRecord(Promise.resolve({ id }), exists);
}

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  mine = (await createInvoicingOrg(db, "Records A")).owner;
  theirs = (await createInvoicingOrg(db, "Records B")).owner;
});
afterAll(async () => {
  await handle?.close();
});

describe("detail pages answer 404 for anything but their own organisation's record", () => {
  it("a document: its own organisation and kind only", async () => {
    const customer = await createCustomer(db, mine.orgId, { name: "Records Ltd" });
    const invoice = await saveDraft(mine, draftInput(customer.id, { unitPrice: 1_000 }));
    await expect(open(mine, invoice.id, documentFound("invoice"))).resolves.toBeUndefined();
    await expect(open(theirs, invoice.id, documentFound("invoice"))).rejects.toMatchObject(NOT_FOUND);
    await expect(open(mine, invoice.id, documentFound("quote"))).rejects.toMatchObject(NOT_FOUND);
    await expect(open(mine, invoice.id, documentFound("credit_note"))).rejects.toMatchObject(NOT_FOUND);
    await expect(open(mine, UNKNOWN, documentFound("invoice"))).rejects.toMatchObject(NOT_FOUND);
    await expect(open(mine, "not-an-id", documentFound("invoice"))).rejects.toMatchObject(NOT_FOUND);
    // The page's own read is the same org-scoped one: 10.00 (1 × 1,000 minor units) for its owner.
    expect((await readDocument(mine, invoice.id)).total).toBe(1_000);
    await expect(readDocument(theirs, invoice.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a customer, an item and a recurring profile: their own organisation only", async () => {
    const customer = await createCustomer(db, mine.orgId, { name: "Records Two Ltd" });
    await expect(open(mine, customer.id, customerFound)).resolves.toBeUndefined();
    await expect(open(theirs, customer.id, customerFound)).rejects.toMatchObject(NOT_FOUND);
    await expect(open(mine, UNKNOWN, customerFound)).rejects.toMatchObject(NOT_FOUND);

    const item = await createItem(mine, { name: "Survey", description: null, unit: null, unitPrice: 12_000, currency: "USD", taxRateIds: [] });
    await expect(open(mine, item.id, itemFound)).resolves.toBeUndefined();
    await expect(open(theirs, item.id, itemFound)).rejects.toMatchObject(NOT_FOUND);

    const profile = await saveProfile(mine, profileInput(customer.id));
    await expect(open(mine, profile.id, profileFound)).resolves.toBeUndefined();
    await expect(open(theirs, profile.id, profileFound)).rejects.toMatchObject(NOT_FOUND);
    await expect(open(mine, UNKNOWN, profileFound)).rejects.toMatchObject(NOT_FOUND);
  });

  it("a bulk action: its own organisation only", async () => {
    const customer = await createCustomer(db, mine.orgId, { name: "Records Three Ltd" });
    const invoice = await saveDraft(mine, draftInput(customer.id, { unitPrice: 500 }));
    const job = await createBulkJob(mine, { kind: "invoice", action: "zip", documentIds: [invoice.id] });
    await expect(open(mine, job.id, bulkJobFound)).resolves.toBeUndefined();
    await expect(open(theirs, job.id, bulkJobFound)).rejects.toMatchObject(NOT_FOUND);
    await expect(open(mine, UNKNOWN, bulkJobFound)).rejects.toMatchObject(NOT_FOUND);
  });
});
