/**
 * `npm run bench:pdf`: React-PDF render times for 1-, 5-, 10- and 20-page invoices beside the same
 * invoice printed from HTML by a warm headless Chromium (Playwright page.pdf(), Debian's
 * /usr/bin/chromium), and heap over 500 renders. In-memory data, no database. Asserts nothing.
 *
 * - React runs as in production (NODE_ENV=production, set below before React loads): the
 *   development build does extra checks on every element and would not be what users get.
 * - The two engines are timed alternately, one render each in turn, so both see the same machine
 *   load (the machine is shared); compare the ratio, which is measured in the same run. Each timed
 *   render starts after a 20 ms pause, so neither is billed for the other's leftover work.
 * - React-PDF renders as the app does (pdf/render.ts: the section components, DejaVu Sans embedded),
 *   here in-process and timed alone; the app renders in a worker pool (lib/services/pdf-pool.ts).
 * - Heap: `NODE_OPTIONS=--expose-gc` (npm run bench:pdf sets it) gives settled figures.
 * Prints markdown tables, one PASS/FAIL line per target (faster than Chromium at every size; 20 pages
 * under 300 ms; heap flat over the renders), and writes the figures to .bench/pdf.json (git-ignored).
 * `npm run bench:pdf` then runs scripts/bench-pdf-server.ts (PDFs over HTTP).
 *
 * Knobs: BENCH_PDF_PAGES=1,5,10,20  BENCH_PDF_RUNS=40 (1 page; larger sizes take fewer)
 *        BENCH_PDF_MEMORY_RENDERS=500  BENCH_PDF_SKIP_CHROMIUM=1
 */
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

(process.env as Record<string, string | undefined>).NODE_ENV ??= "production";
// Modules that load React are imported after NODE_ENV is set (static imports would be hoisted).
const { chromium } = await import("@playwright/test");
const { documentHtml } = await import("./pdf-html-equivalent");
const { renderDocumentPdfBuffer } = await import("@/pdf/render");
const { sampleDocument, sampleLines } = await import("@/pdf/sample-data");
type PdfData = import("@/pdf/types").PdfData;

const PAGES = (process.env.BENCH_PDF_PAGES ?? "1,5,10,20").split(",").map(Number).filter((n) => n > 0);
const RUNS = Number(process.env.BENCH_PDF_RUNS ?? 40);
const MEMORY_RENDERS = Number(process.env.BENCH_PDF_MEMORY_RENDERS ?? 500);
const SKIP_CHROMIUM = process.env.BENCH_PDF_SKIP_CHROMIUM === "1";
/**
 * A pause before each timed render, so neither engine is billed for the other's leftover work
 * (Chromium's processes finishing a print, Node's concurrent garbage collection) on 2 cores.
 */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const runsFor = (pages: number) => Math.max(8, Math.round(RUNS / Math.sqrt(pages)));

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
const pageCount = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type \/Page\b(?!s)/g) ?? []).length;
const gc = (globalThis as { gc?: () => void }).gc;
const round = (n: number, digits = 1) => Number(n.toFixed(digits));

type Timing = { runs: number; p50: number; p95: number; min: number };
const summary = (samples: number[]): Timing => {
  const s = [...samples].sort((a, b) => a - b);
  return { runs: s.length, p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), min: round(s[0]!) };
};

/** The number of sample lines that makes a `pages`-page invoice (about 36 short lines a page). */
async function invoiceOfPages(pages: number): Promise<PdfData> {
  let lines = Math.max(1, pages * 36 - 28);
  if (pages === 1) return sampleDocument(sampleLines(8));
  for (let attempt = 0; attempt < 8; attempt++) {
    const data = sampleDocument(sampleLines(lines));
    const got = pageCount(await renderDocumentPdfBuffer(data));
    if (got === pages) return data;
    lines = Math.max(1, lines + Math.round(((pages - got) * lines) / Math.max(got, 1) / 2) + (got < pages ? 1 : -1));
  }
  return sampleDocument(sampleLines(lines));
}

const browser = SKIP_CHROMIUM ? null : await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = browser ? await browser.newPage() : null;
const printHtml = async (data: PdfData) => {
  await page!.setContent(documentHtml(data));
  return page!.pdf({ format: "A4", printBackground: true });
};

type Row = { pages: number; lines: number; chromiumPages: number | null; reactPdf: Timing; chromium: Timing | null; ratioP50: number | null; ratioP95: number | null };
const rows: Row[] = [];
try {
  for (const pages of PAGES) {
    const data = await invoiceOfPages(pages);
    const got = pageCount(await renderDocumentPdfBuffer(data));
    const chromiumPages = page ? pageCount(await printHtml(data)) : null;
    const runs = runsFor(pages);
    const react: number[] = [];
    const html: number[] = [];
    // Warm both, then alternate so a burst of load elsewhere hits both engines alike.
    await renderDocumentPdfBuffer(data);
    if (page) await printHtml(data);
    for (let i = 0; i < runs; i++) {
      await settle();
      let start = performance.now();
      await renderDocumentPdfBuffer(data);
      react.push(performance.now() - start);
      if (page) {
        await settle();
        start = performance.now();
        await printHtml(data);
        html.push(performance.now() - start);
      }
    }
    const reactPdf = summary(react);
    const chromiumTiming = page ? summary(html) : null;
    rows.push({
      pages: got,
      lines: data.document.lines.length,
      chromiumPages,
      reactPdf,
      chromium: chromiumTiming,
      ratioP50: chromiumTiming ? round(chromiumTiming.p50 / reactPdf.p50, 2) : null,
      ratioP95: chromiumTiming ? round(chromiumTiming.p95 / reactPdf.p95, 2) : null,
    });
  }
} finally {
  await browser?.close();
}

