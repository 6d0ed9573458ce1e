import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { safeNextPath } from "./urls";

describe("safeNextPath", () => {
  it("keeps same-origin paths with their query and hash", () => {
    expect(safeNextPath("/settings/account")).toBe("/settings/account");
    expect(safeNextPath("/invoices?status=paid&q=a%20b#top")).toBe("/invoices?status=paid&q=a%20b#top");
    expect(safeNextPath("/invoices/00000000-0000-4000-8000-000000000000")).toBe("/invoices/00000000-0000-4000-8000-000000000000");
    // A search for a web address is not a way out: only the path decides where the browser goes.
    expect(safeNextPath("/customers?q=https://example.com")).toBe("/customers?q=https://example.com");
    expect(safeNextPath("/customers?q=a%5Cb")).toBe("/customers?q=a%5Cb");
    // ...but control characters are refused there too (CR/LF would still break the Location header).
    expect(safeNextPath("/customers?q=a%0D%0ALocation:%20x")).toBe("/dashboard");
    expect(safeNextPath("/customers#a\tb")).toBe("/dashboard");
  });

  it("falls back to /dashboard for anything else", () => {
    expect(safeNextPath(undefined)).toBe("/dashboard");
    expect(safeNextPath(null)).toBe("/dashboard");
    expect(safeNextPath("")).toBe("/dashboard");
    expect(safeNextPath("dashboard")).toBe("/dashboard");
    expect(safeNextPath("/x", "/login")).toBe("/x");
    expect(safeNextPath("//evil.example", "/login")).toBe("/login");
  });

  // Each of these has been seen to leave the origin in some browser or URL parser.
  const bypasses = [
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "/\t/evil.example", // the reported one: browsers drop tabs and newlines, leaving //evil.example
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/%09/evil.example",
    "/%2F/evil.example",
    "/%2f%2fevil.example",
    "%2F%2Fevil.example",
    "/%5Cevil.example",
    "/%5cevil.example",
    "/%252F%252Fevil.example", // decoded twice by a careless hop
    "https:evil.example",
    "https://evil.example/path",
    "http:/evil.example",
    "javascript:alert(1)",
    " //evil.example",
    "/\uFF0F/evil.example", // FULLWIDTH SOLIDUS
    "/\u2215/evil.example", // DIVISION SLASH
    "/\u2044/evil.example", // FRACTION SLASH
    "/\uFF3Cevil.example", // FULLWIDTH REVERSE SOLIDUS
    "/%EF%BC%8F/evil.example",
    "/%E2%88%95/evil.example",
    "/\u0000/evil.example",
    "/%00",
    "/dashboard\r\nSet-Cookie: x=1",
    "/dashboard%0D%0ALocation: //evil.example",
    `${env.APP_URL.replace(/^http/, "HTTP")}@evil.example/`,
    "/%", // not decodable
  ];
  it.each(bypasses.map((b) => [JSON.stringify(b), b]))("refuses %s", (_label, next) => {
    expect(safeNextPath(next)).toBe("/dashboard");
  });
});
