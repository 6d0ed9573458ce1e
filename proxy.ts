import { NextResponse, type NextRequest } from "next/server";

/**
 * Runs before every request: request ids and URL canonicalisation. Not a security boundary:
 * every action, route handler and DAL entry authorises on its own.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const requestId = request.headers.get("x-request-id") ?? crypto.randomUUID();
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);

  let response: NextResponse;
  if (pathname === "/health/") {
    // The deployment guide's probe URL answers itself (a redirect would fail some probes).
    const url = request.nextUrl.clone();
    url.pathname = "/health";
    response = NextResponse.rewrite(url, { request: { headers } });
  } else if (pathname.length > 1 && pathname.endsWith("/")) {
    // A plain URL: NextURL would keep the trailing slash it was parsed with.
    const url = new URL(pathname.replace(/\/+$/, "") + request.nextUrl.search, request.url);
    response = NextResponse.redirect(url, 308);
  } else {
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set("x-request-id", requestId);
  return response;
}

export const config = {
  matcher: [
    // Everything except fingerprinted build assets and static files, which need none of this.
    "/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)",
  ],
};
