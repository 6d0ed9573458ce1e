import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, EMPTY_STYLE_HASH, SONNER_STYLE_HASH } from "./csp";

/** The stylesheet sonner's module inserts with __insertCSS("…") when it loads (ESM and CJS builds). */
function sonnerStylesheets(): string[] {
  const require = createRequire(import.meta.url);
  const entry = require.resolve("sonner");
  const files = [entry.replace(/index\.js$/, "index.mjs"), entry];
  return files.map((file) => {
    const match = readFileSync(file, "utf8").match(/__insertCSS\(("(?:[^"\\]|\\.)*")\)/);
    if (!match?.[1]) throw new Error(`sonner's inserted stylesheet was not found in ${file}: check how it styles toasts now`);
    return JSON.parse(match[1]) as string;
  });
}

describe("the style-src policy", () => {
  it("allows sonner's inserted stylesheet by the hash of the installed version", () => {
    for (const css of sonnerStylesheets()) {
      expect(css.length).toBeGreaterThan(1000);
      const hash = `'sha256-${createHash("sha256").update(css, "utf8").digest("base64")}'`;
      expect(hash).toBe(SONNER_STYLE_HASH);
    }
  });

  it("keeps style-src to self, the nonce and that one hash: nothing unsafe", () => {
    const policy = contentSecurityPolicy({ nonce: "abc" });
    const styleSrc = policy.split("; ").find((d) => d.startsWith("style-src "));
    expect(styleSrc).toBe(`style-src 'self' 'nonce-abc' ${SONNER_STYLE_HASH} ${EMPTY_STYLE_HASH}`);
    // The empty stylesheet's hash is exactly that: nothing else can match it.
    expect(EMPTY_STYLE_HASH).toBe(`'sha256-${createHash("sha256").update("", "utf8").digest("base64")}'`);
    expect(policy).not.toContain("unsafe-inline");
  });
});
