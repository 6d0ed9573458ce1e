/** The part of SaxonJS 2.7 (no bundled types) that lib/einvoice uses. */
declare module "saxon-js" {
  type TransformOptions = {
    stylesheetInternal?: unknown;
    stylesheetText?: string;
    sourceText?: string;
    destination?: "serialized" | "document" | "raw";
    stylesheetParams?: Record<string, unknown>;
  };
  const SaxonJS: {
    transform(options: TransformOptions, mode: "async"): Promise<{ principalResult: unknown }>;
    transform(options: TransformOptions): { principalResult: unknown };
    getResource(options: { text?: string; type: "xml" | "json" | "text" }): Promise<unknown>;
    XPath: { evaluate(xpath: string, context?: unknown, options?: Record<string, unknown>): unknown };
  };
  export default SaxonJS;
}
