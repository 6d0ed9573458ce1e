import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import { SMTPServer, type SMTPServerAddress } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { emails } from "@/db/schema/mail";
import { createTestDb } from "@/tests/support/test-db";
import { type FakeSendgrid, startFakeSendgrid } from "@/tests/support/fake-sendgrid";
import { unsafeGetEmail, unsafeListAllEmails } from "@/lib/data/outbox";
import { createTransport, type MailTransport } from "@/lib/mail/transports";
import { deliverEmail, dispatchDueEmails, type MailMessage, MAX_ATTEMPTS, queueMail, sendMail } from "./outbox";

const FROM = "Acme Billing <billing@acme.test>";
const API_KEY = "SG.test-key-not-real";
const pdf = Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\n%%EOF\n");

let handle: DbHandle;
let db: Db;
let fake: FakeSendgrid;
let sendgrid: MailTransport;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  fake = await startFakeSendgrid();
  sendgrid = createTransport({ from: FROM, sendgridApiKey: API_KEY, sendgridApiUrl: fake.url, timeoutMs: 500 });
});

afterAll(async () => {
  await fake?.close();
  await handle?.close();
});

beforeEach(async () => {
  fake.reset();
  await db.delete(emails).where(sql`true`);
});

function message(overrides: Partial<MailMessage> = {}): MailMessage {
  return {
    kind: "invoice",
    to: "client@example.com",
    subject: "Invoice INV-0001 from Acme",
    html: '<p>Your invoice is ready: <a href="https://app.test/i/abc">view it</a></p>',
    text: "Your invoice is ready: https://app.test/i/abc",
    ...overrides,
  };
}

/** Makes a queued row due now, as if its backoff had elapsed. */
async function makeDue(id: string) {
  await db.update(emails).set({ nextAttemptAt: sql`now() - interval '1 second'` }).where(eq(emails.id, id));
}

async function row(id: string) {
  const [r] = await db.select().from(emails).where(eq(emails.id, id));
  if (!r) throw new Error("row missing");
  return r;
}

