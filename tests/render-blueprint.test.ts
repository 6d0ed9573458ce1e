/**
 * Keeps render.yaml, README.md and .env.example honest about lib/env.ts: adding a variable to the
 * schema without declaring it in the Blueprint or documenting it as optional fails here.
 *
 * The variables come from the schema itself (ENV_KEYS). render.yaml is read as text on purpose: no
 * YAML parser is a dependency of ours (one may sit in node_modules as someone else's dependency,
 * which is not something to rely on), and for our own file the few lines we check are easy to match
 * exactly.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ENV_KEYS } from "@/lib/env";

const root = path.resolve(import.meta.dirname, "..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

const blueprint = read("render.yaml");
const readme = read("README.md");
const envExample = read(".env.example");

/** Set by the platform, not by an operator: Next's build phase and Render's RENDER_* variables. */
const platformSet = (name: string) => name === "NEXT_PHASE" || name.startsWith("RENDER_");

const allKeys: string[] = [...ENV_KEYS];
const operatorKeys = allKeys.filter((k) => !platformSet(k));

/** The `envVars:` entries of one service (or database) block, found by its `name:`. */
function serviceBlock(name: string): string {
  // Top-level list items ("  - type: web", "  - name: smart-invoice-db"); a service's own name is
  // its first line or indented four spaces, unlike the names inside fromService / fromDatabase.
  const blocks = blueprint.split(/^ {2}- (?=type:|name:)/m);
  const block = blocks.find((b) => new RegExp(`^(?: {4})?name: ${name}[ \\t]*$`, "m").test(b));
  if (!block) throw new Error(`render.yaml: no service named ${name}`);
  return block;
}

function declaredKeys(block: string): string[] {
  return [...block.matchAll(/^\s*- key: ([A-Z][A-Z0-9_]*)\s*$/gm)].map((m) => m[1]!);
}

function scalar(block: string, field: string): string | undefined {
  const m = new RegExp(`^\\s*${field}:\\s*(.+?)\\s*$`, "m").exec(block);
  return m?.[1]?.replace(/^(["'])(.*)\1$/, "$2");
}

/** The README configuration table row for a variable: `| \`NAME\` | ... |`. */
function readmeRow(name: string): string | undefined {
  return new RegExp(`^\\|\\s*\`${name}\`\\s*\\|.*$`, "m").exec(readme)?.[0];
}

const web = serviceBlock("smart-invoice");
const cron = serviceBlock("smart-invoice-jobs");
const webKeys = declaredKeys(web);

describe("lib/env.ts schema keys", () => {
  it("are the schema's variables", () => {
    expect(allKeys.length).toBeGreaterThanOrEqual(20);
    for (const k of ["NODE_ENV", "SECRET_KEY", "DATABASE_URL", "ENCRYPTION_SALT", "PORT", "NEXT_PHASE"]) expect(allKeys).toContain(k);
  });
});

describe("every variable lib/env.ts reads is configured or documented", () => {
  it.each(operatorKeys)("%s is declared in render.yaml or optional in the README table", (name) => {
    if (webKeys.includes(name)) return;
    const row = readmeRow(name);
    expect(row, `${name}: not in render.yaml and no README configuration row \`| \`${name}\` | ...\``).toBeDefined();
    expect(row, `${name}: README row must say "optional" or give a default`).toMatch(/optional|default/i);
  });

  it.each(allKeys)("%s has a row in README's configuration table", (name) => {
    expect(readmeRow(name), `README.md: add a configuration row for \`${name}\``).toBeDefined();
  });

  it.each(operatorKeys)("%s is listed in .env.example", (name) => {
    expect(new RegExp(`^#?\\s*${name}=`, "m").test(envExample), `.env.example: add a commented \`# ${name}=\` line`).toBe(true);
  });

  it("render.yaml declares nothing lib/env.ts does not read", () => {
    const unknown = [...webKeys, ...declaredKeys(cron)].filter((k) => !allKeys.includes(k));
    expect(unknown).toEqual([]);
  });
});

describe("render.yaml web service", () => {
  it("probes the guide's /health/ URL", () => {
    expect(scalar(web, "healthCheckPath")).toBe("/health/");
  });

  it("autoscales 1–5 instances at 70% CPU / 80% memory", () => {
    const scaling = /^ *scaling:[ \t]*\n((?: {6,}\S.*\n)+)/m.exec(web)?.[1];
    expect(scaling, "render.yaml: no scaling: block").toBeDefined();
    expect(scalar(scaling!, "minInstances")).toBe("1");
    expect(scalar(scaling!, "maxInstances")).toBe("5");
    expect(scalar(scaling!, "targetCPUPercent")).toBe("70");
    expect(scalar(scaling!, "targetMemoryPercent")).toBe("80");
  });

  it("migrates in the pre-deploy step and starts with npm start", () => {
    expect(scalar(web, "preDeployCommand")).toBe("npm run db:migrate");
    expect(scalar(web, "startCommand")).toBe("npm start");
    expect(scalar(web, "runtime")).toBe("node");
  });

  it("generates the production secrets and leaves third-party keys to the operator", () => {
    for (const key of ["SECRET_KEY", "ENCRYPTION_SALT"]) {
      expect(web).toMatch(new RegExp(`- key: ${key}\\s*\\n\\s*generateValue: true`));
    }
    for (const key of ["SENDGRID_API_KEY", "SENDGRID_FROM_EMAIL", "SENDGRID_WEBHOOK_PUBLIC_KEY", "SENTRY_DSN"]) {
      expect(web).toMatch(new RegExp(`- key: ${key}\\s*\\n\\s*sync: false`));
    }
  });
});

describe("render.yaml cron job", () => {
  it("runs npm run jobs every 10 minutes with the web service's secrets", () => {
    expect(scalar(cron, "type")).toBe("cron");
    expect(scalar(cron, "schedule")).toBe("*/10 * * * *");
    expect(scalar(cron, "startCommand")).toBe("npm run jobs");
    for (const key of ["SECRET_KEY", "ENCRYPTION_SALT"]) {
      expect(cron).toMatch(new RegExp(`- key: ${key}\\s*\\n\\s*fromService:\\s*\\n\\s*type: web\\s*\\n\\s*name: smart-invoice\\s*\\n\\s*envVarKey: ${key}`));
    }
    expect(declaredKeys(cron)).toContain("DATABASE_URL");
  });
});
