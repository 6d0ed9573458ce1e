/** The PDF route handlers: access (401/404), kind checks, headers and the streamed body. */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db, DbHandle } from "@/db";
import type { Member } from "@/lib/data/context";
import { saveDraft } from "@/lib/data/documents/drafts";
import { issueDocument } from "@/lib/data/documents/lifecycle";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { signedIn } from "@/tests/support/request-mocks";
import { createTestDb } from "@/tests/support/test-db";

vi.mock("@/lib/session", () => import("@/tests/support/request-mocks").then((m) => m.sessionModule));

const { pdfRoute } = await import("./pdf-route");

let handle: DbHandle;
let db: Db;
let member: Member;
let invoiceId: string;
let invoiceNumber: string;
let draftId: string;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  ({ member } = await createInvoicingOrg(db, "PdfRoute"));
  const customer = await createCustomer(db, member.orgId);
  const draft = await saveDraft(member, draftInput(customer.id, { description: "Routed" }));
  invoiceNumber = (await issueDocument(member, draft.id)).number!;
  invoiceId = draft.id;
  draftId = (await saveDraft(member, draftInput(customer.id, { description: "Still a draft" }))).id;
});
afterAll(async () => {
  await handle?.close();
});

const get = (kind: Parameters<typeof pdfRoute>[0], id: string, query = "") =>
  pdfRoute(kind)(new Request(`http://localhost/x/${id}/pdf${query}`), { params: Promise.resolve({ id }) });

describe("PDF routes", () => {
  it("answers 401 when signed out", async () => {
    signedIn.membership = null;
    expect((await get("invoice", invoiceId)).status).toBe(401);
  });

  it("streams the invoice inline with private, no-store caching", async () => {
    signedIn.membership = member;
    const res = await get("invoice", invoiceId);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(`inline; filename="${invoiceNumber}.pdf"`);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("offers a download with ?download=1 and names drafts draft.pdf", async () => {
    signedIn.membership = member;
    expect((await get("invoice", invoiceId, "?download=1")).headers.get("content-disposition")).toBe(`attachment; filename="${invoiceNumber}.pdf"`);
    const draft = await get("invoice", draftId);
    expect(draft.headers.get("content-disposition")).toBe('inline; filename="draft.pdf"');
    await draft.arrayBuffer();
  });

  it("answers a bare 404 for malformed ids, unknown ids, other kinds and other organisations", async () => {
    signedIn.membership = member;
    for (const res of [await get("invoice", "not-a-uuid"), await get("invoice", "00000000-0000-4000-8000-000000000000"), await get("quote", invoiceId), await get("credit_note", invoiceId)]) {
      expect(res.status).toBe(404);
      expect(await res.text()).toBe("Not found");
    }
    const { member: stranger } = await createInvoicingOrg(db, "PdfRouteStranger");
    signedIn.membership = stranger;
    expect((await get("invoice", invoiceId)).status).toBe(404);
  });
});
