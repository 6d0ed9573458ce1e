import type { RequestMeta } from "@/lib/data/context";
import { env } from "@/lib/env";

/** Set by scripts/next-server.mjs on every request to the TCP peer's address (a client's value is overwritten). */
export const PEER_IP_HEADER = "x-si-peer-ip";

const IP = /^[0-9a-fA-F:.[\]]{2,64}$/;

/**
 * The client's address. Each proxy appends the address that connected to it to X-Forwarded-For,
 * so with `hops` trusted proxies in front of the app the client is the entry `hops` places from
 * the right; anything further left was written by the client and can be forged. Render's edge is
 * one hop (TRUSTED_PROXY_HOPS defaults to 1 there). With no trusted proxy (hops 0), or a request
 * that reached the app without passing a proxy, the client is the connection's peer, which our
 * server stamps (Next itself keeps a client-sent X-Forwarded-For). Null only when the app was not
 * started through that server (`next start` directly) or outside a server (unit tests).
 */
export function clientIpFrom(headers: Headers, hops: number): string | null {
  const entries = hops < 1 ? [] : (headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  // Fewer entries than proxies: the leftmost was still written by a trusted proxy.
  const ip = entries.length > 0 ? entries[Math.max(0, entries.length - hops)]! : headers.get(PEER_IP_HEADER);
  return ip && IP.test(ip) ? ip : null;
}

/**
 * The rate-limit key when there is no address. Never reached by a production server: proxy.ts
 * refuses such requests (503) there, since one shared key would let anyone lock everyone out.
 * Unit tests and scripts calling the code outside a server share it, which is harmless.
 */
export const UNKNOWN_ADDRESS = "unknown";

export function clientIp(headers: Headers): string | null {
  return clientIpFrom(headers, env.TRUSTED_PROXY_HOPS);
}

export function requestMetaFrom(headers: Headers): RequestMeta {
  return { ip: clientIp(headers), userAgent: headers.get("user-agent") };
}
