/**
 * SendGrid delivery events: unsafeRecordSendGridEvents against a real database, and the webhook
 * route end to end (signature checked before anything is stored).
 */
import { generateKeyPairSync, randomUUID, sign } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db, DbHandle } from "@/db";
import { type Customer, customers } from "@/db/schema";
import { emailEvents } from "@/db/schema/delivery";
import { type Email, emails } from "@/db/schema/mail";
import type { Member } from "@/lib/data/context";
import { saveDraft } from "@/lib/data/documents/drafts";
import { parseSendGridEvents, type SendGridEvent } from "@/lib/sendgrid-webhook";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { sendgridWebhook } from "@/tests/support/request-mocks";
import { createTestDb } from "@/tests/support/test-db";
import { queueMail } from "./outbox";
import { unsafeRecordSendGridEvents } from "./provider-events";

// The route reads the key from env: this test's (its database is this test's already, see createTestDb).
vi.mock("@/lib/env", (importOriginal) => import("@/tests/support/request-mocks").then((m) => m.envWithSendgridKey(importOriginal)));

const { POST } = await import("@/app/api/webhooks/sendgrid/route");

let handle: DbHandle;
let db: Db;
let member: Member;
let customer: Customer;
let documentId: string;

const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
const publicKeyB64 = publicKey.export({ format: "der", type: "spki" }).toString("base64");

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  const org = await createInvoicingOrg(db, "Events");
  member = org.member;
  customer = await createCustomer(db, member.orgId, { email: "Billing@Customer.test" });
  documentId = (await saveDraft(member, draftInput(customer.id, {}))).id;
});
afterAll(async () => {
  await handle?.close();
});
beforeEach(async () => {
  sendgridWebhook.publicKey = publicKeyB64;
  await db.delete(emailEvents).where(sql`true`);
  await db.update(customers).set({ emailBouncedAt: null }).where(eq(customers.id, customer.id));
});

/** An invoice email to `to`, linked to the test document, as the send flow would queue it. */
async function invoiceEmail(to = "billing@customer.test", providerMessageId: string | null = null): Promise<Email> {
  const queued = await queueMail(
    { kind: "invoice", to, orgId: member.orgId, subject: "Invoice", html: "<p>Invoice</p>", text: "Invoice" },
    { from: "Acme <billing@acme.test>" },
  );
  const [row] = await db.update(emails).set({ documentId, providerMessageId, status: "sent" }).where(eq(emails.id, queued.id)).returning();
  return row!;
}

let seq = 0;
function event(email: Pick<Email, "id"> | null, type: SendGridEvent["event"], extra: Partial<SendGridEvent> = {}): SendGridEvent {
  return { event: type, sg_event_id: `evt-${++seq}-${randomUUID()}`, timestamp: 1_773_144_000, ...(email ? { email_id: email.id } : {}), ...extra };
}

const eventsOf = (emailId: string) => db.select().from(emailEvents).where(eq(emailEvents.emailId, emailId));
const bouncedAt = async () => (await db.select({ at: customers.emailBouncedAt }).from(customers).where(eq(customers.id, customer.id)))[0]?.at ?? null;

