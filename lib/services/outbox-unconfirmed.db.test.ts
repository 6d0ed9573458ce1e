/**
 * Issue 13, defect 13: a send whose answer was lost (SendGrid kept the message, then answered after
 * our timeout) must not be sent twice. It is "unconfirmed": not retried until SendGrid's signed
 * event webhook had time to confirm it, and a confirming event ends it as sent. Without a
 * confirmation, EMAIL_UNCONFIRMED_RETRY decides: send again after the window, or never.
 */
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db, DbHandle } from "@/db";
import { emails } from "@/db/schema/mail";
import { type FakeSendgrid, startFakeSendgrid } from "@/tests/support/fake-sendgrid";
import { sendgridWebhook } from "@/tests/support/request-mocks";
import { createTestDb } from "@/tests/support/test-db";
import { createTransport, type MailTransport } from "@/lib/mail/transports";
import { dispatchDueEmails, type MailMessage, sendMail } from "./outbox";

// The webhook route reads its key from env: this test's (its database is this test's already, see createTestDb).
vi.mock("@/lib/env", (importOriginal) => import("@/tests/support/request-mocks").then((m) => m.envWithSendgridKey(importOriginal)));
const { POST } = await import("@/app/api/webhooks/sendgrid/route");

const FROM = "Acme Billing <billing@acme.test>";
let handle: DbHandle;
let db: Db;
let fake: FakeSendgrid;
/** Waits 200 ms for an answer; the fake's "late" answers come after 1 s. */
let sendgrid: MailTransport;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  fake = await startFakeSendgrid({ lateMs: 1_000 });
  sendgridWebhook.publicKey = fake.webhookPublicKey;
  sendgrid = createTransport({ from: FROM, sendgridApiKey: "SG.unconfirmed-not-real", sendgridApiUrl: fake.url, timeoutMs: 200 });
});
afterAll(async () => {
  await fake?.close();
  await handle?.close();
});
beforeEach(async () => {
  fake.reset();
  await db.delete(emails).where(sql`true`);
});

const message = (): MailMessage => ({ kind: "invoice", to: "client@example.com", subject: "Invoice", html: "<p>Invoice</p>", text: "Invoice" });
const row = async (id: string) => (await db.select().from(emails).where(eq(emails.id, id)))[0]!;
/** As if the confirmation window had passed (the database's clock decides what is due). */
const windowPassed = (id: string) => db.update(emails).set({ nextAttemptAt: sql`now() - interval '1 second'` }).where(eq(emails.id, id));
const processed = (emailId: string) => ({ event: "processed", email_id: emailId, sg_event_id: randomUUID(), timestamp: Math.floor(Date.now() / 1000) });

