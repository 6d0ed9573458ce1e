import { describe, expect, it } from "vitest";
import { PEER_IP_HEADER as SERVER_HEADER, stampPeer } from "@/scripts/peer-header.mjs";
import { clientIpFrom, PEER_IP_HEADER } from "./request-meta";

const h = (xff?: string, peer?: string) =>
  new Headers({ ...(xff === undefined ? {} : { "x-forwarded-for": xff }), ...(peer === undefined ? {} : { [PEER_IP_HEADER]: peer }) });

describe("clientIpFrom", () => {
  it("takes the entry the trusted proxy appended, not what the client wrote", () => {
    // The client sent "X-Forwarded-For: 6.6.6.6"; Render's edge appended the real address.
    expect(clientIpFrom(h("6.6.6.6, 203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientIpFrom(h("203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientIpFrom(h("6.6.6.6, 203.0.113.7, 10.0.0.2"), 2)).toBe("203.0.113.7");
    expect(clientIpFrom(h("2001:db8::1"), 1)).toBe("2001:db8::1");
    expect(clientIpFrom(h("6.6.6.6, 203.0.113.7", "10.0.0.2"), 1)).toBe("203.0.113.7");
  });

  it("with no trusted proxy, is the connection's peer address the server stamped, whatever X-Forwarded-For says", () => {
    expect(clientIpFrom(h("6.6.6.6", "192.0.2.10"), 0)).toBe("192.0.2.10");
    expect(clientIpFrom(h(undefined, "192.0.2.11"), 0)).toBe("192.0.2.11");
    expect(clientIpFrom(h(undefined, "2001:db8::5"), 0)).toBe("2001:db8::5");
    // A request that came straight to the app behind a proxy (no X-Forwarded-For): its peer.
    expect(clientIpFrom(h(undefined, "10.0.0.7"), 1)).toBe("10.0.0.7");
  });

  it("has no address without a peer stamp or a usable header", () => {
    expect(clientIpFrom(h("203.0.113.7"), 0)).toBeNull();
    expect(clientIpFrom(h(), 1)).toBeNull();
    expect(clientIpFrom(h("not an ip"), 1)).toBeNull();
    expect(clientIpFrom(h(undefined, "not an ip"), 0)).toBeNull();
  });
});

describe("the server's peer stamp (scripts/peer-header.mjs)", () => {
  const request = (headers: Record<string, string | string[]>, remoteAddress: string | undefined) => ({ headers, socket: { remoteAddress } });

  it("is the header the app reads", () => {
    expect(SERVER_HEADER).toBe(PEER_IP_HEADER);
  });

  it("overwrites whatever the client sent with the socket's address", () => {
    const req = request({ [PEER_IP_HEADER]: "6.6.6.6", "x-forwarded-for": "6.6.6.6" }, "127.0.0.2");
    stampPeer(req);
    expect(req.headers[PEER_IP_HEADER]).toBe("127.0.0.2");
    expect(req.headers["x-forwarded-for"]).toBe("6.6.6.6");
    // IPv4 clients of a dual-stack socket appear as IPv4-mapped IPv6 addresses.
    const mapped = request({}, "::ffff:203.0.113.4");
    stampPeer(mapped);
    expect(mapped.headers[PEER_IP_HEADER]).toBe("203.0.113.4");
  });

  it("removes a client-sent value when the socket has no address", () => {
    const req = request({ [PEER_IP_HEADER]: "6.6.6.6" }, undefined);
    stampPeer(req);
    expect(req.headers[PEER_IP_HEADER]).toBeUndefined();
  });
});
