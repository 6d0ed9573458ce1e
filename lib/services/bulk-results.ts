/**
 * What a bulk job shows while it runs and once it has finished (the lists' notices poll it), and
 * the ZIP of its PDFs, streamed at download from the PDFs the job prepared.
 */
import "server-only";
import { Zip, ZipPassThrough } from "fflate";
import { type BulkStatus, describeJob } from "@/lib/bulk";
import type { Member } from "@/lib/data/context";
import { countBulkOutcomes, getBulkJob, listBulkOutcomes } from "@/lib/data/bulk-jobs";
import { conflict } from "@/lib/errors";
import { moduleLogger } from "@/lib/logger";
import { pdfFileName } from "@/pdf/file-name";
import { documentPdf } from "./document-pdf";

const log = moduleLogger("bulk");

/** Failures and skips named in a notice; the job's page lists every document. */
const NAMED_PROBLEMS = 5;

export async function bulkJobStatus(member: Member, jobId: string): Promise<BulkStatus & { stalled: boolean }> {
  const job = await getBulkJob(member, jobId);
  const counts = await countBulkOutcomes(member, jobId);
  const finished = job.finishedAt !== null;
  const problems = counts.failed + counts.skipped > 0 ? (await listBulkOutcomes(member, jobId)).filter((o) => o.outcome !== "succeeded") : [];
  return {
    id: job.id,
    kind: job.kind,
    action: job.action,
    total: job.total,
    finished,
    counts,
    summary: describeJob(job.action, job.total, counts, finished),
    problems: problems.slice(0, NAMED_PROBLEMS).map((p) => ({ number: p.number ?? "Draft", customerName: p.customerName, outcome: p.outcome, reason: p.reason ?? "" })),
    moreProblems: Math.max(0, problems.length - NAMED_PROBLEMS),
    zipReady: finished && job.action === "zip" && counts.succeeded > 0,
    // Unfinished with its lease run out: the run was interrupted (the route starts it again).
    stalled: !finished && (job.leaseUntil === null || job.leaseUntil.getTime() < Date.now()),
  };
}

/**
 * The job's own page: its status and every document's outcome. Reached through here so the page,
 * like the lists' notices, reads bulk jobs through this service and not the data layer.
 */
export async function bulkJobPage(member: Member, jobId: string) {
  const { stalled: _stalled, ...status } = await bulkJobStatus(member, jobId);
  return { status, outcomes: await listBulkOutcomes(member, jobId) };
}

/** "INV-0001.pdf"; a second file of the same name (drafts are all "draft.pdf") gets "-2". */
function uniqueName(used: Set<string>, name: string) {
  let candidate = name;
  for (let i = 2; used.has(candidate); i++) candidate = name.replace(/\.pdf$/, `-${i}.pdf`);
  used.add(candidate);
  return candidate;
}

/**
 * The ZIP of a finished "Download PDFs" job: its documents that succeeded, in the job's order,
 * one PDF read (stored bytes for issued documents, a draft rendered) per pull, so memory holds one
 * PDF at a time whatever the job's size. PDFs are already compressed: stored, not deflated again.
 */
export async function bulkZip(member: Member, jobId: string): Promise<{ body: ReadableStream<Uint8Array>; files: number }> {
  const job = await getBulkJob(member, jobId);
  if (job.action !== "zip") throw conflict("This bulk action has no ZIP.");
  if (!job.finishedAt) throw conflict("The PDFs are still being prepared. Try again in a moment.");
  const succeeded = new Set((await listBulkOutcomes(member, jobId)).filter((o) => o.outcome === "succeeded").map((o) => o.documentId));
  const ids = job.documentIds.filter((id) => succeeded.has(id));
  const used = new Set<string>();
  let next = 0;
  let zip: Zip;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((error, chunk, final) => {
        if (error) return controller.error(error);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
    },
    async pull() {
      const id = ids[next++];
      if (id === undefined) return zip.end();
      try {
        const pdf = await documentPdf(member, id);
        if (!pdf) return;
        const file = new ZipPassThrough(uniqueName(used, pdfFileName(pdf.head.number)));
        zip.add(file);
        file.push(new Uint8Array(pdf.bytes.buffer, pdf.bytes.byteOffset, pdf.bytes.byteLength), true);
      } catch (error) {
        log.error({ err: error, jobId, documentId: id }, "a PDF could not be added to the ZIP");
        throw error;
      }
    },
  });
  return { body, files: ids.length };
}
