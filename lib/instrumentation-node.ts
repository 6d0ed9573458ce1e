import type { Instrumentation } from "next";
import { getDbHandle } from "@/db";
import { unsafeCheckStoredKeys } from "@/lib/data/key-check";
import { env } from "@/lib/env";
import { moduleLogger } from "@/lib/logger";

export async function registerNode() {
  if (env.SENTRY_DSN) {
    const Sentry = await import("@sentry/nextjs");
    Sentry.init({
      dsn: env.SENTRY_DSN,
      environment: env.NODE_ENV,
      release: env.RENDER_GIT_COMMIT,
      tracesSampleRate: 0,
      sendDefaultPii: false,
    });
  }
  // Open (and, for the embedded database, migrate) now rather than on the first request, so the
  // first health probe does not wait for PGlite. Not fatal: /health reports it and requests retry.
  const log = moduleLogger("startup");
  let handle;
  try {
    handle = await getDbHandle();
    log.info({ db: handle.kind, port: env.PORT, appUrl: env.APP_URL }, "database ready");
  } catch (error) {
    log.error({ err: error }, "database not reachable at start-up; will retry on demand");
    return;
  }
  // Data written under other keys would fail every page that shows it: stop now, with one line
  // naming the variables, rather than serve "Something went wrong" everywhere.
  let keys;
  try {
    keys = await unsafeCheckStoredKeys();
  } catch (error) {
    // A slow or failing query is not proof of wrong keys: start, and let pages report what fails.
    log.error({ err: error }, "could not check the encryption keys against stored data at start-up");
    return;
  }
  if (!keys.ok) {
    log.fatal({ checked: keys.checked, unreadable: keys.unreadable }, keys.message);
    process.exit(1);
  }
  if (keys.unreadable.length) log.error({ unreadable: keys.unreadable }, "some encrypted values cannot be decrypted; they show as unavailable");
}

export async function reportRequestError(...args: Parameters<Instrumentation.onRequestError>) {
  const [error, request, context] = args;
  moduleLogger("request").error(
    { err: error, path: request.path, method: request.method, requestId: request.headers["x-request-id"], route: context.routePath },
    "request failed",
  );
  if (env.SENTRY_DSN) {
    const Sentry = await import("@sentry/nextjs");
    Sentry.captureRequestError(...args);
  }
}
