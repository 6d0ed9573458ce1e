/**
 * `npm run smoke -- <url>`: the deployment guide's post-deploy smoke tests against a running
 * instance (local or remote). Checks the home page, the /health/ probe and one fingerprinted
 * static asset's caching and compression. Exit code: 0 all passed, 1 a check failed, 2 bad usage.
 *
 * A client of a remote URL only: it reads no configuration (deliberately not lib/env.ts) and uses
 * nothing but Node's built-in fetch.
 */
import { Buffer } from "node:buffer";
import { performance } from "node:perf_hooks";

const TIMEOUT_MS = 10_000;
const USAGE = "Usage: npm run smoke -- <url>   (for example: npm run smoke -- https://your-app.onrender.com)";

type Outcome = { ok: boolean; status?: number; detail: string };
type Row = Outcome & { name: string; ms?: number; skipped?: boolean };

function parseBaseUrl(argv: string[]): URL | undefined {
  const args = argv.filter((a) => a !== "--");
  if (args.length !== 1 || !args[0]) return undefined;
  try {
    const url = new URL(args[0]);
    if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
    // Keep any path prefix, so "https://host/app" checks "https://host/app/health/".
    if (!url.pathname.endsWith("/")) url.pathname += "/";
    url.search = "";
    url.hash = "";
    return url;
  } catch {
    return undefined;
  }
}

/** One line an operator can act on, from fetch's rather generic errors. */
function describeError(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `no complete answer within ${TIMEOUT_MS / 1000} s`;
  }
  const e = error as { message?: string; cause?: { code?: string; message?: string } };
  const code = e?.cause?.code;
  if (code === "ECONNREFUSED") return "connection refused (is the app running on that host and port?)";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "host name could not be resolved";
  if (code === "ECONNRESET") return "connection reset by the server";
  if (code && /CERT|SSL|TLS/i.test(code)) return `TLS problem: ${e.cause?.message ?? code}`;
  // fetch refuses some well-known ports outright (https://fetch.spec.whatwg.org/#port-blocking).
  if (e?.cause?.message === "bad port") return "fetch refuses to connect to this port (blocked port); use another";
  return e?.cause?.message ?? e?.message ?? String(error);
}

async function timed(name: string, run: (signal: AbortSignal) => Promise<Outcome>): Promise<Row> {
  const started = performance.now();
  try {
    const outcome = await run(AbortSignal.timeout(TIMEOUT_MS));
    return { name, ms: Math.round(performance.now() - started), ...outcome };
  } catch (error) {
    return { name, ms: Math.round(performance.now() - started), ok: false, detail: describeError(error) };
  }
}

/** Never follow redirects: a probe that is redirected is a failed probe, and / should answer itself. */
function get(url: URL, signal: AbortSignal, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: "GET", redirect: "manual", signal, headers: { "user-agent": "smart-invoice-smoke", ...headers } });
}

function redirected(res: Response): Outcome | undefined {
  if (res.status < 300 || res.status >= 400) return undefined;
  return { ok: false, status: res.status, detail: `redirects to ${res.headers.get("location") ?? "(no Location header)"}` };
}

function kilobytes(text: string): string {
  return `${(Buffer.byteLength(text) / 1024).toFixed(1)} kB`;
}

/** The first fingerprinted stylesheet, else the first script, under /_next/static/. */
function findStaticAsset(html: string, base: URL): URL | undefined {
  const found = [...html.matchAll(/["'(]((?:https?:)?(?:\/\/[^"'()\s/]+)?\/[^"'()\s]*?_next\/static\/[^"'()\s?#]+\.(css|js))(?:[?#][^"'()\s]*)?["')]/g)];
  const pick = found.find((m) => m[2] === "css") ?? found.find((m) => m[2] === "js");
  return pick?.[1] ? new URL(pick[1], base) : undefined;
}

const base = parseBaseUrl(process.argv.slice(2));
if (!base) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}

const rows: Row[] = [];
let homeHtml: string | undefined;

