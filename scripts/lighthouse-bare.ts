/**
 * The baseline `npm run lighthouse` compares the public pages with: a bare Next page (one heading,
 * one link), built with this repository's own `next`, `react` and `react-dom` (no network, no other
 * version), and served by `next start` on a port of its own while the app runs.
 *
 * The app is generated in the system's temporary directory, outside the repository: inside it, Next
 * picks up the repository's proxy.ts and instrumentation.ts (Turbopack takes the folder with the
 * lockfile as its root), and the "bare" page would carry the app's proxy. Its node_modules is the
 * repository's, hard-linked (a copy in seconds, no network); Turbopack refuses a symlink that points
 * out of its root.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const BARE_DIR = path.join(tmpdir(), "smart-invoice-lighthouse-bare");
const nextBin = path.join(BARE_DIR, "node_modules/next/dist/bin/next");

/** Plain JSX, no TypeScript: nothing for Next to set up. */
const FILES: Record<string, string> = {
  "package.json": JSON.stringify({ name: "lighthouse-bare-page", private: true, type: "module" }, null, 2),
  "next.config.mjs": "export default {};\n",
  "app/layout.jsx": `export const metadata = { title: "Bare page", description: "A bare Next page: the baseline for Lighthouse." };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`,
  "app/page.jsx": `import Link from "next/link";

export default function Page() {
  return (
    <main>
      <h1>A bare Next page</h1>
      <Link href="/">A link</Link>
    </main>
  );
}
`,
};

/** The `next` version the bare page is built with: the one installed here, as the app's. */
export function nextVersion(): string {
  return (JSON.parse(readFileSync(path.resolve("node_modules/next/package.json"), "utf8")) as { version: string }).version;
}

/** Writes and builds the bare app (again when its sources or the installed Next changed, or with `force`). */
export function buildBarePage({ force = false }: { force?: boolean } = {}): void {
  const react = (JSON.parse(readFileSync(path.resolve("node_modules/react/package.json"), "utf8")) as { version: string }).version;
  const stamp = JSON.stringify({ next: nextVersion(), react, files: FILES });
  const stampFile = path.join(BARE_DIR, ".built-with");
  if (!force && existsSync(path.join(BARE_DIR, ".next/BUILD_ID")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) return;
  rmSync(BARE_DIR, { recursive: true, force: true });
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(BARE_DIR, file)), { recursive: true });
    writeFileSync(path.join(BARE_DIR, file), text);
  }
  try {
    execFileSync("cp", ["-al", path.resolve("node_modules"), path.join(BARE_DIR, "node_modules")], { stdio: ["ignore", "ignore", "pipe"] });
  } catch (error) {
    throw new Error(`could not hard-link node_modules into ${BARE_DIR} (set TMPDIR to a folder on the repository's file system): ${error instanceof Error ? error.message : String(error)}`);
  }
  execFileSync(process.execPath, [nextBin, "build"], {
    cwd: BARE_DIR,
    stdio: ["ignore", "ignore", "inherit"],
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  writeFileSync(stampFile, stamp);
}

/** `next start` for the bare app on `port`; resolves once it answers. */
export async function startBarePage(port: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "localhost"], {
    cwd: BARE_DIR,
    stdio: ["ignore", "ignore", "inherit"],
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the bare page's server exited with code ${server.exitCode}`);
    const ok = await fetch(`http://localhost:${port}/`).then((r) => r.ok, () => false);
    if (ok) return server;
    await new Promise((r) => setTimeout(r, 300));
  }
  server.kill();
  throw new Error(`the bare page did not answer on port ${port} within 60 s`);
}
