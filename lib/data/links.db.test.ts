/**
 * Client links (/i/<token>): stable, stored only as a SHA-256, resolvable until regenerated or
 * revoked; and the first view by someone outside the organisation marks an invoice "viewed".
 */
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle, Executor } from "@/db";
import { type Customer, documentEvents, documentLinks, documents } from "@/db/schema";
import { createUser, expectAppError } from "@/tests/support/accounts";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import type { Member } from "./context";
import { saveDraft } from "./documents/drafts";
import { issueDocument } from "./documents/lifecycle";
import { recordPayment } from "./documents/payments";
import { ensureDocumentLink, getDocumentLink, recordLinkView, regenerateDocumentLink, revokeDocumentLink, unsafeResolveDocumentLink } from "./links";

let handle: DbHandle;
let db: Db;
let owner: Member;
let member: Member;
let other: Member;
let customer: Customer;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  ({ owner, member } = await createInvoicingOrg(db, "Links"));
  ({ owner: other } = await createInvoicingOrg(db, "Links-other"));
  customer = await createCustomer(db, member.orgId);
});
afterAll(async () => {
  await handle?.close();
});

async function issuedInvoice() {
  const draft = await saveDraft(member, draftInput(customer.id, {}));
  return issueDocument(member, draft.id);
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const linksOf = (documentId: string) => db.select().from(documentLinks).where(eq(documentLinks.documentId, documentId));
const eventsOf = (documentId: string, type: string) =>
  db.select().from(documentEvents).where(and(eq(documentEvents.documentId, documentId), eq(documentEvents.type, type)));
const docRow = async (id: string) => (await db.select().from(documents).where(eq(documents.id, id)))[0]!;

/** An executor that fails the test if anything touches the database. */
const noDatabase = new Proxy(
  {},
  {
    get(_target, prop) {
      throw new Error(`the database was used (${String(prop)})`);
    },
  },
) as Executor;

describe("document links", () => {
  it("ensureDocumentLink is stable and the database holds only the token's SHA-256", async () => {
    const invoice = await issuedInvoice();
    expect(await getDocumentLink(member, invoice.id)).toBeNull();

    const token = await ensureDocumentLink(member, invoice.id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await ensureDocumentLink(member, invoice.id)).toBe(token);
    expect(await ensureDocumentLink(owner, invoice.id)).toBe(token);
    expect(await getDocumentLink(member, invoice.id)).toBe(token);

    const rows = await linksOf(invoice.id);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.tokenHash).toBe(sha256(token));
    expect(row.tokenHash).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row).toMatchObject({ orgId: member.orgId, revokedAt: null, lastViewedAt: null });

    expect(await unsafeResolveDocumentLink(token)).toEqual({ orgId: member.orgId, documentId: invoice.id, linkId: row.id });
    // The stored hash is not itself a credential.
    expect(await unsafeResolveDocumentLink(row.tokenHash.slice(0, 43))).toBeNull();
  });

  it("answers null for a malformed token without querying", async () => {
    for (const bad of ["", "short", "a".repeat(42), "a".repeat(44), `${"a".repeat(42)}!`, `${"a".repeat(42)}=`, `${"a".repeat(42)}/`, `${"a".repeat(42)}+`, ` ${"a".repeat(42)}`, `${"a".repeat(43)}\n`]) {
      expect(await unsafeResolveDocumentLink(bad, noDatabase), JSON.stringify(bad)).toBeNull();
    }
    // A well-formed but unknown token does query, and finds nothing.
    expect(await unsafeResolveDocumentLink("A".repeat(43))).toBeNull();
  });

  it("regenerate revokes the old token, issues a working new one and records it on the timeline", async () => {
    const invoice = await issuedInvoice();
    const old = await ensureDocumentLink(member, invoice.id);
    const fresh = await regenerateDocumentLink(member, invoice.id);

    expect(fresh).not.toBe(old);
    expect(fresh).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await unsafeResolveDocumentLink(old)).toBeNull();
    expect(await unsafeResolveDocumentLink(fresh)).toMatchObject({ orgId: member.orgId, documentId: invoice.id });
    expect(await getDocumentLink(member, invoice.id)).toBe(fresh);
    expect(await ensureDocumentLink(member, invoice.id)).toBe(fresh);

    const rows = await linksOf(invoice.id);
    expect(rows).toHaveLength(2);
    expect(rows.filter((r) => r.revokedAt === null)).toHaveLength(1);
    const events = await eventsOf(invoice.id, "link_regenerated");
    expect(events).toHaveLength(1);
    expect(events[0]!.actorUserId).toBe(member.userId);
  });

  it("regenerate works when there was no link yet, and refuses another organisation's document", async () => {
    const invoice = await issuedInvoice();
    const token = await regenerateDocumentLink(member, invoice.id);
    expect(await unsafeResolveDocumentLink(token)).toMatchObject({ documentId: invoice.id });

    await expectAppError(regenerateDocumentLink(other, invoice.id), "NOT_FOUND");
    expect(await unsafeResolveDocumentLink(token)).not.toBeNull();
    // Another organisation's document is "not found", never "revoked", and its link keeps working.
    await expectAppError(revokeDocumentLink(other, invoice.id), "NOT_FOUND");
    expect(await unsafeResolveDocumentLink(token)).not.toBeNull();
    expect(await eventsOf(invoice.id, "link_revoked")).toHaveLength(0);
    await expectAppError(revokeDocumentLink(other, crypto.randomUUID()), "NOT_FOUND");
    expect(await getDocumentLink(other, invoice.id)).toBeNull();
  });

  it("revoke makes the token resolve to null, once, with a timeline event", async () => {
    const invoice = await issuedInvoice();
    const token = await ensureDocumentLink(member, invoice.id);
    await revokeDocumentLink(member, invoice.id);

    expect(await unsafeResolveDocumentLink(token)).toBeNull();
    expect(await getDocumentLink(member, invoice.id)).toBeNull();
    expect(await eventsOf(invoice.id, "link_revoked")).toHaveLength(1);

    // Revoking again is a no-op without a second event.
    await revokeDocumentLink(member, invoice.id);
    expect(await eventsOf(invoice.id, "link_revoked")).toHaveLength(1);

    // A later send gets a brand-new link; the revoked one stays dead.
    const next = await ensureDocumentLink(member, invoice.id);
    expect(next).not.toBe(token);
    expect(await unsafeResolveDocumentLink(token)).toBeNull();
  });
});

