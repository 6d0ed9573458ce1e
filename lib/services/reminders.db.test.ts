/**
 * Payment reminders: which step is due (currentStep), and the job (queueDueReminders) that
 * queues at most one email per invoice and step, even when two runs overlap.
 *
 * queueDueReminders scans every organisation, so each test first closes every invoice earlier
 * tests left open: the counts it returns are then this test's alone.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import {
  type Customer,
  documentEvents,
  documentReminderOverrides,
  documents,
  emails,
  reminderSends,
  reminderSettings,
} from "@/db/schema";
import { formatMoney } from "@/lib/money";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import type { Member } from "@/lib/data/context";
import { saveDraft } from "@/lib/data/documents/drafts";
import { issueDocument } from "@/lib/data/documents/lifecycle";
import { recordPayment } from "@/lib/data/documents/payments";
import { OPEN_INVOICE_STATUSES } from "@/lib/data/documents/shared";
import { openEmailBody } from "@/lib/data/encrypted-fields";
import { getDocumentLink } from "@/lib/data/links";
import { currentStep, DEFAULT_STEPS, queueDueReminders } from "./reminders";

/** Organisations are created in UTC (the default), so "today" is the UTC date. */
const today = () => new Date().toISOString().slice(0, 10);
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe("currentStep", () => {
  const due = "2026-05-20";
  it("picks the step due today or most recently passed", () => {
    expect(currentStep(due, addDays(due, -3), [-3, 0, 7])).toBe(-3);
    expect(currentStep(due, addDays(due, -1), [-3, 0, 7])).toBe(-3);
    expect(currentStep(due, due, [-3, 0, 7])).toBe(0);
    expect(currentStep(due, addDays(due, 10), [-3, 0, 7])).toBe(7);
    expect(currentStep(due, addDays(due, 40), [-3, 0, 7, 14, 30])).toBe(30);
    expect(currentStep(due, addDays(due, 40), DEFAULT_STEPS)).toBe(30);
  });
  it("is null before the first step", () => {
    expect(currentStep(due, addDays(due, -4), [-3, 0, 7])).toBeNull();
    expect(currentStep(due, addDays(due, -10), [0, 7])).toBeNull();
    expect(currentStep(due, due, [])).toBeNull();
  });
  it("doesn't depend on the order of the steps", () => {
    expect(currentStep(due, addDays(due, 10), [7, -3, 0])).toBe(7);
  });
});

let handle: DbHandle;
let db: Db;
let member: Member;
let orgName: string;
let customer: Customer;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  const a = await createInvoicingOrg(db, "Reminders");
  member = a.member;
  orgName = a.org.name;
  customer = await createCustomer(db, member.orgId, { name: "Late Payer Ltd", email: "ap@late.test" });
  // A new organisation starts with reminders off; these tests are about the schedule once on.
  await db.insert(reminderSettings).values({ orgId: member.orgId, enabled: true });
});
afterAll(async () => {
  await handle?.close();
});
beforeEach(async () => {
  await db.update(documents).set({ status: "void", balance: 0 }).where(inArray(documents.status, [...OPEN_INVOICE_STATUSES]));
});

/** An issued invoice (100.00 EUR) due `dueInDays` from today (negative: overdue). */
async function invoiceDue(dueInDays: number, as: Member = member, forCustomer: Customer = customer) {
  const dueDate = addDays(today(), dueInDays);
  const issueDate = addDays(dueDate, -30) < today() ? addDays(dueDate, -30) : today();
  const draft = await saveDraft(as, { ...draftInput(forCustomer.id, {}), issueDate, dueDate });
  return issueDocument(as, draft.id);
}

const emailsOf = (documentId: string) => db.select().from(emails).where(eq(emails.documentId, documentId));
const sendsOf = (documentId: string) => db.select().from(reminderSends).where(eq(reminderSends.documentId, documentId));
const eventsOf = (documentId: string, type: string) =>
  db.select().from(documentEvents).where(and(eq(documentEvents.documentId, documentId), eq(documentEvents.type, type)));
const allReminderEmails = async () =>
  (await db.select({ n: sql<number>`count(*)::int` }).from(emails).where(inArray(emails.kind, ["reminder_before", "reminder_after"])))[0]!.n;

