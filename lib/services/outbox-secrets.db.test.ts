/**
 * Issue 13, defect 9: the `emails` table never holds a usable token. After a password reset, an
 * invitation or a document send is queued, and again after it is delivered, no column of any
 * `emails` row contains the token; the message SendGrid receives still carries the working link.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { emails } from "@/db/schema/mail";
import { unsafePendingRotation } from "@/lib/data/key-rotation";
import { unsafeResolveDocumentLink } from "@/lib/data/links";
import { unsafeFindInvitation, inviteMember } from "@/lib/data/team";
import { createPasswordReset, resetPassword } from "@/lib/data/users";
import { saveDraft } from "@/lib/data/documents/drafts";
import { issueDocument } from "@/lib/data/documents/lifecycle";
import { unsafeGetEmail } from "@/lib/data/outbox";
import { createAccount } from "@/tests/support/accounts";
import { type FakeSendgrid, startFakeSendgrid } from "@/tests/support/fake-sendgrid";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import { invitationMessage, passwordResetMessage } from "@/lib/mail/account-messages";
import { createTransport, type MailTransport } from "@/lib/mail/transports";
import { deliverEmail, queueMail } from "./outbox";
import { sendDocument } from "./send-document";

const FROM = "Acme Billing <billing@acme.test>";

let handle: DbHandle;
let db: Db;
let fake: FakeSendgrid;
let sendgrid: MailTransport;
const outbox: MailTransport = createTransport({ from: FROM });

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  fake = await startFakeSendgrid();
  sendgrid = createTransport({ from: FROM, sendgridApiKey: "SG.secrets-test-not-real", sendgridApiUrl: fake.url, timeoutMs: 2_000 });
});
afterAll(async () => {
  await fake?.close();
  await handle?.close();
});
beforeEach(() => fake.reset());

/** Every column of every row of `emails`, as Postgres prints the row: what a database read sees. */
async function everyEmailRowAsText(): Promise<string> {
  const rows = (await db.execute(sql`select e::text as row from emails e`)) as unknown as { rows?: { row: string }[] } | { row: string }[];
  const list = Array.isArray(rows) ? rows : (rows.rows ?? []);
  expect(list.length).toBeGreaterThan(0);
  return list.map((r) => r.row).join("\n");
}

/** The text body SendGrid received in its last request. */
function lastTextSent(): string {
  const body = fake.requests.at(-1)!.body;
  return body.content.find((c) => c.type === "text/plain")!.value;
}