describe("unsafeRecordSendGridEvents", () => {
  it("records each event once, even when SendGrid delivers it twice", async () => {
    const email = await invoiceEmail();
    const batch = [event(email, "processed"), event(email, "delivered"), event(email, "open")];
    expect(await unsafeRecordSendGridEvents(batch)).toEqual({ recorded: 3, duplicates: 0, unmatched: 0, accountMail: 0, customersFlagged: 0 });
    // The whole batch again, and a repeat inside one batch.
    expect(await unsafeRecordSendGridEvents([...batch, batch[1]!])).toMatchObject({ recorded: 0, duplicates: 4 });
    const rows = await eventsOf(email.id);
    expect(rows.map((r) => r.event).sort()).toEqual(["delivered", "open", "processed"]);
    expect(rows.every((r) => r.orgId === member.orgId && r.documentId === documentId)).toBe(true);
    expect(rows[0]?.occurredAt.toISOString()).toBe("2026-03-10T12:00:00.000Z");
    expect(await bouncedAt()).toBeNull();
  });

  it("flags the customer when mail to their address bounces, and keeps the reason", async () => {
    const email = await invoiceEmail();
    const result = await unsafeRecordSendGridEvents([event(email, "bounce", { reason: "550 5.1.1 The email account does not exist", type: "bounce" })]);
    expect(result).toMatchObject({ recorded: 1, customersFlagged: 1 });
    expect(await bouncedAt()).toBeInstanceOf(Date);
    expect((await eventsOf(email.id))[0]).toMatchObject({ event: "bounce", reason: "550 5.1.1 The email account does not exist", documentId });
  });

  it("flags on dropped and spam reports too", async () => {
    for (const type of ["dropped", "spamreport"] as const) {
      await db.update(customers).set({ emailBouncedAt: null }).where(eq(customers.id, customer.id));
      const email = await invoiceEmail();
      expect(await unsafeRecordSendGridEvents([event(email, type, { reason: "Bounced Address" })])).toMatchObject({ customersFlagged: 1 });
      expect(await bouncedAt()).toBeInstanceOf(Date);
    }
  });

  it("does not flag the customer for another address, a blocked bounce, or a deferral", async () => {
    const other = await invoiceEmail("accounts@elsewhere.test");
    const mine = await invoiceEmail();
    const result = await unsafeRecordSendGridEvents([
      event(other, "bounce", { type: "bounce", reason: "no such user" }),
      event(mine, "bounce", { type: "blocked", reason: "IP reputation" }),
      event(mine, "deferred", { response: "421 try again later" }),
    ]);
    expect(result).toEqual({ recorded: 3, duplicates: 0, unmatched: 0, accountMail: 0, customersFlagged: 0 });
    expect(await bouncedAt()).toBeNull();
    expect((await eventsOf(mine.id)).find((e) => e.event === "deferred")?.reason).toBe("421 try again later");
  });

  it("ignores events for emails it does not know (no orphan rows)", async () => {
    const result = await unsafeRecordSendGridEvents([
      event({ id: randomUUID() }, "bounce", { type: "bounce" }),
      event({ id: "not-a-uuid" }, "delivered"),
      event(null, "delivered"),
      event(null, "delivered", { sg_message_id: "unknown-message.filterdrecv-1" }),
    ]);
    expect(result).toEqual({ recorded: 0, duplicates: 0, unmatched: 4, accountMail: 0, customersFlagged: 0 });
    expect(await db.select().from(emailEvents)).toHaveLength(0);
    expect(await bouncedAt()).toBeNull();
  });

  it("confirms account mail (no organisation) without storing its events", async () => {
    // A password reset whose provider answer was lost: SendGrid's events are the proof it went out.
    const queued = await queueMail({ kind: "password_reset", to: "someone@user.test", subject: "Reset", html: "<p>Reset</p>", text: "Reset" });
    await db.update(emails).set({ status: "unconfirmed", providerMessageId: "x-msg-reset1" }).where(eq(emails.id, queued.id));
    const result = await unsafeRecordSendGridEvents([event(queued, "processed"), event(null, "bounce", { sg_message_id: "x-msg-reset1.filterdrecv-1", type: "bounce" })]);
    expect(result).toEqual({ recorded: 0, duplicates: 0, unmatched: 0, accountMail: 2, customersFlagged: 0 });
    expect(await eventsOf(queued.id)).toHaveLength(0);
    const [row] = await db.select({ status: emails.status, confirmedAt: emails.confirmedAt }).from(emails).where(eq(emails.id, queued.id));
    expect(row?.status).toBe("sent");
    expect(row?.confirmedAt).toBeInstanceOf(Date);
  });

  it("falls back to SendGrid's message id when the custom arg is missing", async () => {
    const email = await invoiceEmail(undefined, "x-msg-abc123");
    const result = await unsafeRecordSendGridEvents([event(null, "delivered", { sg_message_id: "x-msg-abc123.filterdrecv-p3las1-1-5A" })]);
    expect(result).toMatchObject({ recorded: 1, unmatched: 0 });
    expect(await eventsOf(email.id)).toHaveLength(1);
  });

  it("records an event without sg_event_id once, however often it is replayed (issue 13)", async () => {
    const email = await invoiceEmail();
    const bare = (extra: Partial<SendGridEvent> = {}): SendGridEvent => ({ event: "delivered", timestamp: 1_773_144_000, email_id: email.id, response: "250 OK", ...extra });
    expect(await unsafeRecordSendGridEvents([bare()])).toMatchObject({ recorded: 1, duplicates: 0 });
    // The same event again, alone and twice in one batch.
    expect(await unsafeRecordSendGridEvents([bare(), bare()])).toMatchObject({ recorded: 0, duplicates: 2 });
    // A different event (another time, another type) is its own row.
    expect(await unsafeRecordSendGridEvents([bare({ timestamp: 1_773_144_060 }), bare({ event: "open" })])).toMatchObject({ recorded: 2, duplicates: 0 });
    expect(await eventsOf(email.id)).toHaveLength(3);
  });

  it("records only the event types we use", async () => {
    const email = await invoiceEmail();
    const parsed = parseSendGridEvents([
      { event: "delivered", sg_event_id: "only-1", timestamp: 1_773_144_000, email_id: email.id },
      { event: "group_unsubscribe", sg_event_id: "only-2", timestamp: 1_773_144_000, email_id: email.id },
      { event: "unsubscribe", sg_event_id: "only-3", timestamp: 1_773_144_000, email_id: email.id },
    ])!;
    await unsafeRecordSendGridEvents(parsed);
    expect((await eventsOf(email.id)).map((e) => e.event)).toEqual(["delivered"]);
  });
});

