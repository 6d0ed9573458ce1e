import type { RequestMeta } from "@/lib/data/context";
import { env } from "@/lib/env";

/**
 * The client's address, from the trusted proxy only. Each proxy appends the address that connected
 * to it to X-Forwarded-For, so with `hops` trusted proxies in front of the app the client is the
 * entry `hops` places from the right; anything further left was written by the client and can be
 * forged. Render's edge is one hop (TRUSTED_PROXY_HOPS defaults to 1 there). With no trusted proxy
 * (hops 0) there is no address: Next does not expose the socket's.
 */
export function clientIpFrom(headers: Headers, hops: number): string | null {
  if (hops < 1) return null;
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  // Fewer entries than proxies: the leftmost was still written by a trusted proxy.
  const ip = entries[Math.max(0, entries.length - hops)]!;
  return /^[0-9a-fA-F:.[\]]{2,64}$/.test(ip) ? ip : null;
}

export function clientIp(headers: Headers): string | null {
  return clientIpFrom(headers, env.TRUSTED_PROXY_HOPS);
}

export function requestMetaFrom(headers: Headers): RequestMeta {
  return { ip: clientIp(headers), userAgent: headers.get("user-agent") };
}
