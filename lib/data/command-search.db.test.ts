/**
 * The command menu's search: documents by number and customer name, customers by name and email,
 * items by name; at most five of each, newest documents first; short terms by prefix only; and
 * never a row of another organisation, which here has look-alike names and the same numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import type { Customer } from "@/db/schema";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import { COMMAND_GROUP_LIMIT, searchCommandTargets } from "./command-search";
import type { Member } from "./context";
import { saveDraft } from "./documents/drafts";
import { createCreditNote, issueDocument } from "./documents/lifecycle";
import { createItem } from "./items";

let handle: DbHandle;
let db: Db;
let member: Member;
let other: Member;
let acme: Customer;
let globex: Customer;
let archived: Customer;
let rival: Customer;
const ids = { invoice: "", quote: "", creditNote: "", item: "", acmeDrafts: [] as string[], rivalInvoice: "", rivalItem: "" };
let invoiceNumber = "";

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  ({ member } = await createInvoicingOrg(db, "Command"));
  ({ member: other } = await createInvoicingOrg(db, "Command-other"));
  acme = await createCustomer(db, member.orgId, { name: "Acme Widgets", email: "billing@acme.example" });
  globex = await createCustomer(db, member.orgId, { name: "Globex Corporation", email: "accounts@globex.example" });
  archived = await createCustomer(db, member.orgId, { name: "Acme Archive", email: "old@acme.example", archivedAt: new Date() });
  rival = await createCustomer(db, other.orgId, { name: "Acme Rival", email: "accounts@globex-rival.example" });

  const invoice = await issueDocument(member, (await saveDraft(member, { ...draftInput(acme.id, {}), issueDate: "2026-02-01" })).id);
  ids.invoice = invoice.id;
  invoiceNumber = invoice.number!;
  ids.quote = (await saveDraft(member, { ...draftInput(globex.id, {}), kind: "quote", issueDate: "2026-02-02" })).id;
  ids.creditNote = (await createCreditNote(member, invoice.id)).id;
  // Six more Acme invoice drafts, one a day from March 1st: the group keeps the five newest.
  for (let day = 1; day <= 6; day++) {
    ids.acmeDrafts.push((await saveDraft(member, { ...draftInput(acme.id, {}), issueDate: `2026-03-0${day}` })).id);
  }
  ids.item = (await createItem(member, { name: "Consulting hour", description: null, unit: "hour", unitPrice: 12_000, currency: "USD", taxRateIds: [] })).id;

  // The other organisation: an invoice with the same number and an item with the same name.
  const rivalInvoice = await issueDocument(other, (await saveDraft(other, { ...draftInput(rival.id, {}), issueDate: "2026-02-01" })).id);
  ids.rivalInvoice = rivalInvoice.id;
  ids.rivalItem = (await createItem(other, { name: "Consulting hour", description: null, unit: "hour", unitPrice: 9_000, currency: "USD", taxRateIds: [] })).id;
});
afterAll(async () => {
  await handle?.close();
});

describe("command menu search", () => {
  it("finds an invoice by part of its number, and only this organisation's", async () => {
    expect(invoiceNumber).toBe((await db.query.documents.findFirst({ where: (d, { eq }) => eq(d.id, ids.rivalInvoice) }))!.number);
    const found = await searchCommandTargets(member, invoiceNumber.slice(-6).toLowerCase());
    expect(found.documents.map((d) => d.id)).toEqual([ids.invoice]);
    expect(found.documents[0]).toMatchObject({ kind: "invoice", number: invoiceNumber, status: "issued", customerName: "Acme Widgets", issueDate: "2026-02-01" });
  });

  it("finds a customer and their documents by part of the name, of every kind", async () => {
    const found = await searchCommandTargets(member, "lobex");
    expect(found.customers).toEqual([{ id: globex.id, name: "Globex Corporation", email: "accounts@globex.example", archived: false }]);
    expect(found.documents.map((d) => [d.kind, d.id])).toEqual([["quote", ids.quote]]);
  });

  it("finds a customer by email, never the other organisation's look-alike", async () => {
    const found = await searchCommandTargets(member, "accounts@globex");
    expect(found.customers.map((c) => c.id)).toEqual([globex.id]);
  });

  it("finds items by name", async () => {
    expect((await searchCommandTargets(member, "consult")).items).toEqual([{ id: ids.item, name: "Consulting hour" }]);
    expect((await searchCommandTargets(other, "consult")).items).toEqual([{ id: ids.rivalItem, name: "Consulting hour" }]);
  });

  it("keeps five of a group, newest first, and lists archived customers after active ones", async () => {
    const found = await searchCommandTargets(member, "acme");
    expect(found.customers.map((c) => [c.name, c.archived])).toEqual([
      ["Acme Widgets", false],
      ["Acme Archive", true],
    ]);
    const invoices = found.documents.filter((d) => d.kind === "invoice");
    expect(invoices).toHaveLength(COMMAND_GROUP_LIMIT);
    // The drafts of March 6th back to March 2nd; the February invoice and March 1st are beyond five.
    expect(invoices.map((d) => d.id)).toEqual(ids.acmeDrafts.slice(1).reverse());
    expect(invoices.map((d) => d.issueDate)).toEqual(["2026-03-06", "2026-03-05", "2026-03-04", "2026-03-03", "2026-03-02"]);
    expect(invoices.every((d) => d.number === null && d.status === "draft")).toBe(true);
    // The credit note names the invoice's customer.
    expect(found.documents.filter((d) => d.kind === "credit_note").map((d) => d.id)).toEqual([ids.creditNote]);
    expect(found.documents.some((d) => d.id === ids.rivalInvoice)).toBe(false);
    expect(found.customers.some((c) => c.id === rival.id)).toBe(false);
  });

  it("another organisation finds only its own rows with the same terms", async () => {
    const found = await searchCommandTargets(other, "acme");
    expect(found.customers.map((c) => c.id)).toEqual([rival.id]);
    expect(found.documents.map((d) => d.id)).toEqual([ids.rivalInvoice]);
    expect(found.items).toEqual([]);
    const byNumber = await searchCommandTargets(other, invoiceNumber);
    expect(byNumber.documents.map((d) => d.id)).toEqual([ids.rivalInvoice]);
  });

  it("short terms match name prefixes only and never numbers", async () => {
    const ac = await searchCommandTargets(member, "Ac");
    // Active first (Acme by its name, Globex by its email accounts@…), the archived Acme last.
    expect(ac.customers.map((c) => c.id)).toEqual([acme.id, globex.id, archived.id]);
    // Documents come through their customers' names, not through a number scan.
    expect(ac.documents.filter((d) => d.kind === "invoice")).toHaveLength(COMMAND_GROUP_LIMIT);
    // "me" is inside "Acme" but starts nothing; "00" is inside every number.
    expect(await searchCommandTargets(member, "me")).toEqual({ documents: [], customers: [], items: [] });
    expect(await searchCommandTargets(member, "00")).toEqual({ documents: [], customers: [], items: [] });
    expect((await searchCommandTargets(member, "c")).items.map((i) => i.id)).toEqual([ids.item]);
  });

  it("finds nothing for an empty term, and treats % and _ as characters", async () => {
    expect(await searchCommandTargets(member, "   ")).toEqual({ documents: [], customers: [], items: [] });
    expect(await searchCommandTargets(member, "%%%")).toEqual({ documents: [], customers: [], items: [] });
    expect(await searchCommandTargets(member, "___")).toEqual({ documents: [], customers: [], items: [] });
  });
});
