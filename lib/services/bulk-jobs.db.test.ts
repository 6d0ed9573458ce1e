/**
 * Issue 19 §4, bulk actions: each document's outcome (sent, failed with a reason, skipped) is
 * recorded once, in the transaction of its effect, so a rerun, a resumed run or a second runner
 * queues nothing more; another organisation's ids are ignored.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { bulkJobs, type Customer, documents, emails } from "@/db/schema";
import type { Member } from "@/lib/data/context";
import { countBulkOutcomes, listBulkOutcomes, recordBulkOutcome } from "@/lib/data/bulk-jobs";
import { deleteDraft, saveDraft } from "@/lib/data/documents/drafts";
import { issueDocument } from "@/lib/data/documents/lifecycle";
import { LIMITS, rateLimiter } from "@/lib/rate-limit";
import { expectAppError } from "@/tests/support/accounts";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import { runBulkJob, startBulkJob } from "./bulk-jobs";
import { sendDocument } from "./send-document";

let handle: DbHandle;
let db: Db;
let member: Member;
let other: Member;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  ({ member } = await createInvoicingOrg(db, "Bulk"));
  ({ member: other } = await createInvoicingOrg(db, "Bulk-other"));
  // A fresh database and two organisations: slow on a shared 2-core machine.
}, 180_000);
afterAll(async () => {
  await handle?.close();
});

async function issuedInvoice(customer: Customer, as: Member = member) {
  return issueDocument(as, (await saveDraft(as, { ...draftInput(customer.id, { unitPrice: 10_000 }), dueDate: "2026-04-09" })).id);
}
const sendsOf = async (documentId: string) =>
  (await db.select({ n: sql<number>`count(*)::int` }).from(emails).where(and(eq(emails.documentId, documentId), eq(emails.kind, "invoice_sent"))))[0]!.n;
const statusOf = async (id: string) => (await db.select({ status: documents.status }).from(documents).where(eq(documents.id, id)))[0]!.status;
/** As if the runner had died before finishing: unfinished, lease expired. */
const interrupt = (jobId: string) => db.update(bulkJobs).set({ finishedAt: null, leaseUntil: null }).where(eq(bulkJobs.id, jobId));