describe("SendGrid transport", () => {
  it("sends recipient, sender, subject, both bodies, the attachment and the key, then marks the row sent", async () => {
    const sent = await sendMail(
      message({
        replyTo: "owner@acme.test",
        attachments: [{ filename: "INV-0001.pdf", contentType: "application/pdf", contentBase64: pdf.toString("base64") }],
        idempotencyKey: "invoice-1-send-1",
      }),
      sendgrid,
    );

    expect(fake.requests).toHaveLength(1);
    const request = fake.requests[0]!;
    expect(request.url).toBe("/v3/mail/send");
    expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
    const body = request.body;
    expect(body.personalizations[0]!.to).toEqual([{ email: "client@example.com" }]);
    expect(body.from).toEqual({ email: "billing@acme.test", name: "Acme Billing" });
    expect(body.reply_to).toEqual({ email: "owner@acme.test" });
    expect(body.subject).toBe("Invoice INV-0001 from Acme");
    expect(body.content).toEqual([
      { type: "text/plain", value: "Your invoice is ready: https://app.test/i/abc" },
      { type: "text/html", value: '<p>Your invoice is ready: <a href="https://app.test/i/abc">view it</a></p>' },
    ]);
    const attachment = body.attachments?.[0];
    expect(attachment).toMatchObject({ filename: "INV-0001.pdf", type: "application/pdf", disposition: "attachment" });
    expect(Buffer.from(attachment!.content, "base64").subarray(0, 5).toString()).toBe("%PDF-");
    expect(body.custom_args).toEqual({ email_id: sent.id, idempotency_key: "invoice-1-send-1" });

    expect(sent).toMatchObject({
      status: "sent",
      transport: "sendgrid",
      providerMessageId: "fake-msg-1",
      attempts: 1,
      lastError: null,
      fromAddress: FROM,
    });
    expect(sent.sentAt).toBeInstanceOf(Date);
    expect(await row(sent.id)).toMatchObject({ status: "sent", providerMessageId: "fake-msg-1" });
  });

  it("leaves a row queued with backoff after a 500, and a later dispatch sends it", async () => {
    fake.failNext("500");
    const before = Date.now();
    const queued = await sendMail(message(), sendgrid);

    expect(queued.status).toBe("queued");
    expect(queued.attempts).toBe(1);
    expect(queued.lastError).toContain("500");
    const waitMs = queued.nextAttemptAt.getTime() - before;
    expect(waitMs).toBeGreaterThan(50_000);
    expect(waitMs).toBeLessThan(70_000);

    // Not due yet: nothing happens.
    expect(await dispatchDueEmails({ transport: sendgrid })).toMatchObject({ sent: 0, retrying: 0, failed: 0 });
    expect(fake.requests).toHaveLength(1);

    await makeDue(queued.id);
    expect(await dispatchDueEmails({ transport: sendgrid })).toMatchObject({ sent: 1, failed: 0 });
    expect(fake.requests).toHaveLength(2);
    expect(await row(queued.id)).toMatchObject({ status: "sent", attempts: 2, lastError: null, providerMessageId: "fake-msg-1" });
  });

  it("doubles the wait after each failure", async () => {
    fake.failNext("500", 2);
    const first = await sendMail(message(), sendgrid);
    await makeDue(first.id);
    const before = Date.now();
    const second = await deliverEmail(first.id, sendgrid);
    expect(second).toMatchObject({ status: "queued", attempts: 2 });
    const waitMs = second!.nextAttemptAt.getTime() - before;
    expect(waitMs).toBeGreaterThan(110_000);
    expect(waitMs).toBeLessThan(130_000);
  });

  it("treats 429 as retryable", async () => {
    fake.failNext("429");
    const queued = await sendMail(message(), sendgrid);
    expect(queued).toMatchObject({ status: "queued", attempts: 1 });
    expect(queued.lastError).toContain("429");
  });

  it("marks a 400 failed and never retries it", async () => {
    fake.failNext("400");
    const failed = await sendMail(message(), sendgrid);
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed.lastError).toBe("SendGrid answered 400: The from address does not match a verified Sender Identity.");

    await makeDue(failed.id);
    expect(await deliverEmail(failed.id, sendgrid)).toBeNull();
    expect(await dispatchDueEmails({ transport: sendgrid })).toMatchObject({ sent: 0, failed: 0, retrying: 0 });
    expect(fake.requests).toHaveLength(1);
  });

  it("holds a request that timed out as unconfirmed, retries it only after the window, and stores no secret in the error", async () => {
    fake.failNext("hang");
    const unconfirmed = await sendMail(message(), sendgrid, { unconfirmedRetry: "after-window" });
    expect(unconfirmed).toMatchObject({ status: "unconfirmed", attempts: 1 });
    expect(unconfirmed.lastError).toMatch(/^SendGrid did not answer in time: SendGrid may have accepted the message/);
    expect(JSON.stringify(await row(unconfirmed.id))).not.toContain(API_KEY);
    // Within the window (lib/services/outbox-unconfirmed.db.test.ts covers the webhook's confirmation).
    expect(await dispatchDueEmails({ transport: sendgrid, unconfirmedRetry: "after-window" })).toMatchObject({ sent: 0 });

    await makeDue(unconfirmed.id);
    expect(await dispatchDueEmails({ transport: sendgrid, unconfirmedRetry: "after-window" })).toMatchObject({ sent: 1 });
    expect(fake.requests).toHaveLength(2);
  });

  it("retries when SendGrid cannot be reached", async () => {
    const port = await closedPort();
    const unreachable = createTransport({ from: FROM, sendgridApiKey: API_KEY, sendgridApiUrl: `http://127.0.0.1:${port}`, timeoutMs: 500 });
    const queued = await sendMail(message(), unreachable);
    expect(queued).toMatchObject({ status: "queued", attempts: 1 });
    expect(queued.lastError).toMatch(/Could not reach SendGrid/);
  });

  it("gives up after the last attempt", async () => {
    fake.failNext("500");
    const queued = await queueMail(message(), { from: FROM });
    await db.update(emails).set({ attempts: MAX_ATTEMPTS - 1 }).where(eq(emails.id, queued.id));
    const failed = await deliverEmail(queued.id, sendgrid);
    expect(failed).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
  });

  it("stores and sends one email when the same idempotency key is queued twice", async () => {
    const first = await sendMail(message({ idempotencyKey: "reset-42" }), sendgrid);
    const second = await sendMail(message({ idempotencyKey: "reset-42", subject: "changed" }), sendgrid);

    expect(second.id).toBe(first.id);
    expect(second).toMatchObject({ status: "sent", subject: "Invoice INV-0001 from Acme" });
    expect(await db.select().from(emails)).toHaveLength(1);
    expect(fake.requests).toHaveLength(1);
  });

  it("sends once when two workers deliver the same email at the same time", async () => {
    const queued = await queueMail(message(), { from: FROM });
    const results = await Promise.all([deliverEmail(queued.id, sendgrid), deliverEmail(queued.id, sendgrid)]);

    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect(fake.requests).toHaveLength(1);
    expect(await row(queued.id)).toMatchObject({ status: "sent", attempts: 1 });
  });
});

