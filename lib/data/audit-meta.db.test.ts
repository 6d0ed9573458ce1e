/**
 * Issuing, voiding, payments, deletions and catalogue changes reach the audit log with the
 * request's metadata: each call below is given its own ip and user agent, and the row it leaves
 * carries exactly those, with the action, the organisation, the member and the target.
 */
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { auditLog } from "@/db/schema";
import { createCustomer, createInvoicingOrg, createTaxRate, draftInput } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import type { Member, RequestMeta } from "./context";
import { deleteCustomer } from "./customers";
import { deleteDraft, saveDraft } from "./documents/drafts";
import { issueDocument, voidDocument } from "./documents/lifecycle";
import { deletePayment, recordPayment } from "./documents/payments";
import { createItem, deleteItem } from "./items";
import { archiveTaxRate } from "./tax-rates";

let handle: DbHandle;
let db: Db;
let member: Member;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  ({ member } = await createInvoicingOrg(db, "Audit meta"));
});
afterAll(async () => {
  await handle?.close();
});

let requests = 0;
/** A distinct ip and user agent per call, so a row can only match the call that wrote it. */
const request = (): RequestMeta => {
  requests += 1;
  return { ip: `203.0.113.${requests}`, userAgent: `AuditTest/${requests} (X11; Linux x86_64)` };
};

async function auditRowsFor(targetId: string) {
  const rows = await db.select().from(auditLog).where(eq(auditLog.targetId, targetId)).orderBy(asc(auditLog.createdAt));
  return rows.map((r) => ({ action: r.action, orgId: r.orgId, actorUserId: r.actorUserId, targetType: r.targetType, ip: r.ip, userAgent: r.userAgent }));
}

const row = (action: string, targetType: string, meta: RequestMeta) => ({ action, orgId: member.orgId, actorUserId: member.userId, targetType, ip: meta.ip, userAgent: meta.userAgent });

describe(`audit rows carry the request's ip and user agent (${process.env.TEST_DB})`, () => {
  it("issuing, recording and deleting a payment, voiding", async () => {
    const customer = await createCustomer(db, member.orgId);
    const draft = await saveDraft(member, draftInput(customer.id, { unitPrice: 10_000 }));
    const [issuing, paying, unpaying, voiding] = [request(), request(), request(), request()];
    await issueDocument(member, draft.id, issuing);
    const payment = await recordPayment(member, draft.id, { paidOn: "2026-03-15", amount: 4_000, method: "bank_transfer" }, paying);
    await deletePayment(member, payment.id, unpaying);
    await voidDocument(member, draft.id, "Issued by mistake", voiding);
    expect(await auditRowsFor(draft.id)).toEqual([
      row("document.issued", "document", issuing),
      row("document.payment_recorded", "document", paying),
      row("document.payment_deleted", "document", unpaying),
      row("document.voided", "document", voiding),
    ]);
  });

  it("deleting a draft, a customer and an item; archiving a tax rate", async () => {
    const customer = await createCustomer(db, member.orgId);
    const draft = await saveDraft(member, draftInput(customer.id, {}));
    const deletingDraft = request();
    await deleteDraft(member, draft.id, deletingDraft);
    expect(await auditRowsFor(draft.id)).toEqual([row("document.draft_deleted", "document", deletingDraft)]);

    const deletingCustomer = request();
    await deleteCustomer(member, customer.id, deletingCustomer);
    expect(await auditRowsFor(customer.id)).toEqual([row("customer.deleted", "customer", deletingCustomer)]);

    const [creatingItem, deletingItem] = [request(), request()];
    const item = await createItem(member, { name: "Audit widget", description: null, unit: null, unitPrice: 500, currency: "EUR", taxRateIds: [] }, creatingItem);
    await deleteItem(member, item.id, deletingItem);
    expect(await auditRowsFor(item.id)).toEqual([row("item.created", "item", creatingItem), row("item.deleted", "item", deletingItem)]);

    const rate = await createTaxRate(db, member.orgId, { name: "Audit VAT", rateE4: 100_000 });
    const archiving = request();
    await archiveTaxRate({ ...member, role: "owner" }, rate.id, archiving);
    expect(await auditRowsFor(rate.id)).toEqual([row("tax_rate.archived", "tax_rate", archiving)]);
  });
});
