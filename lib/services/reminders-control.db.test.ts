/**
 * Reminders the owner controls: off until turned on, the organisation's own steps in its own time
 * zone, a paused invoice, a customer's promise to pay, and "Send now" sending exactly once.
 *
 * Every date is worked by hand. The organisation is in Auckland (NZST, UTC+12 in May), the invoice
 * is due on Wednesday 2026-05-20, and the job runs at explicit instants, so the tests do not depend
 * on today's date. Each test closes the invoices earlier ones left open, so counts are its own.
 */
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { type Customer, documentEvents, documents, emails, reminderSends } from "@/db/schema";
import type { Member } from "@/lib/data/context";
import { saveDraft } from "@/lib/data/documents/drafts";
import { issueDocument } from "@/lib/data/documents/lifecycle";
import { OPEN_INVOICE_STATUSES } from "@/lib/data/documents/shared";
import {
  getCustomerPaymentPromise,
  getInvoiceReminders,
  getReminderSettings,
  saveReminderSettings,
  setCustomerPaymentPromise,
  setInvoiceRemindersPaused,
} from "@/lib/data/reminders";
import { nextReminder } from "@/lib/reminder-schedule";
import { expectAppError } from "@/tests/support/accounts";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { NO_EMAIL_PROVIDER, withEnv } from "@/tests/support/env";
import { createTestDb } from "@/tests/support/test-db";
import { queueDueReminders, sendReminderNow } from "./reminders";

const DUE = "2026-05-20";
/** Noon in Auckland on the given date: midnight UTC of the same date. */
const noonInAuckland = (date: string) => new Date(`${date}T00:00:00Z`);

let handle: DbHandle;
let db: Db;
let owner: Member;
let member: Member;
let customer: Customer;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  const org = await createInvoicingOrg(db, "Reminders-control", { timeZone: "Pacific/Auckland" });
  owner = org.owner;
  member = org.member;
  customer = await createCustomer(db, member.orgId, { name: "Promise Keeper Ltd", email: "ap@promise.test" });
});
afterAll(async () => {
  await handle?.close();
});
beforeEach(async () => {
  await db.update(documents).set({ status: "void", balance: 0 }).where(inArray(documents.status, [...OPEN_INVOICE_STATUSES]));
  await setCustomerPaymentPromise(member, customer.id, null);
});

async function invoiceDueOn20May(as: Member = member, forCustomer: Customer = customer) {
  const draft = await saveDraft(as, { ...draftInput(forCustomer.id, {}), issueDate: "2026-04-20", dueDate: DUE });
  return issueDocument(as, draft.id);
}

const keysOf = async (documentId: string) =>
  (await db.select({ key: emails.idempotencyKey }).from(emails).where(eq(emails.documentId, documentId))).map((e) => e.key).sort();
const eventTypes = async (documentId: string) =>
  (await db.select({ type: documentEvents.type }).from(documentEvents).where(eq(documentEvents.documentId, documentId))).map((e) => e.type);

describe("reminders without email (production, no provider)", () => {
  it("queues none and claims no step, so the reminder still goes out once email is set up; Send now says why", async () => {
    await saveReminderSettings(owner, { enabled: true, steps: [-3, 0, 7] });
    const invoice = await invoiceDueOn20May();
    // 28 May: step 7 (27 May) is due.
    expect(await withEnv(NO_EMAIL_PROVIDER, () => queueDueReminders(noonInAuckland("2026-05-28")))).toEqual({ candidates: 0, queued: 0 });
    const refused = await withEnv(NO_EMAIL_PROVIDER, () => expectAppError(sendReminderNow(member, invoice.id, 7), "CONFLICT"));
    expect(refused.message).toBe("Email is not set up on this server, so no reminder can be sent. Copy the client link and share it yourself.");
    expect(await keysOf(invoice.id)).toEqual([]);
    expect(await db.select().from(reminderSends).where(eq(reminderSends.documentId, invoice.id))).toEqual([]);
    // Email set up: the same step goes out, once.
    expect((await queueDueReminders(noonInAuckland("2026-05-28"))).queued).toBe(1);
    expect(await keysOf(invoice.id)).toEqual([`reminder:${invoice.id}:7`]);
    await saveReminderSettings(owner, { enabled: false, steps: [-3, 0, 7, 14, 30] });
  });
});

