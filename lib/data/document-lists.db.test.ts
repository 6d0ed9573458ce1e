/**
 * Document lists and the CSV export: 30 invoices over two customers, two currencies (EUR with 2
 * decimals, JPY with none) and every invoice status. Each query is checked against the same
 * filter, sort and pagination done here in plain TypeScript over the raw rows, and totals are
 * summed per currency in the test (never across currencies).
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { type Customer, customers, type Document, type DocumentStatus, documents, documentTotals } from "@/db/schema";
import { openDocumentsCsv } from "@/lib/documents-csv";
import { createCustomer, createInvoicingOrg, createTaxRate, draftInput } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import type { Member } from "./context";
import { type DocumentListQuery, iterateDocuments, listDocuments } from "./document-lists";
import { deleteDraft, saveDraft } from "./documents/drafts";
import { createCreditNote, issueDocument, voidAndCopy, voidDocument } from "./documents/lifecycle";
import { deletePayment, recordPayment } from "./documents/payments";

let handle: DbHandle;
let db: Db;
let member: Member;
let acme: Customer;
let zeta: Customer;

const today = new Date().toISOString().slice(0, 10);
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const OPEN: DocumentStatus[] = ["issued", "sent", "viewed", "partially_paid"];
const PLAN = ["draft", "issued", "partially_paid", "paid", "void"] as const;

type Row = Document & { customerName: string };
/** Every invoice of the organisation as stored: the ground truth the queries are checked against. */
let model: Row[];

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  ({ member } = await createInvoicingOrg(db, "Lists"));
  // A literal % and _ in the names: searches must treat them as characters, not wildcards.
  acme = await createCustomer(db, member.orgId, { name: "Acme 100% Widgets" });
  zeta = await createCustomer(db, member.orgId, { name: "Zeta_Corp Ltd" });
  const vat = await createTaxRate(db, member.orgId, { name: "VAT", rateE4: 200_000 });

  for (let i = 0; i < 30; i++) {
    const currency = i % 3 === 0 ? "JPY" : "EUR";
    // Due dates run from 72 days ago to 73 days ahead in steps of 5, never within a day of today,
    // so "overdue" can't depend on the database's time zone.
    const issueDate = addDays(today, -102 + 5 * i);
    const line =
      i === 0 ? { unitPrice: 1_234 } : i === 1 ? { unitPrice: 123_450 } : { quantityE4: 10_000 + 2_500 * (i % 4), unitPrice: 1_000 + 137 * i, taxRateIds: [vat.id] };
    const draft = await saveDraft(member, { ...draftInput((i % 2 === 0 ? acme : zeta).id, line), currency, issueDate, dueDate: addDays(issueDate, 30) });
    const plan = PLAN[i % 5]!;
    if (plan === "draft") continue;
    const issued = await issueDocument(member, draft.id);
    const pay = (amount: number) => recordPayment(member, issued.id, { paidOn: issueDate, amount, method: "bank_transfer" });
    if (plan === "partially_paid") await pay(Math.floor(issued.total / 3));
    if (plan === "paid") await pay(issued.total);
    if (plan === "void") await voidDocument(member, issued.id, "Test data");
  }

  model = (await db.select().from(documents).innerJoin(customers, eq(customers.id, documents.customerId)).where(eq(documents.orgId, member.orgId))).map((r) => ({
    ...r.documents,
    customerName: r.customers.name,
  }));
});
afterAll(async () => {
  await handle?.close();
});

function matches(r: Row, q: DocumentListQuery): boolean {
  if (r.kind !== q.kind) return false;
  if (q.status === "open" && !OPEN.includes(r.status)) return false;
  if (q.status === "overdue" && !(OPEN.includes(r.status) && r.dueDate !== null && r.dueDate < today)) return false;
  if (q.status && q.status !== "open" && q.status !== "overdue" && r.status !== q.status) return false;
  if (q.customerId && r.customerId !== q.customerId) return false;
  if (q.currency && r.currency !== q.currency) return false;
  if (q.from && r.issueDate < q.from) return false;
  if (q.to && r.issueDate > q.to) return false;
  const term = q.q?.trim().toLowerCase();
  if (term && !(r.number ?? "").toLowerCase().includes(term) && !r.customerName.toLowerCase().includes(term)) return false;
  return true;
}

