/**
 * Host header checks (Django's ALLOWED_HOSTS rules): an exact name, ".example.com" for the name and
 * every subdomain, "*.example.com" for subdomains only, "*" for anything. A forged Host would
 * otherwise end up in absolute URLs (password-reset links, redirects) and in cache keys.
 */

/** The host name of a Host header, lower-cased, without the port; IPv6 keeps its brackets. */
export function hostName(header: string | null): string | null {
  if (!header) return null;
  const h = header.trim().toLowerCase();
  if (h.startsWith("[")) {
    const end = h.indexOf("]");
    return end > 0 ? h.slice(0, end + 1) : null;
  }
  const name = h.replace(/:\d+$/, "");
  // Anything other than a plain DNS name or IPv4 address (spaces, slashes, '@', a second ':') is refused.
  return /^[a-z0-9.-]+$/.test(name) && !name.startsWith(".") ? name.replace(/\.$/, "") : null;
}

export function hostMatches(name: string, pattern: string): boolean {
  const p = pattern.trim().toLowerCase().replace(/\.$/, "");
  if (p === "*") return true;
  if (p.startsWith("*.")) return name.endsWith(p.slice(1)) && name.length > p.length - 1;
  if (p.startsWith(".")) return name === p.slice(1) || name.endsWith(p);
  return name === p;
}

export function isAllowedHost(header: string | null, allowed: readonly string[]): boolean {
  const name = hostName(header);
  return name !== null && allowed.some((pattern) => hostMatches(name, pattern));
}

/**
 * Next's server-action origin check takes host patterns ("example.com", "*.example.com"), not
 * origins: CSRF_TRUSTED_ORIGINS ("https://example.com") are converted here.
 */
export function serverActionOrigins(trustedOrigins: readonly string[]): string[] {
  return [...new Set(trustedOrigins.map((o) => new URL(o).host))];
}

/**
 * Whether an Origin header names this request's own origin or a trusted one (for route handlers that
 * change state). `Origin: null` comes from forms on our no-referrer pages too: trusted only when the
 * browser says the post is same-origin (see isCrossOriginWrite in ./request-guards).
 */
export function isTrustedOrigin(origin: string | null, own: readonly string[], trusted: readonly string[], secFetchSite: string | null = null): boolean {
  if (origin === null) return true; // Same-origin form posts from old browsers; SameSite=Lax cookies still apply.
  if (origin === "null") return secFetchSite === "same-origin";
  const o = origin.toLowerCase().replace(/\/$/, "");
  return [...own, ...trusted].some((t) => t.toLowerCase().replace(/\/$/, "") === o);
}
