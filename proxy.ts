import NextAuth from "next-auth";
import { type NextFetchEvent, type NextRequest, NextResponse } from "next/server";
import { authConfig } from "./auth.config";
import { env } from "./lib/env";
import { consumeAll, tooManyResponse } from "./lib/rate-limit";
import { clientIp, UNKNOWN_ADDRESS } from "./lib/request-meta";
import { bodyTooLarge } from "./lib/security/body-limit";
import { contentSecurityPolicy, LOGO_CSP, newNonce, securityHeaders } from "./lib/security/csp";
import { isAllowedHost } from "./lib/security/hosts";
import { isAllowedForwardedHost, isCrossOriginWrite, isLogoPath, isStripeWebhookPath, requestIdFrom } from "./lib/security/request-guards";

const { auth } = NextAuth(authConfig);

const APP_AREA = /^\/(dashboard|invoices|quotes|credit-notes|customers|items|reports|settings|admin|onboarding|organizations)(\/|$)/;

/**
 * Runs before every request: host check, HTTPS redirect, the general per-IP rate limit, security
 * headers with a fresh CSP nonce, request ids, URL canonicalisation, an early redirect for
 * signed-out visitors, and (through Auth.js) refreshing the session cookie on activity. Not a
 * security boundary for data: every action, route handler and DAL entry authorises on its own.
 * Next 16 runs the proxy in the Node.js runtime, so it can reach Redis.
 */
function handle(request: NextRequest, signedIn: boolean | undefined, csp: string): NextResponse {
  const { pathname, search } = request.nextUrl;
  const requestId = requestIdFrom(request.headers.get("x-request-id"));
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  headers.set("x-pathname", pathname + search);
  // Next reads the nonce for its own inline scripts from the request's policy.
  headers.set("content-security-policy", csp);

  let response: NextResponse;
  if (pathname === "/health/") {
    // The deployment guide's probe URL answers itself (a redirect would fail some probes).
    const url = request.nextUrl.clone();
    url.pathname = "/health";
    response = NextResponse.rewrite(url, { request: { headers } });
  } else if (pathname.length > 1 && pathname.endsWith("/")) {
    // A plain URL: NextURL would keep the trailing slash it was parsed with.
    const url = new URL(pathname.replace(/\/+$/, "") + search, request.url);
    response = NextResponse.redirect(url, 308);
  } else if (signedIn === false && APP_AREA.test(pathname)) {
    const url = new URL("/login", request.url);
    url.searchParams.set("next", pathname + search);
    response = NextResponse.redirect(url, 307);
  } else {
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set("x-request-id", requestId);
  if (pathname.startsWith("/i/")) {
    // Client links carry a secret token: keep them out of search engines.
    response.headers.set("X-Robots-Tag", "noindex, nofollow");
  }
  return response;
}

function plain(status: number, body: string): NextResponse {
  return new NextResponse(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/** Host check, HTTPS redirect and the general rate limit: answers that end the request here. */
async function refuse(request: NextRequest): Promise<Response | null> {
  const { pathname, search } = request.nextUrl;
  // The platform's probe calls the instance by its internal address; it must keep answering.
  if (pathname === "/health" || pathname === "/health/") return null;
  const host = request.headers.get("host");
  if (!isAllowedHost(host, env.ALLOWED_HOSTS)) return plain(400, "Bad Request: this host name is not served here.\n");
  const forwardedHost = request.headers.get("x-forwarded-host");
  if (!isAllowedForwardedHost(forwardedHost, env.ALLOWED_HOSTS)) return plain(400, "Bad Request: this forwarded host name is not served here.\n");
  const origin = request.headers.get("origin");
  const secFetchSite = request.headers.get("sec-fetch-site");
  if (isCrossOriginWrite({ method: request.method, origin, host, forwardedHost, secFetchSite }, [new URL(env.APP_URL).origin, ...env.CSRF_TRUSTED_ORIGINS])) {
    return plain(403, "Forbidden: cross-origin request refused.\n");
  }
  // Next would answer an over-limit action body with a 500; a 413 with a message the form can show.
  const tooLarge = bodyTooLarge(request.method, pathname, request.headers.get("content-length"));
  if (tooLarge) return tooLarge;
  // Render's edge terminates TLS and says how the request arrived; the host was checked just above.
  // Next fills in X-Forwarded-Proto itself when no proxy sent one, so it only means something when
  // the app is meant to be served over HTTPS (APP_URL, which also makes cookies Secure).
  if (env.isProduction && env.APP_URL.startsWith("https://") && request.headers.get("x-forwarded-proto") === "http") {
    return NextResponse.redirect(`https://${host}${pathname}${search}`, 308);
  }
  // Stripe's deliveries for every organisation share a few source addresses: no browser rate limit
  // (the route checks each signature before storing anything).
  if (isStripeWebhookPath(pathname)) return null;
  // Fail closed: without an address (hops 0 and not started through scripts/next-server.mjs) one key would be everybody's.
  const ip = clientIp(request.headers) ?? (env.isProduction ? null : UNKNOWN_ADDRESS);
  if (!ip) return plain(503, "Service Unavailable: the client address is unknown. Start the app with npm start.\n");
  // Client links are found by their token alone: a tight per-address limit makes guessing hopeless.
  const decision = await consumeAll([["general", ip], ...(pathname.startsWith("/i/") ? [["clientLink", ip] as const] : [])]);
  if (!decision.ok) return tooManyResponse(decision);
  return null;
}

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  const { pathname } = request.nextUrl;
  // Logos are user uploads (SVG is refused, but any file served from our origin is sandboxed): they
  // keep the route's own policy rather than the pages' one.
  const csp = isLogoPath(pathname)
    ? LOGO_CSP
    : contentSecurityPolicy({
        nonce: newNonce(),
        dev: env.NODE_ENV === "development",
        // next dev injects styles at run time (HMR, error overlay); production needs none inline.
        inlineStyles: pathname.startsWith("/dev/outbox") || env.NODE_ENV === "development",
      });
  let response = await refuse(request);
  if (!response) {
    // Auth.js re-issues the session cookie on every request it sees (that is what makes sessions end
    // only after inactivity). Only page loads get that: a server action or an RSC prefetch answered
    // just after "sign out" would otherwise bring the session back. Next hides its own RSC headers
    // from the proxy, so the browser's Sec-Fetch-Dest tells page loads apart.
    const dest = request.headers.get("sec-fetch-dest");
    if (request.headers.has("next-action") || (dest !== null && dest !== "document") || isStripeWebhookPath(pathname)) {
      response = handle(request, undefined, csp);
    } else {
      const withSession = auth((req) => handle(req, !!req.auth?.user, csp));
      response = (await withSession(request, event as never)) ?? handle(request, undefined, csp);
    }
  }
  for (const [name, value] of Object.entries(securityHeaders(csp, pathname.startsWith("/i/")))) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    // Everything except fingerprinted build assets and static files; next.config.ts gives those
    // the headers that matter for them.
    "/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)",
  ],
};