/** What listDocuments should answer, computed from the model. */
function expectedList(q: DocumentListQuery) {
  const key = (r: Row) => (q.sort === "total" ? r.total : r.issueDate);
  const dir = q.dir === "asc" ? 1 : -1;
  const all = model
    .filter((r) => matches(r, q))
    .sort((a, b) => {
      const [ka, kb] = [key(a), key(b)];
      if (ka !== kb) return (ka < kb ? -1 : 1) * dir;
      return a.id < b.id ? 1 : -1; // then newest id first, as the query does
    });
  const pageSize = q.pageSize ?? 25;
  const page = q.page ?? 1;
  const currencies = [...new Set(all.map((r) => r.currency))].sort();
  return {
    ids: all.slice((page - 1) * pageSize, page * pageSize).map((r) => r.id),
    count: all.length,
    pages: Math.max(1, Math.ceil(all.length / pageSize)),
    totals: currencies.map((currency) => {
      const rows = all.filter((r) => r.currency === currency);
      return { currency, count: rows.length, total: rows.reduce((s, r) => s + r.total, 0), balance: rows.filter((r) => r.status !== "draft" && r.status !== "void").reduce((s, r) => s + r.balance, 0) };
    }),
  };
}

async function expectListed(q: DocumentListQuery, minimum = 1) {
  const want = expectedList(q);
  expect(want.count, `the query ${JSON.stringify(q)} should match something`).toBeGreaterThanOrEqual(minimum);
  const got = await listDocuments(member, q);
  expect({ ids: got.rows.map((r) => r.id), count: got.count, pages: got.pages, totals: got.totals }).toEqual(want);
  return got;
}

describe("the data set", () => {
  it("covers both customers, both currencies, every status and overdue invoices", () => {
    expect(model).toHaveLength(30);
    expect(new Set(model.map((r) => r.status))).toEqual(new Set(PLAN));
    expect(new Set(model.map((r) => r.currency))).toEqual(new Set(["EUR", "JPY"]));
    expect(model.filter((r) => matches(r, { kind: "invoice", status: "overdue" })).length).toBeGreaterThan(0);
    expect(model.filter((r) => matches(r, { kind: "invoice", status: "open" }) && !matches(r, { kind: "invoice", status: "overdue" })).length).toBeGreaterThan(0);
  });
});

describe("listDocuments", () => {
  it("lists everything newest first, with totals per currency", async () => {
    const list = await expectListed({ kind: "invoice", pageSize: 100 }, 30);
    expect(list.totals.map((t) => t.currency)).toEqual(["EUR", "JPY"]);
    expect(list.rows[0]).toMatchObject({ customerName: expect.any(String), kind: "invoice" });
  });

  it.each(["draft", "issued", "partially_paid", "paid", "void", "open", "overdue"] as const)("filters by status %s", async (status) => {
    await expectListed({ kind: "invoice", status, pageSize: 100 });
  });

  it("filters by customer, currency and issue date range, alone and together", async () => {
    await expectListed({ kind: "invoice", customerId: acme.id, pageSize: 100 });
    await expectListed({ kind: "invoice", currency: "JPY", pageSize: 100 });
    await expectListed({ kind: "invoice", currency: "EUR", pageSize: 100 });
    const range = { from: addDays(today, -62), to: addDays(today, -2) };
    const list = await expectListed({ kind: "invoice", ...range, pageSize: 100 });
    // Both ends are inclusive (issue dates are 5 days apart, -62 and -2 fall on them).
    expect(list.rows.map((r) => r.issueDate)).toEqual(expect.arrayContaining([range.from, range.to]));
    await expectListed({ kind: "invoice", status: "open", currency: "EUR", customerId: zeta.id, pageSize: 100 });
    await expectListed({ kind: "invoice", customerId: zeta.id, currency: "JPY", from: addDays(today, -50), pageSize: 100 });
    expect((await listDocuments(member, { kind: "quote" })).count).toBe(0);
  });

  it("searches numbers and customer names case-insensitively, with % and _ taken literally", async () => {
    const issued = model.find((r) => r.number)!;
    const byNumber = await expectListed({ kind: "invoice", q: issued.number!.toLowerCase() });
    expect(byNumber.rows.map((r) => r.id)).toEqual([issued.id]);
    await expectListed({ kind: "invoice", q: issued.number!.slice(-4), pageSize: 100 });
    const acmeRows = model.filter((r) => r.customerId === acme.id).length;
    expect((await expectListed({ kind: "invoice", q: "  aCmE  ", pageSize: 100 })).count).toBe(acmeRows);
    expect((await expectListed({ kind: "invoice", q: "100%", pageSize: 100 })).count).toBe(acmeRows);
    // Unescaped, "%" and "_" would match every row.
    expect((await expectListed({ kind: "invoice", q: "%", pageSize: 100 })).count).toBe(acmeRows);
    expect((await expectListed({ kind: "invoice", q: "_", pageSize: 100 })).count).toBe(30 - acmeRows);
    expect((await listDocuments(member, { kind: "invoice", q: "1%W" })).count).toBe(0);
    expect((await listDocuments(member, { kind: "invoice", q: "Zeta%Ltd" })).count).toBe(0);
    expect((await listDocuments(member, { kind: "invoice", q: "\\" })).count).toBe(0);
  });

  it("sorts by total both ways", async () => {
    const asc = await expectListed({ kind: "invoice", sort: "total", dir: "asc", pageSize: 100 }, 30);
    const totals = asc.rows.map((r) => r.total);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    const desc = await expectListed({ kind: "invoice", sort: "total", dir: "desc", pageSize: 100 }, 30);
    expect(desc.rows.map((r) => r.total)).toEqual([...totals].reverse());
    await expectListed({ kind: "invoice", sort: "total", dir: "asc", currency: "JPY", status: "paid", pageSize: 100 });
  });

  it("paginates: page 2 of size 10, the last page and past the end", async () => {
    const page2 = await expectListed({ kind: "invoice", page: 2, pageSize: 10 }, 30);
    expect(page2).toMatchObject({ page: 2, pageSize: 10, count: 30, pages: 3 });
    expect(page2.rows).toHaveLength(10);
    const first = await listDocuments(member, { kind: "invoice", page: 1, pageSize: 10 });
    const third = await listDocuments(member, { kind: "invoice", page: 3, pageSize: 10 });
    expect(new Set([...first.rows, ...page2.rows, ...third.rows].map((r) => r.id)).size).toBe(30);
    // Totals describe the whole filtered list, not the page.
    expect(page2.totals).toEqual(expectedList({ kind: "invoice" }).totals);
    expect((await listDocuments(member, { kind: "invoice", page: 4, pageSize: 10 })).rows).toEqual([]);
    await expectListed({ kind: "invoice", status: "open", sort: "total", dir: "desc", page: 2, pageSize: 3 });
  });
});

