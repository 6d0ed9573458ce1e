/**
 * The client-link principal (what /i/<token> acts as) reads its own document and organisation and
 * writes nothing: handed (cast past TypeScript) to every exported write of lib/data, each refuses
 * with FORBIDDEN and the database is byte-for-byte unchanged. A completeness check makes sure a
 * new write cannot be added without joining the list.
 */
import { eq, sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { emails, invitations, type User } from "@/db/schema";
import { expectAppError } from "@/tests/support/accounts";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import * as admin from "./admin";
import * as audit from "./audit";
import type { LinkPrincipal, Member } from "./context";
import * as customers from "./customers";
import * as documentDrafts from "./documents/drafts";
import * as documentLifecycle from "./documents/lifecycle";
import * as documentPayments from "./documents/payments";
import * as documentQuotes from "./documents/quotes";
import * as documentRead from "./documents/read";
import * as emailEvents from "./email-events";
import * as emailTemplates from "./email-templates";
import * as items from "./items";
import * as keyRotation from "./key-rotation";
import * as links from "./links";
import * as organizations from "./organizations";
import { linkContext, loadPublicDocument } from "./public-documents";
import * as outbox from "./outbox";
import * as reminders from "./reminders";
import * as sending from "./sending";
import * as taxRates from "./tax-rates";
import * as team from "./team";
import * as users from "./users";

const documents = { ...documentDrafts, ...documentLifecycle, ...documentPayments, ...documentQuotes, ...documentRead };

let handle: DbHandle;
let db: Db;
let owner: Member;
let link: LinkPrincipal;
let as: Member; // the link principal, cast where TypeScript refuses it
let ids: { invoice: string; otherInvoice: string; draft: string; quote: string; customer: string; item: string; taxRate: string; payment: string; email: string; invitation: string; memberUserId: string };

async function rows<T>(query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as unknown as { rows: T[] }).rows) as T[];
}

/** A digest of every row of every table (the whole database, not only the link's organisation). */
async function databaseDigest(): Promise<string> {
  const tables = await rows<{ name: string }>(sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
  const parts: string[] = [];
  for (const { name } of tables) {
    const [row] = await rows<{ digest: string | null }>(sql`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${sql.identifier(name)} t`);
    parts.push(`${name}:${row?.digest}`);
  }
  return parts.join("\n");
}

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  const org = await createInvoicingOrg(db, "LinkPrincipal");
  owner = org.owner;
  const customer = await createCustomer(db, owner.orgId);
  const item = await items.createItem(owner, { name: "Widget", description: null, unit: null, unitPrice: 500, currency: "EUR", taxRateIds: [] });
  const taxRate = await taxRates.createTaxRate(owner, { name: "VAT", rateE4: 190_000, inclusive: false, compound: false });
  const issue = async (kind: "invoice" | "quote") => documents.issueDocument(owner, (await documents.saveDraft(owner, { ...draftInput(customer.id, {}), kind })).id);
  const invoice = await issue("invoice");
  const otherInvoice = await issue("invoice");
  const quote = await issue("quote");
  const draft = await documents.saveDraft(owner, draftInput(customer.id, {}));
  const payment = await documents.recordPayment(owner, invoice.id, { paidOn: "2026-03-11", amount: 100, method: "bank" });
  const [email] = await db
    .insert(emails)
    .values({ orgId: owner.orgId, kind: "invoice_sent", documentId: invoice.id, toAddress: "a@example.test", fromAddress: "b@example.test", subject: "s", text: "t", html: "<p>t</p>", status: "failed", idempotencyKey: `t:${invoice.id}` })
    .returning();
  await team.inviteMember(owner, { email: "invitee@example.test", role: "member" });
  const [inv] = await db.select().from(invitations).where(eq(invitations.orgId, owner.orgId));
  ids = { invoice: invoice.id, otherInvoice: otherInvoice.id, draft: draft.id, quote: quote.id, customer: customer.id, item: item.id, taxRate: taxRate.id, payment: payment.id, email: email!.id, invitation: inv!.id, memberUserId: org.member.userId };
  link = linkContext({ orgId: owner.orgId, documentId: invoice.id });
  as = link as unknown as Member;
});
afterAll(async () => {
  await handle?.close();
});

