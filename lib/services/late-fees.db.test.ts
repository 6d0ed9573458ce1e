/**
 * Late fees: added by the reminders job at each step after the due date, once per invoice and
 * step, as their own issued invoice; never when off, before the due date, for a flat fee in
 * another currency, on a fee invoice, or on viewing the client page.
 *
 * The job scans every organisation, so each test first voids every invoice earlier tests left
 * open. Runs use a fixed `now`; the organisation is in UTC, so today is 2026-06-15.
 */
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { type Customer, documentEvents, documentLines, documents, emails, lateFees, lateFeeSettings, reminderSends, reminderSettings, type TaxRate } from "@/db/schema";
import type { Member } from "@/lib/data/context";
import { saveDraft } from "@/lib/data/documents/drafts";
import { issueDocument } from "@/lib/data/documents/lifecycle";
import { OPEN_INVOICE_STATUSES } from "@/lib/data/documents/shared";
import { openEmailBody } from "@/lib/data/encrypted-fields";
import { getLateFeeSettings, listLateFees } from "@/lib/data/late-fees";
import { ensureDocumentLink, recordLinkView, unsafeResolveDocumentLink } from "@/lib/data/links";
import { loadPublicDocument } from "@/lib/data/public-documents";
import { expectAppError } from "@/tests/support/accounts";
import { createCustomer, createInvoicingOrg, createTaxRate, draftInput } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import { saveLateFeeForm } from "./late-fees";
import { queueDueReminders, sendReminderNow } from "./reminders";

const NOW = new Date("2026-06-15T12:00:00Z");
const WEEK_LATER = new Date("2026-06-22T12:00:00Z");

let handle: DbHandle;
let db: Db;
let owner: Member;
let member: Member;
let customer: Customer;
let vat: TaxRate;

const off = { enabled: false, feeType: "percent" as const, rate: "", amount: "", currency: "EUR", taxRateId: "" };

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  const a = await createInvoicingOrg(db, "LateFees");
  owner = a.owner;
  member = a.member;
  customer = await createCustomer(db, member.orgId, { name: "Slow Payer GmbH", email: "ap@slow.test" });
  vat = await createTaxRate(db, member.orgId, { name: "VAT", rateE4: 200_000 });
  await db.insert(reminderSettings).values({ orgId: member.orgId, enabled: true, steps: [0, 7, 14] });
});
afterAll(async () => {
  await handle?.close();
});
beforeEach(async () => {
  await db.update(documents).set({ status: "void", balance: 0 }).where(inArray(documents.status, [...OPEN_INVOICE_STATUSES]));
  await db.delete(lateFeeSettings).where(eq(lateFeeSettings.orgId, member.orgId));
});

/** An issued EUR invoice of `unitPrice` (no tax), due on `dueDate`. */
async function invoiceDue(dueDate: string, unitPrice = 123_456, currency = "EUR", forCustomer: Customer = customer) {
  const draft = await saveDraft(member, { ...draftInput(forCustomer.id, { unitPrice }), currency, issueDate: "2026-05-01", dueDate });
  return issueDocument(member, draft.id);
}

const feesOf = (documentId: string) => db.select().from(lateFees).where(eq(lateFees.documentId, documentId));
const feeInvoice = async (id: string) => (await db.select().from(documents).where(eq(documents.id, id)))[0]!;

