import type { RequestMeta } from "@/lib/data/context";

/**
 * Client address as reported by the platform's proxy (Render's edge sets X-Forwarded-For; the
 * first entry is the client). Only used for audit records and rate-limit keys.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded) return forwarded.split(",")[0]!.trim() || null;
  return headers.get("x-real-ip");
}

export function requestMetaFrom(headers: Headers): RequestMeta {
  return { ip: clientIp(headers), userAgent: headers.get("user-agent") };
}