describe("bulk send", () => {
  it("sends 3 invoices, one to a customer without an email: 2 queued, 1 failed with the reason; a rerun queues nothing more", async () => {
    const withEmail = await createCustomer(db, member.orgId, { name: "Has Email Ltd", email: "ap@has-email.test" });
    const noEmail = await createCustomer(db, member.orgId, { name: "No Email GmbH", email: null });
    const a = await issuedInvoice(withEmail);
    const b = await issuedInvoice(withEmail);
    const c = await issuedInvoice(noEmail);

    const job = await startBulkJob(member, { kind: "invoice", action: "send", selection: { ids: [a.id, b.id, c.id] } });
    expect(job.total).toBe(3);
    expect(await runBulkJob(job.id, { deliver: false })).toBe(true);

    expect(await countBulkOutcomes(member, job.id)).toEqual({ succeeded: 2, failed: 1, skipped: 0 });
    expect([await sendsOf(a.id), await sendsOf(b.id), await sendsOf(c.id)]).toEqual([1, 1, 0]);
    expect([await statusOf(a.id), await statusOf(b.id), await statusOf(c.id)]).toEqual(["sent", "sent", "issued"]);
    const outcomes = await listBulkOutcomes(member, job.id);
    expect(outcomes[0]).toMatchObject({
      documentId: c.id,
      number: c.number,
      customerName: "No Email GmbH",
      outcome: "failed",
      reason: "This customer has no email address. Add one on the customer's page, then send again.",
    });

    // Finished: a second run does nothing. Reopened as if interrupted: the outcome rows stop it.
    expect(await runBulkJob(job.id, { deliver: false })).toBe(false);
    await interrupt(job.id);
    expect(await runBulkJob(job.id, { deliver: false })).toBe(true);
    expect([await sendsOf(a.id), await sendsOf(b.id), await sendsOf(c.id)]).toEqual([1, 1, 0]);
    expect(await countBulkOutcomes(member, job.id)).toEqual({ succeeded: 2, failed: 1, skipped: 0 });
  });

  it("spends the person's bulk-send budget, one point per document queued: at 198 of 200, a draft is skipped free, 2 go, the 3rd fails", async () => {
    // A fresh organisation and person, so this budget starts at zero (the limiter lives in this process).
    const { member: sender } = await createInvoicingOrg(db, "Bulk-budget");
    expect(LIMITS.bulkSendUser.points).toBe(200);
    for (let i = 0; i < 198; i++) expect((await rateLimiter().consume("bulkSendUser", sender.userId)).ok, `earlier bulk send ${i + 1}`).toBe(true);
    const customer = await createCustomer(db, sender.orgId, { name: "Budget Ltd", email: "ap@budget.test" });
    const draft = await saveDraft(sender, { ...draftInput(customer.id, { unitPrice: 10_000 }), dueDate: "2026-04-09" });
    const docs = [await issuedInvoice(customer, sender), await issuedInvoice(customer, sender), await issuedInvoice(customer, sender)];

    // Oldest first: the draft, then the three invoices.
    const job = await startBulkJob(sender, { kind: "invoice", action: "send", selection: { ids: [draft.id, ...docs.map((d) => d.id)] } });
    expect(await runBulkJob(job.id, { deliver: false })).toBe(true);
    expect(await countBulkOutcomes(sender, job.id)).toEqual({ succeeded: 2, failed: 1, skipped: 1 });
    expect(await Promise.all(docs.map((d) => sendsOf(d.id)))).toEqual([1, 1, 0]);
    expect(await statusOf(docs[2]!.id)).toBe("issued");
    const failed = (await listBulkOutcomes(sender, job.id)).find((o) => o.outcome === "failed");
    expect(failed?.documentId).toBe(docs[2]!.id);
    expect(failed?.reason).toMatch(/^Your sending limit is reached\. Try again in \d+ minutes?\.$/);
    // The bulk budget is spent (198 + 2); sends by hand keep their own.
    expect((await rateLimiter().peek("bulkSendUser", sender.userId)).ok).toBe(false);
    expect((await rateLimiter().peek("sendUser", sender.userId)).ok).toBe(true);
  });

  it("resumes an interrupted job after the documents already done, and two runners at once send each document once", async () => {
    const customer = await createCustomer(db, member.orgId, { email: "ap@resume.test" });
    const docs = [await issuedInvoice(customer), await issuedInvoice(customer), await issuedInvoice(customer)];
    const job = await startBulkJob(member, { kind: "invoice", action: "send", selection: { ids: docs.map((d) => d.id) } });
    // The first document was done (effect and outcome in one transaction) before the run stopped.
    await db.transaction(async (tx) => {
      await recordBulkOutcome(member, job.id, docs[0]!.id, "succeeded", null, tx);
      await sendDocument(member, docs[0]!.id, tx);
    });
    const runs = await Promise.all([runBulkJob(job.id, { deliver: false }), runBulkJob(job.id, { deliver: false })]);
    expect(runs.filter(Boolean)).toHaveLength(1);
    expect(await Promise.all(docs.map((d) => sendsOf(d.id)))).toEqual([1, 1, 1]);
    expect(await countBulkOutcomes(member, job.id)).toEqual({ succeeded: 3, failed: 0, skipped: 0 });
  });

  it("finishes a job whose selected draft was deleted before the run, and does the documents after it", async () => {
    const customer = await createCustomer(db, member.orgId, { name: "Deleted Draft Ltd", email: "ap@deleted-draft.test" });
    const draft = await saveDraft(member, { ...draftInput(customer.id, { unitPrice: 10_000 }), dueDate: "2026-04-09" });
    const after = await issuedInvoice(customer);
    const job = await startBulkJob(member, { kind: "invoice", action: "mark_sent", selection: { ids: [draft.id, after.id] } });
    // Ordered oldest first: the draft comes before the invoice issued after it.
    expect(job.total).toBe(2);
    await deleteDraft(member, draft.id);

    expect(await runBulkJob(job.id, { deliver: false })).toBe(true);
    expect(await statusOf(after.id)).toBe("sent");
    expect(await countBulkOutcomes(member, job.id)).toEqual({ succeeded: 1, failed: 0, skipped: 0 });
    // Finished: nothing left for a resume to retry.
    expect((await db.select({ finishedAt: bulkJobs.finishedAt }).from(bulkJobs).where(eq(bulkJobs.id, job.id)))[0]!.finishedAt).not.toBeNull();
  });

  it("ignores another organisation's ids, and refuses a selection with none of its own", async () => {
    const mine = await issuedInvoice(await createCustomer(db, member.orgId, { email: "ap@mine.test" }));
    const theirs = await issuedInvoice(await createCustomer(db, other.orgId, { email: "ap@theirs.test" }), other);
    const job = await startBulkJob(member, { kind: "invoice", action: "send", selection: { ids: [theirs.id, mine.id] } });
    expect(job.documentIds).toEqual([mine.id]);
    await runBulkJob(job.id, { deliver: false });
    expect(await sendsOf(mine.id)).toBe(1);
    expect(await sendsOf(theirs.id)).toBe(0);
    expect(await statusOf(theirs.id)).toBe("issued");
    await expectAppError(startBulkJob(member, { kind: "invoice", action: "send", selection: { ids: [theirs.id] } }), "BAD_REQUEST");
    // Nor can they read this organisation's job.
    expect(await countBulkOutcomes(other, job.id)).toEqual({ succeeded: 0, failed: 0, skipped: 0 });
  });
});

