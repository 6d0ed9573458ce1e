import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const alias = {
  "@": root,
  // The "react-server" condition is what makes this import legal in Next; tests run outside it.
  "server-only": path.join(root, "tests/support/empty.ts"),
};

// Database tests (*.db.test.ts) run once per database: always on PGlite, and on real
// Postgres too when TEST_DATABASE_URL is set. Everything else runs once.
const dbProjects = [
  { name: "db:pglite", env: { TEST_DB: "pglite" } },
  ...(process.env.TEST_DATABASE_URL ? [{ name: "db:postgres", env: { TEST_DB: "postgres" } }] : []),
];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["**/*.test.ts"],
          exclude: ["**/*.db.test.ts", "node_modules/**", "e2e/**", ".next/**"],
          env: { NODE_ENV: "test" as const },
          globalSetup: ["tests/support/einvoice-setup.ts"],
          hookTimeout: 60_000,
        },
      },
      ...dbProjects.map((p) => ({
        resolve: { alias },
        test: {
          name: p.name,
          include: ["**/*.db.test.ts"],
          exclude: ["node_modules/**", "e2e/**", ".next/**"],
          env: { NODE_ENV: "test" as const, ...p.env },
          globalSetup: ["tests/support/global-setup.ts", "tests/support/einvoice-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      })),
    ],
  },
});