describe("a send whose answer was lost", () => {
  it("is unconfirmed, not retried, and ends sent when SendGrid's signed event confirms it: one message", async () => {
    fake.failNext("late");
    const first = await sendMail(message(), sendgrid);
    expect(first).toMatchObject({ status: "unconfirmed", attempts: 1 });
    expect(first.lastError).toMatch(/did not answer in time/);
    expect(fake.accepted).toHaveLength(1);
    expect(fake.accepted[0]!.body.custom_args?.email_id).toBe(first.id);

    // The dispatcher's next run leaves it alone: the window is still open.
    expect(await dispatchDueEmails({ transport: sendgrid })).toMatchObject({ sent: 0, retrying: 0, failed: 0 });
    expect(fake.requests).toHaveLength(1);

    const response = await POST(fake.eventRequest([processed(first.id)]));
    expect(response.status).toBe(204);
    const confirmed = await row(first.id);
    expect(confirmed).toMatchObject({ status: "sent", lastError: null });
    expect(confirmed.confirmedAt).toBeInstanceOf(Date);
    expect(confirmed.sentAt).toBeInstanceOf(Date);

    // Even once the window has passed, a confirmed message is never sent again.
    await windowPassed(first.id);
    expect(await dispatchDueEmails({ transport: sendgrid })).toMatchObject({ sent: 0 });
    expect(fake.requests).toHaveLength(1);
    expect(fake.accepted).toHaveLength(1);
  });

  it("is not lost when the confirmation arrives while the send still waits for its answer", async () => {
    const patient = createTransport({ from: FROM, sendgridApiKey: "SG.unconfirmed-not-real", sendgridApiUrl: fake.url, timeoutMs: 600 });
    fake.failNext("late");
    const sending = sendMail(message(), patient);
    await vi.waitFor(() => expect(fake.accepted).toHaveLength(1));
    const emailId = fake.accepted[0]!.body.custom_args!.email_id!;
    expect((await POST(fake.eventRequest([processed(emailId)]))).status).toBe(204);
    expect(await sending).toMatchObject({ id: emailId, status: "sent" });
    await windowPassed(emailId);
    expect(await dispatchDueEmails({ transport: sendgrid })).toMatchObject({ sent: 0 });
    expect(fake.accepted).toHaveLength(1);
  });

  it("without a confirmation is sent again once, after the window (EMAIL_UNCONFIRMED_RETRY=after-window)", async () => {
    fake.failNext("late");
    const first = await sendMail(message(), sendgrid);
    expect(first.status).toBe("unconfirmed");
    expect(await dispatchDueEmails({ transport: sendgrid, unconfirmedRetry: "after-window" })).toMatchObject({ sent: 0 });
    expect(fake.requests).toHaveLength(1);

    await windowPassed(first.id);
    expect(await dispatchDueEmails({ transport: sendgrid, unconfirmedRetry: "after-window" })).toMatchObject({ sent: 1 });
    expect(fake.requests).toHaveLength(2);
    expect(await row(first.id)).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    expect(await dispatchDueEmails({ transport: sendgrid, unconfirmedRetry: "after-window" })).toMatchObject({ sent: 0 });
    expect(fake.requests).toHaveLength(2);
  });

  it("a confirmation arriving after the retry failed ends it sent: not sent a third time", async () => {
    fake.failNext("late");
    const first = await sendMail(message(), sendgrid);
    await windowPassed(first.id);
    fake.failNext("500");
    expect(await dispatchDueEmails({ transport: sendgrid, unconfirmedRetry: "after-window" })).toMatchObject({ retrying: 1 });
    expect(await row(first.id)).toMatchObject({ status: "queued", attempts: 2 });

    expect((await POST(fake.eventRequest([processed(first.id)]))).status).toBe(204);
    expect(await row(first.id)).toMatchObject({ status: "sent", sealedBody: null });
    await windowPassed(first.id);
    expect(await dispatchDueEmails({ transport: sendgrid, unconfirmedRetry: "after-window" })).toMatchObject({ sent: 0 });
    expect(fake.requests).toHaveLength(2);
    expect(fake.accepted).toHaveLength(1);
  });

  it("a confirmation of the first attempt arriving after the owner's Retry ends it sent: not sent again", async () => {
    fake.failNext("late");
    const first = await sendMail(message(), sendgrid, { unconfirmedRetry: "never" });
    expect(await row(first.id)).toMatchObject({ status: "unconfirmed" });
    // What the owner's Retry leaves (lib/data/sending.ts retryEmail): queued, attempts from zero, due now.
    await db.update(emails).set({ status: "queued", attempts: 0, nextAttemptAt: sql`now() - interval '1 second'`, lastError: null }).where(eq(emails.id, first.id));

    expect((await POST(fake.eventRequest([processed(first.id)]))).status).toBe(204);
    expect(await row(first.id)).toMatchObject({ status: "sent", sealedBody: null });
    expect(await dispatchDueEmails({ transport: sendgrid, unconfirmedRetry: "never" })).toMatchObject({ sent: 0 });
    expect(fake.requests).toHaveLength(1);
    expect(fake.accepted).toHaveLength(1);
  });

  it("without a confirmation stays unconfirmed and is never sent again automatically (EMAIL_UNCONFIRMED_RETRY=never)", async () => {
    fake.failNext("late");
    const first = await sendMail(message(), sendgrid, { unconfirmedRetry: "never" });
    expect(first.status).toBe("unconfirmed");
    expect(first.lastError).toMatch(/not sent again automatically/);
    await windowPassed(first.id);
    expect(await dispatchDueEmails({ transport: sendgrid, unconfirmedRetry: "never" })).toMatchObject({ sent: 0 });
    expect(fake.requests).toHaveLength(1);
    expect(await row(first.id)).toMatchObject({ status: "unconfirmed" });
  });

  it("a refused connection is not unconfirmed: SendGrid never saw the message, so it is retried as usual", async () => {
    fake.failNext("500");
    expect(await sendMail(message(), sendgrid)).toMatchObject({ status: "queued" });
  });
});
