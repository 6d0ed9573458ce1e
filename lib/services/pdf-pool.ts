import "server-only";
import os from "node:os";
import path from "node:path";
import { Piscina } from "piscina";
import { moduleLogger } from "@/lib/logger";
import { renderDocumentPdfBuffer } from "@/pdf/render";
import type { PdfData } from "@/pdf/types";

/**
 * Renders PDFs in worker threads (piscina), so a 20-page invoice laid out for a few hundred
 * milliseconds never holds up the server's other requests (`npm run bench` measures /health while
 * four render). One worker per core but one, at least one: on two cores, one worker renders while
 * the main thread keeps answering; further renders wait in the pool's queue.
 *
 * If the pool can't start or a worker fails to load (a missing file, a broken install), the PDF is
 * rendered in-process instead — nobody loses a document — and the failure is logged as an error;
 * the pool is tried again after `retryMs`, so a transient fault is not a permanent fallback.
 */
const settings = { workerFile: path.join(process.cwd(), "pdf", "render-worker.mjs"), retryMs: 60_000 };

let pool: Piscina | null = null;
let brokenUntil = 0;
const stats = { pooled: 0, inProcess: 0, failures: 0 };

function getPool(): Piscina | null {
  if (Date.now() < brokenUntil) return null;
  if (!pool) {
    const created = new Piscina({
      filename: settings.workerFile,
      maxThreads: Math.max(1, os.availableParallelism() - 1),
      minThreads: 0,
      // A worker holds React-PDF and the parsed fonts (≈100 MB); let an idle one go.
      idleTimeout: 60_000,
    });
    // A worker that fails outside a task (while loading) is reported here, not to a caller.
    created.on("error", (error: unknown) => {
      if (pool === created) poolFailed(error);
    });
    pool = created;
  }
  return pool;
}

/** A worker failed to start or load: log, stop using the pool for a while, drop it. */
function poolFailed(error: unknown) {
  brokenUntil = Date.now() + settings.retryMs;
  stats.failures++;
  moduleLogger("pdf").error({ err: error, retryInMs: settings.retryMs }, "PDF worker pool failed; rendering in-process until it is retried");
  const broken = pool;
  pool = null;
  void broken?.destroy().catch(() => undefined);
}

/** The document's PDF bytes, rendered in the pool when it runs, else in-process. */
export async function renderPdf(data: PdfData): Promise<Buffer> {
  const workers = getPool();
  if (workers) {
    try {
      const bytes: Uint8Array = await workers.run(data);
      stats.pooled++;
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (error) {
      // A fault in the document itself would fail in-process too; only a pool fault falls back.
      // The pool already replaced: its error event has reported the failure.
      if (pool === workers) {
        if (!isPoolFault(error)) throw error;
        poolFailed(error);
      }
    }
  }
  stats.inProcess++;
  return renderDocumentPdfBuffer(data);
}

/** Errors of the worker machinery (the worker could not be loaded or died), not of the render. */
function isPoolFault(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  return (
    code === "ERR_MODULE_NOT_FOUND" ||
    code === "ERR_WORKER_INIT_FAILED" ||
    code === "ERR_UNKNOWN_FILE_EXTENSION" ||
    /worker|terminated|Cannot find module|Failed to load/i.test(error.message)
  );
}

/** How many renders took each road (tests, diagnostics). */
export function pdfRenderStats(): Readonly<typeof stats> {
  return { ...stats };
}

/** Tests: another worker file (one that fails to load) or retry delay; takes effect with the next pool. */
export async function configurePdfPool(options: Partial<typeof settings>): Promise<void> {
  await closePdfPool();
  Object.assign(settings, options);
  brokenUntil = 0;
}

/** Stops the workers (tests, shutdown). */
export async function closePdfPool(): Promise<void> {
  const running = pool;
  pool = null;
  await running?.destroy();
}
