/**
 * Where an issued e-invoice leaves the app: the owner's XML download route (access and kind like
 * the PDF route), the client link's /i/[token]/xml, and the email, which attaches the XML beside
 * the PDF (UBL/CII formats) or the Factur-X PDF carrying it.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db, DbHandle } from "@/db";
import { documentEinvoices, emails } from "@/db/schema";
import { ensureDocumentLink } from "@/lib/data/links";
import { attachedFile } from "@/tests/support/pdf-attachments";
import { germanDraft, germanSetup, updateCustomerRow } from "@/tests/support/german-einvoice";
import { createInvoicingOrg } from "@/tests/support/invoicing";
import { signedIn } from "@/tests/support/request-mocks";
import { createTestDb } from "@/tests/support/test-db";

vi.mock("@/lib/session", () => import("@/tests/support/request-mocks").then((m) => m.sessionModule));

const { einvoiceRoute } = await import("./einvoice-route");
const { issueWithEInvoice } = await import("./einvoice");
const { sendDocument } = await import("./send-document");
const clientXml = (await import("@/app/i/[token]/xml/route")).GET;

let handle: DbHandle;
let db: Db;
let setup: Awaited<ReturnType<typeof germanSetup>>;
let invoice: { id: string; number: string | null };
let xml: string;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  setup = await germanSetup(db, "Einvoice-delivery");
  invoice = await issueWithEInvoice(setup.member, (await germanDraft(db, setup.member, setup)).id);
  xml = (await db.select().from(documentEinvoices).where(eq(documentEinvoices.documentId, invoice.id)))[0]!.xml;
});
afterAll(async () => {
  await handle?.close();
});

const get = (kind: "invoice" | "credit_note", id: string) =>
  einvoiceRoute(kind)(new Request(`http://localhost/x/${id}/einvoice`), { params: Promise.resolve({ id }) });

describe("the owner's e-invoice route", () => {
  it("answers 401 signed out", async () => {
    signedIn.membership = null;
    expect((await get("invoice", invoice.id)).status).toBe(401);
  });

  it("serves the stored XML as an attachment named after the number", async () => {
    signedIn.membership = setup.member;
    const res = await get("invoice", invoice.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${invoice.number}.xml"`);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(await res.text()).toBe(xml);
  });

  it("is a plain 404 for a draft, another kind's route, another organisation, or a document without an e-invoice", async () => {
    signedIn.membership = setup.member;
    const draft = await germanDraft(db, setup.member, setup);
    expect((await get("invoice", draft.id)).status).toBe(404);
    expect((await get("credit_note", invoice.id)).status).toBe(404);
    expect((await get("invoice", "not-a-uuid")).status).toBe(404);
    signedIn.membership = (await createInvoicingOrg(db, "Einvoice-stranger")).member;
    expect((await get("invoice", invoice.id)).status).toBe(404);
  });
});

describe("the client link's XML", () => {
  it("serves the document's XML for its token, and 404 for an unknown token", async () => {
    const token = await ensureDocumentLink(setup.member, invoice.id);
    const res = await clientXml(new Request(`http://localhost/i/${token}/xml`), { params: Promise.resolve({ token }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${invoice.number}.xml"`);
    expect(await res.text()).toBe(xml);
    const unknown = "A".repeat(43);
    expect((await clientXml(new Request(`http://localhost/i/${unknown}/xml`), { params: Promise.resolve({ token: unknown }) })).status).toBe(404);
  });
});

describe("sending", () => {
  it("attaches the XRechnung XML beside the PDF, and alone when the PDF is not attached", async () => {
    await sendDocument(setup.member, invoice.id);
    const [first] = await db.select().from(emails).where(eq(emails.documentId, invoice.id));
    expect(first!.attachments!.map((a) => [a.filename, a.contentType])).toEqual([
      [`${invoice.number}.pdf`, "application/pdf"],
      [`${invoice.number}.xml`, "application/xml"],
    ]);
    expect(Buffer.from(first!.attachments![1]!.contentBase64, "base64").toString("utf8")).toBe(xml);

    const other = await issueWithEInvoice(setup.member, (await germanDraft(db, setup.member, setup)).id);
    await sendDocument(setup.member, other.id, undefined, { attachPdf: false });
    const [second] = await db.select().from(emails).where(eq(emails.documentId, other.id));
    expect(second!.attachments!.map((a) => a.filename)).toEqual([`${other.number}.xml`]);
  });

  it("Factur-X: one attachment, the Factur-X PDF (no separate XML)", async () => {
    await updateCustomerRow(db, setup.org.id, setup.customer.id, { einvoiceFormat: "factur-x" });
    try {
      const fx = await issueWithEInvoice(setup.member, (await germanDraft(db, setup.member, setup)).id);
      await sendDocument(setup.member, fx.id);
      const [email] = await db.select().from(emails).where(eq(emails.documentId, fx.id));
      expect(email!.attachments!.map((a) => a.filename)).toEqual([`${fx.number}.pdf`]);
      const attached = Buffer.from(email!.attachments![0]!.contentBase64, "base64");
      const cii = (await db.select().from(documentEinvoices).where(eq(documentEinvoices.documentId, fx.id)))[0]!.xml;
      expect(await attachedFile(attached, "factur-x.xml")).toBe(cii);
    } finally {
      await updateCustomerRow(db, setup.org.id, setup.customer.id, { einvoiceFormat: null });
    }
  });
});