describe("recordLinkView", () => {
  async function resolved(invoiceId: string) {
    const link = await unsafeResolveDocumentLink(await ensureDocumentLink(member, invoiceId));
    expect(link).not.toBeNull();
    return link!;
  }

  it("the first view by a non-member marks an issued invoice viewed, once", async () => {
    const invoice = await issuedInvoice();
    const link = await resolved(invoice.id);

    expect(await recordLinkView(link, null)).toBe(true);
    const after = await docRow(invoice.id);
    expect(after.status).toBe("viewed");
    expect(after.viewedAt).toBeInstanceOf(Date);
    const events = await eventsOf(invoice.id, "viewed");
    expect(events).toHaveLength(1);
    expect(events[0]!.actorUserId).toBeNull();
    expect((await linksOf(invoice.id))[0]!.lastViewedAt).toBeInstanceOf(Date);

    expect(await recordLinkView(link, null)).toBe(false);
    expect(await eventsOf(invoice.id, "viewed")).toHaveLength(1);
    expect((await docRow(invoice.id)).viewedAt?.getTime()).toBe(after.viewedAt!.getTime());
  });

  it("marks a sent invoice viewed, also when the viewer is signed in to another organisation", async () => {
    const invoice = await issuedInvoice();
    await db.update(documents).set({ status: "sent", sentAt: new Date() }).where(eq(documents.id, invoice.id));
    const link = await resolved(invoice.id);
    const stranger = await createUser(db, "links-stranger");

    expect(await recordLinkView(link, other.userId)).toBe(true);
    expect((await docRow(invoice.id)).status).toBe("viewed");
    expect(await recordLinkView(link, stranger.id)).toBe(false);
    expect(await eventsOf(invoice.id, "viewed")).toHaveLength(1);
  });

  it("records the first view of a part-paid invoice without undoing its payment status", async () => {
    const invoice = await issuedInvoice();
    await recordPayment(member, invoice.id, { paidOn: invoice.issueDate, amount: 1, method: "cash" });
    const link = await resolved(invoice.id);

    expect(await recordLinkView(link, null)).toBe(true);
    const after = await docRow(invoice.id);
    expect(after.status).toBe("partially_paid");
    expect(after.viewedAt).toBeInstanceOf(Date);
    expect(await eventsOf(invoice.id, "viewed")).toHaveLength(1);
  });

  it("a view by a member of the organisation doesn't count", async () => {
    const invoice = await issuedInvoice();
    const link = await resolved(invoice.id);

    expect(await recordLinkView(link, member.userId)).toBe(false);
    expect(await recordLinkView(link, owner.userId)).toBe(false);
    const after = await docRow(invoice.id);
    expect(after.status).toBe("issued");
    expect(after.viewedAt).toBeNull();
    expect(await eventsOf(invoice.id, "viewed")).toHaveLength(0);
    expect((await linksOf(invoice.id))[0]!.lastViewedAt).toBeNull();

    // The client's own view afterwards still counts.
    expect(await recordLinkView(link, null)).toBe(true);
    expect((await docRow(invoice.id)).status).toBe("viewed");
  });

  it("records the first view of a paid invoice and keeps it paid", async () => {
    const invoice = await issuedInvoice();
    await recordPayment(member, invoice.id, { paidOn: "2026-03-15", amount: invoice.total, method: "bank_transfer" });
    expect((await docRow(invoice.id)).status).toBe("paid");
    const link = await resolved(invoice.id);

    expect(await recordLinkView(link, null)).toBe(true);
    const after = await docRow(invoice.id);
    expect(after.status).toBe("paid");
    expect(after.viewedAt).toBeInstanceOf(Date);
    expect(await eventsOf(invoice.id, "viewed")).toHaveLength(1);
    expect(await recordLinkView(link, null)).toBe(false);
  });
});
