import type { NextConfig } from "next";
import pkg from "./package.json" with { type: "json" };
import { loadEnv } from "./lib/env";

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
    serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pino", "postgres"],
    env: {
      NEXT_PUBLIC_APP_VERSION: pkg.version,
      NEXT_PUBLIC_SENTRY_DSN: env.SENTRY_DSN ?? "",
    },
  };
}
