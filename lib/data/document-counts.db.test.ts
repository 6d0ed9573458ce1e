/**
 * Status tab counts, worked by hand. Organisation A has 8 invoices:
 *   2 drafts (EUR);
 *   3 open: issued due today (not overdue), sent-by-issue due in 10 days, partly paid due yesterday (overdue);
 *   1 paid (USD), 1 void, 1 issued due yesterday for Zeta (overdue) → 4 open, 2 overdue;
 * "today" and "yesterday" are in A's time zone, chosen so that its date differs from UTC's when
 * the test runs (the one definition of overdue is the organisation's day, not the server's).
 * Organisation B's draft and overdue invoice must not be counted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import type { Customer } from "@/db/schema";
import { addDays, todayIn } from "@/lib/dates";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import type { Member } from "./context";
import { documentCurrencies, documentStatusCounts } from "./document-counts";
import { listDocuments } from "./document-lists";
import { saveDraft } from "./documents/drafts";
import { issueDocument, voidDocument } from "./documents/lifecycle";
import { recordPayment } from "./documents/payments";
import { isOverdue } from "./documents/shared";

let handle: DbHandle;
let a: Member;
let b: Member;
let acme: Customer;
let zeta: Customer;
// Kiritimati (UTC+14) is already tomorrow from 10:00 UTC; Pago Pago (UTC−11) still yesterday before 11:00 UTC.
const timeZone = new Date().getUTCHours() < 11 ? "Pacific/Pago_Pago" : "Pacific/Kiritimati";
const today = todayIn(timeZone);

async function invoice(member: Member, customer: Customer, opts: { due: string; currency?: string; then?: "issue" | "pay" | "part" | "void" }) {
  const draft = await saveDraft(member, { ...draftInput(customer.id, { unitPrice: 10_000 }), currency: opts.currency ?? "EUR", issueDate: addDays(today, -30), dueDate: opts.due });
  if (!opts.then) return draft;
  const issued = await issueDocument(member, draft.id);
  const pay = (amount: number) => recordPayment(member, issued.id, { paidOn: addDays(today, -5), amount, method: "bank_transfer" });
  if (opts.then === "pay") await pay(issued.total);
  if (opts.then === "part") await pay(1_000);
  if (opts.then === "void") await voidDocument(member, issued.id, "Test");
  return issued;
}

beforeAll(async () => {
  handle = await createTestDb();
  ({ member: a } = await createInvoicingOrg(handle.db, "CountsA", { timeZone }));
  ({ member: b } = await createInvoicingOrg(handle.db, "CountsB", { timeZone }));
  acme = await createCustomer(handle.db, a.orgId, { name: "Acme" });
  zeta = await createCustomer(handle.db, a.orgId, { name: "Zeta" });
  const other = await createCustomer(handle.db, b.orgId, { name: "Acme" });
  const yesterday = addDays(today, -1);
  await invoice(a, acme, { due: today });
  await invoice(a, acme, { due: today });
  await invoice(a, acme, { due: today, then: "issue" });
  await invoice(a, acme, { due: addDays(today, 10), then: "issue" });
  await invoice(a, acme, { due: yesterday, then: "part" });
  await invoice(a, acme, { due: yesterday, currency: "USD", then: "pay" });
  await invoice(a, acme, { due: yesterday, then: "void" });
  await invoice(a, zeta, { due: yesterday, then: "issue" });
  await invoice(b, other, { due: today });
  await invoice(b, other, { due: yesterday, then: "issue" });
});
afterAll(async () => {
  await handle?.close();
});

describe("documentStatusCounts", () => {
  it("counts each status and the overdue invoices of the organisation only", async () => {
    expect(await documentStatusCounts(a, { kind: "invoice" })).toEqual({ byStatus: { draft: 2, issued: 3, partially_paid: 1, paid: 1, void: 1 }, overdue: 2 });
    expect(await documentStatusCounts(b, { kind: "invoice" })).toEqual({ byStatus: { draft: 1, issued: 1 }, overdue: 1 });
    expect(await documentStatusCounts(a, { kind: "quote" })).toEqual({ byStatus: {}, overdue: 0 });
  });

  it("counts within the other filters: currency from the running totals, customer and search from the documents", async () => {
    expect(await documentStatusCounts(a, { kind: "invoice", currency: "USD" })).toEqual({ byStatus: { paid: 1 }, overdue: 0 });
    expect(await documentStatusCounts(a, { kind: "invoice", currency: "EUR" })).toEqual({ byStatus: { draft: 2, issued: 3, partially_paid: 1, void: 1 }, overdue: 2 });
    expect(await documentStatusCounts(a, { kind: "invoice", customerId: zeta.id })).toEqual({ byStatus: { issued: 1 }, overdue: 1 });
    expect(await documentStatusCounts(a, { kind: "invoice", q: "acme" })).toEqual({ byStatus: { draft: 2, issued: 2, partially_paid: 1, paid: 1, void: 1 }, overdue: 1 });
    // Both ways of counting agree: a date filter that keeps everything takes the documents path.
    expect(await documentStatusCounts(a, { kind: "invoice", from: "1900-01-01" })).toEqual(await documentStatusCounts(a, { kind: "invoice" }));
  });

  it("agrees with the Overdue list and the badge's rule", async () => {
    const list = await listDocuments(a, { kind: "invoice", status: "overdue" });
    expect(list.count).toBe(2);
    expect(list.rows.every((r) => isOverdue(r, today))).toBe(true);
    const all = await listDocuments(a, { kind: "invoice" });
    expect(all.rows.filter((r) => isOverdue(r, today))).toHaveLength(2);
    expect((await listDocuments(a, { kind: "invoice", status: "open" })).count).toBe(4);
  });

  it("offers the currencies the organisation has documents in", async () => {
    expect(await documentCurrencies(a, "invoice")).toEqual(["EUR", "USD"]);
    expect(await documentCurrencies(a, "quote")).toEqual([]);
  });
});
