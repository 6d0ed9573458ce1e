// Browser error reporting only when a DSN was configured at build time; otherwise nothing is loaded.
const dsn = process.env.NEXT_PUBLIC_SENTRY_DSN;
if (dsn) {
  void import("@sentry/nextjs").then((Sentry) => Sentry.init({ dsn, tracesSampleRate: 0, sendDefaultPii: false }));
}
