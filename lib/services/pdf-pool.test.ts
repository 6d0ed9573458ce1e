/** The worker pool's fallback: a pool that can't load renders in-process, logged, and is tried again. */
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sampleDocument, sampleLines } from "@/pdf/sample-data";
import { pdfText } from "@/pdf/testing";
import { closePdfPool, configurePdfPool, pdfRenderStats, renderPdf } from "./pdf-pool";

const realWorker = path.join(process.cwd(), "pdf", "render-worker.mjs");
afterAll(async () => {
  await configurePdfPool({ workerFile: realWorker, retryMs: 60_000 });
  await closePdfPool();
});

describe("PDF worker pool", () => {
  it("renders in a worker", { timeout: 60_000 }, async () => {
    const before = pdfRenderStats();
    const pdf = await pdfText(await renderPdf(sampleDocument(sampleLines(2, () => "Rendered in a worker"))));
    expect(pdf.text).toContain("Rendered in a worker");
    expect(pdfRenderStats()).toEqual({ ...before, pooled: before.pooled + 1 });
  });

  it("falls back to rendering in-process when the worker can't load, and tries the pool again after the delay", { timeout: 60_000 }, async () => {
    const missing = path.join(process.cwd(), "pdf", "no-such-worker.mjs");
    await configurePdfPool({ workerFile: missing, retryMs: 60_000 });
    const before = pdfRenderStats();
    const pdf = await pdfText(await renderPdf(sampleDocument(sampleLines(1, () => "Nobody loses a PDF"))));
    expect(pdf.text).toContain("Nobody loses a PDF");
    expect(pdfRenderStats()).toEqual({ pooled: before.pooled, inProcess: before.inProcess + 1, failures: before.failures + 1 });
    // Within the delay: in-process, without trying the broken pool again.
    await renderPdf(sampleDocument(sampleLines(1)));
    expect(pdfRenderStats()).toEqual({ pooled: before.pooled, inProcess: before.inProcess + 2, failures: before.failures + 1 });
    // With no delay, every render tries the pool again (and logs its failure again).
    await configurePdfPool({ workerFile: missing, retryMs: 0 });
    await renderPdf(sampleDocument(sampleLines(1)));
    await renderPdf(sampleDocument(sampleLines(1)));
    expect(pdfRenderStats()).toEqual({ pooled: before.pooled, inProcess: before.inProcess + 4, failures: before.failures + 3 });
    // Once the worker loads again, the pool renders.
    await configurePdfPool({ workerFile: realWorker, retryMs: 0 });
    await renderPdf(sampleDocument(sampleLines(1)));
    expect(pdfRenderStats()).toEqual({ pooled: before.pooled + 1, inProcess: before.inProcess + 4, failures: before.failures + 3 });
  });
});