const customerInput: customers.CustomerInput = {
  name: "Changed",
  email: null,
  phone: null,
  addressLine1: null,
  addressLine2: null,
  city: null,
  postalCode: null,
  region: null,
  country: null,
  taxId: null,
  currency: null,
  paymentTermsDays: null,
  notes: null,
  contacts: [],
};
const itemInput = { name: "Changed", description: null, unit: null, unitPrice: 1, currency: "EUR", taxRateIds: [] };
const rateInput = { name: "Changed", rateE4: 1, inclusive: false, compound: false };

/** Every exported write that takes a principal, called as the client link would if it could. */
const writes: Record<string, () => Promise<unknown>> = {
  "customers.createCustomer": () => customers.createCustomer(as, customerInput),
  "customers.updateCustomer": () => customers.updateCustomer(as, { ...customerInput, id: ids.customer }),
  "customers.archiveCustomer": () => customers.archiveCustomer(as, ids.customer),
  "customers.unarchiveCustomer": () => customers.unarchiveCustomer(as, ids.customer),
  "customers.deleteCustomer": () => customers.deleteCustomer(as, ids.customer),
  "documents.saveDraft": () => documents.saveDraft(as, { ...draftInput(ids.customer, {}), id: ids.draft }),
  "documents.issueDocument": () => documents.issueDocument(as, ids.draft),
  "documents.recordPayment": () => documents.recordPayment(as, ids.invoice, { paidOn: "2026-03-12", amount: 1, method: "bank" }),
  "documents.deletePayment": () => documents.deletePayment(as, ids.payment),
  "documents.voidDocument": () => documents.voidDocument(as, ids.otherInvoice, "by the link"),
  "documents.duplicateDocument": () => documents.duplicateDocument(as, ids.invoice),
  "documents.voidAndCopy": () => documents.voidAndCopy(as, ids.otherInvoice, "by the link"),
  "documents.createCreditNote": () => documents.createCreditNote(as, ids.invoice),
  "documents.setQuoteOutcome": () => documents.setQuoteOutcome(as, ids.quote, "accepted"),
  "documents.convertQuote": () => documents.convertQuote(as, ids.quote),
  "documents.deleteDraft": () => documents.deleteDraft(as, ids.draft),
  "emailTemplates.saveEmailTemplate": () => emailTemplates.saveEmailTemplate(as, { kind: "invoice_sent", language: "en", subject: "Hi", body: "Hello" } as never),
  "emailTemplates.resetEmailTemplate": () => emailTemplates.resetEmailTemplate(as, "invoice_sent", "en"),
  "items.createItem": () => items.createItem(as, itemInput),
  "items.updateItem": () => items.updateItem(as, { ...itemInput, id: ids.item }),
  "items.archiveItem": () => items.archiveItem(as, ids.item),
  "items.unarchiveItem": () => items.unarchiveItem(as, ids.item),
  "items.deleteItem": () => items.deleteItem(as, ids.item),
  "links.ensureDocumentLink": () => links.ensureDocumentLink(as, ids.invoice),
  "links.regenerateDocumentLink": () => links.regenerateDocumentLink(as, ids.invoice),
  "links.revokeDocumentLink": () => links.revokeDocumentLink(as, ids.invoice),
  "organizations.updateOrganization": () => organizations.updateOrganization(as, { name: "Taken over" }),
  "organizations.setOrganizationLogo": () => organizations.setOrganizationLogo(as, null),
  "reminders.claimReminderStep": () => reminders.claimReminderStep(as, ids.invoice, 0),
  "reminders.recordReminderSkipped": () => reminders.recordReminderSkipped(as, ids.invoice, 0, "by the link"),
  "reminders.recordReminderQueued": () => reminders.recordReminderQueued(as, ids.invoice, 0, { to: "link@example.test", emailId: ids.email }),
  "reminders.saveReminderSettings": () => reminders.saveReminderSettings(as, { enabled: true, steps: [0] }),
  "reminders.setInvoiceRemindersPaused": () => reminders.setInvoiceRemindersPaused(as, ids.invoice, true),
  "reminders.setCustomerPaymentPromise": () => reminders.setCustomerPaymentPromise(as, ids.customer, "2026-06-01"),
  "sending.recordDocumentSent": () => sending.recordDocumentSent(as, ids.invoice, { to: "link@example.test", emailId: ids.email }),
  "sending.retryEmail": () => sending.retryEmail(as, ids.email),
  "taxRates.createTaxRate": () => taxRates.createTaxRate(as, rateInput),
  "taxRates.updateTaxRate": () => taxRates.updateTaxRate(as, { ...rateInput, id: ids.taxRate }),
  "taxRates.archiveTaxRate": () => taxRates.archiveTaxRate(as, ids.taxRate),
  "taxRates.unarchiveTaxRate": () => taxRates.unarchiveTaxRate(as, ids.taxRate),
  "team.inviteMember": () => team.inviteMember(as, { email: "link@example.test", role: "owner" }),
  "team.revokeInvitation": () => team.revokeInvitation(as, ids.invitation),
  "team.changeRole": () => team.changeRole(as, ids.memberUserId, "owner"),
  "team.removeMember": () => team.removeMember(as, ids.memberUserId),
  "admin.setUserDisabled": () => admin.setUserDisabled(link as unknown as User, ids.memberUserId, true),
};