describe("reminder settings", () => {
  it("a new organisation starts with reminders off, and the job sends it nothing", async () => {
    const fresh = await createInvoicingOrg(db, "Reminders-new");
    const freshCustomer = await createCustomer(db, fresh.member.orgId, { email: "ap@new.test" });
    expect(await getReminderSettings(fresh.owner)).toEqual({ enabled: false, steps: [-3, 0, 7, 14, 30] });
    const invoice = await invoiceDueOn20May(fresh.member, freshCustomer);
    // 28 May: step 7 (27 May) has passed, and would be sent if reminders were on.
    expect((await queueDueReminders(noonInAuckland("2026-05-28"))).queued).toBe(0);
    expect(await keysOf(invoice.id)).toEqual([]);
  });

  it("only an admin or the owner changes the schedule", async () => {
    await expectAppError(saveReminderSettings(member, { enabled: true, steps: [0] }), "FORBIDDEN");
    expect((await getReminderSettings(owner)).enabled).toBe(false);
  });

  it("once on, follows the organisation's steps in its own time zone", async () => {
    expect(await saveReminderSettings(owner, { enabled: true, steps: [-3, 0, 7] })).toEqual({ enabled: true, steps: [-3, 0, 7] });
    const invoice = await invoiceDueOn20May();
    // 19 May 23:30 in Auckland (11:30 UTC): step −3 (17 May) is the latest passed; step 0 is not yet.
    expect((await queueDueReminders(new Date("2026-05-19T11:30:00Z"))).queued).toBe(1);
    expect(await keysOf(invoice.id)).toEqual([`reminder:${invoice.id}:-3`]);
    // 20 May 00:30 in Auckland (still 19 May in UTC): the due date, step 0.
    expect((await queueDueReminders(new Date("2026-05-19T12:30:00Z"))).queued).toBe(1);
    expect(await keysOf(invoice.id)).toEqual([`reminder:${invoice.id}:-3`, `reminder:${invoice.id}:0`]);
  });
});