describe("the late fee at a reminder step", () => {
  it("adds 1.5 % of the balance plus 20 % VAT as its own issued invoice, leaving the overdue invoice as it was", async () => {
    await saveLateFeeForm(owner, { ...off, enabled: true, rate: "1.5", taxRateId: vat.id });
    const overdue = await invoiceDue("2026-06-08"); // 7 days overdue on 2026-06-15: step 7
    const [before] = await db.select().from(documents).where(eq(documents.id, overdue.id));

    expect((await queueDueReminders(NOW)).queued).toBe(1);

    const rows = await feesOf(overdue.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.step).toBe(7);
    const fee = await feeInvoice(rows[0]!.feeDocumentId);
    // 1,234.56 × 1.5 % = 18.5184 → 18.52; VAT 20 % of 18.52 = 3.704 → 3.70; total 22.22.
    expect(fee).toMatchObject({ kind: "invoice", status: "issued", customerId: customer.id, currency: "EUR", subtotal: 1_852, taxTotal: 370, total: 2_222, balance: 2_222 });
    expect(fee.issueDate).toBe("2026-06-15");
    expect(fee.dueDate).toBe("2026-06-15");
    expect(fee.number).toMatch(/\S/);
    expect(fee.number).not.toBe(overdue.number);
    const lines = await db.select().from(documentLines).where(eq(documentLines.documentId, fee.id));
    expect(lines.map((l) => l.description)).toEqual([`Late fee: ${overdue.number}, 7 days after the due date`]);

    const [after] = await db.select().from(documents).where(eq(documents.id, overdue.id));
    expect(after).toMatchObject({ total: before!.total, balance: before!.balance, amountPaid: 0, status: before!.status });
    const events = await db.select().from(documentEvents).where(and(eq(documentEvents.documentId, overdue.id), eq(documentEvents.type, "late_fee_added")));
    expect(events).toHaveLength(1);
    expect(await listLateFees(member, overdue.id)).toEqual([expect.objectContaining({ step: 7, feeDocumentId: fee.id, number: fee.number, total: 2_222 })]);

    // The reminder announces the fee, before the sign-off.
    const [email] = await db.select().from(emails).where(eq(emails.documentId, overdue.id));
    const text = openEmailBody(email!)!.text;
    const notice = `A late fee of €22.22 has been added as invoice ${fee.number}, due now.`;
    expect(text).toContain(notice);
    expect(text.indexOf(notice)).toBeLessThan(text.indexOf("Kind regards"));
  });

  it("adds exactly one fee per step when two runs overlap and when a run is repeated", async () => {
    await saveLateFeeForm(owner, { ...off, enabled: true, rate: "1.5", taxRateId: vat.id });
    const overdue = await invoiceDue("2026-06-08");
    const [a, b] = await Promise.all([queueDueReminders(NOW), queueDueReminders(NOW)]);
    expect(a.queued + b.queued).toBe(1);
    await queueDueReminders(NOW);
    expect(await feesOf(overdue.id)).toHaveLength(1);
    // One fee invoice open for the customer (earlier tests' invoices are void).
    expect(await db.select().from(documents).where(and(eq(documents.customerId, customer.id), eq(documents.status, "issued"), eq(documents.total, 2_222)))).toHaveLength(1);

    // A week later the invoice reaches step 14: a second fee, on the same balance (1,234.56 → 18.52 + 3.70).
    await Promise.all([queueDueReminders(WEEK_LATER), queueDueReminders(WEEK_LATER)]);
    const rows = await feesOf(overdue.id);
    expect(rows.map((r) => r.step).sort((x, y) => x - y)).toEqual([7, 14]);
    expect((await feeInvoice(rows.find((r) => r.step === 14)!.feeDocumentId)).total).toBe(2_222);
  });

  it("charges no fee on a fee invoice", async () => {
    await saveLateFeeForm(owner, { ...off, enabled: true, rate: "1.5" });
    const overdue = await invoiceDue("2026-06-08");
    await queueDueReminders(NOW);
    const [first] = await feesOf(overdue.id);
    // The fee invoice, due 2026-06-15, is 7 days overdue a week later: it is reminded, but carries no fee of its own.
    await queueDueReminders(WEEK_LATER);
    expect(await db.select().from(reminderSends).where(eq(reminderSends.documentId, first!.feeDocumentId))).toHaveLength(1);
    expect(await feesOf(first!.feeDocumentId)).toHaveLength(0);
  });

  it("adds a flat fee only to invoices in its currency", async () => {
    await saveLateFeeForm(owner, { ...off, enabled: true, feeType: "amount", amount: "25.00", currency: "EUR" });
    const eur = await invoiceDue("2026-06-08");
    const usd = await invoiceDue("2026-06-08", 50_000, "USD");
    expect((await queueDueReminders(NOW)).queued).toBe(2);
    const [eurFee] = await feesOf(eur.id);
    expect(await feeInvoice(eurFee!.feeDocumentId)).toMatchObject({ currency: "EUR", subtotal: 2_500, taxTotal: 0, total: 2_500 });
    expect(await feesOf(usd.id)).toHaveLength(0);
  });

  it("adds nothing when late fees are off, or turned off", async () => {
    const first = await invoiceDue("2026-06-08");
    await queueDueReminders(NOW);
    expect(await feesOf(first.id)).toHaveLength(0);

    await saveLateFeeForm(owner, { ...off, rate: "1.5" });
    expect(await getLateFeeSettings(owner)).toEqual({ enabled: false, feeType: "percent", rateE4: 15_000, taxRateId: null });
    const second = await invoiceDue("2026-06-08");
    expect((await queueDueReminders(NOW)).queued).toBe(1);
    expect(await feesOf(second.id)).toHaveLength(0);
  });

  it("adds nothing at the due date or before it", async () => {
    await saveLateFeeForm(owner, { ...off, enabled: true, rate: "1.5" });
    await db.update(reminderSettings).set({ steps: [-3, 0, 7, 14] }).where(eq(reminderSettings.orgId, member.orgId));
    try {
      const dueToday = await invoiceDue("2026-06-15"); // step 0
      const dueSoon = await invoiceDue("2026-06-18"); // step −3
      expect((await queueDueReminders(NOW)).queued).toBe(2);
      expect(await feesOf(dueToday.id)).toHaveLength(0);
      expect(await feesOf(dueSoon.id)).toHaveLength(0);
    } finally {
      await db.update(reminderSettings).set({ steps: [0, 7, 14] }).where(eq(reminderSettings.orgId, member.orgId));
    }
  });

  it("adds nothing when the reminder is not queued (no email address) or the fee rounds to zero", async () => {
    await saveLateFeeForm(owner, { ...off, enabled: true, rate: "1" });
    const noAddress = await createCustomer(db, member.orgId, { name: "No Mail Ltd", email: null });
    const unreachable = await invoiceDue("2026-06-08", 123_456, "EUR", noAddress);
    const tiny = await invoiceDue("2026-06-08", 40); // 0.40 × 1 % = 0.004 → 0.00
    await queueDueReminders(NOW);
    expect(await feesOf(unreachable.id)).toHaveLength(0);
    expect(await feesOf(tiny.id)).toHaveLength(0);
  });

  it("adds a fee with Send now once the step's date has come, none before it", async () => {
    await saveLateFeeForm(owner, { ...off, enabled: true, rate: "1.5" });
    const overdue = await invoiceDue("2026-06-10"); // 5 days overdue on 2026-06-15
    // Step 7's date is 2026-06-17: sent early, its reminder goes but no fee.
    await sendReminderNow(member, overdue.id, 7, undefined, NOW);
    expect(await feesOf(overdue.id)).toHaveLength(0);
    // Step 0's date has passed, but it is not after the due date: no fee either.
    await sendReminderNow(member, overdue.id, 0, undefined, NOW);
    expect(await feesOf(overdue.id)).toHaveLength(0);
    // Step 14 on 2026-06-24: its date has come. 1,234.56 × 1.5 % = 18.52, no tax.
    await sendReminderNow(member, overdue.id, 14, undefined, new Date("2026-06-24T09:00:00Z"));
    const rows = await feesOf(overdue.id);
    expect(rows.map((r) => r.step)).toEqual([14]);
    expect((await feeInvoice(rows[0]!.feeDocumentId)).total).toBe(1_852);
  });

  it("adds nothing when the client views the invoice", async () => {
    await saveLateFeeForm(owner, { ...off, enabled: true, rate: "1.5" });
    const overdue = await invoiceDue("2026-06-08");
    const token = await ensureDocumentLink(member, overdue.id);
    const link = (await unsafeResolveDocumentLink(token))!;
    expect(await loadPublicDocument(link)).toBeTruthy();
    await recordLinkView(link, null);
    expect(await feesOf(overdue.id)).toHaveLength(0);
  });
});

