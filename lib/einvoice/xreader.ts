/** XPath over a document parsed by SaxonJS, for the e-invoice readers (parse-ubl.ts, parse-cii.ts). */
import SaxonJS from "saxon-js";

/** A node of a parsed document, as SaxonJS hands it out (opaque here). */
export type XNode = { readonly __brand: "XNode" };

/** XPath over one document with one set of namespace prefixes: what the syntax readers use. */
export class XReader {
  constructor(private readonly namespaces: Record<string, string>) {}

  nodes(context: XNode, xpath: string): XNode[] {
    return SaxonJS.XPath.evaluate(xpath, context, { namespaceContext: this.namespaces, resultForm: "array" }) as XNode[];
  }

  node(context: XNode, xpath: string): XNode | undefined {
    return this.nodes(context, `(${xpath})[1]`)[0];
  }

  /** The first match's text with surrounding whitespace removed; undefined when absent or empty. */
  text(context: XNode | undefined, xpath: string): string | undefined {
    if (!context) return undefined;
    const value = SaxonJS.XPath.evaluate(`string((${xpath})[1])`, context, { namespaceContext: this.namespaces }) as string;
    const trimmed = value.trim();
    return trimmed === "" ? undefined : trimmed;
  }

  texts(context: XNode, xpath: string): string[] {
    return this.nodes(context, xpath)
      .map((n) => this.text(n, "."))
      .filter((t): t is string => t !== undefined);
  }
}