describe("iterateDocuments", () => {
  it.each([
    { label: "everything", q: { kind: "invoice" } as DocumentListQuery },
    { label: "EUR only", q: { kind: "invoice", currency: "EUR" } as DocumentListQuery },
    { label: "JPY only", q: { kind: "invoice", currency: "JPY" } as DocumentListQuery },
    { label: "open invoices of one customer", q: { kind: "invoice", status: "open" } as DocumentListQuery, zetaOnly: true },
  ])("yields every matching row exactly once in batches of 7 ($label)", async ({ q, zetaOnly }) => {
    // Customers exist only once beforeAll has run, so the id is added here.
    const query = zetaOnly ? { ...q, customerId: zeta.id } : q;
    const batches: string[][] = [];
    for await (const batch of iterateDocuments(member, query, 7)) batches.push(batch.map((r) => r.id));
    const ids = batches.flat();
    const want = model.filter((r) => matches(r, query)).map((r) => r.id);
    expect(want.length).toBeGreaterThan(0);
    expect(ids).toHaveLength(want.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...want].sort());
    expect(batches.every((b) => b.length > 0 && b.length <= 7)).toBe(true);
    expect(batches.length).toBe(Math.ceil(want.length / 7));
  });

  it("ends cleanly when the rows are an exact multiple of the batch size", async () => {
    const ids: string[] = [];
    for await (const batch of iterateDocuments(member, { kind: "invoice" }, 10)) ids.push(...batch.map((r) => r.id));
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
  });
});

