/**
 * Sending a document: one queued email (default template, client link, PDF attachment) in the
 * same transaction as the status change; delivery through a fake SendGrid; retry of a failed
 * message; and tenancy (another organisation can neither send nor retry).
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { customerContacts, type Customer, documentEvents, documents, emails } from "@/db/schema";
import { formatDate } from "@/lib/dates";
import { env } from "@/lib/env";
import type { LinkPrincipal, Member } from "@/lib/data/context";
import { saveDraft } from "@/lib/data/documents/drafts";
import { issueDocument } from "@/lib/data/documents/lifecycle";
import { openEmailBody } from "@/lib/data/encrypted-fields";
import { getDocumentLink } from "@/lib/data/links";
import { setOrganizationLogo, unsafeGetOrganizationLogo } from "@/lib/data/organizations";
import { linkContext } from "@/lib/data/public-documents";
import { listDocumentEmails, recipientFor, retryEmail } from "@/lib/data/sending";
import { createTransport, type MailTransport } from "@/lib/mail/transports";
import { formatMoney } from "@/lib/money";
import { pdfText } from "@/pdf/testing";
import { expectAppError } from "@/tests/support/accounts";
import { type FakeSendgrid, startFakeSendgrid } from "@/tests/support/fake-sendgrid";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import { deliverEmail } from "./outbox";
import { sendDocument } from "./send-document";

const FROM = "Acme Billing <billing@acme.test>";
const API_KEY = "SG.sending-test-key-not-real";
const LINK = /\/i\/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/;

let handle: DbHandle;
let db: Db;
let member: Member;
let owner: Member;
let orgName: string;
let other: Member;
let fake: FakeSendgrid;
let sendgrid: MailTransport;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  const a = await createInvoicingOrg(db, "Sending");
  member = a.member;
  owner = a.owner;
  orgName = a.org.name;
  ({ member: other } = await createInvoicingOrg(db, "Sending-other"));
  fake = await startFakeSendgrid();
  sendgrid = createTransport({ from: FROM, sendgridApiKey: API_KEY, sendgridApiUrl: fake.url, timeoutMs: 2_000 });
});
afterAll(async () => {
  await fake?.close();
  await handle?.close();
});
beforeEach(() => fake.reset());

const DUE = "2026-04-09";

/** An issued EUR invoice (2 × 123.45) for `customer`. */
async function issuedInvoice(customer: Customer, as: Member = member) {
  const draft = await saveDraft(as, { ...draftInput(customer.id, { quantityE4: 20_000, unitPrice: 12_345 }), dueDate: DUE });
  return issueDocument(as, draft.id);
}

const emailsOf = (documentId: string) => db.select().from(emails).where(eq(emails.documentId, documentId)).orderBy(emails.createdAt);
const eventsOf = (documentId: string, type: string) =>
  db.select().from(documentEvents).where(and(eq(documentEvents.documentId, documentId), eq(documentEvents.type, type)));
const docRow = async (id: string) => (await db.select().from(documents).where(eq(documents.id, id)))[0]!;
const makeDue = (id: string) => db.update(emails).set({ nextAttemptAt: sql`now() - interval '1 second'` }).where(eq(emails.id, id));

