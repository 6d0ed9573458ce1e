import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * Hashes for the stylesheets Next inlines into each page (`experimental.inlineCss` in next.config.ts).
 * Inlining takes the render-blocking CSS request off the first paint of every page, which is what kept
 * the public pages under a bare Next page in Lighthouse. Next 16.4 hoists the inlined <style> without
 * our CSP nonce, so style-src allows exactly these files' contents by hash instead of loosening to
 * 'unsafe-inline': a stylesheet an attacker injects still does not apply.
 *
 * The build writes the files once, so they are read once per process. No directory (a dev server, a
 * test) means no hashes: development allows inline styles anyway.
 */
let cached: string[] | undefined;

export function stylesheetSources(content: string | Buffer): string {
  return `'sha256-${createHash("sha256").update(content).digest("base64")}'`;
}

export function builtStylesheetHashes(dir = path.join(process.cwd(), ".next", "static", "chunks")): string[] {
  if (cached) return cached;
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((name) => name.endsWith(".css"));
  } catch {
    // No build output here: nothing is inlined.
  }
  cached = files.sort().map((name) => stylesheetSources(readFileSync(path.join(dir, name))));
  return cached;
}

/** Tests read another directory; production reads the build once. */
export function forgetStylesheetHashes() {
  cached = undefined;
}
