/**
 * The send actions as a browser calls them. Review & send lets a member choose the recipient, five
 * copies and the whole wording: unlimited, any account (registration is open) could use the
 * server as a mail relay for its own text. Sends by hand are limited per organisation.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db, DbHandle } from "@/db";
import { emails } from "@/db/schema";
import { saveDraft } from "@/lib/data/documents/drafts";
import { issueDocument } from "@/lib/data/documents/lifecycle";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { signedIn } from "@/tests/support/request-mocks";
import { createTestDb } from "@/tests/support/test-db";

vi.mock("@/lib/session", () => import("@/tests/support/request-mocks").then((m) => m.sessionModule));
vi.mock("next/headers", () => import("@/tests/support/request-mocks").then((m) => m.nextHeadersModule));
vi.mock("next/cache", () => import("@/tests/support/request-mocks").then((m) => m.nextCacheModule));
// Delivery after the response is the outbox's business, not this test's: the queued rows are what count.
vi.mock("next/server", () => ({ after: () => undefined }));

const { reviewAndSend, send } = await import("./sending");

let handle: DbHandle;
let db: Db;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
});
afterAll(async () => {
  await handle?.close();
});

async function orgWithInvoice(label: string) {
  const { member } = await createInvoicingOrg(db, label);
  signedIn.membership = member;
  const customer = await createCustomer(db, member.orgId, { email: "client@customer.test" });
  const draft = await saveDraft(member, draftInput(customer.id, { unitPrice: 10_000 }));
  await issueDocument(member, draft.id);
  return { member, invoiceId: draft.id };
}

const reviewed = (invoiceId: string) => ({
  id: invoiceId,
  to: "victim@elsewhere.test",
  cc: "a@elsewhere.test, b@elsewhere.test",
  subject: "Anything at all",
  body: "Text of the sender's choosing.",
  attachPdf: false,
  submissionKey: randomUUID(),
});

const queuedFor = async (invoiceId: string) => (await db.select({ id: emails.id }).from(emails).where(eq(emails.documentId, invoiceId))).length;

describe("sending by hand is rate limited per organisation", () => {
  it("refuses the Review & send after the limit, queues nothing for it, and leaves other organisations alone", { timeout: 120_000 }, async () => {
    // 30 sends by hand per organisation in ten minutes (lib/rate-limit.ts `send`).
    const points = 30;
    const { invoiceId, member: sender } = await orgWithInvoice("Relay");
    for (let i = 0; i < points; i++) {
      const result = await reviewAndSend(reviewed(invoiceId));
      expect(result.ok, `send ${i + 1}`).toBe(true);
    }
    expect(await queuedFor(invoiceId)).toBe(points);

    const refused = await reviewAndSend(reviewed(invoiceId));
    expect(refused).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    if (!refused.ok) expect(refused.message).toMatch(/^Too many attempts\. Try again in \d+ minutes?\.$/);
    // The plain Send button is the same budget.
    expect(await send({ id: invoiceId })).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(await queuedFor(invoiceId)).toBe(points);

    // Another organisation's budget is its own.
    const other = await orgWithInvoice("Relay-other");
    expect(await reviewAndSend(reviewed(other.invoiceId))).toMatchObject({ ok: true });
    expect(await queuedFor(other.invoiceId)).toBe(1);

    // The same person in yet another organisation has no fresh budget (`sendUser`).
    const third = await orgWithInvoice("Relay-third");
    signedIn.membership = { ...third.member, userId: sender.userId };
    expect(await reviewAndSend(reviewed(third.invoiceId))).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(await queuedFor(third.invoiceId)).toBe(0);
  });

  it("a repeat of one Review & send submission (deduplicated by the outbox) spends nothing: 29 sends + 1 repeat + 1 new send all pass, then the limit", { timeout: 120_000 }, async () => {
    const { invoiceId } = await orgWithInvoice("Repeat");
    const submissions = Array.from({ length: 29 }, () => reviewed(invoiceId));
    for (const [i, input] of submissions.entries()) expect((await reviewAndSend(input)).ok, `send ${i + 1}`).toBe(true);
    // The 29th submission again (a double click, a retry after a lost answer): its one message.
    expect(await reviewAndSend(submissions[28]!)).toMatchObject({ ok: true });
    expect(await queuedFor(invoiceId)).toBe(29);
    // So the 30th point is still there for a new send...
    expect(await reviewAndSend(reviewed(invoiceId))).toMatchObject({ ok: true });
    expect(await queuedFor(invoiceId)).toBe(30);
    // ...and then the budget is spent: a new send is refused, a repeat still gets its answer.
    expect(await reviewAndSend(reviewed(invoiceId))).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(await reviewAndSend(submissions[0]!)).toMatchObject({ ok: true });
    expect(await queuedFor(invoiceId)).toBe(30);
  });

  it("two requests of one submission at once queue one message and spend one send", { timeout: 120_000 }, async () => {
    const { invoiceId } = await orgWithInvoice("Race");
    const twice = reviewed(invoiceId);
    const results = await Promise.all([reviewAndSend(twice), reviewAndSend(twice)]);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(await queuedFor(invoiceId)).toBe(1);
    // 1 spent: 29 new sends pass, the next is refused.
    for (let i = 0; i < 29; i++) expect((await reviewAndSend(reviewed(invoiceId))).ok, `send ${i + 2}`).toBe(true);
    expect(await reviewAndSend(reviewed(invoiceId))).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(await queuedFor(invoiceId)).toBe(30);
  });
});