describe("the late fee setting", () => {
  it("answers bad input with field errors", async () => {
    const rate = await expectAppError(saveLateFeeForm(owner, { ...off, enabled: true, rate: "abc" }), "BAD_REQUEST");
    expect(rate.fieldErrors?.rate).toBeTruthy();
    const zero = await expectAppError(saveLateFeeForm(owner, { ...off, enabled: true, rate: "0" }), "BAD_REQUEST");
    expect(zero.fieldErrors?.rate).toBe("Enter a rate greater than zero.");
    const decimals = await expectAppError(saveLateFeeForm(owner, { ...off, enabled: true, feeType: "amount", amount: "1.234", currency: "EUR" }), "BAD_REQUEST");
    expect(decimals.fieldErrors?.amount).toBe("EUR amounts can have at most 2 decimals.");
    const currency = await expectAppError(saveLateFeeForm(owner, { ...off, enabled: true, feeType: "amount", amount: "5", currency: "XXQ" }), "BAD_REQUEST");
    expect(currency.fieldErrors?.currency).toBeTruthy();
    const inclusive = await createTaxRate(db, member.orgId, { name: "Included VAT", rateE4: 190_000, inclusive: true });
    const tax = await expectAppError(saveLateFeeForm(owner, { ...off, enabled: true, rate: "2", taxRateId: inclusive.id }), "BAD_REQUEST");
    expect(tax.fieldErrors?.taxRateId).toBeTruthy();
    expect(await getLateFeeSettings(owner)).toBeNull();
  });

  it("is for owners and admins", async () => {
    await expectAppError(saveLateFeeForm(member, { ...off, enabled: true, rate: "1.5" }), "FORBIDDEN");
  });

  it("is forgotten when turned off with nothing typed", async () => {
    await saveLateFeeForm(owner, { ...off, enabled: true, feeType: "amount", amount: "10", currency: "USD", taxRateId: vat.id });
    expect(await getLateFeeSettings(owner)).toEqual({ enabled: true, feeType: "amount", amount: 1_000, currency: "USD", taxRateId: vat.id });
    await saveLateFeeForm(owner, { ...off, feeType: "amount" });
    expect(await getLateFeeSettings(owner)).toBeNull();
  });
});
