/**
 * Issue 15 §3, "Sent" only when it was sent: on a production server with no email provider, sending
 * a document queues nothing and leaves it unsent; "Mark as sent" is the owner's deliberate say-so.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { documentEvents, documents, emails } from "@/db/schema";
import type { Member } from "@/lib/data/context";
import { saveDraft } from "@/lib/data/documents/drafts";
import { issueDocument } from "@/lib/data/documents/lifecycle";
import { markDocumentSent } from "@/lib/data/sending";
import { expectAppError } from "@/tests/support/accounts";
import { NO_EMAIL_PROVIDER, withEnv } from "@/tests/support/env";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import { startBulkJob } from "./bulk-jobs";
import { deliverEmail, queueMail } from "./outbox";
import { sendDocument } from "./send-document";

let handle: DbHandle;
let db: Db;
let member: Member;
let other: Member;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  ({ member } = await createInvoicingOrg(db, "No email"));
  ({ member: other } = await createInvoicingOrg(db, "No email, other"));
});
afterAll(async () => {
  await handle?.close();
});

async function issuedInvoice() {
  const customer = await createCustomer(db, member.orgId, { email: "accounts@customer.test" });
  return issueDocument(member, (await saveDraft(member, draftInput(customer.id, { unitPrice: 10_000 }))).id);
}
const emailsOf = (documentId: string) => db.select().from(emails).where(eq(emails.documentId, documentId));
const eventsOf = async (documentId: string) =>
  (await db.select().from(documentEvents).where(and(eq(documentEvents.documentId, documentId)))).map((e) => e.type).sort();
const docRow = async (id: string) => (await db.select().from(documents).where(eq(documents.id, id)))[0]!;

describe("sending without an email provider in production", () => {
  it("queues nothing and leaves the invoice issued, with a message that says so", async () => {
    const invoice = await issuedInvoice();
    const refused = await withEnv(NO_EMAIL_PROVIDER, () => expectAppError(sendDocument(member, invoice.id), "CONFLICT"));
    expect(refused.message).toBe(
      "Email is not set up on this server, so nothing was sent and the document is not marked as sent. Copy the client link and share it yourself.",
    );
    expect(await emailsOf(invoice.id)).toHaveLength(0);
    expect(await docRow(invoice.id)).toMatchObject({ status: "issued", sentAt: null });
    expect(await eventsOf(invoice.id)).toEqual(["created", "issued"]);
  });

  it("refuses a bulk send or reminder of several invoices as a whole, saying none was sent", async () => {
    const [a, b] = [await issuedInvoice(), await issuedInvoice()];
    for (const action of ["send", "remind"] as const) {
      const refused = await withEnv(NO_EMAIL_PROVIDER, () => expectAppError(startBulkJob(member, { kind: "invoice", action, selection: { ids: [a.id, b.id] } }), "CONFLICT"));
      expect(refused.message).toBe(
        "Email is not set up on this server, so none of the selected documents was sent or reminded, and none is marked as sent. Copy each client link from its document and share it yourself.",
      );
    }
    expect([...(await emailsOf(a.id)), ...(await emailsOf(b.id))]).toHaveLength(0);
    expect(await docRow(a.id)).toMatchObject({ status: "issued", sentAt: null });
  });

  it("still sends where the outbox is readable (development, or production with DEBUG on)", async () => {
    const invoice = await issuedInvoice();
    await withEnv({ ...NO_EMAIL_PROVIDER, DEBUG: true }, () => sendDocument(member, invoice.id));
    expect(await emailsOf(invoice.id)).toHaveLength(1);
    expect(await docRow(invoice.id)).toMatchObject({ status: "sent" });
  });
});

describe("an email queued before email was switched off (or retried since)", () => {
  it("stays queued instead of being marked sent by the unread outbox, and goes out once a reader exists", async () => {
    const email = await queueMail({ kind: "invoice_sent", orgId: member.orgId, to: "client@customer.test", subject: "Invoice", html: "<p>Invoice</p>", text: "Invoice" });
    expect(await withEnv(NO_EMAIL_PROVIDER, () => deliverEmail(email.id))).toBeNull();
    expect((await db.select().from(emails).where(eq(emails.id, email.id)))[0]).toMatchObject({ status: "queued", attempts: 0 });
    // Development (or DEBUG on): the outbox is read, so it is delivered there.
    expect(await deliverEmail(email.id)).toMatchObject({ status: "sent" });
  });
});

describe("markDocumentSent", () => {
  it("marks an issued invoice sent by hand, once, and says so on its timeline", async () => {
    const invoice = await issuedInvoice();
    await withEnv(NO_EMAIL_PROVIDER, () => markDocumentSent(member, invoice.id));
    const row = await docRow(invoice.id);
    expect(row.status).toBe("sent");
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(await eventsOf(invoice.id)).toEqual(["created", "issued", "marked_sent"]);
    expect(await emailsOf(invoice.id)).toHaveLength(0);
    // Already sent: nothing more to mark.
    await expectAppError(markDocumentSent(member, invoice.id), "CONFLICT");
    expect(await eventsOf(invoice.id)).toEqual(["created", "issued", "marked_sent"]);
  });

  it("refuses drafts and another organisation's invoice", async () => {
    const customer = await createCustomer(db, member.orgId);
    const draft = await saveDraft(member, draftInput(customer.id, {}));
    await expectAppError(markDocumentSent(member, draft.id), "CONFLICT");
    const invoice = await issuedInvoice();
    await expectAppError(markDocumentSent(other, invoice.id), "CONFLICT");
    expect(await docRow(draft.id)).toMatchObject({ status: "draft", sentAt: null });
    expect(await docRow(invoice.id)).toMatchObject({ status: "issued", sentAt: null });
  });
});