describe("POST /api/webhooks/sendgrid", () => {
  function request(body: string, { timestamp = String(Math.floor(Date.now() / 1000)), signature }: { timestamp?: string; signature?: string | null } = {}) {
    const sig = signature === undefined ? sign("sha256", Buffer.from(timestamp + body), { key: privateKey, dsaEncoding: "der" }).toString("base64") : signature;
    const headers = new Headers({ "content-type": "application/json" });
    if (sig !== null) headers.set("X-Twilio-Email-Event-Webhook-Signature", sig);
    headers.set("X-Twilio-Email-Event-Webhook-Timestamp", timestamp);
    return new Request("http://localhost/api/webhooks/sendgrid", { method: "POST", headers, body });
  }
  const count = async () => (await db.select().from(emailEvents)).length;

  it("records a correctly signed batch and answers 204", async () => {
    const email = await invoiceEmail();
    const body = JSON.stringify([event(email, "delivered"), event(email, "bounce", { type: "bounce", reason: "gone" })]);
    const response = await POST(request(body));
    expect(response.status).toBe(204);
    expect(await count()).toBe(2);
    expect(await bouncedAt()).toBeInstanceOf(Date);
  });

  it("answers 401 and records nothing for a bad, missing or stale signature", async () => {
    const email = await invoiceEmail();
    const body = JSON.stringify([event(email, "bounce", { type: "bounce" })]);
    const good = request(body);
    const tampered = new Request(good.url, { method: "POST", headers: good.headers, body: body.replace("bounce", "delivered") });
    const old = String(Math.floor(Date.now() / 1000) - 600);
    for (const req of [tampered, request(body, { signature: null }), request(body, { signature: "AAAA" }), request(body, { timestamp: old })]) {
      const response = await POST(req);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: "invalid signature" });
    }
    expect(await count()).toBe(0);
    expect(await bouncedAt()).toBeNull();
  });

  it("answers 400 for a signed body that is not a JSON array", async () => {
    expect((await POST(request("{not json"))).status).toBe(400);
    expect((await POST(request(`{"event":"delivered"}`))).status).toBe(400);
  });

  it("answers 503 when no public key is configured", async () => {
    sendgridWebhook.publicKey = undefined;
    const response = await POST(request("[]"));
    expect(response.status).toBe(503);
  });
});
