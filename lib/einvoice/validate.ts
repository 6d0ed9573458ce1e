/**
 * Checks an e-invoice against the official artefacts in vendor/einvoice: the XML schema (UBL 2.1 or
 * CII D16B, with xmllint compiled to WebAssembly) and the CEN EN 16931 business rules (the
 * schematron compiled to XSLT, run by SaxonJS). Used before a document is issued in an e-invoice
 * format and by the tests; no Java, no network.
 *
 * SaxonJS runs an XSLT only once it is compiled to a SEF file, which takes 10–30 s: compiled once
 * per stylesheet version into CACHE_DIR (`npm run einvoice:compile` does it at build time), then
 * loaded once per process (about 50 ms) and applied in 50–300 ms per document.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import SaxonJS from "saxon-js";
import { validateXML } from "xmllint-wasm";
import { xrechnungStylesheet } from "./xrechnung";

const VENDOR = path.join(process.cwd(), "vendor", "einvoice");
export const CACHE_DIR = path.join(process.cwd(), "node_modules", ".cache", "smart-invoice-einvoice");

export type Syntax = "ubl" | "cii";

/** One failed rule of a schematron report (SVRL failed-assert). */
export type RuleFinding = { id: string; flag: string; text: string; location: string };

export type ValidationResult = {
  /** No schema error and no failed assert of any flag (fatal or warning). */
  valid: boolean;
  schemaErrors: string[];
  failedAsserts: RuleFinding[];
};

export const STYLESHEETS = {
  "en16931-ubl": path.join(VENDOR, "en16931", "ubl", "xslt", "EN16931-UBL-validation.xslt"),
  "en16931-cii": path.join(VENDOR, "en16931", "cii", "xslt", "EN16931-CII-validation.xslt"),
} as const;
export type StylesheetName = keyof typeof STYLESHEETS;

const loaded = new Map<string, Promise<unknown>>();

/** The compiled stylesheet (SEF) for an XSLT file, compiling it into the cache when missing. */
export function compiledStylesheet(xsltPath: string): Promise<unknown> {
  let sef = loaded.get(xsltPath);
  if (!sef) {
    sef = loadOrCompile(xsltPath);
    sef.catch(() => loaded.delete(xsltPath));
    loaded.set(xsltPath, sef);
  }
  return sef;
}

async function loadOrCompile(xsltPath: string): Promise<unknown> {
  const hash = createHash("sha256").update(readFileSync(xsltPath)).digest("hex").slice(0, 16);
  const target = path.join(CACHE_DIR, `${path.basename(xsltPath, ".xslt")}-${hash}.sef.json`);
  if (!existsSync(target)) {
    mkdirSync(CACHE_DIR, { recursive: true });
    // Written under a unique name, then renamed: two processes compiling at once both succeed.
    const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
    const xslt3 = createRequire(path.join(process.cwd(), "package.json")).resolve("xslt3/xslt3.js");
    await promisify(execFile)(process.execPath, [xslt3, `-xsl:${xsltPath}`, `-export:${temporary}`, "-nogo", "-relocate:on"], {
      maxBuffer: 16 * 1024 * 1024,
    });
    renameSync(temporary, target);
  }
  return JSON.parse(readFileSync(target, "utf8"));
}

/** Applies a compiled schematron stylesheet and returns its failed asserts. */
export async function runSchematron(xsltPath: string, xml: string): Promise<RuleFinding[]> {
  const stylesheetInternal = await compiledStylesheet(xsltPath);
  const result = (await SaxonJS.transform({ stylesheetInternal, sourceText: xml, destination: "serialized" }, "async")) as {
    principalResult: string;
  };
  return failedAsserts(result.principalResult);
}

const ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'", "&amp;": "&" };
const unescape = (text: string) => text.replace(/&(?:lt|gt|quot|apos|amp);/g, (e) => ENTITIES[e] ?? e);
const attribute = (attrs: string, name: string) => unescape(new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1] ?? "");

/**
 * The failed asserts of an SVRL report, and its successful reports (a Schematron `report` flags a
 * condition that is present; the CEN stylesheets have none, sch2xslt.xsl supports them).
 */
