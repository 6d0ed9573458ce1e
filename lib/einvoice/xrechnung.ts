/**
 * The XRechnung rules (BR-DE-*, KoSIT) as a stylesheet SaxonJS can run. KoSIT publishes them as
 * Schematron source (vendor/einvoice/xrechnung/src/validation/schematron), not as compiled XSLT,
 * and its own build needs Java; here lib/einvoice/schematron/sch2xslt.xsl compiles each schema to
 * an XSLT 3.0 stylesheet (with the xslt3 compiler that ships with SaxonJS), written once per
 * version of the sources into the cache. validate.ts then compiles and runs that stylesheet like
 * the CEN ones (`validateEInvoice(xml, { xrechnung: true })`).
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";

const SCHEMATRON = path.join(process.cwd(), "vendor", "einvoice", "xrechnung", "src", "validation", "schematron");
const COMPILER = path.join(process.cwd(), "lib", "einvoice", "schematron", "sch2xslt.xsl");

export const XRECHNUNG_SCHEMAS = {
  ubl: path.join(SCHEMATRON, "ubl", "XRechnung-UBL-validation.sch"),
  cii: path.join(SCHEMATRON, "cii", "XRechnung-CII-validation.sch"),
} as const;

const generated = new Map<string, Promise<string>>();

/** The path of the XSLT compiled from the XRechnung schema of a syntax, generating it when missing. */
export function xrechnungStylesheet(syntax: "ubl" | "cii", cacheDir: string): Promise<string> {
  const schema = XRECHNUNG_SCHEMAS[syntax];
  let result = generated.get(schema);
  if (!result) {
    // Its inputs: the schema, what it includes (common.sch) and the compiler.
    result = compileSchematron(schema, cacheDir, [path.join(SCHEMATRON, "common.sch")]);
    result.catch(() => generated.delete(schema));
    generated.set(schema, result);
  }
  return result;
}

/**
 * Compiles a Schematron schema to XSLT in cacheDir (once per content of the schema, the files it
 * includes and the compiler) and returns the XSLT's path.
 */
export async function compileSchematron(schema: string, cacheDir: string, includes: string[] = []): Promise<string> {
  const hash = createHash("sha256");
  // Fixed files under vendor/ and lib/, not paths Next should trace.
  for (const file of [schema, ...includes, COMPILER]) hash.update(readFileSync(/*turbopackIgnore: true*/ file));
  const target = path.join(cacheDir, `${path.basename(schema, ".sch")}-${hash.digest("hex").slice(0, 16)}.xslt`);
  if (!existsSync(target)) {
    mkdirSync(cacheDir, { recursive: true });
    // Unique name, then rename: two processes generating at once both succeed.
    const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
    const xslt3 = createRequire(path.join(process.cwd(), "package.json")).resolve("xslt3/xslt3.js");
    await promisify(execFile)(process.execPath, [xslt3, `-xsl:${COMPILER}`, `-s:${schema}`, `-o:${temporary}`], { maxBuffer: 16 * 1024 * 1024 });
    renameSync(temporary, target);
  }
  return target;
}
