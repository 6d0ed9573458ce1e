/**
 * `npm run bench`: every benchmark, one after another, then one summary.
 *   1. bench:db   list, dashboard and report queries: on DATABASE_URL (seed it first with
 *                 `npm run db:seed -- --invoices 100000`), else on an embedded database seeded here
 *   2. bench:pdf  React-PDF against headless Chromium printing the same invoice; stored vs rendered
 *                 PDFs over HTTP; /health p99 while four 20-page PDFs render (target < 100 ms)
 *   3. bench:http autocannon on /health, a client link page and its PDF (127.0.0.1 only)
 *   4. bench:editor input delay while typing in the invoice editor with 50 lines and its live preview
 *                 (Chromium's Event Timing; starts the production build on its own port)
 * Each prints its own tables and writes .bench/<name>.json; this prints the machine and a summary
 * and writes .bench/bench.json. Figures are printed, never asserted.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";

const machine = {
  cpu: os.cpus()[0]?.model.trim() ?? "unknown CPU",
  cores: os.cpus().length,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  os: `${os.type()} ${os.release()}`,
  loadAverageAtStart: os.loadavg().map((n) => Number(n.toFixed(2))),
};

// Without DATABASE_URL the database benchmark runs on an embedded database of its own, seeded once
// with BENCH_INVOICES invoices (PGlite seeds about 160 invoices a second here; 100,000 take 10 minutes).
const benchEnv: NodeJS.ProcessEnv = { ...process.env };
if (!process.env.DATABASE_URL) {
  const invoices = process.env.BENCH_INVOICES ?? "10000";
  benchEnv.DATA_DIR = process.env.BENCH_DATA_DIR ?? ".data/bench";
  const marker = `${benchEnv.DATA_DIR}/seeded-${invoices}`;
  if (!existsSync(marker) && (process.env.BENCH_ONLY ?? "db").includes("db")) {
    console.log(`\n=== Seeding an embedded database in ${benchEnv.DATA_DIR} with ${invoices} invoices (once)\n`);
    rmSync(benchEnv.DATA_DIR, { recursive: true, force: true });
    const seeded = spawnSync("npm", ["run", "db:seed", "--", "--invoices", invoices], { stdio: "inherit", env: benchEnv });
    if (seeded.status === 0) writeFileSync(marker, "");
  }
}

const steps = (process.env.BENCH_ONLY ?? "db,pdf,http,editor").split(",").map((s) => s.trim());
const outcomes: Record<string, "ok" | "failed" | "skipped"> = {};
for (const step of ["db", "pdf", "http", "editor"]) {
  if (!steps.includes(step)) {
    outcomes[step] = "skipped";
    continue;
  }
  console.log(`\n=== bench:${step}\n`);
  // bench:http starts its own server and database; only the database benchmark uses benchEnv's.
  const result = spawnSync("npm", ["run", `bench:${step}`], { stdio: "inherit", env: step === "db" ? benchEnv : process.env });
  outcomes[step] = result.status === 0 ? "ok" : "failed";
}

type Timing = { p50: number; p95: number };
type DbJson = { database: string; documents: number; results: ({ name: string } & Timing)[] };
type PdfJson = { sizes: { pages: number; lines: number; reactPdf: Timing; chromium: Timing | null; ratioP50: number | null }[]; memory: { renders: number; heapGrowthMB: number } };
type HttpJson = { seconds: number; results: { name: string; path: string; requestsPerSecond: number; p50: number; p99: number; non2xx: number }[] };

const read = (name: string): unknown => (existsSync(`.bench/${name}.json`) ? JSON.parse(readFileSync(`.bench/${name}.json`, "utf8")) : null);
const summary = { measuredAt: new Date().toISOString(), machine, outcomes, db: read("db"), pdf: read("pdf"), pdfServer: read("pdf-server"), http: read("http"), editor: read("editor") };
mkdirSync(".bench", { recursive: true });
writeFileSync(".bench/bench.json", `${JSON.stringify(summary, null, 2)}\n`);

console.log(`\n=== Summary\n\nMachine: ${machine.cpu} × ${machine.cores}, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.os}; load at start ${machine.loadAverageAtStart.join(" / ")}`);
console.log("\n| benchmark | outcome |\n| --- | --- |");
for (const [step, outcome] of Object.entries(outcomes)) console.log(`| bench:${step} | ${outcome} |`);
const db = summary.db as DbJson | null;
if (db && outcomes.db === "ok") {
  console.log(`\nDatabase (${db.database}, ${db.documents} documents)\n\n| query | p50 ms | p95 ms |\n| --- | ---: | ---: |`);
  for (const r of db.results) console.log(`| ${r.name} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} |`);
}
const pdf = summary.pdf as PdfJson | null;
if (pdf && outcomes.pdf === "ok") {
  console.log("\nPDF\n\n| pages (lines) | React-PDF p50 / p95 ms | Chromium p50 / p95 ms | Chromium ÷ React-PDF |\n| --- | ---: | ---: | ---: |");
  for (const r of pdf.sizes) {
    const chromium = r.chromium ? `${r.chromium.p50.toFixed(0)} / ${r.chromium.p95.toFixed(0)}` : "–";
    console.log(`| ${r.pages} (${r.lines}) | ${r.reactPdf.p50.toFixed(0)} / ${r.reactPdf.p95.toFixed(0)} | ${chromium} | ${r.ratioP50 === null ? "–" : `${r.ratioP50}×`} |`);
  }
  console.log(`\nHeap growth over ${pdf.memory.renders} renders: ${pdf.memory.heapGrowthMB} MB`);
}
type PdfServerJson = { cacheRatio: number; cached: { requestsPerSecond: number }; uncached: { requestsPerSecond: number }; healthPool: { p99: number }; healthInProcess: { p99: number } };
const pdfServer = summary.pdfServer as PdfServerJson | null;
if (pdfServer && outcomes.pdf === "ok") {
  const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");
  console.log(`\n${verdict(pdfServer.healthPool.p99 < 100)} /health p99 < 100 ms while four 20-page PDFs render: ${pdfServer.healthPool.p99} ms (in-process rendering: ${pdfServer.healthInProcess.p99} ms)`);
  console.log(`${verdict(pdfServer.cacheRatio >= 10)} stored PDF over HTTP ≥ 10× the uncached rate: ${pdfServer.cacheRatio}× (${pdfServer.cached.requestsPerSecond} vs ${pdfServer.uncached.requestsPerSecond} req/s)`);
}
const http = summary.http as HttpJson | null;
if (http && outcomes.http === "ok") {
  console.log(`\nHTTP (autocannon, ${http.seconds} s each)\n\n| URL | req/s | p50 ms | p99 ms | non-2xx |\n| --- | ---: | ---: | ---: | ---: |`);
  for (const r of http.results) console.log(`| ${r.name} | ${r.requestsPerSecond.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.non2xx} |`);
}
type EditorJson = { lines: number; worstInputDelayMs: number; worstInteractionMs: number; inputDelaysOver50Ms: number };
const editor = summary.editor as EditorJson | null;
if (editor && outcomes.editor === "ok") {
  console.log(`\n${editor.inputDelaysOver50Ms === 0 ? "PASS" : "FAIL"} no input delay over 50 ms typing in the editor with ${editor.lines} lines and its preview: worst ${editor.worstInputDelayMs} ms (key → paint ${editor.worstInteractionMs} ms)`);
}
console.log("\nAll figures: .bench/bench.json (and each benchmark's own tables above).");
if (Object.values(outcomes).includes("failed")) process.exitCode = 1;
