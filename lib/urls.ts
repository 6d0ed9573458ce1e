import { env } from "@/lib/env";
import { logoPath } from "@/lib/logo-path";

/** Absolute links for emails: always the configured public URL, never the request's Host header. */
export function absoluteUrl(path: string): string {
  return `${env.APP_URL}${path}`;
}

/** The logo's absolute URL, for emails. */
export const logoUrl = (orgId: string, version: number | string | null | undefined) => absoluteUrl(logoPath(orgId, version));

/** Only same-site paths may be used as a post-login destination (no open redirects). */
export function safeNextPath(next: string | null | undefined, fallback = "/dashboard"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  return next;
}