describe("queueDueReminders", () => {
  it("queues one overdue reminder for an invoice 8 days late, with its claim and a timeline event", async () => {
    const invoice = await invoiceDue(-8);
    const result = await queueDueReminders();
    expect(result.queued).toBe(1);
    expect(result.candidates).toBeGreaterThanOrEqual(1);

    const rows = await emailsOf(invoice.id);
    expect(rows).toHaveLength(1);
    const email = rows[0]!;
    expect(email).toMatchObject({
      orgId: member.orgId,
      kind: "reminder_after",
      toAddress: "ap@late.test",
      status: "queued",
      idempotencyKey: `reminder:${invoice.id}:7`,
      attachments: null,
    });
    expect(email.subject).toBe(`Invoice ${invoice.number} is overdue`);
    expect(email.text).toContain(formatMoney(invoice.balance, "EUR", "en-US"));
    expect(email.text).toContain("Late Payer Ltd");
    expect(email.text).toContain(orgName);
    const token = await getDocumentLink(member, invoice.id);
    // The link goes out in the message as sent (sealed until delivery); the stored copy hides it.
    const sealed = openEmailBody(email)!;
    expect(sealed.text).toContain(`/i/${token}`);
    expect(sealed.html).toContain(`/i/${token}`);
    expect(JSON.stringify(email)).not.toContain(token!);

    const sends = await sendsOf(invoice.id);
    expect(sends).toHaveLength(1);
    expect(sends[0]).toMatchObject({ orgId: member.orgId, step: 7, emailId: email.id });

    const events = await eventsOf(invoice.id, "reminder_queued");
    expect(events).toHaveLength(1);
    expect(events[0]!.meta).toMatchObject({ step: 7, to: "ap@late.test", emailId: email.id });

    // A second run finds the claim and queues nothing.
    expect((await queueDueReminders()).queued).toBe(0);
    expect(await emailsOf(invoice.id)).toHaveLength(1);
    expect(await sendsOf(invoice.id)).toHaveLength(1);
    expect(await eventsOf(invoice.id, "reminder_queued")).toHaveLength(1);
  });

  it("queues exactly one email when two runs overlap", async () => {
    const invoice = await invoiceDue(-8);
    const before = await allReminderEmails();
    const [a, b] = await Promise.all([queueDueReminders(), queueDueReminders()]);
    // Both runs saw the invoice and tried to claim it; only one claim won.
    expect(a.candidates).toBeGreaterThanOrEqual(1);
    expect(b.candidates).toBeGreaterThanOrEqual(1);
    expect(a.queued + b.queued).toBe(1);
    expect(await allReminderEmails()).toBe(before + 1);
    expect(await emailsOf(invoice.id)).toHaveLength(1);
    expect(await sendsOf(invoice.id)).toHaveLength(1);
    expect(await eventsOf(invoice.id, "reminder_queued")).toHaveLength(1);
  });

  it("queues one email per invoice when two runs overlap over several invoices", async () => {
    const invoices = await Promise.all([-8, -1, 0, 2, -15].map((d) => invoiceDue(d)));
    const [a, b] = await Promise.all([queueDueReminders(), queueDueReminders()]);
    expect(a.queued + b.queued).toBe(invoices.length);
    for (const invoice of invoices) {
      expect(await emailsOf(invoice.id)).toHaveLength(1);
      expect(await sendsOf(invoice.id)).toHaveLength(1);
    }
  });

  it("queues nothing for a paused invoice", async () => {
    const invoice = await invoiceDue(-8);
    await db.insert(documentReminderOverrides).values({ documentId: invoice.id, orgId: member.orgId, paused: true });
    expect((await queueDueReminders()).queued).toBe(0);
    expect(await emailsOf(invoice.id)).toHaveLength(0);
    expect(await sendsOf(invoice.id)).toHaveLength(0);
  });

  it("follows a per-invoice override of the steps", async () => {
    const invoice = await invoiceDue(-8);
    await db.insert(documentReminderOverrides).values({ documentId: invoice.id, orgId: member.orgId, steps: [5] });
    expect((await queueDueReminders()).queued).toBe(1);
    expect((await emailsOf(invoice.id)).map((e) => e.idempotencyKey)).toEqual([`reminder:${invoice.id}:5`]);
  });

  it("queues nothing when the organisation has turned reminders off", async () => {
    const { member: off } = await createInvoicingOrg(db, "Reminders-off");
    const offCustomer = await createCustomer(db, off.orgId, { email: "ap@off.test" });
    await db.insert(reminderSettings).values({ orgId: off.orgId, enabled: false });
    const invoice = await invoiceDue(-8, off, offCustomer);
    expect((await queueDueReminders()).queued).toBe(0);
    expect(await emailsOf(invoice.id)).toHaveLength(0);
    expect(await sendsOf(invoice.id)).toHaveLength(0);
  });

  it("uses the organisation's own steps", async () => {
    const { member: custom } = await createInvoicingOrg(db, "Reminders-steps");
    const customCustomer = await createCustomer(db, custom.orgId, { email: "ap@steps.test" });
    await db.insert(reminderSettings).values({ orgId: custom.orgId, enabled: true, steps: [1, 3] });
    const invoice = await invoiceDue(-8, custom, customCustomer);
    expect((await queueDueReminders()).queued).toBe(1);
    expect((await emailsOf(invoice.id)).map((e) => e.idempotencyKey)).toEqual([`reminder:${invoice.id}:3`]);
  });

  it("queues nothing for a paid invoice", async () => {
    const invoice = await invoiceDue(-8);
    await recordPayment(member, invoice.id, { paidOn: today(), amount: invoice.total, method: "bank_transfer" });
    expect((await queueDueReminders()).queued).toBe(0);
    expect(await emailsOf(invoice.id)).toHaveLength(0);
    expect(await sendsOf(invoice.id)).toHaveLength(0);
  });

  it("still reminds about a partially paid invoice, for the balance", async () => {
    const invoice = await invoiceDue(-8);
    await recordPayment(member, invoice.id, { paidOn: today(), amount: 2_500, method: "cash" });
    expect((await queueDueReminders()).queued).toBe(1);
    const [email] = await emailsOf(invoice.id);
    expect(email!.text).toContain(formatMoney(invoice.total - 2_500, "EUR", "en-US"));
  });

  it("claims the step without an email for a customer without an address, and says so on the timeline", async () => {
    const silent = await createCustomer(db, member.orgId, { email: null });
    const invoice = await invoiceDue(-8, member, silent);
    expect((await queueDueReminders()).queued).toBe(0);
    expect(await emailsOf(invoice.id)).toHaveLength(0);
    const sends = await sendsOf(invoice.id);
    expect(sends).toHaveLength(1);
    expect(sends[0]).toMatchObject({ step: 7, emailId: null });
    const skipped = await eventsOf(invoice.id, "reminder_skipped");
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.meta).toMatchObject({ step: 7, reason: "no email address" });

    // Not retried on every run.
    expect((await queueDueReminders()).queued).toBe(0);
    expect(await sendsOf(invoice.id)).toHaveLength(1);
    expect(await eventsOf(invoice.id, "reminder_skipped")).toHaveLength(1);
  });

  it("sends a reminder_before for an invoice due in 2 days (step -3)", async () => {
    const invoice = await invoiceDue(2);
    expect((await queueDueReminders()).queued).toBe(1);
    const rows = await emailsOf(invoice.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "reminder_before", idempotencyKey: `reminder:${invoice.id}:-3`, toAddress: "ap@late.test" });
    expect(rows[0]!.subject).toMatch(new RegExp(`^Reminder: invoice ${invoice.number} is due on `));
    expect(await sendsOf(invoice.id)).toEqual([expect.objectContaining({ step: -3 })]);
  });

  it("queues nothing for an invoice not yet in the reminder window", async () => {
    const invoice = await invoiceDue(10);
    expect((await queueDueReminders()).queued).toBe(0);
    expect(await emailsOf(invoice.id)).toHaveLength(0);
  });

  it("a missed run sends only the latest step, not a backlog", async () => {
    const invoice = await invoiceDue(-40);
    expect((await queueDueReminders()).queued).toBe(1);
    expect((await emailsOf(invoice.id)).map((e) => e.idempotencyKey)).toEqual([`reminder:${invoice.id}:30`]);
  });
});
