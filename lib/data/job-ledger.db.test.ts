/**
 * The job ledger's queries read one organisation's rows only: two organisations each get an
 * occurrence, a reminder with its email, an outbox email and a Stripe event, built by hand, and
 * each sees exactly its own. Members without settings.manage are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { emails, recurringOccurrences, reminderSends, stripeEvents } from "@/db/schema";
import { expectAppError } from "@/tests/support/accounts";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { profileInput } from "@/tests/support/recurring";
import { createTestDb } from "@/tests/support/test-db";
import type { Member } from "./context";
import { saveDraft } from "./documents/drafts";
import { issueDocument } from "./documents/lifecycle";
import { listOccurrenceLedger, listOutboxLedger, listPaymentEventLedger, listReminderLedger } from "./job-ledger";
import { saveProfile } from "./recurring-profiles";

let handle: DbHandle;
let db: Db;
type Seeded = { owner: Member; member: Member; profileId: string; invoiceId: string; invoiceNumber: string | null; emailKey: string; eventId: string };
const orgs: Seeded[] = [];

async function seed(label: string): Promise<Seeded> {
  const { owner, member } = await createInvoicingOrg(db, label);
  const customer = await createCustomer(db, owner.orgId, { name: `${label} customer`, email: `ap@${label.toLowerCase()}.test` });
  const profile = await saveProfile(owner, { ...profileInput(customer.id), name: `${label} retainer` }, {}, undefined, new Date("2027-01-10T12:00:00Z"));
  const draft = await saveDraft(owner, { ...draftInput(customer.id, {}), issueDate: "2027-02-01", dueDate: "2027-03-01" });
  const invoice = await issueDocument(owner, draft.id);
  await db.insert(recurringOccurrences).values({ orgId: owner.orgId, profileId: profile.id, occurrenceDate: "2027-02-01", state: "failed", attempts: 2, lastError: "The customer is archived." });
  const emailKey = `reminder:${invoice.id}:7`;
  const [email] = await db
    .insert(emails)
    .values({ orgId: owner.orgId, kind: "reminder_after", documentId: invoice.id, toAddress: `ap@${label.toLowerCase()}.test`, fromAddress: "billing@example.test", subject: "Reminder", html: "<p>x</p>", text: "x", idempotencyKey: emailKey, status: "failed", attempts: 5, lastError: "550 mailbox unavailable" })
    .returning();
  await db.insert(reminderSends).values({ orgId: owner.orgId, documentId: invoice.id, step: 7, emailId: email!.id });
  const eventId = `evt_${label}`;
  await db.insert(stripeEvents).values({ id: eventId, orgId: owner.orgId, type: "charge.refunded", outcome: "received", stripeCreatedAt: new Date("2027-03-02T00:00:00Z"), waitingFor: "pi_waiting1" });
  return { owner, member, profileId: profile.id, invoiceId: invoice.id, invoiceNumber: invoice.number, emailKey, eventId };
}

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  orgs.push(await seed("Alpha"), await seed("Beta"));
});
afterAll(async () => {
  await handle?.close();
});

describe("job ledger queries", () => {
  it("each organisation sees its own occurrence, with the profile's name and the failure", async () => {
    for (const o of orgs) {
      const rows = await listOccurrenceLedger(o.owner);
      expect(rows).toEqual([expect.objectContaining({ profileId: o.profileId, occurrenceDate: "2027-02-01", state: "failed", attempts: 2, lastError: "The customer is archived.", missed: false, documentId: null })]);
    }
    expect((await listOccurrenceLedger(orgs[0]!.owner))[0]!.profileName).toBe("Alpha retainer");
  });

  it("each sees its own reminder claim with its invoice number and the email's status", async () => {
    for (const o of orgs) {
      expect(await listReminderLedger(o.owner)).toEqual([expect.objectContaining({ documentId: o.invoiceId, documentNumber: o.invoiceNumber, step: 7, emailStatus: "failed" })]);
    }
    expect(orgs[0]!.invoiceNumber).not.toBeNull();
  });

  it("each sees its own outbox email by its idempotency key, and its own Stripe event", async () => {
    for (const o of orgs) {
      expect((await listOutboxLedger(o.owner)).map((r) => [r.idempotencyKey, r.status, r.attempts, r.lastError])).toEqual([[o.emailKey, "failed", 5, "550 mailbox unavailable"]]);
      expect((await listPaymentEventLedger(o.owner)).map((r) => [r.id, r.waitingFor])).toEqual([[o.eventId, "pi_waiting1"]]);
    }
  });

  it("a member without settings.manage is refused every section", async () => {
    const { member } = orgs[0]!;
    for (const list of [listOccurrenceLedger, listReminderLedger, listOutboxLedger, listPaymentEventLedger]) await expectAppError(list(member), "FORBIDDEN");
  });
});