describe("CSV export", () => {
  const HEADER = "Number,Status,Customer,Issue date,Due date,Currency,Subtotal,Discount,Tax,Withholding,Total,Paid,Credited,Balance,Deposit requested,Deposit invoice";
  const LABELS: Partial<Record<DocumentStatus, string>> = { draft: "Draft", issued: "Issued", partially_paid: "Partially paid", paid: "Paid", void: "Void" };
  /** Written out by hand rather than with the money module: EUR has 2 decimals, JPY none. */
  const decimal = (minor: number, currency: string) => {
    if (currency === "JPY") return String(minor);
    const abs = Math.abs(minor);
    return `${minor < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
  };

  async function csv(as: Member, q: DocumentListQuery) {
    const bytes = new Uint8Array(await new Response(await openDocumentsCsv(as, q)).arrayBuffer());
    // A UTF-8 byte order mark first, for spreadsheet apps (Response.text() would silently drop it).
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.endsWith("\r\n")).toBe(true);
    return text.split("\r\n").slice(0, -1);
  }

  it("writes a header and one row per document with exact decimals per currency", async () => {
    const [header, ...rows] = await csv(member, { kind: "invoice" });
    expect(header).toBe(HEADER);
    expect(rows).toHaveLength(30);
    const expected = [...model]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((r) =>
        [
          r.number ?? "Draft",
          LABELS[r.status],
          r.customerName,
          r.issueDate,
          r.dueDate,
          r.currency,
          ...[r.lineAmountTotal, r.documentDiscount, r.taxTotal, 0, r.total, r.amountPaid, r.amountCredited, r.balance, 0].map((a) => decimal(a, r.currency)),
          "",
        ].join(","),
      );
    expect(rows).toEqual(expected);
    expect(rows.filter((r) => r.includes(",EUR,1234.50,0.00,0.00,0.00,1234.50,"))).toHaveLength(1);
    expect(rows.filter((r) => r.includes(",JPY,1234,0,0,0,1234,"))).toHaveLength(1);
  });

  it("exports only the filtered rows", async () => {
    const [, ...rows] = await csv(member, { kind: "invoice", status: "paid", currency: "EUR" });
    const want = model.filter((r) => matches(r, { kind: "invoice", status: "paid", currency: "EUR" }));
    expect(want.length).toBeGreaterThan(0);
    expect(rows).toHaveLength(want.length);
    expect(rows.every((r) => r.includes(",Paid,") && r.includes(",EUR,"))).toBe(true);
  });

  it("defuses formulas in customer names", async () => {
    const other = await createInvoicingOrg(db, "CSV");
    const evil = await createCustomer(db, other.member.orgId, { name: '=HYPERLINK("x")' });
    await saveDraft(other.member, { ...draftInput(evil.id, { unitPrice: 123_450 }), issueDate: "2026-03-10", dueDate: null });
    const [header, row, ...rest] = await csv(other.member, { kind: "invoice" });
    expect(header).toBe(HEADER);
    expect(rest).toEqual([]);
    expect(row).toBe(`Draft,Draft,"'=HYPERLINK(""x"")",2026-03-10,,EUR,1234.50,0.00,0.00,0.00,1234.50,0.00,0.00,1234.50,0.00,`);
  });
});

describe("running totals (document_totals)", () => {
  /** What the list totals would be if summed from the documents themselves, and what the triggers kept. */
  async function compare() {
    const group = [documents.orgId, documents.kind, documents.status, documents.currency] as const;
    const live = await db
      .select({ orgId: documents.orgId, kind: documents.kind, status: documents.status, currency: documents.currency, count: sql<number>`count(*)::int`, total: sql<string>`sum(${documents.total})::text`, balance: sql<string>`sum(${documents.balance})::text` })
      .from(documents)
      .groupBy(...group)
      .orderBy(...group);
    const t = documentTotals;
    const kept = await db
      .select({ orgId: t.orgId, kind: t.kind, status: t.status, currency: t.currency, count: sql<number>`${t.count}::int`, total: sql<string>`${t.total}::text`, balance: sql<string>`${t.balance}::text` })
      .from(t)
      .where(sql`${t.count} <> 0 or ${t.total} <> 0 or ${t.balance} <> 0`)
      .orderBy(t.orgId, t.kind, t.status, t.currency);
    expect(kept).toEqual(live);
    return live.length;
  }

  it("match the documents after drafts, issues, payments, credit notes, voids and deletions", async () => {
    expect(await compare()).toBeGreaterThan(5);
    const draft = await saveDraft(member, { ...draftInput(acme.id, { unitPrice: 5_000 }), currency: "EUR", issueDate: today, dueDate: addDays(today, 14) });
    await compare();
    const invoice = await issueDocument(member, draft.id);
    await compare();
    const payment = await recordPayment(member, invoice.id, { paidOn: today, amount: 1_000, method: "cash" });
    await compare();
    await deletePayment(member, payment.id);
    await compare();
    await createCreditNote(member, invoice.id).then((cn) => issueDocument(member, cn.id));
    await compare();
    const second = await saveDraft(member, { ...draftInput(zeta.id, { unitPrice: 9_900 }), currency: "EUR", issueDate: today, dueDate: today });
    await voidAndCopy(member, (await issueDocument(member, second.id)).id, "Wrong customer");
    await compare();
    const throwaway = await saveDraft(member, { ...draftInput(zeta.id, { unitPrice: 700 }), currency: "JPY", issueDate: today, dueDate: today });
    await deleteDraft(member, throwaway.id);
    await compare();
  });

  it("serve the status-only filters: the summary and the documents agree on every status", async () => {
    for (const status of [undefined, "draft", "issued", "partially_paid", "paid", "void", "open", "overdue"] as const) {
      const fromSummary = await listDocuments(member, { kind: "invoice", status });
      // A date range wide enough to include everything forces the live aggregate.
      const fromDocuments = await listDocuments(member, { kind: "invoice", status, from: "1900-01-01" });
      expect(fromSummary.totals, String(status)).toEqual(fromDocuments.totals);
      expect(fromSummary.count).toBe(fromDocuments.count);
      expect(await listDocuments(member, { kind: "invoice", status, currency: "JPY" }).then((l) => l.totals)).toEqual(
        await listDocuments(member, { kind: "invoice", status, currency: "JPY", from: "1900-01-01" }).then((l) => l.totals),
      );
    }
  });
});