describe("bulk reminder", () => {
  it("queues the reminder due for each open invoice once (its step's key), fails one without an address, skips a draft", async () => {
    const withEmail = await createCustomer(db, member.orgId, { email: "ap@remind.test" });
    const noEmail = await createCustomer(db, member.orgId, { name: "Silent Co", email: null });
    const due = await issuedInvoice(withEmail);
    const unreachable = await issuedInvoice(noEmail);
    const draft = await saveDraft(member, draftInput(withEmail.id, {}));
    const job = await startBulkJob(member, { kind: "invoice", action: "remind", selection: { ids: [due.id, unreachable.id, draft.id] } });
    await runBulkJob(job.id, { deliver: false });
    expect(await countBulkOutcomes(member, job.id)).toEqual({ succeeded: 1, failed: 1, skipped: 1 });
    const reminders = await db.select({ key: emails.idempotencyKey }).from(emails).where(and(eq(emails.documentId, due.id), sql`${emails.kind} like 'reminder%'`));
    // Due 2026-04-09, long past: the last step of the default schedule (30 days after).
    expect(reminders.map((r) => r.key)).toEqual([`reminder:${due.id}:30`]);
    const problems = await listBulkOutcomes(member, job.id);
    expect(problems.find((p) => p.documentId === unreachable.id)).toMatchObject({ outcome: "failed", reason: "This customer has no email address. Add one to their details to send reminders." });
    expect(problems.find((p) => p.documentId === draft.id)?.outcome).toBe("skipped");
    await interrupt(job.id);
    await runBulkJob(job.id, { deliver: false });
    expect(await db.select().from(emails).where(and(eq(emails.documentId, due.id), sql`${emails.kind} like 'reminder%'`))).toHaveLength(1);
  });
});

describe("select all matching the filter", () => {
  it("takes every document the list's filter matches, of this organisation only, and marks issued ones sent (others skipped)", async () => {
    const customer = await createCustomer(db, member.orgId, { name: "Filter Match AG" });
    const issued = [await issuedInvoice(customer), await issuedInvoice(customer)];
    const alreadySent = await issuedInvoice(customer);
    await db.update(documents).set({ status: "sent" }).where(eq(documents.id, alreadySent.id));
    await issuedInvoice(await createCustomer(db, other.orgId, { name: "Filter Match AG" }), other);

    const job = await startBulkJob(member, { kind: "invoice", action: "mark_sent", selection: { filter: { kind: "invoice", q: "Filter Match" } } });
    expect(new Set(job.documentIds)).toEqual(new Set([...issued.map((d) => d.id), alreadySent.id]));
    await runBulkJob(job.id);
    expect(await countBulkOutcomes(member, job.id)).toEqual({ succeeded: 2, failed: 0, skipped: 1 });
    const skipped = (await listBulkOutcomes(member, job.id)).find((o) => o.outcome === "skipped");
    expect(skipped).toMatchObject({ documentId: alreadySent.id, reason: "Only an issued invoice that hasn't been sent can be marked as sent." });
    expect(await Promise.all(issued.map((d) => statusOf(d.id)))).toEqual(["sent", "sent"]);
  });

  it("refuses an action the list doesn't offer", async () => {
    await expectAppError(startBulkJob(member, { kind: "credit_note", action: "send", selection: { ids: [] } }), "BAD_REQUEST");
  });
});
