import { describe, expect, it } from "vitest";
import { hostName, isAllowedHost, isTrustedOrigin, serverActionOrigins } from "./hosts";

describe("isAllowedHost", () => {
  const allowed = ["localhost", "127.0.0.1", "[::1]", "invoices.example.com", ".onrender.com", "*.example.org"];

  it("accepts listed names with or without a port, in any case", () => {
    expect(isAllowedHost("localhost:5000", allowed)).toBe(true);
    expect(isAllowedHost("127.0.0.1:5061", allowed)).toBe(true);
    expect(isAllowedHost("[::1]:5000", allowed)).toBe(true);
    expect(isAllowedHost("Invoices.Example.COM", allowed)).toBe(true);
  });

  it("treats a leading dot as the name and its subdomains, *. as subdomains only", () => {
    expect(isAllowedHost("smart-invoice.onrender.com", allowed)).toBe(true);
    expect(isAllowedHost("onrender.com", allowed)).toBe(true);
    expect(isAllowedHost("a.example.org", allowed)).toBe(true);
    expect(isAllowedHost("example.org", allowed)).toBe(false);
  });

  it("refuses other names, look-alikes, a missing header and malformed ones", () => {
    expect(isAllowedHost("evil.com", allowed)).toBe(false);
    expect(isAllowedHost("invoices.example.com.evil.com", allowed)).toBe(false);
    expect(isAllowedHost("evilonrender.com", allowed)).toBe(false);
    expect(isAllowedHost(null, allowed)).toBe(false);
    expect(isAllowedHost("localhost@evil.com", allowed)).toBe(false);
    expect(isAllowedHost("localhost/evil", allowed)).toBe(false);
    expect(hostName("a b")).toBeNull();
  });
});

describe("origins", () => {
  it("turns trusted origins into the host patterns Next's server-action check takes", () => {
    expect(serverActionOrigins(["https://invoices.example.com", "http://localhost:3000", "https://invoices.example.com"])).toEqual([
      "invoices.example.com",
      "localhost:3000",
    ]);
  });

  it("accepts the app's own and trusted origins only", () => {
    const own = ["https://invoices.example.com"];
    expect(isTrustedOrigin("https://invoices.example.com", own, [])).toBe(true);
    expect(isTrustedOrigin("https://other.example.com", own, ["https://other.example.com"])).toBe(true);
    expect(isTrustedOrigin("https://evil.example", own, [])).toBe(false);
    expect(isTrustedOrigin("null", own, [])).toBe(false);
    // A form on a no-referrer page (the client link) posts Origin: null; the browser's Sec-Fetch-Site decides.
    expect(isTrustedOrigin("null", own, [], "same-origin")).toBe(true);
    expect(isTrustedOrigin("null", own, [], "cross-site")).toBe(false);
  });
});