// Memory: heap after a warm-up, then after MEMORY_RENDERS more renders, with checkpoints so a slow
// leak shows as a trend rather than as one number.
const small = sampleDocument(sampleLines(8));
for (let i = 0; i < 20; i++) await renderDocumentPdfBuffer(small);
gc?.();
const before = process.memoryUsage();
const checkpoints: { renders: number; heapUsedMB: number }[] = [];
for (let i = 1; i <= MEMORY_RENDERS; i++) {
  await renderDocumentPdfBuffer(small);
  if (i % Math.max(1, Math.round(MEMORY_RENDERS / 5)) === 0 || i === MEMORY_RENDERS) {
    gc?.();
    checkpoints.push({ renders: i, heapUsedMB: round(process.memoryUsage().heapUsed / 2 ** 20) });
  }
}
gc?.();
const after = process.memoryUsage();
const memory = {
  renders: MEMORY_RENDERS,
  settled: !!gc,
  heapUsedBeforeMB: round(before.heapUsed / 2 ** 20),
  heapUsedAfterMB: round(after.heapUsed / 2 ** 20),
  heapGrowthMB: round((after.heapUsed - before.heapUsed) / 2 ** 20),
  rssBeforeMB: round(before.rss / 2 ** 20),
  rssAfterMB: round(after.rss / 2 ** 20),
  checkpoints,
};

const machine = { cpu: os.cpus()[0]?.model ?? "cpu", cores: os.cpus().length, node: process.version, loadAverage: os.loadavg().map((l) => round(l, 2)), nodeEnv: process.env.NODE_ENV };
const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 1 });
console.log(`# PDF rendering (${machine.cpu} × ${machine.cores}, Node ${machine.node}, NODE_ENV=${machine.nodeEnv}, load ${machine.loadAverage.join(" ")})\n`);
console.log("| pages | lines | runs | React-PDF p50 ms | p95 ms | Chromium p50 ms | p95 ms | Chromium ÷ React-PDF p50 | p95 |");
console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const r of rows) {
  const c = r.chromium;
  const pagesLabel = r.chromiumPages !== null && r.chromiumPages !== r.pages ? `${r.pages} (Chromium ${r.chromiumPages})` : `${r.pages}`;
  console.log(
    `| ${pagesLabel} | ${r.lines} | ${r.reactPdf.runs} | ${fmt(r.reactPdf.p50)} | ${fmt(r.reactPdf.p95)} | ${c ? fmt(c.p50) : "–"} | ${c ? fmt(c.p95) : "–"} | ${r.ratioP50 ?? "–"}× | ${r.ratioP95 ?? "–"}× |`,
  );
}
console.log(`\nHeap over ${MEMORY_RENDERS} renders of the 1-page invoice${gc ? " (after global.gc())" : " (no --expose-gc: not settled)"}: ${memory.heapUsedBeforeMB} MB → ${memory.heapUsedAfterMB} MB (${memory.heapGrowthMB >= 0 ? "+" : ""}${memory.heapGrowthMB} MB); RSS ${memory.rssBeforeMB} → ${memory.rssAfterMB} MB`);
console.log(`Heap checkpoints: ${checkpoints.map((c) => `${c.renders}: ${c.heapUsedMB} MB`).join(", ")}`);

// Targets, one line each. Heap "flat": the last checkpoint within 5 MB of the first (a leak of the
// old kind, a React root kept per render, grew about 25 MB over 500 renders).
const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");
console.log("");
for (const r of rows) {
  if (r.ratioP50 !== null) console.log(`${verdict(r.ratioP50 > 1)} ${r.pages} page${r.pages === 1 ? "" : "s"}: faster than warm Chromium (p50 ratio > 1×): ${r.ratioP50}×`);
}
const twenty = rows.find((r) => r.pages === 20);
if (twenty) console.log(`${verdict(twenty.reactPdf.p50 < 300)} 20 pages under 300 ms (p50): ${fmt(twenty.reactPdf.p50)} ms`);
const firstCheckpoint = checkpoints[0]?.heapUsedMB ?? memory.heapUsedBeforeMB;
const heapDrift = round(memory.heapUsedAfterMB - firstCheckpoint);
console.log(`${verdict(!!gc && Math.abs(heapDrift) <= 5)} heap flat over ${MEMORY_RENDERS} renders (last checkpoint within 5 MB of the first): ${heapDrift >= 0 ? "+" : ""}${heapDrift} MB${gc ? "" : " (not settled: run with --expose-gc)"}`);

const out = path.join(process.cwd(), ".bench", "pdf.json");
await mkdir(path.dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify({ measuredAt: new Date().toISOString(), machine, sizes: rows, memory }, null, 2)}\n`);
console.log(`\nFigures written to ${path.relative(process.cwd(), out)}`);
