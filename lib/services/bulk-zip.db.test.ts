/**
 * Issue 19 §4, "Download PDFs (ZIP)": the job prepares each document's PDF, the download streams
 * one ZIP of them named by number (a draft rendered, never stored), and only for the organisation.
 */
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import type { Member } from "@/lib/data/context";
import { deleteDraft, saveDraft } from "@/lib/data/documents/drafts";
import { issueDocument } from "@/lib/data/documents/lifecycle";
import { pdfText } from "@/pdf/testing";
import { expectAppError } from "@/tests/support/accounts";
import { createCustomer, createInvoicingOrg, draftInput } from "@/tests/support/invoicing";
import { createTestDb } from "@/tests/support/test-db";
import { runBulkJob, startBulkJob } from "./bulk-jobs";
import { bulkJobStatus, bulkZip } from "./bulk-results";

let handle: DbHandle;
let db: Db;
let member: Member;
let other: Member;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  ({ member } = await createInvoicingOrg(db, "Bulk zip"));
  ({ member: other } = await createInvoicingOrg(db, "Bulk zip other"));
  // A fresh database and two organisations: slow on a shared 2-core machine.
}, 180_000);
afterAll(async () => {
  await handle?.close();
});

async function readAll(stream: ReadableStream<Uint8Array>) {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe("bulk ZIP", () => {
  it("holds one PDF per document, named by number, a draft as draft.pdf; refuses before the job has finished and to another organisation", { timeout: 120_000 }, async () => {
    const customer = await createCustomer(db, member.orgId);
    const a = await issueDocument(member, (await saveDraft(member, draftInput(customer.id, { description: "Alpha work", unitPrice: 10_000 }))).id);
    const b = await issueDocument(member, (await saveDraft(member, draftInput(customer.id, { description: "Beta work", unitPrice: 20_000 }))).id);
    const draft = await saveDraft(member, draftInput(customer.id, { description: "Gamma draft", unitPrice: 30_000 }));

    const job = await startBulkJob(member, { kind: "invoice", action: "zip", selection: { ids: [a.id, b.id, draft.id] } });
    await expectAppError(bulkZip(member, job.id), "CONFLICT");
    await runBulkJob(job.id);
    expect(await bulkJobStatus(member, job.id)).toMatchObject({ finished: true, zipReady: true, summary: "PDF download finished: 3 ready" });

    const { body, files } = await bulkZip(member, job.id);
    expect(files).toBe(3);
    const entries = unzipSync(await readAll(body));
    expect(Object.keys(entries)).toEqual([`${a.number}.pdf`, `${b.number}.pdf`, "draft.pdf"]);
    expect((await pdfText(Buffer.from(entries[`${b.number}.pdf`]!))).text).toContain("Beta work");
    expect((await pdfText(Buffer.from(entries["draft.pdf"]!))).text).toContain("Gamma draft");

    await expectAppError(bulkZip(other, job.id), "NOT_FOUND");
  });

  it("a draft deleted while its ZIP downloads is left out; the download still ends", { timeout: 90_000 }, async () => {
    const customer = await createCustomer(db, member.orgId);
    const a = await issueDocument(member, (await saveDraft(member, draftInput(customer.id, { description: "Kept work", unitPrice: 10_000 }))).id);
    const draft = await saveDraft(member, draftInput(customer.id, { description: "Deleted draft", unitPrice: 30_000 }));
    const job = await startBulkJob(member, { kind: "invoice", action: "zip", selection: { ids: [a.id, draft.id] } });
    await runBulkJob(job.id);

    const { body } = await bulkZip(member, job.id);
    // The download has its list of documents; the draft goes before its PDF is read.
    await deleteDraft(member, draft.id);
    const entries = unzipSync(await readAll(body));
    expect(Object.keys(entries)).toEqual([`${a.number}.pdf`]);
  });
});
