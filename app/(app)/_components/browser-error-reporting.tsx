"use client";

import { useEffect } from "react";

let started = false;

/**
 * Browser error reporting (Sentry), in the signed-in area only, when a DSN was configured at build
 * time; without one the SDK is not even bundled. It used to start from instrumentation-client.ts,
 * which every page runs before hydrating: the public pages (landing, sign-in, the client's link) now
 * load nothing of it and stay as light as a bare Next page (issue 19 §10). Mounted by the (app)
 * layout, it starts on the first signed-in page, after a client-side navigation too, and then
 * reports for the rest of the tab's life.
 */
export function BrowserErrorReporting() {
  useEffect(() => {
    // The literal, not a copy of it: the build inlines it, and an empty DSN drops the import.
    if (process.env.NEXT_PUBLIC_SENTRY_DSN && !started) {
      started = true;
      const dsn = process.env.NEXT_PUBLIC_SENTRY_DSN;
      void import("@sentry/nextjs").then((Sentry) => Sentry.init({ dsn, tracesSampleRate: 0, sendDefaultPii: false }));
    }
  }, []);
  return null;
}