describe("queue and dispatcher", () => {
  it("queues inside a transaction, so a rollback sends nothing", async () => {
    await expect(
      db.transaction(async (tx) => {
        await queueMail(message(), { from: FROM }, tx);
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await db.select().from(emails)).toHaveLength(0);
  });

  it("defaults the sender, strips newlines from the subject and keeps the row queued", async () => {
    const queued = await queueMail(message({ subject: "Hello\r\nBcc: evil@example.com" }));
    expect(queued).toMatchObject({
      status: "queued",
      attempts: 0,
      fromAddress: "Smart Invoice <no-reply@localhost>",
      subject: "Hello Bcc: evil@example.com",
    });
    expect(queued.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("rescues rows a crashed process left in sending", async () => {
    const stuck = await queueMail(message(), { from: FROM });
    await db
      .update(emails)
      .set({ status: "sending", attempts: 1, updatedAt: sql`now() - interval '11 minutes'` })
      .where(eq(emails.id, stuck.id));
    const recent = await queueMail(message(), { from: FROM });
    await db.update(emails).set({ status: "sending", attempts: 1, updatedAt: sql`now()` }).where(eq(emails.id, recent.id));

    expect(await dispatchDueEmails({ transport: sendgrid })).toMatchObject({ rescued: 1, sent: 1 });
    expect(await row(stuck.id)).toMatchObject({ status: "sent", attempts: 2 });
    expect(await row(recent.id)).toMatchObject({ status: "sending" });
  });

  it("delivers at most `limit` emails per pass", async () => {
    for (let i = 0; i < 3; i++) await queueMail(message(), { from: FROM });
    expect(await dispatchDueEmails({ limit: 2, transport: sendgrid })).toMatchObject({ sent: 2 });
    expect(await dispatchDueEmails({ limit: 2, transport: sendgrid })).toMatchObject({ sent: 1 });
    expect(fake.requests).toHaveLength(3);
  });
});

describe("development outbox", () => {
  it("marks the row sent without any request", async () => {
    const outbox = createTransport({ from: FROM });
    expect(outbox.name).toBe("outbox");
    const sent = await sendMail(message(), outbox);
    expect(sent).toMatchObject({ status: "sent", transport: "outbox", providerMessageId: null, attempts: 1 });
    expect(fake.requests).toHaveLength(0);
  });

  it("lists every email newest first and finds one by id", async () => {
    const outbox = createTransport({ from: FROM });
    const a = await sendMail(message({ subject: "first" }), outbox);
    await db.update(emails).set({ createdAt: sql`now() - interval '1 minute'` }).where(eq(emails.id, a.id));
    const b = await sendMail(message({ subject: "second" }), outbox);

    const list = await unsafeListAllEmails({ limit: 10 });
    expect(list.map((e) => e.subject)).toEqual(["second", "first"]);
    expect(await unsafeListAllEmails({ limit: 1, offset: 1 })).toHaveLength(1);
    expect((await unsafeGetEmail(b.id))?.html).toContain("<a href");
    expect(await unsafeGetEmail("not-a-uuid")).toBeNull();
    expect(await unsafeGetEmail("00000000-0000-0000-0000-000000000000")).toBeNull();
  });
});

describe("SMTP transport", () => {
  type Received = { from: string | false; to: string[]; raw: string; user?: string };
  let smtp: SMTPServer;
  let port: number;
  const received: Received[] = [];
  const rejectRecipients = new Set<string>();

  beforeAll(async () => {
    smtp = new SMTPServer({
      // A plain local relay, as with EMAIL_USE_TLS=false.
      disabledCommands: ["STARTTLS"],
      allowInsecureAuth: true,
      authOptional: true,
      onAuth(auth, _session, callback) {
        if (auth.username === "mailer" && auth.password === "s3cret") callback(null, { user: auth.username });
        else callback(new Error("Invalid username or password"));
      },
      onRcptTo(address: SMTPServerAddress, _session, callback) {
        if (rejectRecipients.has(address.address)) {
          const error = new Error("Mailbox unavailable") as Error & { responseCode: number };
          error.responseCode = 550;
          callback(error);
        } else callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          received.push({
            from: session.envelope.mailFrom && session.envelope.mailFrom.address,
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString("utf8"),
            user: session.user as string | undefined,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    port = (smtp.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => smtp?.close(resolve));
  });

  beforeEach(() => {
    received.length = 0;
    rejectRecipients.clear();
  });

  const smtpTransport = () =>
    createTransport({
      from: FROM,
      smtp: { host: "127.0.0.1", port, useTls: false, user: "mailer", password: "s3cret" },
      timeoutMs: 2_000,
    });

  it("delivers through nodemailer with auth, both bodies and the attachment", async () => {
    const transport = smtpTransport();
    expect(transport.name).toBe("smtp");
    const sent = await sendMail(
      message({
        attachments: [{ filename: "INV-0001.pdf", contentType: "application/pdf", contentBase64: pdf.toString("base64") }],
      }),
      transport,
    );

    expect(sent).toMatchObject({ status: "sent", transport: "smtp", providerMessageId: `<${sent.id}@acme.test>` });
    expect(received).toHaveLength(1);
    const mail = received[0]!;
    expect(mail).toMatchObject({ from: "billing@acme.test", to: ["client@example.com"], user: "mailer" });
    expect(mail.raw).toContain("Subject: Invoice INV-0001 from Acme");
    expect(mail.raw).toContain("Content-Type: text/plain");
    expect(mail.raw).toContain("Content-Type: text/html");
    expect(mail.raw).toContain("https://app.test/i/abc");
    expect(mail.raw).toMatch(/filename="?INV-0001\.pdf/);
    expect(mail.raw).toContain(pdf.toString("base64").slice(0, 12));
  });

  it("marks a 5xx refusal failed", async () => {
    rejectRecipients.add("gone@example.com");
    const failed = await sendMail(message({ to: "gone@example.com" }), smtpTransport());
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed.lastError).toMatch(/^SMTP server answered 550/);
  });

  it("retries when the server cannot be reached", async () => {
    const down = createTransport({ from: FROM, smtp: { host: "127.0.0.1", port: await closedPort(), useTls: false }, timeoutMs: 1_000 });
    const queued = await sendMail(message(), down);
    expect(queued).toMatchObject({ status: "queued", attempts: 1 });
    expect(queued.lastError).toMatch(/Could not reach the SMTP server/);
  });
});

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