describe("no usable token in the emails table", () => {
  it("password reset: the stored row hides the token, the delivered email resets the password", async () => {
    const { email } = await createAccount(db, "reset");
    const reset = (await createPasswordReset(email))!;
    const queued = await queueMail(passwordResetMessage({ ...reset, language: "en" }));
    expect(reset.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await everyEmailRowAsText()).not.toContain(reset.token);
    expect(queued.text).toContain("/reset-password?token=[redacted]");

    expect(await deliverEmail(queued.id, sendgrid)).toMatchObject({ status: "sent" });
    expect(lastTextSent()).toContain(`/reset-password?token=${reset.token}`);
    const token = /token=([A-Za-z0-9_-]{43})/.exec(lastTextSent())![1]!;
    // Delivered: the sealed copy is gone too, and still no column holds the token.
    const [row] = await db.select().from(emails).where(eq(emails.id, queued.id));
    expect(row!.sealedBody).toBeNull();
    expect(await everyEmailRowAsText()).not.toContain(reset.token);

    const user = await resetPassword(token, "a brand new passphrase");
    expect(user.email).toBe(email);
  });

  it("invitation: the stored row hides the token, the delivered link opens the invitation (in the inviter's German)", async () => {
    const { member } = await createAccount(db, "inviter");
    const invited = await inviteMember(member, { email: "new.colleague@example.com", role: "member" });
    const queued = await queueMail(invitationMessage({ orgId: member.orgId, inviterName: "Ines", orgName: invited.orgName, invitation: invited.invitation, token: invited.token, language: "de" }));
    expect(await everyEmailRowAsText()).not.toContain(invited.token);
    expect(queued.html).toContain("/invite/[redacted]");

    await deliverEmail(queued.id, sendgrid);
    expect(fake.requests.at(-1)!.body.subject).toBe(`Ines hat Sie zu ${invited.orgName} bei Smart Invoice eingeladen`);
    expect(lastTextSent()).toContain(`Ines hat Sie eingeladen, ${invited.orgName} als Mitglied beizutreten.`);
    expect(lastTextSent()).toContain("Einladung annehmen");
    const token = /\/invite\/([A-Za-z0-9_-]{43})/.exec(lastTextSent())![1]!;
    expect(token).toBe(invited.token);
    expect(await everyEmailRowAsText()).not.toContain(invited.token);
    expect(await unsafeFindInvitation(token)).toMatchObject({ email: "new.colleague@example.com" });
  });

  it("document send: the stored row hides the client link's token, the delivered link opens the invoice", async () => {
    const { member } = await createInvoicingOrg(db, "Secrets");
    const customer = await createCustomer(db, member.orgId, { email: "client@customer.test" });
    const draft = await saveDraft(member, draftInput(customer.id, {}));
    const invoice = await issueDocument(member, draft.id);
    const email = await sendDocument(member, invoice.id);
    const all = await everyEmailRowAsText();
    // A client link as a reader could follow it (scheme, host, /i/<token>); the attached PDF's base64
    // can hold "/i/" followed by 43 token-like characters by chance, which is no link.
    expect(all).not.toMatch(/https?:\/\/[^\s"<>]*\/i\/[A-Za-z0-9_-]{43}/);
    expect(email.text).toContain("/i/[redacted]");

    await deliverEmail(email.id, sendgrid);
    const token = /\/i\/([A-Za-z0-9_-]{43})/.exec(lastTextSent())![1]!;
    expect(await everyEmailRowAsText()).not.toContain(token);
    expect(await unsafeResolveDocumentLink(token)).toMatchObject({ orgId: member.orgId, documentId: invoice.id });
  });

  it("a failed send keeps the message sealed (encrypted) for the retry, never in the clear", async () => {
    const { email } = await createAccount(db, "failing");
    const reset = (await createPasswordReset(email))!;
    const queued = await queueMail(passwordResetMessage({ ...reset, language: "en" }));
    fake.failNext("400");
    expect(await deliverEmail(queued.id, sendgrid)).toMatchObject({ status: "failed" });
    const [row] = await db.select().from(emails).where(eq(emails.id, queued.id));
    expect(row!.sealedBody).toMatch(/^v1:/);
    expect(await everyEmailRowAsText()).not.toContain(reset.token);
    // `npm run keys:rotate` covers the sealed bodies.
    expect((await unsafePendingRotation()).map((p) => p.field)).toContain("emails.sealed_body");
  });

  it("the development outbox still shows the working link, read from the sealed copy", async () => {
    const { email } = await createAccount(db, "outbox");
    const reset = (await createPasswordReset(email))!;
    const queued = await queueMail(passwordResetMessage({ ...reset, language: "en" }));
    expect(await deliverEmail(queued.id, outbox)).toMatchObject({ status: "sent", transport: "outbox" });
    expect(await everyEmailRowAsText()).not.toContain(reset.token);
    const shown = await unsafeGetEmail(queued.id);
    expect(shown!.text).toContain(`/reset-password?token=${reset.token}`);
    expect(shown!.html).toContain(`/reset-password?token=${reset.token}`);
  });

  it("a token the caller did not name is still redacted when it sits in a URL", async () => {
    const token = "A".repeat(20) + "b".repeat(23);
    const queued = await queueMail({ kind: "test", to: "x@example.com", subject: "s", html: `<a href="https://app.test/i/${token}">x</a>`, text: `https://app.test/i/${token}` });
    expect(queued.text).toBe("https://app.test/i/[redacted]");
    expect(await everyEmailRowAsText()).not.toContain(token);
  });
});
