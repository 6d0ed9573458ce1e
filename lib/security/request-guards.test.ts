import { describe, expect, it } from "vitest";
import { isAllowedForwardedHost, isCrossOriginWrite, isLogoPath, isStripeWebhookPath, requestIdFrom } from "./request-guards";

const fresh = () => "generated-id";

describe("requestIdFrom", () => {
  it("keeps a short token of safe characters", () => {
    for (const id of ["abc", "0f8fad5b-d9cb-469f-a165-70867728950e", "Root-1-5759e988:bd862e3f.x_y", "a".repeat(64)]) {
      expect(requestIdFrom(id, fresh)).toBe(id);
    }
  });

  it("replaces anything else with a fresh id", () => {
    for (const id of ["", "a".repeat(65), "a".repeat(100_000), "has space", "line\nbreak", "tab\t", "<script>", 'quote"', "semi;colon", "slash/", "ünicode", "%0d%0a"]) {
      expect(requestIdFrom(id, fresh), JSON.stringify(id.slice(0, 20))).toBe("generated-id");
    }
    expect(requestIdFrom(null, fresh)).toBe("generated-id");
  });

  it("generates a UUID by default", () => {
    expect(requestIdFrom("bad id")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe("isAllowedForwardedHost", () => {
  const allowed = ["invoices.example.com", "localhost"];

  it("accepts no header, and allowed names with or without a port", () => {
    expect(isAllowedForwardedHost(null, allowed)).toBe(true);
    expect(isAllowedForwardedHost("invoices.example.com", allowed)).toBe(true);
    expect(isAllowedForwardedHost("localhost:5064", allowed)).toBe(true);
    expect(isAllowedForwardedHost("invoices.example.com, localhost", allowed)).toBe(true);
  });

  it("refuses a name outside ALLOWED_HOSTS, anywhere in a chain, and junk", () => {
    expect(isAllowedForwardedHost("evil.example", allowed)).toBe(false);
    expect(isAllowedForwardedHost("invoices.example.com.evil.example", allowed)).toBe(false);
    expect(isAllowedForwardedHost("invoices.example.com, evil.example", allowed)).toBe(false);
    expect(isAllowedForwardedHost("evil.example, invoices.example.com", allowed)).toBe(false);
    expect(isAllowedForwardedHost("", allowed)).toBe(false);
    expect(isAllowedForwardedHost("user@invoices.example.com", allowed)).toBe(false);
  });
});

describe("isCrossOriginWrite", () => {
  const base = { method: "POST", host: "invoices.example.com", forwardedHost: null };
  const trusted = ["https://pay.example.net"];

  it("lets reads, same-origin writes, trusted origins and Origin-less requests through", () => {
    expect(isCrossOriginWrite({ ...base, method: "GET", origin: "https://evil.example" }, trusted)).toBe(false);
    expect(isCrossOriginWrite({ ...base, origin: "https://invoices.example.com" }, trusted)).toBe(false);
    expect(isCrossOriginWrite({ ...base, origin: "https://pay.example.net" }, trusted)).toBe(false);
    expect(isCrossOriginWrite({ ...base, origin: null }, trusted)).toBe(false);
    expect(isCrossOriginWrite({ ...base, host: "internal:10000", forwardedHost: "invoices.example.com", origin: "https://invoices.example.com" }, trusted)).toBe(false);
    expect(isCrossOriginWrite({ ...base, host: "localhost:5064", origin: "http://localhost:5064" }, trusted)).toBe(false);
  });

  it("refuses another site, another port, a lookalike, 'null' and garbage", () => {
    for (const origin of ["https://evil.example", "https://invoices.example.com:8443", "https://invoices.example.com.evil.example", "null", "not a url", "file:///x", "https://pay.example.net.evil.example"]) {
      expect(isCrossOriginWrite({ ...base, origin }, trusted), origin).toBe(true);
    }
    expect(isCrossOriginWrite({ ...base, method: "DELETE", origin: "https://evil.example" }, trusted)).toBe(true);
  });

  it("takes Origin: null (a form on a no-referrer page) only when the browser says the post is same-origin", () => {
    expect(isCrossOriginWrite({ ...base, origin: "null", secFetchSite: "same-origin" }, trusted)).toBe(false);
    expect(isCrossOriginWrite({ ...base, origin: "null", secFetchSite: "cross-site" }, trusted)).toBe(true);
    expect(isCrossOriginWrite({ ...base, origin: "null", secFetchSite: "same-site" }, trusted)).toBe(true);
    expect(isCrossOriginWrite({ ...base, origin: "null", secFetchSite: null }, trusted)).toBe(true);
    expect(isCrossOriginWrite({ ...base, origin: "null" }, trusted)).toBe(true);
    expect(isCrossOriginWrite({ ...base, host: "localhost:5064", origin: "http://localhost:5065" }, trusted)).toBe(true);
  });
});

describe("isLogoPath", () => {
  it("matches the logo files only", () => {
    expect(isLogoPath("/logos/0f8fad5b-d9cb-469f-a165-70867728950e")).toBe(true);
    expect(isLogoPath("/logos")).toBe(false);
    expect(isLogoPath("/invoices")).toBe(false);
  });
});

describe("isStripeWebhookPath", () => {
  it("matches the Stripe webhook route only", () => {
    expect(isStripeWebhookPath("/api/webhooks/stripe/AbCdEfGhIjKlMnOpQrStUvWx")).toBe(true);
    expect(isStripeWebhookPath("/api/webhooks/stripe")).toBe(false);
    expect(isStripeWebhookPath("/api/webhooks/sendgrid")).toBe(false);
    expect(isStripeWebhookPath("/settings/api/webhooks/stripe/x")).toBe(false);
  });
});
