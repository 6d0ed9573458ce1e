/**
 * Response headers for every response, built in proxy.ts (pages, route handlers, error pages) and
 * partly in next.config.ts (build assets the proxy does not see). Aimed at the Mozilla HTTP
 * Observatory's A+ with its bonuses: default-src 'none' with nothing unsafe, strict-dynamic with a
 * nonce, CORP.
 */

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The one <style> element sonner (the toasts) inserts when it loads, allowed by its hash rather than
 * by loosening style-src. lib/security/csp.test.ts recomputes it from the installed package, so an
 * upgrade that changes the stylesheet fails there instead of silently losing the toasts' styles.
 */
export const SONNER_STYLE_HASH = "'sha256-StEaX+se6YS7pqjzrzMIA0KaX9zF/8zAhvQXZAe5epY='";

/**
 * The hash of an empty stylesheet. sonner appends its <style> to the head before putting the CSS
 * in it, and the browser checks (and, without this, reports a violation for) that empty moment; an
 * empty stylesheet styles nothing, so allowing it opens nothing.
 */
export const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

export type CspOptions = {
  nonce: string;
  /** next dev evaluates modules with eval() and talks to its HMR socket. */
  dev?: boolean;
  /**
   * The development outbox shows email HTML (inline styles) in a sandboxed srcdoc frame, which
   * inherits this page's policy; only that page allows inline styles.
   */
  inlineStyles?: boolean;
};

export function contentSecurityPolicy({ nonce, dev = false, inlineStyles = false }: CspOptions): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'none'"],
    // 'strict-dynamic': scripts the nonce'd bootstrap loads are trusted; 'self' is ignored by
    // browsers that understand strict-dynamic and kept for those that do not.
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    "style-src": inlineStyles ? ["'self'", "'unsafe-inline'"] : ["'self'", `'nonce-${nonce}'`, SONNER_STYLE_HASH, EMPTY_STYLE_HASH],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'", ...(dev ? ["ws:", "wss:"] : [])],
    "manifest-src": ["'self'"],
    "frame-src": ["'self'"],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "payment=()",
  "usb=()",
  "browsing-topics=()",
].join(", ");

/** The policy of the public logo files (app/logos): nothing loads, and the file runs sandboxed. */
export const LOGO_CSP = "default-src 'none'; sandbox";

/** Headers every response carries, whatever produced it. */
export const BASE_SECURITY_HEADERS: Record<string, string> = {
  "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
  "X-Content-Type-Options": "nosniff",
  "Cross-Origin-Resource-Policy": "same-origin",
};

/** Headers for everything the proxy answers: pages, route handlers, redirects and errors. */
export function securityHeaders(csp: string, clientLink: boolean): Record<string, string> {
  return {
    ...BASE_SECURITY_HEADERS,
    "Content-Security-Policy": csp,
    "X-Frame-Options": "DENY",
    // Client links carry a secret token: it must never leave in a Referer header.
    "Referrer-Policy": clientLink ? "no-referrer" : "strict-origin-when-cross-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
  };
}
