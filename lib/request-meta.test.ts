import { describe, expect, it } from "vitest";
import { clientIpFrom } from "./request-meta";

const h = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });

describe("clientIpFrom", () => {
  it("takes the entry the trusted proxy appended, not what the client wrote", () => {
    // The client sent "X-Forwarded-For: 6.6.6.6"; Render's edge appended the real address.
    expect(clientIpFrom(h("6.6.6.6, 203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientIpFrom(h("203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientIpFrom(h("6.6.6.6, 203.0.113.7, 10.0.0.2"), 2)).toBe("203.0.113.7");
    expect(clientIpFrom(h("2001:db8::1"), 1)).toBe("2001:db8::1");
  });

  it("has no address without a trusted proxy, a header, or with garbage in it", () => {
    expect(clientIpFrom(h("203.0.113.7"), 0)).toBeNull();
    expect(clientIpFrom(h(), 1)).toBeNull();
    expect(clientIpFrom(h("not an ip"), 1)).toBeNull();
  });
});