rows.push(
  await timed("home page", async (signal) => {
    const res = await get(new URL("./", base), signal, { accept: "text/html" });
    const redirect = redirected(res);
    if (redirect) {
      await res.body?.cancel();
      return { ...redirect, detail: `${redirect.detail} (pass the final URL)` };
    }
    const type = res.headers.get("content-type") ?? "";
    const body = await res.text();
    if (res.status !== 200) return { ok: false, status: res.status, detail: `expected 200` };
    if (!type.includes("text/html")) return { ok: false, status: res.status, detail: `expected HTML, got ${type || "no Content-Type"}` };
    homeHtml = body;
    return { ok: true, status: res.status, detail: `${type.split(";")[0]}, ${kilobytes(body)}` };
  }),
);

rows.push(
  await timed("health /health/", async (signal) => {
    const res = await get(new URL("health/", base), signal, { accept: "application/json" });
    const redirect = redirected(res);
    if (redirect) {
      await res.body?.cancel();
      return redirect;
    }
    const text = await res.text();
    let body: { status?: unknown; db?: unknown; version?: unknown; uptimeS?: unknown };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      return { ok: false, status: res.status, detail: `expected JSON, got ${res.headers.get("content-type") ?? "no Content-Type"}` };
    }
    const summary = `status=${String(body.status)} db=${String(body.db)} version=${String(body.version)} uptime=${String(body.uptimeS)}s`;
    const ok = res.status === 200 && body.status === "ok" && body.db === "ok";
    return { ok, status: res.status, detail: ok ? summary : `expected 200 with status=ok db=ok; got ${summary}` };
  }),
);

if (homeHtml === undefined) {
  rows.push({ name: "static asset", ok: false, skipped: true, detail: "not run: needs the home page's HTML" });
} else {
  const asset = findStaticAsset(homeHtml, base);
  if (!asset) {
    rows.push({ name: "static asset", ok: false, detail: "no /_next/static/ .css or .js URL in the home page" });
  } else {
    rows.push(
      await timed("static asset", async (signal) => {
        const res = await get(asset, signal, { "accept-encoding": "br, gzip" });
        // Headers are all we need; do not download (and decompress) the file.
        await res.body?.cancel();
        const path = asset.pathname;
        if (res.status !== 200) return { ok: false, status: res.status, detail: `expected 200 for ${path}` };
        const cache = res.headers.get("cache-control") ?? "";
        const encoding = res.headers.get("content-encoding") ?? "none (uncompressed)";
        const cached = /\bimmutable\b/i.test(cache) && /\bmax-age=31536000\b/i.test(cache);
        return {
          ok: cached,
          status: res.status,
          detail: cached
            ? `${path}; Cache-Control: ${cache}; Content-Encoding: ${encoding}`
            : `${path}; expected Cache-Control with immutable and max-age=31536000, got "${cache || "(none)"}"; Content-Encoding: ${encoding}`,
        };
      }),
    );
  }
}

const nameWidth = Math.max(...rows.map((r) => r.name.length));
const lines = [`Smoke test of ${base.href}`];
for (const r of rows) {
  const verdict = r.skipped ? "SKIP" : r.ok ? "PASS" : "FAIL";
  const status = r.status === undefined ? "---" : String(r.status);
  const ms = r.ms === undefined ? "" : `${r.ms} ms`;
  lines.push(`${verdict}  ${r.name.padEnd(nameWidth)}  ${status.padEnd(3)}  ${ms.padStart(8)}  ${r.detail}`);
}
const failed = rows.filter((r) => !r.ok && !r.skipped).length;
const skipped = rows.filter((r) => r.skipped).length;
lines.push(
  failed || skipped
    ? `${failed} of ${rows.length} checks failed${skipped ? `, ${skipped} not run` : ""}.`
    : `All ${rows.length} checks passed.`,
);
process.stdout.write(`${lines.join("\n")}\n`);
process.exit(failed || skipped ? 1 : 0);