describe("an invoice's reminders", () => {
  beforeEach(async () => {
    await saveReminderSettings(owner, { enabled: true, steps: [-3, 0, 7, 14, 30] });
  });

  it("paused sends nothing, says so on the timeline, and resumed sends the step due", async () => {
    const invoice = await invoiceDueOn20May();
    expect(await setInvoiceRemindersPaused(member, invoice.id, true)).toBe(true);
    expect(await setInvoiceRemindersPaused(member, invoice.id, true)).toBe(false);
    expect((await getInvoiceReminders(member, invoice.id)).paused).toBe(true);
    expect((await queueDueReminders(noonInAuckland("2026-05-28"))).queued).toBe(0);
    await setInvoiceRemindersPaused(member, invoice.id, false);
    expect((await queueDueReminders(noonInAuckland("2026-05-28"))).queued).toBe(1);
    expect(await keysOf(invoice.id)).toEqual([`reminder:${invoice.id}:7`]);
    const types = await eventTypes(invoice.id);
    expect(types.filter((t) => t.startsWith("reminder"))).toEqual(["reminders_paused", "reminders_resumed", "reminder_queued"]);
  });

  it("waits until the day after a customer's promise to pay, then sends the latest step once", async () => {
    const invoice = await invoiceDueOn20May();
    await setCustomerPaymentPromise(member, customer.id, "2026-05-30");
    expect(await getCustomerPaymentPromise(member, customer.id)).toBe("2026-05-30");
    // Step 7 fell on 27 May; on 28 and 30 May the customer's promise holds it back.
    expect((await queueDueReminders(noonInAuckland("2026-05-28"))).queued).toBe(0);
    expect((await queueDueReminders(noonInAuckland("2026-05-30"))).queued).toBe(0);
    // What the invoice page promised on 28 May: step 7, on 31 May.
    const state = await getInvoiceReminders(member, invoice.id);
    expect(nextReminder({ dueDate: DUE, steps: state.steps, sent: state.sent, today: "2026-05-28", promisedOn: state.promisedOn })).toEqual({ step: 7, date: "2026-05-31" });
    expect((await queueDueReminders(noonInAuckland("2026-05-31"))).queued).toBe(1);
    expect(await keysOf(invoice.id)).toEqual([`reminder:${invoice.id}:7`]);
  });

  it("'Send now' queues the next reminder once, however many times it is pressed, and the job then skips it", async () => {
    const invoice = await invoiceDueOn20May();
    // 10 May: nothing due yet; the next reminder is step −3 on 17 May.
    let state = await getInvoiceReminders(member, invoice.id);
    expect(nextReminder({ dueDate: DUE, steps: state.steps, sent: state.sent, today: "2026-05-10" })).toEqual({ step: -3, date: "2026-05-17" });
    // Two requests from one double click, at once: one email.
    const results = await Promise.allSettled([sendReminderNow(member, invoice.id, -3), sendReminderNow(member, invoice.id, -3)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const third = await expectAppError(sendReminderNow(member, invoice.id, -3), "CONFLICT");
    expect(third.message).toBe("This reminder has already been sent.");
    expect(await keysOf(invoice.id)).toEqual([`reminder:${invoice.id}:-3`]);
    const sends = await db.select().from(reminderSends).where(eq(reminderSends.documentId, invoice.id));
    expect(sends.map((s) => s.step)).toEqual([-3]);
    const queued = await db.select().from(documentEvents).where(and(eq(documentEvents.documentId, invoice.id), eq(documentEvents.type, "reminder_queued")));
    expect(queued).toHaveLength(1);
    expect(queued[0]!.actorUserId).toBe(member.userId);

    // 18 May: step −3 is the one due, already sent: the job sends nothing; next is the due date.
    expect((await queueDueReminders(noonInAuckland("2026-05-18"))).queued).toBe(0);
    state = await getInvoiceReminders(member, invoice.id);
    expect(state.sent).toEqual([-3]);
    expect(nextReminder({ dueDate: DUE, steps: state.steps, sent: state.sent, today: "2026-05-18" })).toEqual({ step: 0, date: "2026-05-20" });
  });

  it("'Send now' before the due date sends the before-due email, even for the due-date step or a later one", async () => {
    const invoice = await invoiceDueOn20May();
    const kindsOf = async () => (await db.select({ kind: emails.kind }).from(emails).where(eq(emails.documentId, invoice.id))).map((e) => e.kind).sort();
    // 10 May in Auckland, ten days before the due date: step 0 and step 7 both sent early.
    await sendReminderNow(member, invoice.id, 0, undefined, noonInAuckland("2026-05-10"));
    await sendReminderNow(member, invoice.id, 7, undefined, noonInAuckland("2026-05-10"));
    expect(await kindsOf()).toEqual(["reminder_before", "reminder_before"]);
    // On 28 May the job's own step 7 is taken: nothing more goes out.
    expect((await queueDueReminders(noonInAuckland("2026-05-28"))).queued).toBe(0);
  });

  it("'Send now' after the due date sends the overdue email", async () => {
    const invoice = await invoiceDueOn20May();
    await sendReminderNow(member, invoice.id, 7, undefined, noonInAuckland("2026-05-21"));
    expect((await db.select({ kind: emails.kind }).from(emails).where(eq(emails.documentId, invoice.id))).map((e) => e.kind)).toEqual(["reminder_after"]);
  });

  it("'Send now' refuses a customer without an email address, and claims nothing", async () => {
    const silent = await createCustomer(db, member.orgId, { email: null });
    const invoice = await invoiceDueOn20May(member, silent);
    const error = await expectAppError(sendReminderNow(member, invoice.id, 0), "BAD_REQUEST");
    expect(error.message).toBe("This customer has no email address. Add one to their details to send reminders.");
    expect(await db.select().from(reminderSends).where(eq(reminderSends.documentId, invoice.id))).toEqual([]);
  });

  it("'Send now' refuses a step that is not in the schedule", async () => {
    const invoice = await invoiceDueOn20May();
    await expectAppError(sendReminderNow(member, invoice.id, 5), "CONFLICT");
    expect(await keysOf(invoice.id)).toEqual([]);
  });

  it("another organisation can neither read, pause, send nor snooze", async () => {
    const invoice = await invoiceDueOn20May();
    const other = await createInvoicingOrg(db, "Reminders-stranger");
    await expectAppError(getInvoiceReminders(other.member, invoice.id), "NOT_FOUND");
    await expectAppError(setInvoiceRemindersPaused(other.member, invoice.id, true), "NOT_FOUND");
    await expectAppError(sendReminderNow(other.member, invoice.id, 0), "BAD_REQUEST");
    await expectAppError(setCustomerPaymentPromise(other.member, customer.id, "2026-06-01"), "NOT_FOUND");
    expect((await getInvoiceReminders(member, invoice.id)).paused).toBe(false);
    expect(await getCustomerPaymentPromise(member, customer.id)).toBeNull();
    expect(await keysOf(invoice.id)).toEqual([]);
  });
});
