/**
 * Stored PDFs of issued documents: the second fetch is served from the database without
 * rendering, drafts are never stored, and voiding, crediting or new branding make a new PDF.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { organizationLogos, organizations, pdfCache } from "@/db/schema";
import { createKeyring } from "@/lib/crypto";
import { activeKeyring, setActiveKeyring } from "@/lib/crypto/keyring";
import type { Member } from "@/lib/data/context";
import { unsafeRotateEncryptedFields } from "@/lib/data/key-rotation";
import { env } from "@/lib/env";
import { saveDraft } from "@/lib/data/documents/drafts";
import { issueDocument, voidDocument } from "@/lib/data/documents/lifecycle";
import { listCachedPdfVersions } from "@/lib/data/pdf-cache";
import { pdfText } from "@/pdf/testing";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import { documentPdf } from "./document-pdf";
import { closePdfPool, pdfRenderStats } from "./pdf-pool";

let handle: DbHandle;
let db: Db;
let member: Member;
let other: Member;
let customerId: string;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  ({ member } = await createInvoicingOrg(db, "PdfCache"));
  ({ member: other } = await createInvoicingOrg(db, "PdfCacheOther"));
  customerId = (await createCustomer(db, member.orgId, { name: "Cached Customer" })).id;
});
afterAll(async () => {
  await closePdfPool();
  await handle?.close();
});

const renders = () => pdfRenderStats().pooled + pdfRenderStats().inProcess;

async function issued(description: string) {
  const draft = await saveDraft(member, draftInput(customerId, { description }));
  await issueDocument(member, draft.id);
  return draft.id;
}

describe("stored PDFs", () => {
  it("renders an issued document once, then serves the same bytes from the database", { timeout: 60_000 }, async () => {
    const id = await issued("Cached once");
    const before = renders();
    const first = (await documentPdf(member, id))!;
    expect(first.cached).toBe(false);
    expect(renders()).toBe(before + 1);
    expect(await listCachedPdfVersions(member, id)).toHaveLength(1);
    const second = (await documentPdf(member, id))!;
    expect(second.cached).toBe(true);
    expect(renders()).toBe(before + 1);
    expect(second.bytes.equals(first.bytes)).toBe(true);
    expect((await pdfText(second.bytes)).text).toContain("Cached once");
  });

  it("renders the pool's way: in a worker, not in-process", { timeout: 60_000 }, async () => {
    const { pooled, inProcess, failures } = pdfRenderStats();
    await documentPdf(member, await issued("Rendered by a worker"));
    expect(pdfRenderStats()).toEqual({ pooled: pooled + 1, inProcess, failures });
  });

  it("never stores a draft: every fetch renders it afresh", { timeout: 60_000 }, async () => {
    const draft = await saveDraft(member, draftInput(customerId, { description: "Draft, not stored" }));
    const before = renders();
    expect((await documentPdf(member, draft.id))!.cached).toBe(false);
    expect((await documentPdf(member, draft.id))!.cached).toBe(false);
    expect(renders()).toBe(before + 2);
    expect(await listCachedPdfVersions(member, draft.id)).toEqual([]);
  });

  it("makes a new PDF once the document is voided, replacing the stored one", { timeout: 60_000 }, async () => {
    const id = await issued("Voided later");
    await documentPdf(member, id);
    const [version] = await listCachedPdfVersions(member, id);
    await voidDocument(member, id, "Wrong customer");
    const voided = (await documentPdf(member, id))!;
    expect(voided.cached).toBe(false);
    expect((await pdfText(voided.bytes)).text).toContain("Wrong customer");
    const versions = await listCachedPdfVersions(member, id);
    expect(versions).toHaveLength(1);
    expect(versions[0]).not.toBe(version);
    expect((await documentPdf(member, id))!.cached).toBe(true);
  });

  it("makes a new PDF when the organisation's branding or logo changes", { timeout: 60_000 }, async () => {
    const id = await issued("Rebranded");
    const original = (await documentPdf(member, id))!;
    expect((await documentPdf(member, id))!.cached).toBe(true);
    await db.update(organizations).set({ brandColor: "#15803d" }).where(eq(organizations.id, member.orgId));
    const recoloured = (await documentPdf(member, id))!;
    expect(recoloured.cached).toBe(false);
    // The title is drawn in the brand colour: 0.082 0.502 0.239 (#15803d) instead of the default blue.
    expect(recoloured.bytes.equals(original.bytes)).toBe(false);
    expect((await documentPdf(member, id))!.cached).toBe(true);
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
    await db.insert(organizationLogos).values({ orgId: member.orgId, contentType: "image/png", bytes: png });
    const withLogo = (await documentPdf(member, id))!;
    expect(withLogo.cached).toBe(false);
    expect(withLogo.bytes.toString("latin1")).toContain("/Subtype /Image");
    // One row per document, whatever the number of versions it went through.
    expect(await listCachedPdfVersions(member, id)).toHaveLength(1);
  });

  it("stores the bytes encrypted (the PDF prints tax ids and bank details, which are encrypted at rest)", async () => {
    const id = await issued("Sealed at rest");
    const pdf = (await documentPdf(member, id))!;
    const [row] = await db.select().from(pdfCache).where(eq(pdfCache.documentId, id));
    expect(row!.sealed).toMatch(/^v\d+:[A-Za-z0-9_-]+$/);
    expect(row!.sealed).not.toContain(pdf.bytes.subarray(0, 64).toString("base64").slice(0, 20));
    expect(row!.size).toBe(pdf.bytes.length);
    // A sealed PDF moved to another document's row does not open there: rendered again instead.
    const otherId = await issued("Another");
    await documentPdf(member, otherId);
    await db.update(pdfCache).set({ sealed: row!.sealed }).where(eq(pdfCache.documentId, otherId));
    const other = (await documentPdf(member, otherId))!;
    expect(other.cached).toBe(false);
    expect((await pdfText(other.bytes)).text).toContain("Another");
  });

  it("moves stored PDFs to a new key with `keys:rotate`, and serves them from the database once the old key is gone", { timeout: 60_000 }, async () => {
    const id = await issued("Rotated with the keys");
    const first = (await documentPdf(member, id))!;
    // Another stored PDF, damaged: rotation drops it (it is made again on demand) instead of failing.
    const damagedId = await issued("Damaged in storage");
    await documentPdf(member, damagedId);
    await db.update(pdfCache).set({ sealed: "v1:AAAA" }).where(eq(pdfCache.documentId, damagedId));
    const v1 = activeKeyring();
    const secret = randomBytes(32).toString("hex");
    try {
      setActiveKeyring(createKeyring({ current: { version: 2, secret }, previous: [{ version: 1, secret: env.ENCRYPTION_KEY }], salt: env.ENCRYPTION_SALT }));
      const report = await unsafeRotateEncryptedFields();
      expect(report.find((r) => r.field === "pdf_cache.sealed")).toMatchObject({ failed: [], dropped: 1 });
      expect(await db.select().from(pdfCache).where(eq(pdfCache.documentId, damagedId))).toEqual([]);
      const [row] = await db.select({ sealed: pdfCache.sealed }).from(pdfCache).where(eq(pdfCache.documentId, id));
      expect(row!.sealed).toMatch(/^v2:/);
      // Version 1 retired: the stored bytes still open, nothing is rendered again.
      setActiveKeyring(createKeyring({ current: { version: 2, secret }, salt: env.ENCRYPTION_SALT }));
      const before = renders();
      const again = (await documentPdf(member, id))!;
      expect(again.cached).toBe(true);
      expect(renders()).toBe(before);
      expect(again.bytes.equals(first.bytes)).toBe(true);
      expect((await pdfText((await documentPdf(member, damagedId))!.bytes)).text).toContain("Damaged in storage");
    } finally {
      setActiveKeyring(createKeyring({ current: { version: 1, secret: env.ENCRYPTION_KEY }, previous: [{ version: 2, secret }], salt: env.ENCRYPTION_SALT }));
      await unsafeRotateEncryptedFields();
      setActiveKeyring(v1);
    }
  });

  it("keeps stored PDFs within their organisation", async () => {
    const id = await issued("Not yours");
    await documentPdf(member, id);
    expect(await listCachedPdfVersions(other, id)).toEqual([]);
    expect(await documentPdf(other, id)).toBeNull();
    const rows = await db.select({ orgId: pdfCache.orgId }).from(pdfCache);
    expect(rows.every((r) => r.orgId === member.orgId)).toBe(true);
  });
});
