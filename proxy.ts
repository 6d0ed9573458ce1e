import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "./auth.config";

const { auth } = NextAuth(authConfig);

const APP_AREA = /^\/(dashboard|invoices|quotes|credit-notes|customers|items|reports|settings|admin|onboarding|organizations)(\/|$)/;

/**
 * Runs before every request: request ids, URL canonicalisation, an early redirect for signed-out
 * visitors, and (through Auth.js) refreshing the session cookie on activity. Not a security
 * boundary: every action, route handler and DAL entry authorises on its own.
 */
export const proxy = auth((request) => {
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
  } else if (APP_AREA.test(pathname) && !request.auth?.user) {
    const url = new URL("/login", request.url);
    url.searchParams.set("next", pathname + search);
    response = NextResponse.redirect(url, 307);
  } else {
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set("x-request-id", requestId);
  return response;
});

export const config = {
  matcher: [
    // Everything except fingerprinted build assets and static files, which need none of this.
    "/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)",
  ],
};