/**
 * Exported writes that take no principal at all, so the link principal cannot be handed to them:
 * each acts on a credential or identity of its own (a token, a user id, the resolved link).
 */
const takesNoPrincipal = new Set([
  "admin.upsertPlatformAdmin", // command line only: email and password
  "audit.recordAudit", // called inside the writes above, after their check
  "links.recordLinkView", // the client's own view of the resolved link's document
  "documents.recordClientQuoteResponse", // the client's answer on the resolved link's quote (tested below)
  "organizations.createOrganization", // a signed-in user's id
  "team.acceptInvitation", // a signed-in user and an invitation token
  "users.registerAccount",
  "users.createPasswordReset",
  "users.resetPassword",
  "users.updateName",
  "users.updateLanguage",
  "users.changePassword",
  "users.requestEmailChange",
  "users.confirmEmailChange",
]);

const WRITE_VERB = /^(create|update|archive|unarchive|delete|save|reset|ensure|regenerate|revoke|set|send|retry|invite|change|remove|record|issue|void|duplicate|convert|register|accept|confirm|upsert|rotate|queue|claim)[A-Z]/;

describe("the client-link principal", () => {
  it("every exported write of lib/data is in the list below (a new one must join it)", () => {
    const modules = { admin, audit, customers, documents, emailEvents, emailTemplates, items, keyRotation, links, organizations, outbox, reminders, sending, taxRates, team, users };
    const exported = Object.entries(modules).flatMap(([m, mod]) =>
      Object.entries(mod)
        .filter(([name, value]) => typeof value === "function" && WRITE_VERB.test(name))
        .map(([name]) => `${m}.${name}`),
    );
    const unlisted = exported.filter((name) => !(name in writes) && !takesNoPrincipal.has(name));
    expect(unlisted).toEqual([]);
    expect(Object.keys(writes).filter((name) => !exported.includes(name))).toEqual([]);
  });

  it("is refused by every write with FORBIDDEN, and nothing in the database changes", async () => {
    const before = await databaseDigest();
    for (const [name, write] of Object.entries(writes)) {
      const error = await expectAppError(write(), "FORBIDDEN").catch((e: unknown) => {
        throw new Error(`${name}: ${String(e)}`);
      });
      expect(error.message, name).toBe("You don't have permission to do that.");
    }
    expect(await databaseDigest()).toBe(before);
  });

  it("is a type error wherever a Member (every write) is expected", () => {
    // @ts-expect-error a LinkPrincipal has no userId or role: no write accepts it.
    const member: Member = link;
    expect(member).toBe(link);
  });

  it("reads its own document and organisation, and no other document", async () => {
    const loaded = await loadPublicDocument(link);
    expect(loaded?.document.id).toBe(ids.invoice);
    await expectAppError(documents.getDocument(link, ids.otherInvoice), "NOT_FOUND");
    await expectAppError(documents.getDocument(link, ids.quote), "NOT_FOUND");
  });

  it("the client's quote answer changes only the quote its link resolved to", async () => {
    const quoteLink = { orgId: owner.orgId, documentId: ids.quote, linkId: crypto.randomUUID() };
    expect(await documents.recordClientQuoteResponse(quoteLink, "declined")).toMatchObject({ id: ids.quote, status: "declined" });
    // Another organisation's id under this link's organisation is not found.
    const stranger = await createInvoicingOrg(db, "LinkPrincipal-other");
    await expectAppError(documents.recordClientQuoteResponse({ ...quoteLink, orgId: stranger.org.id }, "accepted"), "NOT_FOUND");
  });
});
