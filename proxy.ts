import NextAuth from "next-auth";
import { type NextFetchEvent, type NextRequest, NextResponse } from "next/server";
import { authConfig } from "./auth.config";

const { auth } = NextAuth(authConfig);

const APP_AREA = /^\/(dashboard|invoices|quotes|credit-notes|customers|items|reports|settings|admin|onboarding|organizations)(\/|$)/;

/**
 * Runs before every request: request ids, URL canonicalisation, an early redirect for signed-out
 * visitors, and (through Auth.js) refreshing the session cookie on activity. Not a security
 * boundary: every action, route handler and DAL entry authorises on its own.
 */
function handle(request: NextRequest, signedIn: boolean | undefined): NextResponse {
  const { pathname, search } = request.nextUrl;
  const requestId = request.headers.get("x-request-id") ?? crypto.randomUUID();
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  headers.set("x-pathname", pathname + search);

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
    // Client links carry a secret token: keep them out of search engines and Referer headers.
    response.headers.set("X-Robots-Tag", "noindex, nofollow");
    response.headers.set("Referrer-Policy", "no-referrer");
  }
  return response;
}

const withSession = auth((request) => handle(request, !!request.auth?.user));

export function proxy(request: NextRequest, event: NextFetchEvent) {
  // Auth.js re-issues the session cookie on every request it sees (that is what makes sessions end
  // only after inactivity). Only page loads get that: a server action or an RSC prefetch answered
  // just after "sign out" would otherwise bring the session back. Next hides its own RSC headers
  // from the proxy, so the browser's Sec-Fetch-Dest tells page loads apart.
  const dest = request.headers.get("sec-fetch-dest");
  if (request.headers.has("next-action") || (dest !== null && dest !== "document")) return handle(request, undefined);
  return withSession(request, event as never);
}

export const config = {
  matcher: [
    // Everything except fingerprinted build assets and static files, which need none of this.
    "/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)",
  ],
};
