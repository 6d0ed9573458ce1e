/**
 * A document line's item must be one of the organisation's own items: another organisation's item
 * id, or an id that names no item, is a field error on that line ("Unknown item") and nothing is
 * saved — not a database error, and never a line linked to someone else's catalogue.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { documentLines, documents } from "@/db/schema";
import { expectAppError } from "@/tests/support/accounts";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import type { Member } from "./context";
import { saveDraft } from "./documents/drafts";
import { createItem } from "./items";

let handle: DbHandle;
let db: Db;
let a: Member;
let b: Member;
let customerA: string;
let itemA: string;
let itemB: string;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  a = (await createInvoicingOrg(db, "ItemsA")).member;
  b = (await createInvoicingOrg(db, "ItemsB")).member;
  customerA = (await createCustomer(db, a.orgId)).id;
  const item = (m: Member, name: string) => createItem(m, { name, description: null, unit: null, unitPrice: 100, currency: "EUR", taxRateIds: [] });
  itemA = (await item(a, "Own item")).id;
  itemB = (await item(b, "Foreign item")).id;
});
afterAll(async () => {
  await handle?.close();
});

const documentCount = async () => (await db.select({ id: documents.id }).from(documents).where(eq(documents.orgId, a.orgId))).length;

describe("line items on a document", () => {
  it("an own item is kept on the line", async () => {
    const draft = await saveDraft(a, draftInput(customerA, { itemId: itemA }));
    const [line] = await db.select().from(documentLines).where(eq(documentLines.documentId, draft.id));
    expect(line!.itemId).toBe(itemA);
  });

  it("another organisation's item is a field error on that line, and nothing is saved", async () => {
    const before = await documentCount();
    const error = await expectAppError(saveDraft(a, draftInput(customerA, { itemId: itemA }, { itemId: itemB })), "BAD_REQUEST");
    expect(error.fieldErrors).toEqual({
      "lines.1.itemId": "Unknown item: choose it again from your items.",
      "lines.1.description": "Unknown item: choose it again from your items.",
    });
    expect(await documentCount()).toBe(before);
  });

  it("an unknown item id is the same field error, not an internal error", async () => {
    const before = await documentCount();
    const error = await expectAppError(saveDraft(a, draftInput(customerA, { itemId: "00000000-0000-4000-8000-000000000000" })), "BAD_REQUEST");
    expect(error.fieldErrors).toMatchObject({ "lines.0.itemId": "Unknown item: choose it again from your items." });
    const malformed = await expectAppError(saveDraft(a, draftInput(customerA, { itemId: "not-a-uuid" })), "BAD_REQUEST");
    expect(malformed.fieldErrors).toMatchObject({ "lines.0.itemId": "Unknown item: choose it again from your items." });
    expect(await documentCount()).toBe(before);
  });

  it("replacing a draft's lines with a foreign item leaves the draft as it was", async () => {
    const draft = await saveDraft(a, draftInput(customerA, { itemId: itemA }));
    await expectAppError(saveDraft(a, { ...draftInput(customerA, { itemId: itemB, description: "Changed" }), id: draft.id }), "BAD_REQUEST");
    const lines = await db.select().from(documentLines).where(eq(documentLines.documentId, draft.id));
    expect(lines.map((l) => [l.itemId, l.description])).toEqual([[itemA, "Line 1"]]);
  });
});
