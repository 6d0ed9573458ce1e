import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

/**
 * Layers (issue 14 §3): app (pages, routes) → lib/services, lib/actions → lib/data → db.
 *
 * Encoded with @typescript-eslint/no-restricted-imports (no extra dependency): one pattern per
 * forbidden module, as a regex that matches the `@/` alias AND any relative spelling
 * (`../../db`, `./data/x`), so a relative import cannot slip past. The top-level folder names
 * (db, lib/data, pdf, emails, ...) are unique in the repository, so the regexes cannot catch a
 * neighbour by accident. tests/boundaries.test.ts lints deliberate violations to prove each rule
 * fires. Rules for one file set live in one object: flat config replaces, not merges, a rule's
 * options when two objects match the same file.
 */
const mod = (path) => `^(?:@/|(?:\\.{1,2}/)+)${path}(?:/.*)?$`;
const forbid = (path, message, { allowTypeImports = false } = {}) => ({ regex: mod(path), message, allowTypeImports });
// The client, getDb and the executor types; db/schema is matched separately.
const dbClient = (message) => ({ regex: "^(?:@/|(?:\\.{1,2}/)+)db(?:/index(?:\\.ts)?)?$", message });
// Types of rows and enums describe the data a piece shows; importing them reaches no database.
const dbSchemaValues = (message) => forbid("db/schema", message, { allowTypeImports: true });
const restrict = (...patterns) => ["error", { patterns }];
const tests = ["**/*.test.ts", "**/*.test.tsx"];

const boundaries = [
  {
    files: ["app/**/*.{ts,tsx}"],
    ignores: tests,
    rules: {
      "@typescript-eslint/no-restricted-imports": restrict(
        dbClient("Pages and routes do not touch the database: call lib/data or lib/services, which obtain it themselves."),
        dbSchemaValues("Pages import only types from db/schema; queries live in lib/data."),
      ),
    },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    ignores: tests,
    rules: {
      "@typescript-eslint/no-restricted-imports": restrict(
        dbClient("components/ is presentational: load data in the route (app/**/_components) and pass it as props."),
        dbSchemaValues("components/ imports only types from db/schema."),
        forbid("(?:lib/)?data", "components/ is presentational: load data in the route (app/**/_components) and pass it as props."),
        forbid("(?:lib/)?services", "components/ is presentational: call services from the route or a server action."),
        forbid("(?:lib/)?session", "components/ is presentational: the route reads the session and passes what is needed."),
        forbid("(?:lib/)?mail", "components/ is presentational."),
        forbid("app", "components/ is shared by routes and imports none of them."),
      ),
    },
  },
  {
    files: ["lib/data/**/*.ts"],
    ignores: tests,
    rules: {
      "@typescript-eslint/no-restricted-imports": restrict(
        forbid("pdf", "lib/data holds queries only: rendering belongs to lib/services."),
        forbid("emails", "lib/data holds queries only: composing email belongs to lib/services."),
        forbid("(?:lib/)?mail", "lib/data holds queries only: sending belongs to lib/services."),
        forbid("(?:lib/)?services", "lib/data is below lib/services and cannot call it."),
        forbid("(?:lib/)?actions", "lib/data is below the server actions and cannot call them."),
        forbid("(?:lib/)?session", "lib/data takes the member as an argument; it does not read the session."),
        forbid("app", "lib/data cannot import routes."),
        forbid("components", "lib/data cannot import components."),
      ),
    },
  },
  {
    files: ["lib/services/**/*.ts", "lib/actions/**/*.ts"],
    ignores: tests,
    rules: {
      "@typescript-eslint/no-restricted-imports": restrict(
        forbid("app", "Services and actions cannot import routes."),
        forbid("components", "Services and actions cannot import components."),
      ),
    },
  },
  {
    // Pure modules: computations and templates that take plain data.
    files: ["lib/money.ts", "lib/validation/**/*.ts", "pdf/**/*.{ts,tsx}", "emails/**/*.{ts,tsx}"],
    ignores: tests,
    rules: {
      "@typescript-eslint/no-restricted-imports": restrict(
        dbClient("Money, validation and templates are pure: no database."),
        dbSchemaValues("Money, validation and templates import only types from db/schema."),
        forbid("(?:lib/)?data", "Money, validation and templates are pure: they take plain data, not the DAL."),
        forbid("(?:lib/)?services", "Money, validation and templates are pure: no services."),
        forbid("(?:lib/)?session", "Money, validation and templates are pure: no session."),
        forbid("(?:lib/)?mail", "Money, validation and templates are pure: no mail."),
      ),
    },
  },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    plugins: { drizzle },
    rules: {
      // A delete or update without a where clause would touch every organisation's rows.
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "no-console": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  ...boundaries,
  {
    // Command-line entry points and tests talk to a terminal.
    files: ["scripts/**", "e2e/**", "tests/**", "**/*.test.ts", "*.config.*"],
    rules: { "no-console": "off" },
  },
  { ignores: [".next/**", "node_modules/**", ".data/**", "db/migrations/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
];

export default config;