describe("sendDocument", () => {
  it("queues one email to the primary contact with the template filled in, the client link and the PDF, and marks the invoice sent", async () => {
    const customer = await createCustomer(db, member.orgId, { name: "Primary Contact GmbH", email: "accounts@customer.test" });
    await db.insert(customerContacts).values([
      { orgId: member.orgId, customerId: customer.id, name: "Other", email: "other@customer.test", isPrimary: false },
      { orgId: member.orgId, customerId: customer.id, name: "Pat", email: "pat@customer.test", isPrimary: true },
    ]);
    const invoice = await issuedInvoice(customer);
    expect(invoice.status).toBe("issued");
    expect(await recipientFor(member, customer.id)).toBe("pat@customer.test");

    const email = await sendDocument(member, invoice.id);

    const rows = await emailsOf(invoice.id);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.id).toBe(email.id);
    expect(row).toMatchObject({
      orgId: member.orgId,
      kind: "invoice_sent",
      toAddress: "pat@customer.test",
      status: "queued",
      attempts: 0,
      idempotencyKey: `document:${invoice.id}:invoice_sent:1`,
    });

    const amount = formatMoney(24_690, "EUR", "en-US");
    expect(amount).toBe("€246.90");
    expect(row.subject).toBe(`Invoice ${invoice.number} from ${orgName}`);
    for (const body of [row.text, row.html]) {
      expect(body).toContain(invoice.number!);
      expect(body).toContain(amount);
      expect(body).toContain(formatDate(DUE, "en-US"));
      expect(body).toContain("Primary Contact GmbH");
      expect(body).not.toMatch(/\{(number|total|amount_due|due_date|customer_name|link|organization_name)\}/);
    }

    // The client link is the document's current link, in both bodies of the message as it will be
    // sent (sealed: encrypted); the stored copy has the token redacted (issue 13).
    const token = await getDocumentLink(member, invoice.id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const sealed = openEmailBody(row)!;
    expect(sealed.text.match(LINK)?.[1]).toBe(token);
    expect(sealed.html.match(LINK)?.[1]).toBe(token);
    expect(row.text).toContain("/i/[redacted]");
    expect(JSON.stringify(row)).not.toContain(token!);

    // The attachment is a real PDF of this invoice.
    expect(row.attachments).toHaveLength(1);
    const attachment = row.attachments![0]!;
    expect(attachment).toMatchObject({ filename: `${invoice.number}.pdf`, contentType: "application/pdf" });
    const pdf = Buffer.from(attachment.contentBase64, "base64");
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect((await pdfText(pdf)).text).toContain(invoice.number!);

    const after = await docRow(invoice.id);
    expect(after.status).toBe("sent");
    expect(after.sentAt).toBeInstanceOf(Date);
    const sent = await eventsOf(invoice.id, "sent");
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ actorUserId: member.userId, meta: { to: "pat@customer.test", emailId: email.id } });
  });

  it("shows the organisation's logo at its public, versioned URL in the HTML once it has one", async () => {
    const customer = await createCustomer(db, member.orgId, { email: "logo@customer.test" });
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
    const before = await sendDocument(member, (await issuedInvoice(customer)).id);
    expect((await db.select().from(emails).where(eq(emails.id, before.id)))[0]!.html).not.toContain("/logos/");
    await setOrganizationLogo(owner, { contentType: "image/png", bytes: png });
    try {
      const { updatedAt } = (await unsafeGetOrganizationLogo(member.orgId))!;
      const after = await sendDocument(member, (await issuedInvoice(customer)).id);
      const html = (await db.select().from(emails).where(eq(emails.id, after.id)))[0]!.html;
      expect(html).toContain(`<img src="${env.APP_URL}/logos/${member.orgId}?v=${updatedAt.getTime()}" alt="${orgName}"`);
    } finally {
      await setOrganizationLogo(owner, null);
    }
  });

  it("falls back to the customer's own address when it has no contacts", async () => {
    const customer = await createCustomer(db, member.orgId, { email: "own@customer.test" });
    const invoice = await issuedInvoice(customer);
    await sendDocument(member, invoice.id);
    const rows = await emailsOf(invoice.id);
    expect(rows.map((r) => r.toAddress)).toEqual(["own@customer.test"]);
  });

  it("refuses a draft with CONFLICT and queues nothing", async () => {
    const customer = await createCustomer(db, member.orgId);
    const draft = await saveDraft(member, draftInput(customer.id, {}));
    const e = await expectAppError(sendDocument(member, draft.id), "CONFLICT");
    expect(e.message).toMatch(/Issue this document/);
    expect(await emailsOf(draft.id)).toHaveLength(0);
    expect((await docRow(draft.id)).status).toBe("draft");
  });

  it("refuses a customer without an email address with BAD_REQUEST and queues nothing", async () => {
    const customer = await createCustomer(db, member.orgId, { email: null });
    const invoice = await issuedInvoice(customer);
    const e = await expectAppError(sendDocument(member, invoice.id), "BAD_REQUEST");
    expect(e.message).toMatch(/email address/i);
    expect(await emailsOf(invoice.id)).toHaveLength(0);
    expect(await eventsOf(invoice.id, "sent")).toHaveLength(0);
    const after = await docRow(invoice.id);
    expect(after.status).toBe("issued");
    expect(after.sentAt).toBeNull();
  });

  it("queues a second email with the next idempotency key when sent again", async () => {
    const customer = await createCustomer(db, member.orgId);
    const invoice = await issuedInvoice(customer);
    const first = await sendDocument(member, invoice.id);
    const second = await sendDocument(member, invoice.id);
    expect(second.id).not.toBe(first.id);
    const rows = await emailsOf(invoice.id);
    expect(rows.map((r) => r.idempotencyKey).sort()).toEqual([`document:${invoice.id}:invoice_sent:1`, `document:${invoice.id}:invoice_sent:2`]);
    expect((await docRow(invoice.id)).status).toBe("sent");
    expect(await eventsOf(invoice.id, "sent")).toHaveLength(2);
    // Both emails carry the same (still live) link.
    const tokens = rows.map((r) => openEmailBody(r)!.text.match(LINK)?.[1]);
    expect(tokens[0]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokens[0]).toBe(tokens[1]);

    const listed = await listDocumentEmails(member, invoice.id);
    expect(listed.map((l) => l.id).sort()).toEqual([first.id, second.id].sort());
    expect(await listDocumentEmails(other, invoice.id)).toEqual([]);
  });
  it("queues one email for one Review & send submission however often it arrives, a new submission queues another", async () => {
    const customer = await createCustomer(db, member.orgId, { email: "billing@twice.test" });
    const invoice = await issuedInvoice(customer);
    const choices = { to: "ap@twice.test", cc: ["boss@twice.test"], template: { subject: "Invoice {number}", body: "Hello" }, submissionKey: "5b0c2f3e-8d1a-4c2b-9e7f-0a1b2c3d4e5f" };
    // A double click: both requests at once, then a retry after the answers.
    const [a, b] = await Promise.all([sendDocument(member, invoice.id, undefined, choices), sendDocument(member, invoice.id, undefined, choices)]);
    const c = await sendDocument(member, invoice.id, undefined, choices);
    expect(new Set([a.id, b.id, c.id]).size).toBe(1);
    expect(await emailsOf(invoice.id)).toHaveLength(1);
    expect(await eventsOf(invoice.id, "sent")).toHaveLength(1);
    expect(a.toAddress).toBe("ap@twice.test");
    expect(a.ccAddresses).toEqual(["boss@twice.test"]);

    // Opening the dialog again is a new submission: a deliberate resend.
    const again = await sendDocument(member, invoice.id, undefined, { ...choices, submissionKey: "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a" });
    expect(again.id).not.toBe(a.id);
    expect(await emailsOf(invoice.id)).toHaveLength(2);
    expect(await eventsOf(invoice.id, "sent")).toHaveLength(2);
  });

  it("keeps a viewed invoice viewed when it is sent again, and refuses a void one", async () => {
    const customer = await createCustomer(db, member.orgId);
    const invoice = await issuedInvoice(customer);
    await sendDocument(member, invoice.id);
    const firstSentAt = (await docRow(invoice.id)).sentAt!;
    await db.update(documents).set({ status: "viewed", viewedAt: new Date() }).where(eq(documents.id, invoice.id));
    await sendDocument(member, invoice.id);
    const after = await docRow(invoice.id);
    expect(after.status).toBe("viewed");
    expect(after.sentAt!.getTime()).toBeGreaterThanOrEqual(firstSentAt.getTime());

    await db.update(documents).set({ status: "void", balance: 0 }).where(eq(documents.id, invoice.id));
    await expectAppError(sendDocument(member, invoice.id), "CONFLICT");
    expect(await emailsOf(invoice.id)).toHaveLength(2);
  });
});

