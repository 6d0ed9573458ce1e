/**
 * Small checks the proxy makes on every request, kept pure so they are unit-tested here and the
 * proxy only wires them in.
 */
import { isAllowedHost } from "./hosts";

/**
 * A client's X-Request-Id is echoed back and written to every log line: only a short token of safe
 * characters is kept (an id from a load balancer or a tracing header fits); anything else — too
 * long, spaces, control characters, quotes — is replaced by a fresh UUID.
 */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;
export function requestIdFrom(header: string | null, newId: () => string = () => crypto.randomUUID()): string {
  return header !== null && REQUEST_ID.test(header) ? header : newId();
}

/**
 * X-Forwarded-Host is what Auth.js and Next's server-action check treat as the request's host, so
 * it must be one of ALLOWED_HOSTS too (every name, when a chain of proxies sent several). Next fills
 * it in with the Host header when no proxy sent one; that copy passes like the Host itself.
 */
export function isAllowedForwardedHost(header: string | null, allowed: readonly string[]): boolean {
  if (header === null) return true;
  const names = header.split(",");
  return names.length > 0 && names.every((name) => isAllowedHost(name, allowed));
}

/**
 * A state-changing request sent by a browser from another site. Browsers send Origin on every POST;
 * it must name the host the request was sent to (Host, or the checked X-Forwarded-Host) or one of
 * the trusted origins (APP_URL's and CSRF_TRUSTED_ORIGINS). A request without Origin (a
 * server-to-server webhook, curl) is not a browser's cross-site request and is left to the route's
 * own checks, as Next does. Next answers a cross-origin server action with a 500; the proxy answers
 * 403 before it gets there.
 *
 * `Origin: null` is what browsers send for a form posted from a page whose Referrer-Policy is
 * `no-referrer` (client links, reset and invitation pages), even to the same origin (Fetch: "append
 * a request Origin header"). Such a post passes only when the browser itself vouches for it with
 * `Sec-Fetch-Site: same-origin`, a header pages cannot set; from a sandboxed frame or another site
 * it says otherwise.
 */
export function isCrossOriginWrite(
  request: { method: string; origin: string | null; host: string | null; forwardedHost: string | null; secFetchSite?: string | null },
  trustedOrigins: readonly string[],
): boolean {
  if (["GET", "HEAD", "OPTIONS"].includes(request.method.toUpperCase())) return false;
  if (request.origin === null) return false;
  if (request.origin === "null") return request.secFetchSite !== "same-origin";
  let origin: URL;
  try {
    origin = new URL(request.origin); // "null" (sandboxed frames, file: pages) fails to parse: refused
  } catch {
    return true;
  }
  if (origin.protocol !== "https:" && origin.protocol !== "http:") return true;
  const own = [request.host, request.forwardedHost?.split(",")[0] ?? null].filter((h): h is string => !!h).map((h) => h.trim().toLowerCase());
  if (own.includes(origin.host)) return false;
  const trusted = trustedOrigins.map((t) => {
    try {
      return new URL(t).origin;
    } catch {
      return null;
    }
  });
  return !trusted.includes(origin.origin);
}

/** True when the path is one of the public logo files, which carry their own sandboxing policy. */
export const isLogoPath = (pathname: string) => pathname.startsWith("/logos/");

/**
 * Stripe's webhook deliveries: every organisation's events come from the same few Stripe
 * addresses, so a per-address limit tuned for browsers would throttle them together, and they carry
 * no session to refresh. The route authenticates each request by its signature before storing
 * anything.
 */
export const isStripeWebhookPath = (pathname: string) => pathname.startsWith("/api/webhooks/stripe/");
