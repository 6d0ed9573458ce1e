/**
 * A short road through pdfkit's `text()` for the painted document's runs: one line, a standard
 * font (Helvetica), no options beyond the baseline. Those runs are most of what a painted invoice
 * writes, and pdfkit's general path (options merging, line splitting, then building the glyph
 * array with its kerning gaps run by run) was over half of the time of a 20-page render. Here the
 * operators are the ones pdfkit writes for such a run — the glyph array depends only on the font
 * and the text, so it is built once per string — and document.test.ts checks that a document's
 * content streams come out byte for byte the same with and without this road.
 *
 * Only calls that pass `PAINTED_TEXT` (the options object itself) take it; every other call, and
 * embedded fonts (whose glyph ids are per document), go through pdfkit's own `text()`.
 */

/** The options the painted document draws every run with; the short road is taken for these only. */
export const PAINTED_TEXT = Object.freeze({ lineBreak: false, baseline: "alphabetic" });

type Position = { xAdvance: number; advanceWidth: number; xOffset: number; yOffset: number };
type PdfkitFont = { id: string; name: string; ref: () => unknown; encode: (text: string) => [string[], Position[]]; widthOfString: (text: string, size: number) => number };
type PdfkitDocument = {
  page: { height: number; fonts: Record<string, unknown> };
  _font: PdfkitFont;
  _fontSize: number;
  _textOptions: unknown;
  x: number;
  y: number;
  addContent: (content: string) => PdfkitDocument;
  text: (text: string, x: number, y: number, options: object) => PdfkitDocument;
};

/** pdfkit's number format for content streams (PDFObject.number). */
function pdfNumber(n: number): number {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6;
  throw new Error(`unsupported number: ${n}`);
}

/** The TJ operator pdfkit's _fragment writes for a run without glyph offsets (standard fonts have none). */
function glyphArray(font: PdfkitFont, text: string): string {
  const [encoded, positions] = font.encode(text);
  const commands: string[] = [];
  let last = 0;
  const segment = (end: number) => {
    if (last < end) commands.push(`<${encoded.slice(last, end).join("")}> ${pdfNumber(-(positions[end - 1]!.xAdvance - positions[end - 1]!.advanceWidth))}`);
    last = end;
  };
  for (let i = 0; i < positions.length; i++) if (positions[i]!.xAdvance - positions[i]!.advanceWidth !== 0) segment(i + 1);
  segment(positions.length);
  return `[${commands.join(" ")}] TJ`;
}

const GLYPH_ARRAY_LIMIT = 20_000;
let enabled = true;

/** Tests only: false sends every run through pdfkit's own text(), to compare the output. */
export function usePaintedTextRoad(on: boolean) {
  enabled = on;
}

/**
 * Installs the road on pdfkit's document class, given any document of it and its standard-font
 * class (reached through the instances React-PDF opened its fonts with, so it is React-PDF's pdfkit).
 */
export function installPaintedTextRoad(documentPrototype: PdfkitDocument & { paintedTextRoad?: true }, standardFontClass: abstract new (...args: never[]) => unknown) {
  if (documentPrototype.paintedTextRoad) return;
  const text = documentPrototype.text;
  const arrays = new Map<string, string>();
  documentPrototype.text = function (this: PdfkitDocument, run, x, y, options) {
    const font = this._font;
    if (options !== PAINTED_TEXT || !enabled || this._textOptions || !(font instanceof standardFontClass) || typeof run !== "string" || run === "" || run.includes("\n")) {
      return text.call(this, run, x, y, options);
    }
    const key = `${font.name}\u0000${run}`;
    let tj = arrays.get(key);
    if (tj === undefined) {
      if (arrays.size >= GLYPH_ARRAY_LIMIT) arrays.clear();
      arrays.set(key, (tj = glyphArray(font, run)));
    }
    // What _text → _line → _fragment do for a left-aligned, alphabetic-baseline, one-line run:
    // save, flip the y axis, set the text matrix and font, draw, restore. The save/restore pair
    // leaves pdfkit's own matrix as it was, so it is written, not tracked; and the operators go
    // out in one write (pdfkit turns every write into its own byte array, newline-terminated).
    const height = this.page.height;
    if (this.page.fonts[font.id] == null) this.page.fonts[font.id] = font.ref();
    this.addContent(`q\n1 0 0 -1 0 ${pdfNumber(height)} cm\nBT\n1 0 0 1 ${pdfNumber(x)} ${pdfNumber(height - y)} Tm\n/${font.id} ${pdfNumber(this._fontSize)} Tf\n${tj}\nET\nQ`);
    this.y = y;
    this.x = x + font.widthOfString(run, this._fontSize);
    return this;
  };
  documentPrototype.paintedTextRoad = true;
}