describe("delivery through SendGrid", () => {
  it("posts the recipient, subject and a valid PDF, and stores the provider message id", async () => {
    const customer = await createCustomer(db, member.orgId, { email: "deliver@customer.test" });
    const invoice = await issuedInvoice(customer);
    const email = await sendDocument(member, invoice.id);

    const delivered = await deliverEmail(email.id, sendgrid);
    expect(delivered).toMatchObject({ status: "sent", transport: "sendgrid", providerMessageId: "fake-msg-1", attempts: 1 });

    expect(fake.requests).toHaveLength(1);
    const body = fake.requests[0]!.body;
    expect(body.personalizations[0]!.to).toEqual([{ email: "deliver@customer.test" }]);
    expect(body.subject).toBe(`Invoice ${invoice.number} from ${orgName}`);
    expect(body.custom_args).toEqual({ email_id: email.id, idempotency_key: `document:${invoice.id}:invoice_sent:1` });
    expect(body.attachments).toHaveLength(1);
    const attachment = body.attachments![0]!;
    expect(attachment).toMatchObject({ filename: `${invoice.number}.pdf`, type: "application/pdf", disposition: "attachment" });
    expect(Buffer.from(attachment.content, "base64").subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const [row] = await emailsOf(invoice.id);
    expect(row).toMatchObject({ status: "sent", providerMessageId: "fake-msg-1" });
    expect(row!.sentAt).toBeInstanceOf(Date);
    // The PDF (tax ids, bank details) is not kept once SendGrid has it.
    expect(row!.attachments).toBeNull();
    const listed = await listDocumentEmails(member, invoice.id);
    expect(listed[0]).toMatchObject({ id: email.id, status: "sent", providerMessageId: "fake-msg-1", events: [] });
  });

  it("leaves the email queued for a retry after a SendGrid 500", async () => {
    const customer = await createCustomer(db, member.orgId);
    const invoice = await issuedInvoice(customer);
    const email = await sendDocument(member, invoice.id);

    fake.failNext("500");
    const retrying = await deliverEmail(email.id, sendgrid);
    expect(retrying).toMatchObject({ status: "queued", attempts: 1 });
    expect(retrying!.lastError).toContain("500");
    expect(retrying!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    // Not due yet.
    expect(await deliverEmail(email.id, sendgrid)).toBeNull();
    // A failed (not-yet-"failed") message can't be retried by hand.
    await expectAppError(retryEmail(member, email.id), "NOT_FOUND");

    await makeDue(email.id);
    expect(await deliverEmail(email.id, sendgrid)).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    expect(fake.requests).toHaveLength(2);
  });

  it("marks a 400 failed; retryEmail re-queues it with fresh attempts and it is then delivered", async () => {
    const customer = await createCustomer(db, member.orgId);
    const invoice = await issuedInvoice(customer);
    const email = await sendDocument(member, invoice.id);

    fake.failNext("400");
    const failed = await deliverEmail(email.id, sendgrid);
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed!.lastError).toMatch(/^SendGrid answered 400/);

    // Another organisation's member can't retry it.
    await expectAppError(retryEmail(other, email.id), "NOT_FOUND");
    expect((await emailsOf(invoice.id))[0]).toMatchObject({ status: "failed", attempts: 1 });

    const requeued = await retryEmail(member, email.id);
    expect(requeued).toMatchObject({ id: email.id, status: "queued", attempts: 0, lastError: null });
    expect(requeued.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + 1_000);

    // Retrying a message that is no longer failed is "not found".
    await expectAppError(retryEmail(member, email.id), "NOT_FOUND");

    const delivered = await deliverEmail(email.id, sendgrid);
    expect(delivered).toMatchObject({ status: "sent", attempts: 1, providerMessageId: "fake-msg-1" });
    expect(fake.requests).toHaveLength(2);
    await expectAppError(retryEmail(member, email.id), "NOT_FOUND");
  });

  it("shows a send whose answer was lost as unconfirmed; the owner may retry it only once its window has passed", async () => {
    const customer = await createCustomer(db, member.orgId);
    const invoice = await issuedInvoice(customer);
    const email = await sendDocument(member, invoice.id);
    const impatient = createTransport({ from: FROM, sendgridApiKey: API_KEY, sendgridApiUrl: fake.url, timeoutMs: 100 });
    fake.failNext("hang");
    expect(await deliverEmail(email.id, impatient, { unconfirmedRetry: "never" })).toMatchObject({ status: "unconfirmed" });
    expect((await listDocumentEmails(member, invoice.id))[0]).toMatchObject({ status: "unconfirmed", canRetry: false });
    await expectAppError(retryEmail(member, email.id), "NOT_FOUND");

    await makeDue(email.id);
    expect((await listDocumentEmails(member, invoice.id))[0]).toMatchObject({ status: "unconfirmed", canRetry: true });
    await expectAppError(retryEmail(other, email.id), "NOT_FOUND");
    expect(await retryEmail(member, email.id)).toMatchObject({ status: "queued", attempts: 0 });
    expect(await deliverEmail(email.id, sendgrid)).toMatchObject({ status: "sent" });
    // The message sent on retry is the real one, with the working client link.
    const text = fake.requests.at(-1)!.body.content.find((c) => c.type === "text/plain")!.value;
    expect(text.match(LINK)?.[1]).toBe(await getDocumentLink(member, invoice.id));
  });

  it("answers NOT_FOUND for an unknown email id", async () => {
    await expectAppError(retryEmail(member, "00000000-0000-0000-0000-000000000001"), "NOT_FOUND");
  });
});

describe("tenancy", () => {
  it("another organisation's member can't send A's invoice", async () => {
    const customer = await createCustomer(db, member.orgId);
    const invoice = await issuedInvoice(customer);
    await expectAppError(sendDocument(other, invoice.id), "NOT_FOUND");
    expect(await emailsOf(invoice.id)).toHaveLength(0);
    const after = await docRow(invoice.id);
    expect(after.status).toBe("issued");
    expect(after.sentAt).toBeNull();
    // Nor resolve A's customer's address.
    expect(await recipientFor(other, customer.id)).toBeNull();
  });

  // lib/data/link-principal.db.test.ts does this for every write of lib/data.
  it("the client link of the invoice can't send it (FORBIDDEN), and nothing is queued", async () => {
    const customer = await createCustomer(db, member.orgId);
    const invoice = await issuedInvoice(customer);
    const link: LinkPrincipal = linkContext({ orgId: member.orgId, documentId: invoice.id });
    const e = await expectAppError(sendDocument(link as unknown as Member, invoice.id), "FORBIDDEN");
    expect(e.message).toBe("You don't have permission to do that.");
    expect(await emailsOf(invoice.id)).toHaveLength(0);
    expect(await eventsOf(invoice.id, "sent")).toHaveLength(0);
    expect((await docRow(invoice.id)).sentAt).toBeNull();
  });
});
