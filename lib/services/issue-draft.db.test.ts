/** The editor's "Save and issue": what was typed is saved and issued at once, new or an existing draft. */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { documents } from "@/db/schema";
import type { Member } from "@/lib/data/context";
import { saveDraft } from "@/lib/data/documents/drafts";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { germanSetup, updateCustomerRow } from "@/tests/support/german-einvoice";
import { createTestDb } from "@/tests/support/test-db";
import { saveAndIssueDraft } from "./issue-draft";

let handle: DbHandle;
let db: Db;
let member: Member;
let customerId: string;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  member = (await createInvoicingOrg(db, "Save-and-issue")).member;
  customerId = (await createCustomer(db, member.orgId)).id;
});
afterAll(async () => {
  await handle?.close();
});

describe("saveAndIssueDraft", () => {
  it("issues a new document as typed: 3 × 100.00 EUR is 300.00, numbered", async () => {
    const { document: doc } = await saveAndIssueDraft(member, draftInput(customerId, { quantityE4: 30_000, unitPrice: 10_000 }));
    expect(doc).toMatchObject({ status: "issued", total: 30_000, balance: 30_000 });
    expect(doc.number).toMatch(/^INV-2026-\d{4}$/);
  });

  it("issues an existing draft with the edits, keeping its id", async () => {
    const draft = await saveDraft(member, draftInput(customerId, { unitPrice: 5_000 }));
    const { document: doc } = await saveAndIssueDraft(member, { ...draftInput(customerId, { unitPrice: 7_500 }), id: draft.id });
    expect(doc).toMatchObject({ id: draft.id, status: "issued", total: 7_500 });
  });

  it("saves nothing when issuing is refused: an issued document cannot be saved and issued again", async () => {
    const { document: issued } = await saveAndIssueDraft(member, draftInput(customerId, {}));
    await expect(saveAndIssueDraft(member, { ...draftInput(customerId, { unitPrice: 1 }), id: issued.id })).rejects.toThrow();
    const [row] = await db.select().from(documents).where(eq(documents.id, issued.id));
    expect(row).toMatchObject({ status: "issued", total: 10_000 });
  });

  it("keeps what was typed when the buyer's e-invoice misses fields: saved as a draft, not issued, the problems listed", async () => {
    const german = await germanSetup(db, "Save-and-issue-einvoice");
    await updateCustomerRow(db, german.org.id, german.customer.id, { buyerReference: null });
    const outcome = await saveAndIssueDraft(german.member, {
      kind: "invoice",
      customerId: german.customer.id,
      currency: "EUR",
      issueDate: "2026-12-01",
      dueDate: "2026-12-31",
      deliveryDate: "2026-11-30",
      lines: [{ description: "Design work", quantityE4: 20_000, unitPrice: 8_500, taxRateIds: [german.standard.id] }],
    });
    expect(outcome).toMatchObject({ issued: false, problems: ["Buyer reference (Leitweg-ID) is required for XRechnung."] });
    const [row] = await db.select().from(documents).where(eq(documents.id, outcome.document.id));
    // 2 h × 85.00 = 170.00 net, 19% VAT 32.30: 202.30, kept as typed.
    expect(row).toMatchObject({ status: "draft", number: null, total: 20_230, deliveryDate: "2026-11-30" });
  });

  it("a member of another organisation cannot issue through it", async () => {
    const stranger = (await createInvoicingOrg(db, "Save-and-issue-stranger")).member;
    const draft = await saveDraft(member, draftInput(customerId, {}));
    await expect(saveAndIssueDraft(stranger, { ...draftInput(customerId, {}), id: draft.id })).rejects.toThrow();
    const [row] = await db.select().from(documents).where(eq(documents.id, draft.id));
    expect(row).toMatchObject({ orgId: member.orgId, status: "draft", number: null });
  });
});