export function failedAsserts(svrl: string): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const match of svrl.matchAll(/<svrl:(failed-assert|successful-report)\b([^>]*)>([\s\S]*?)<\/svrl:\1>/g)) {
    const [, , attrs = "", body = ""] = match;
    const text = unescape(/<svrl:text>([\s\S]*?)<\/svrl:text>/.exec(body)?.[1] ?? "").trim();
    findings.push({ id: attribute(attrs, "id"), flag: attribute(attrs, "flag") || "fatal", text, location: attribute(attrs, "location") });
  }
  return findings;
}

type SchemaFile = { fileName: string; contents: string };
const schemaSets = new Map<string, { main: SchemaFile; preload: SchemaFile[] }>();

function readTree(root: string, dir = ""): SchemaFile[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return readTree(root, relative);
    return entry.name.endsWith(".xsd") ? [{ fileName: relative, contents: readFileSync(path.join(root, relative), "utf8") }] : [];
  });
}

const CII_ROOT = path.join(VENDOR, "en16931", "cii", "schema", "D16B SCRDM (Subset)", "uncoupled clm", "CII", "uncefact");
const SCHEMAS = {
  Invoice: { root: path.join(VENDOR, "ubl-2.1", "xsd"), main: "maindoc/UBL-Invoice-2.1.xsd" },
  CreditNote: { root: path.join(VENDOR, "ubl-2.1", "xsd"), main: "maindoc/UBL-CreditNote-2.1.xsd" },
  CrossIndustryInvoice: { root: CII_ROOT, main: "data/standard/CrossIndustryInvoice_100pD16B.xsd" },
} as const;

function schemaSet(name: keyof typeof SCHEMAS) {
  let set = schemaSets.get(name);
  if (!set) {
    const { root, main } = SCHEMAS[name];
    const files = readTree(root);
    const mainFile = files.find((f) => f.fileName === main);
    if (!mainFile) throw new Error(`einvoice: schema ${main} missing under ${root}`);
    set = { main: mainFile, preload: files.filter((f) => f !== mainFile) };
    schemaSets.set(name, set);
  }
  return set;
}

/** The document's root element name (Invoice, CreditNote, CrossIndustryInvoice), or null. */
export function rootElement(xml: string): string | null {
  const match = /<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>/]/.exec(xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ""));
  return match?.[1] ?? null;
}

/** XSD errors (empty when the document is schema-valid). */
export async function schemaErrors(xml: string): Promise<string[]> {
  const root = rootElement(xml);
  if (root !== "Invoice" && root !== "CreditNote" && root !== "CrossIndustryInvoice") {
    return [`The root element is ${root ?? "missing"}; expected a UBL Invoice or CreditNote, or a CII CrossIndustryInvoice.`];
  }
  const { main, preload } = schemaSet(root);
  const result = await validateXML({ xml: [{ fileName: "document.xml", contents: xml }], schema: [main], preload });
  return result.valid ? [] : result.errors.map((e) => e.message);
}

export type ValidateOptions = {
  /** Also run the XRechnung rules (BR-DE-*) of the document's syntax (lib/einvoice/xrechnung.ts). */
  xrechnung?: boolean;
};

/** The XML schema and the EN 16931 rules of the document's syntax (and, when asked, XRechnung's). */
export async function validateEInvoice(xml: string, options: ValidateOptions = {}): Promise<ValidationResult> {
  const schema = await schemaErrors(xml);
  const syntax: Syntax = rootElement(xml) === "CrossIndustryInvoice" ? "cii" : "ubl";
  // A document the schema refuses may still be read by the rules: report both, as validators do.
  const asserts = await runSchematron(STYLESHEETS[syntax === "ubl" ? "en16931-ubl" : "en16931-cii"], xml);
  if (options.xrechnung) asserts.push(...(await runSchematron(await xrechnungStylesheet(syntax, CACHE_DIR), xml)));
  return { valid: schema.length === 0 && asserts.length === 0, schemaErrors: schema, failedAsserts: asserts };
}

/** Compiles every stylesheet into the cache (build step and test setup). */
export async function compileAll(): Promise<void> {
  for (const xslt of Object.values(STYLESHEETS)) await compiledStylesheet(xslt);
  for (const syntax of ["ubl", "cii"] as const) await compiledStylesheet(await xrechnungStylesheet(syntax, CACHE_DIR));
}

let prepared: Promise<void> | undefined;

/** compileAll once per process (a failure is not remembered: the next call tries again). */
export function prepareValidation(): Promise<void> {
  if (!prepared) {
    prepared = compileAll();
    prepared.catch(() => (prepared = undefined));
  }
  return prepared;
}
