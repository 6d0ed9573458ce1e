/**
 * Run by `npm run bench:pdf` after scripts/bench-pdf.ts: the app's PDF services behind a plain
 * Node HTTP server on 127.0.0.1 (this process, an embedded database; not the Next build):
 *   1. a stored (cached) issued invoice's PDF against the same PDF rendered on every request
 *      (autocannon, requests per second; target: cached ≥ 10× uncached);
 *   2. /health's p99 while four 20-page PDFs render at once, again and again — rendered by the
 *      worker pool as the app does (target < 100 ms), and, for comparison, in-process (which
 *      blocks the event loop for each render's layout).
 * Prints one PASS/FAIL line per target and writes .bench/pdf-server.json.
 * Knobs: BENCH_PDF_HTTP_SECONDS=10
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";

const env = process.env as Record<string, string | undefined>;
env.NODE_ENV ??= "production";
env.SECRET_KEY ||= randomBytes(32).toString("hex");
env.ENCRYPTION_SALT ||= randomBytes(16).toString("hex");
env.LOG_LEVEL ??= "warn";
const seconds = Number(env.BENCH_PDF_HTTP_SECONDS ?? 10);

const [{ openPglite, migrateHandle }, schema, { createOrganization }, { sealCustomer }, { saveDraft }, { issueDocument }, services, pool, render, samples] = await Promise.all([
  import("@/db"),
  import("@/db/schema"),
  import("@/lib/data/organizations"),
  import("@/lib/data/encrypted-fields"),
  import("@/lib/data/documents/drafts"),
  import("@/lib/data/documents/lifecycle"),
  import("@/lib/services/document-pdf"),
  import("@/lib/services/pdf-pool"),
  import("@/pdf/render"),
  import("@/pdf/sample-data"),
]);

// One organisation, one customer, one issued 1-page invoice (8 lines).
const handle = await openPglite();
await migrateHandle(handle);
const db = handle.db;
const [user] = await db.insert(schema.users).values({ name: "Bench", email: "bench@example.test", passwordHash: "$argon2id$not-a-real-hash" }).returning();
const org = await createOrganization(user!.id, "Northwind Studio", undefined, db);
const member = { userId: user!.id, orgId: org.id, role: "owner" as const };
const customerId = crypto.randomUUID();
const customer: typeof schema.customers.$inferInsert = { id: customerId, orgId: org.id, name: "Acme Corporation", email: "billing@acme.test", country: "DE" };
await db.insert(schema.customers).values(sealCustomer(customerId, customer) as typeof customer);
const draft = await saveDraft(member, {
  kind: "invoice",
  customerId,
  currency: "EUR",
  issueDate: "2026-03-10",
  dueDate: null,
  lines: Array.from({ length: 8 }, (_, i) => ({ description: `Design workshop ${i + 1}`, quantityE4: 20_000, unitPrice: 12_500, taxRateIds: [] })),
}, db);
await issueDocument(member, draft.id, undefined, db);
const twentyPages = samples.sampleDocument(samples.sampleLines(731));

let inProcess = false;
async function handler(req: IncomingMessage, res: ServerResponse) {
  const send = (bytes: Buffer) => res.writeHead(200, { "Content-Type": "application/pdf", "Content-Length": bytes.length }).end(bytes);
  if (req.url === "/health") return res.writeHead(200, { "Content-Type": "text/plain" }).end("ok");
  if (req.url === "/cached") return send((await services.documentPdf(member, draft.id, undefined, db))!.bytes);
  if (req.url === "/uncached") return send(await pool.renderPdf(await services.loadPdfData(member, draft.id, db)));
  if (req.url === "/twenty") return send(inProcess ? await render.renderDocumentPdfBuffer(twentyPages) : await pool.renderPdf(twentyPages));
  res.writeHead(404).end();
}
const server = createServer((req, res) => void handler(req, res).catch((error) => res.writeHead(500).end(String(error))));
// In-process rendering stalls this event loop for seconds: a keep-alive connection idle longer than
// Node's default 5 s would be closed under the client's next request (ECONNRESET), ending the run.
server.keepAliveTimeout = 120_000;
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const cannon = async (path: string, connections: number, duration = seconds) => {
  const r = await autocannon({ url: origin + path, connections, duration });
  return { requestsPerSecond: Number(r.requests.average.toFixed(1)), p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
};

// Warm the pool's worker and the store.
await fetch(`${origin}/uncached`);
await fetch(`${origin}/cached`);
await fetch(`${origin}/twenty`);
const uncached = await cannon("/uncached", 4);
const cached = await cannon("/cached", 4);
const cacheRatio = Number((cached.requestsPerSecond / Math.max(uncached.requestsPerSecond, 0.1)).toFixed(1));

/** /health latencies (one request at a time) while `concurrent` 20-page renders keep going. */
async function healthUnderLoad(concurrent: number) {
  let stop = false;
  let rendered = 0;
  const renderers = Array.from({ length: concurrent }, async () => {
    while (!stop) {
      const r = await fetch(`${origin}/twenty`);
      await r.arrayBuffer();
      rendered++;
    }
  });
  await new Promise((r) => setTimeout(r, 500));
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    const start = performance.now();
    await (await fetch(`${origin}/health`)).text();
    latencies.push(performance.now() - start);
    await new Promise((r) => setTimeout(r, 10));
  }
  stop = true;
  await Promise.all(renderers);
  latencies.sort((a, b) => a - b);
  const at = (p: number) => Number(latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)]!.toFixed(1));
  return { requests: latencies.length, p50: at(50), p99: at(99), max: at(100), rendered };
}
const healthPool = await healthUnderLoad(4);
inProcess = true;
const healthInProcess = await healthUnderLoad(4);

