/**
 * `npm run bundle-budget` (after `npm run build`): how much client JavaScript each page ships beyond
 * what every page shares, and a budget for the pages that should need almost none.
 *
 * Reads `.next/diagnostics/route-bundle-stats.json`, which `next build` (16, Turbopack) writes with every
 * route's first-load chunks. The chunks common to all routes (React, the router, the root layout) are the
 * shared baseline; a page's own JavaScript is what it loads on top. Sizes are gzip (level 9, close to
 * what the server sends) of the files in `.next/static/chunks`.
 * Exits 1 when a budget is exceeded, 2 when there is no build to read.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/**
 * Page-specific gzip budgets in kB for the public pages (issue 19 §10: as light as a bare Next page).
 * The client link ships no JavaScript of its own at all: paying, answering a quote and downloading
 * are plain forms and links. The landing page has no client component either. The sign-in,
 * registration and password forms carry only a small form component on React's useActionState
 * (no form library, no schema: the browser checks the fields, the server action checks them again).
 */
export const BUDGETS: Record<string, number> = {
  "/i/[token]": 0,
  "/": 0,
  "/login": 4,
  "/register": 4,
  "/forgot-password": 4,
  "/reset-password": 4,
  // The editor's own code, its live preview (pdf/format in the browser) and the form schemas. A guard,
  // not a target: when pdf/styles imported React-PDF by value, this page shipped 559 kB.
  "/invoices/new": 150,
};

/**
 * What every page loads (React, the router, the root layout and its error page), in kB gzip: the
 * public pages' weight beside a bare Next page. The framework's own part is about 137 kB; the root
 * error page once brought the message formatter (12 kB) into every page unnoticed by the budgets above.
 */
export const SHARED_BUDGET = 140;

type RouteStats = { route: string; firstLoadChunkPaths: string[] };

const statsFile = path.resolve(".next/diagnostics/route-bundle-stats.json");
if (!existsSync(statsFile)) {
  console.error(`No build output at ${statsFile}: run \`npm run build\` first.`);
  process.exit(2);
}
const routes = JSON.parse(readFileSync(statsFile, "utf8")) as RouteStats[];
for (const route of Object.keys(BUDGETS)) {
  if (!routes.some((r) => r.route === route)) {
    console.error(`The build has no route ${route}: update BUDGETS in scripts/bundle-budget.ts.`);
    process.exit(2);
  }
}

const gzipCache = new Map<string, number>();
const gzipBytes = (chunk: string) => {
  if (!gzipCache.has(chunk)) gzipCache.set(chunk, gzipSync(readFileSync(path.resolve(chunk)), { level: 9 }).length);
  return gzipCache.get(chunk)!;
};
const kB = (bytes: number) => (bytes / 1024).toFixed(1);

const shared = routes.map((r) => new Set(r.firstLoadChunkPaths)).reduce((a, b) => new Set([...a].filter((c) => b.has(c))));
const sharedBytes = [...shared].reduce((sum, c) => sum + gzipBytes(c), 0);

const rows = routes
  .map((r) => {
    const own = r.firstLoadChunkPaths.filter((c) => !shared.has(c));
    return { route: r.route, chunks: own.length, bytes: own.reduce((sum, c) => sum + gzipBytes(c), 0), budget: BUDGETS[r.route] };
  })
  .sort((a, b) => b.bytes - a.bytes);

console.log(`Shared by every page: ${shared.size} chunks, ${kB(sharedBytes)} kB gzip (budget ${SHARED_BUDGET} kB)\n`);
console.log(`${"Route".padEnd(28)} ${"Own JS (gzip)".padStart(14)} ${"Chunks".padStart(7)}  Budget`);
const over: string[] = [];
if (sharedBytes / 1024 > SHARED_BUDGET) over.push(`shared by every page: ${kB(sharedBytes)} kB > ${SHARED_BUDGET} kB`);
for (const r of rows) {
  const verdict = r.budget === undefined ? "" : r.bytes / 1024 <= r.budget ? `${r.budget} kB  ok` : `${r.budget} kB  OVER`;
  if (r.budget !== undefined && r.bytes / 1024 > r.budget) over.push(`${r.route}: ${kB(r.bytes)} kB > ${r.budget} kB`);
  console.log(`${r.route.padEnd(28)} ${`${kB(r.bytes)} kB`.padStart(14)} ${String(r.chunks).padStart(7)}  ${verdict}`);
}

if (over.length) {
  console.error(`\nBundle budget exceeded:\n  ${over.join("\n  ")}`);
  process.exit(1);
}
console.log("\nBundle budgets met.");
