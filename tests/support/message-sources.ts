/**
 * Finds, in the source, every message that can reach a person as an AppError or as an action's
 * success message: the arguments of badRequest/conflict/forbidden/notFound and `new AppError`
 * (message and field errors), the `message:` of objects in lib/actions and lib/uploads.ts, and
 * messages written into a localizeAppMessage call.
 * Read with the TypeScript parser, so lib/i18n/app-messages.test.ts checks what the code says today
 * and cannot drift from it. Test support only: it reads files from disk.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/** Literal: the exact text. Template: literal parts with a value between each two. Dynamic: known only at run time. */
export type MessageSource =
  | { kind: "literal"; text: string; where: string }
  | { kind: "template"; parts: string[]; where: string }
  | { kind: "dynamic"; expression: string; file: string; where: string };

const HELPERS = new Set(["badRequest", "conflict", "forbidden", "notFound"]);
const ROOT = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [rel] : [];
  });
}

type Parsed = { file: string; source: ts.SourceFile };

/** Every `const NAME = …` of a file, for resolving a message passed by name. */
function constants(source: ts.SourceFile): Map<string, ts.Expression> {
  const found = new Map<string, ts.Expression>();
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && !found.has(node.name.text)) found.set(node.name.text, node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Names a file imports from lib/errors (so Next's own notFound() is told apart). */
function errorHelpers(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (!/(^@\/lib\/errors$|\/errors$)/.test(statement.moduleSpecifier.text)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) names.add((el.propertyName ?? el.name).text);
  }
  return names;
}

// Already worded in the app language by a catalog: t(…), (await messages())(…), (await getAppMessages(c))(…), appTranslator(c, l)(…).
const TRANSLATED = /^(t|\(await (messages|getAppMessages)\([^)]*\)\)|appTranslator\([^)]*\))\(/;

export function findMessageSources(): MessageSource[] {
  const parsed: Parsed[] = [...sourceFiles("lib"), ...sourceFiles("app")].map((file) => ({
    file,
    source: ts.createSourceFile(file, readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS),
  }));
  // Constants other files import by name ("EMAIL_TAKEN", "SEND_WITHOUT_EMAIL_MESSAGE"), by their name.
  const global = new Map<string, ts.Expression>();
  for (const { source } of parsed) for (const [name, init] of constants(source)) if (!global.has(name)) global.set(name, init);

  const out: MessageSource[] = [];
  for (const { file, source } of parsed) {
    if (file === path.join("lib", "errors.ts")) continue; // the helpers' own definitions
    const helpers = errorHelpers(source);
    const where = (node: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;

    const resolve = (expr: ts.Expression, at: ts.Node, prefix = "", seen = new Set<string>()): void => {
      if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isSatisfiesExpression(expr)) return resolve(expr.expression, at, prefix, seen);
      if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) {
        out.push({ kind: "literal", text: prefix ? `${prefix.replace("\u0000", expr.text)}` : expr.text, where: where(at) });
        return;
      }
      if (ts.isTemplateExpression(expr)) {
        const parts = [expr.head.text, ...expr.templateSpans.map((span) => span.literal.text)];
        if (prefix) {
          const [before, after] = prefix.split("\u0000") as [string, string];
          parts[0] = before + parts[0];
          parts[parts.length - 1] += after;
        }
        out.push({ kind: "template", parts, where: where(at) });
        return;
      }
      if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.PlusToken) {
        const parts = concatenated(expr);
        if (parts) {
          out.push(parts.length === 1 ? { kind: "literal", text: parts[0]!, where: where(at) } : { kind: "template", parts, where: where(at) });
          return;
        }
      }
      if (ts.isConditionalExpression(expr)) {
        resolve(expr.whenTrue, at, prefix, seen);
        resolve(expr.whenFalse, at, prefix, seen);
        return;
      }
      if (ts.isIdentifier(expr) && !seen.has(expr.text)) {
        const init = declared(expr.text, expr) ?? global.get(expr.text);
        if (init) return resolve(init, at, prefix, new Set([...seen, expr.text]));
      }
      const text = expr.getText(source).replace(/\s+/g, " ");
      if (TRANSLATED.test(text)) return;
      out.push({ kind: "dynamic", expression: text, file, where: where(at) });
    };

    /** The initializer of the nearest `const name = …` in a block around `node` (a parameter has none). */
    const declared = (name: string, node: ts.Node): ts.Expression | undefined => {
      for (let scope: ts.Node | undefined = node.parent; scope; scope = scope.parent) {
        if (ts.isFunctionLike(scope) && scope.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === name)) return undefined;
        if (!ts.isBlock(scope) && !ts.isSourceFile(scope)) continue;
        for (const statement of scope.statements) {
          if (!ts.isVariableStatement(statement)) continue;
          const decl = statement.declarationList.declarations.find((d) => ts.isIdentifier(d.name) && d.name.text === name);
          if (decl?.initializer) return decl.initializer;
        }
      }
      return undefined;
    };

    /** "a" + `b ${x}` + "c" as template parts, when every piece is written in the code. */
    const concatenated = (expr: ts.Expression): string[] | null => {
      if (ts.isParenthesizedExpression(expr)) return concatenated(expr.expression);
      if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return [expr.text];
      if (ts.isTemplateExpression(expr)) return [expr.head.text, ...expr.templateSpans.map((span) => span.literal.text)];
      if (!ts.isBinaryExpression(expr) || expr.operatorToken.kind !== ts.SyntaxKind.PlusToken) return null;
      const left = concatenated(expr.left);
      const right = concatenated(expr.right);
      if (!left || !right) return null;
      return [...left.slice(0, -1), left.at(-1)! + right[0]!, ...right.slice(1)];
    };

    const fieldErrors = (expr: ts.Expression | undefined, at: ts.Node) => {
      if (!expr || !ts.isObjectLiteralExpression(expr)) return;
      for (const prop of expr.properties) if (ts.isPropertyAssignment(prop)) resolve(prop.initializer, at);
    };

    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && HELPERS.has(node.expression.text) && helpers.has(node.expression.text)) {
        const name = node.expression.text;
        const [first, second] = node.arguments;
        if (name === "notFound") {
          if (first) resolve(first, node, "\u0000 was not found.");
          else out.push({ kind: "literal", text: "That item was not found.", where: where(node) });
        } else if (name === "forbidden" && !first) out.push({ kind: "literal", text: "You don't have permission to do that.", where: where(node) });
        else if (first) resolve(first, node);
        if (name === "badRequest") fieldErrors(second, node);
      }
      // A message written straight into the call that words it (route handlers): it must be known too.
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "localizeAppMessage" && node.arguments[0]) {
        const [message] = node.arguments;
        if (ts.isStringLiteral(message) || ts.isNoSubstitutionTemplateLiteral(message)) resolve(message, node);
      }
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "AppError" && node.arguments?.[1]) {
        resolve(node.arguments[1], node);
        fieldErrors(node.arguments[2], node);
      }
      // safe-action.ts is the boundary itself: its messages are the ones found here, or catalog keys.
      const says = (file.startsWith(path.join("lib", "actions")) && file !== path.join("lib", "actions", "safe-action.ts")) || file === path.join("lib", "uploads.ts");
      if (says && ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === "message" && ts.isObjectLiteralExpression(node.parent)) {
        resolve(node.initializer, node);
      }
      if (says && ts.isShorthandPropertyAssignment(node) && node.name.text === "message") resolve(node.name, node);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}
