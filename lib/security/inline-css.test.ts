import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "./csp";
import { builtStylesheetHashes, forgetStylesheetHashes } from "./inline-css";

afterEach(() => forgetStylesheetHashes());

describe("builtStylesheetHashes", () => {
  it("allows each built stylesheet by the hash of its bytes, and nothing else from the folder", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "inline-css-"));
    writeFileSync(path.join(dir, "b.css"), "body{color:red}");
    writeFileSync(path.join(dir, "a.css"), "");
    writeFileSync(path.join(dir, "app.js"), "alert(1)");
    // Expected values from `printf 'body{color:red}' | openssl dgst -sha256 -binary | base64` (and of '').
    expect(builtStylesheetHashes(dir)).toEqual([
      "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='",
      "'sha256-FcQqt3aNlV7AZnGV4zkQRVeCeJOxbMPnQSx258L803E='",
    ]);
  });

  it("gives no hashes without a build (a dev server, a test)", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "inline-css-"));
    mkdirSync(path.join(dir, "empty"));
    expect(builtStylesheetHashes(path.join(dir, "missing"))).toEqual([]);
  });

  it("puts the hashes in style-src beside the nonce, never 'unsafe-inline'", () => {
    const policy = contentSecurityPolicy({ nonce: "n0nce", stylesheetHashes: ["'sha256-abc='"] });
    const styleSrc = policy.split("; ").find((d) => d.startsWith("style-src "))!;
    expect(styleSrc).toContain("'nonce-n0nce' 'sha256-abc='");
    expect(styleSrc).not.toContain("unsafe-inline");
  });
});
