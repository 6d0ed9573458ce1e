/**
 * `tsx --tsconfig tsconfig.scripts.json scripts/bench-pdf.ts` (add `node --expose-gc` via
 * NODE_OPTIONS=--expose-gc for settled memory figures): React-PDF render times for a 1-page and a
 * 20-page invoice, the same invoice printed from HTML by a warm Chromium, and memory over 500
 * renders. In-memory data, no database. Prints a markdown table; asserts nothing.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { chromium } from "@playwright/test";
import { documentHtml } from "@/pdf/html-equivalent";
import { renderDocumentPdfBuffer } from "@/pdf/render";
import { sampleDocument, sampleLines } from "@/pdf/sample-data";
import type { PdfData } from "@/pdf/types";

const RUNS_SMALL = Number(process.env.BENCH_PDF_RUNS_SMALL ?? 50);
const RUNS_LARGE = Number(process.env.BENCH_PDF_RUNS_LARGE ?? 20);
const MEMORY_RENDERS = Number(process.env.BENCH_PDF_MEMORY_RENDERS ?? 500);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const pageCount = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type \/Page\b(?!s)/g) ?? []).length;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const gc = (globalThis as { gc?: () => void }).gc;

async function time(runs: number, fn: () => Promise<unknown>) {
  await fn(); // warm
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

/** The number of sample lines that makes a `pages`-page invoice (about 36 short lines a page). */
async function invoiceOfPages(pages: number): Promise<PdfData> {
  let lines = pages * 36;
  for (let attempt = 0; attempt < 6; attempt++) {
    const data = sampleDocument(sampleLines(lines));
    const got = pageCount(await renderDocumentPdfBuffer(data));
    if (got === pages) return data;
    lines = Math.max(1, lines + Math.round(((pages - got) * lines) / Math.max(got, 1) / 2) + (got < pages ? 1 : -1));
  }
  return sampleDocument(sampleLines(lines));
}

const small = sampleDocument(sampleLines(8));
const large = await invoiceOfPages(20);
const smallPages = pageCount(await renderDocumentPdfBuffer(small));
const largePages = pageCount(await renderDocumentPdfBuffer(large));

const reactPdf = {
  small: await time(RUNS_SMALL, () => renderDocumentPdfBuffer(small)),
  large: await time(RUNS_LARGE, () => renderDocumentPdfBuffer(large)),
};

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
let html: { small: { p50: number; p95: number }; large: { p50: number; p95: number } };
let htmlPages: { small: number; large: number };
try {
  const page = await browser.newPage();
  const print = async (data: PdfData) => {
    await page.setContent(documentHtml(data));
    return page.pdf({ format: "A4", printBackground: true });
  };
  htmlPages = { small: pageCount(await print(small)), large: pageCount(await print(large)) };
  html = { small: await time(RUNS_SMALL, () => print(small)), large: await time(RUNS_LARGE, () => print(large)) };
} finally {
  await browser.close();
}

gc?.();
const before = process.memoryUsage();
for (let i = 0; i < MEMORY_RENDERS; i++) await renderDocumentPdfBuffer(small);
gc?.();
const after = process.memoryUsage();

const f = (ms: number) => ms.toFixed(1);
console.log(`# PDF rendering (${os.cpus()[0]?.model ?? "cpu"} × ${os.cpus().length}, Node ${process.version})\n`);
console.log("| invoice | engine | pages | runs | p50 ms | p95 ms | Chromium / React-PDF (p50) |");
console.log("|---|---|---:|---:|---:|---:|---:|");
for (const [name, runs] of [["small", RUNS_SMALL], ["large", RUNS_LARGE]] as const) {
  const lines = (name === "small" ? small : large).document.lines.length;
  console.log(`| ${lines} lines | React-PDF | ${name === "small" ? smallPages : largePages} | ${runs} | ${f(reactPdf[name].p50)} | ${f(reactPdf[name].p95)} | |`);
  console.log(`| ${lines} lines | Chromium page.pdf (warm) | ${htmlPages[name]} | ${runs} | ${f(html[name].p50)} | ${f(html[name].p95)} | ${(html[name].p50 / reactPdf[name].p50).toFixed(2)}× |`);
}
console.log(`\n| memory, ${MEMORY_RENDERS} renders of the ${smallPages}-page invoice${gc ? " (after global.gc)" : " (no --expose-gc: not settled)"} | before | after | delta |`);
console.log("|---|---:|---:|---:|");
console.log(`| RSS | ${mb(before.rss)} | ${mb(after.rss)} | ${mb(after.rss - before.rss)} |`);
console.log(`| heapUsed | ${mb(before.heapUsed)} | ${mb(after.heapUsed)} | ${mb(after.heapUsed - before.heapUsed)} |`);