server.close();
await pool.closePdfPool();
await handle.close();

const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");
const load = os.loadavg().map((l) => l.toFixed(2)).join(" ");
console.log(`\n# PDF over HTTP (${os.cpus()[0]?.model ?? "cpu"} × ${os.cpus().length}, load ${load}; ${seconds} s per measurement)\n`);
console.log("| measurement | req/s | p50 ms | p99 ms |\n| --- | ---: | ---: | ---: |");
console.log(`| issued 1-page invoice, rendered every request (4 connections) | ${uncached.requestsPerSecond} | ${uncached.p50} | ${uncached.p99} |`);
console.log(`| issued 1-page invoice, stored (4 connections) | ${cached.requestsPerSecond} | ${cached.p50} | ${cached.p99} |`);
console.log(`| /health while four 20-page PDFs render in the worker pool (${healthPool.requests} answered, ${healthPool.rendered} PDFs) | – | ${healthPool.p50} | ${healthPool.p99} |`);
// The measuring client shares this process's event loop: with in-process rendering it is stalled
// too, so the count of answers in the window says more than their latencies.
console.log(`| /health while four 20-page PDFs render in-process, for comparison (${healthInProcess.requests} answered, ${healthInProcess.rendered} PDFs) | – | ${healthInProcess.p50} | ${healthInProcess.p99} |`);
console.log("");
console.log(`${verdict(cacheRatio >= 10)} stored PDF over HTTP ≥ 10× the uncached rate: ${cacheRatio}× (${cached.requestsPerSecond} vs ${uncached.requestsPerSecond} req/s)`);
console.log(`${verdict(healthPool.p99 < 100)} /health p99 < 100 ms while four 20-page PDFs render: ${healthPool.p99} ms, ${healthPool.requests} answered in ${seconds} s (in-process rendering: ${healthInProcess.requests} answered)`);
if (uncached.non2xx + cached.non2xx + uncached.errors + cached.errors > 0) {
  console.log(`Errors or non-2xx answers: uncached ${uncached.errors}/${uncached.non2xx}, stored ${cached.errors}/${cached.non2xx} (a request still running when a measurement ends counts as an error).`);
}

mkdirSync(".bench", { recursive: true });
writeFileSync(
  ".bench/pdf-server.json",
  `${JSON.stringify({ measuredAt: new Date().toISOString(), seconds, loadAverage: os.loadavg(), uncached, cached, cacheRatio, healthPool, healthInProcess }, null, 2)}\n`,
);
process.exit(0);
