import type { NextConfig } from "next";
import pkg from "./package.json" with { type: "json" };
import { loadEnv } from "./lib/env";
import { NEXT_ACTION_BODY_LIMIT_BYTES } from "./lib/security/body-limit";
import { BASE_SECURITY_HEADERS } from "./lib/security/csp";
import { serverActionOrigins } from "./lib/security/hosts";

export default function config(phase: string): NextConfig {
  // Secrets are needed to serve, not to build; lib/env reads the phase to know which this is.
  process.env.NEXT_PHASE ??= phase;
  // Validates every variable once; a bad configuration stops build and start with one line per problem.
  const env = loadEnv();
  return {
    reactStrictMode: true,
    poweredByHeader: false,
    // The guide's probe URL is /health/ and must answer itself; proxy.ts canonicalises other trailing slashes.
    skipTrailingSlashRedirect: true,
    // Native or WASM packages that Node loads at run time rather than bundled code.
    serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "piscina", "pino", "postgres", "saxon-js", "xmllint-wasm"],
    experimental: {
      // Not `inlineCss`: Next 16.4 also copies the inlined stylesheet into the page's RSC payload, so
      // every public page's HTML grew from ~4 kB to ~35 kB transferred and mobile Lighthouse lost 4–10 points
      // against the same build with the stylesheet as a file (A/B, 5 interleaved runs, quiet machine).
      // Next refuses a server action whose Origin differs from the Host; these hosts are also accepted.
      // The body limit is the one proxy.ts answers 413 for (lib/security/body-limit.ts).
      serverActions: { allowedOrigins: serverActionOrigins(env.CSRF_TRUSTED_ORIGINS), bodySizeLimit: NEXT_ACTION_BODY_LIMIT_BYTES },
    },
    // Build assets and public files skip proxy.ts; pages get the full set of headers there.
    async headers() {
      return [{ source: "/:path*", headers: Object.entries(BASE_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
    },
    env: {
      NEXT_PUBLIC_APP_VERSION: pkg.version,
      NEXT_PUBLIC_SENTRY_DSN: env.SENTRY_DSN ?? "",
    },
  };
}
