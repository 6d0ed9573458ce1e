/**
 * `npm test`: everything that needs no manual set-up.
 *   1. Vitest: unit tests, and database tests on PGlite (plus real Postgres when TEST_DATABASE_URL is set).
 *   2. Playwright against a production build on the embedded database (Debian's Chromium,
 *      CHROMIUM_PATH to override). Without Chromium the browser suite is skipped locally, and fails under CI.
 * Exits non-zero when any part fails; extra arguments go to Vitest.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const results: { name: string; ok: boolean; note?: string }[] = [];

function run(name: string, command: string, args: string[]) {
  console.log(`\n=== ${name}: ${command} ${args.join(" ")}`);
  const { status } = spawnSync(command, args, { stdio: "inherit", env: process.env });
  results.push({ name, ok: status === 0 });
}

if (!process.env.TEST_DATABASE_URL) {
  console.log("TEST_DATABASE_URL is not set: database tests run on the embedded database only.");
}
run("vitest", "npx", ["vitest", "run", ...process.argv.slice(2)]);

if (existsSync(chromium)) {
  run("playwright", "npx", ["playwright", "test"]);
} else if (process.env.CI) {
  console.error(`\nChromium not found at ${chromium}: install Debian's chromium or set CHROMIUM_PATH.`);
  results.push({ name: "playwright", ok: false, note: "Chromium missing" });
} else {
  console.warn(`\n!!! Browser tests SKIPPED: no Chromium at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH).`);
  results.push({ name: "playwright", ok: true, note: "skipped: no Chromium" });
}

console.log("\n=== Summary");
for (const r of results) console.log(`${r.ok ? "PASS" : "FAIL"}  ${r.name}${r.note ? ` (${r.note})` : ""}`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
