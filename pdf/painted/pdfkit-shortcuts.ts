/**
 * Shortcuts through pdfkit (which writes React-PDF's files) and fontkit (which it embeds fonts
 * with) for what a painted invoice does most, each producing exactly the bytes their own code
 * produces: document-pdf.test.ts renders documents with and without them and compares the files,
 * less their dates and ids.
 *
 * 1. Standard-font encodings remembered. pdfkit encodes every Helvetica run twice when it draws it
 *    (once to write it, once to advance past it), looking up a kerning pair by a concatenated
 *    string key for every pair of characters. A run's encoding depends only on the font and the
 *    text, so both results are kept per font name, for every document (frozen: pdfkit only reads them).
 * 2. A short road through `text()` for the painted document's runs: one line, the options object
 *    `PAINTED_TEXT` itself and nothing else. pdfkit's general path (options merging,
 *    line splitting, building the glyph array with its kerning gaps, eight separate writes that
 *    each become a byte array) was over half of a 20-page render. The road writes the same
 *    operators, with the glyph array built once per string, in one write.
 * 3. Standard fonts shared between documents. Every new pdfkit document parses the Helvetica
 *    metrics afresh (a kerning table of thousands of string keys), twice for a document in
 *    regular and bold: a fifth of a 1-page render. A document now gets its own font object (its own
 *    id and PDF dictionary, as before) over the metrics parsed once.
 * 4. Glyph outlines decoded once per font (`decodeGlyphsOnce`, for the embedded DejaVu).
 *
 * They are installed on React-PDF's own pdfkit classes, reached through the standard-font object
 * React-PDF measures with (`installPdfkitShortcuts`), never on a copy of pdfkit that React-PDF
 * might not be using.
 */

/** The options the painted document draws every run with; the short road is taken for these only. */
export const PAINTED_TEXT = Object.freeze({ lineBreak: false, baseline: "alphabetic" });

type Position = { xAdvance: number; advanceWidth: number; xOffset: number; yOffset: number };

/** A pdfkit font (standard or embedded), as much of it as is touched here. */
type PdfkitFont = {
  name: string;
  id: string;
  /** Embedded fonts only: the glyphs this document uses. */
  subset?: object;
  ref: () => unknown;
  encode: (text: string, features?: unknown) => [string[], Position[]];
  widthOfString: (text: string, size: number, features?: unknown) => number;
};

/** pdfkit's standard-font class (Helvetica...), as much of it as is touched here. */
export type PdfkitStandardFont = {
  name: string;
  id: string;
  document: PdfkitDocument;
  dictionary?: unknown;
  embedded?: boolean;
  ref: () => unknown;
  encode: (text: string, features?: unknown) => [string[], Position[]];
  widthOfString: (text: string, size: number, features?: unknown) => number;
};

type PdfkitDocument = {
  page: { height: number; fonts: Record<string, unknown> };
  _font: PdfkitFont;
  _fontSize: number;
  _fontCount: number;
  _fontFamilies?: Record<string, unknown>;
  _registeredFonts?: Record<string, unknown>;
  _textOptions: unknown;
  x: number;
  y: number;
  addContent: (content: string) => PdfkitDocument;
  text: (text: string, x: number, y: number, options: object) => PdfkitDocument;
  font: (src: unknown, family?: unknown, size?: unknown) => PdfkitDocument;
};

const CACHE_LIMIT = 20_000;
/** Longer strings (a pasted essay of a description) are not kept: they would rarely recur and weigh the most. */
const CACHED_TEXT_LIMIT = 200;
let enabled = true;

/** How often each shortcut was taken since the process started: tests check they really run. */
export const shortcutUses = { encode: 0, text: 0, sharedFont: 0, decode: 0 };

/** Tests only: false sends everything through pdfkit's own code, to compare the output. */
export function usePdfkitShortcuts(on: boolean) {
  enabled = on;
}

/** pdfkit's number format for content streams (PDFObject.number). */
function pdfNumber(n: number): number {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6;
  throw new Error(`unsupported number: ${n}`);
}

/** A map that forgets everything when full: bounded, and refilled by the next documents. */
function remember<V>(map: Map<string, V>, key: string, make: () => V): V {
  if (key.length > CACHED_TEXT_LIMIT) return make();
  let value = map.get(key);
  if (value === undefined) {
    if (map.size >= CACHE_LIMIT) map.clear();
    map.set(key, (value = make()));
  }
  return value;
}

/** 1. Encodings and widths per font name and text. */
function memoizeEncoding(prototype: PdfkitStandardFont & { memoized?: true }) {
  if (prototype.memoized) return;
  const { encode, widthOfString } = prototype;
  const encodings = new Map<string, [string[], Position[]]>();
  const widths = new Map<string, number>();
  prototype.encode = function (this: PdfkitStandardFont, text, features) {
    // A soft hyphen's position is changed after encoding (React-PDF's font wrapper zeroes its
    // width), so such runs are not shared; documents in the standard fonts have none anyway.
    if (!enabled || text.includes("\u00ad")) return encode.call(this, text, features);
    shortcutUses.encode++;
    return remember(encodings, `${this.name}\u0000${text}`, () => {
      const [hex, positions] = encode.call(this, text, features);
      return Object.freeze([Object.freeze(hex), Object.freeze(positions.map((p) => Object.freeze(p)))]) as [string[], Position[]];
    });
  };
  prototype.widthOfString = function (this: PdfkitStandardFont, text, size, features) {
    if (!enabled) return widthOfString.call(this, text, size, features);
    // At size 1000 pdfkit returns the plain sum of advances; scaled here exactly as pdfkit scales it.
    return remember(widths, `${this.name}\u0000${text}`, () => widthOfString.call(this, text, 1000, features)) * (size / 1000);
  };
  prototype.memoized = true;
}

/**
 * The TJ operator pdfkit's _fragment writes for a run, or null when a glyph is offset (marks placed
 * by the font's positioning rules: pdfkit then moves the text matrix, and its own code is used).
 */
function glyphArray(font: PdfkitFont, text: string): string | null {
  const [encoded, positions] = font.encode(text);
  const commands: string[] = [];
  let last = 0;
  const segment = (end: number) => {
    if (last < end) commands.push(`<${encoded.slice(last, end).join("")}> ${pdfNumber(-(positions[end - 1]!.xAdvance - positions[end - 1]!.advanceWidth))}`);
    last = end;
  };
  for (let i = 0; i < positions.length; i++) {
    const position = positions[i]!;
    if (position.xOffset || position.yOffset) return null;
    if (position.xAdvance - position.advanceWidth !== 0) segment(i + 1);
  }
  segment(positions.length);
  return `[${commands.join(" ")}] TJ`;
}

/**
 * 2. The short road through text(). Standard fonts: glyph arrays kept per font name, for every
 * document. Embedded fonts number their glyphs per document (in order of first use, as pdfkit
 * does when it encodes), so their arrays are kept per document's font object.
 */
function shortenText(documentPrototype: PdfkitDocument & { shortText?: true }, standardFontClass: abstract new (...args: never[]) => unknown) {
  if (documentPrototype.shortText) return;
  const text = documentPrototype.text;
  const standardArrays = new Map<string, string | null>();
  const embeddedArrays = new WeakMap<object, Map<string, string | null>>();
  documentPrototype.text = function (this: PdfkitDocument, run, x, y, options) {
    const font = this._font;
    const standard = font instanceof standardFontClass;
    if (options !== PAINTED_TEXT || !enabled || this._textOptions || typeof run !== "string" || run === "" || run.includes("\n") || !(standard || typeof font.subset === "object")) {
      return text.call(this, run, x, y, options);
    }
    let tj: string | null;
    if (standard) tj = remember(standardArrays, `${font.name}\u0000${run}`, () => glyphArray(font, run));
    else {
      let arrays = embeddedArrays.get(font);
      if (!arrays) embeddedArrays.set(font, (arrays = new Map()));
      tj = remember(arrays, run, () => glyphArray(font, run));
    }
    // Encoding again there is harmless: a glyph joins the document's subset once.
    if (tj === null) return text.call(this, run, x, y, options);
    // What _text → _line → _fragment do for a left-aligned, alphabetic-baseline, one-line run:
    // save, flip the y axis, set the text matrix and font, draw, restore. The save/restore pair
    // leaves pdfkit's own matrix as it was, so it is written, not tracked; and the operators go
    // out in one write (pdfkit turns every write into its own byte array, newline-terminated).
    const height = this.page.height;
    if (this.page.fonts[font.id] == null) this.page.fonts[font.id] = font.ref();
    this.addContent(`q\n1 0 0 -1 0 ${pdfNumber(height)} cm\nBT\n1 0 0 1 ${pdfNumber(x)} ${pdfNumber(height - y)} Tm\n/${font.id} ${pdfNumber(this._fontSize)} Tf\n${tj}\nET\nQ`);
    shortcutUses.text++;
    this.y = y;
    // As _line advances x: pdfkit's document-level widthOfString (no character spacing, 100% scaling).
    this.x = x + ((font.widthOfString(run, this._fontSize) + 0 * (run.length - 1)) * 100) / 100;
    return this;
  };
  documentPrototype.shortText = true;
}

/** 3. A document's standard font as a copy of one already parsed: own id and dictionary, shared metrics. */
function shareStandardFonts(documentPrototype: PdfkitDocument & { sharedFonts?: Map<string, PdfkitStandardFont> }, template: PdfkitStandardFont) {
  if (!documentPrototype.sharedFonts) {
    const templates = new Map<string, PdfkitStandardFont>();
    const font = documentPrototype.font;
    documentPrototype.font = function (this: PdfkitDocument, src, family, size) {
      const shared = typeof src === "string" ? templates.get(src) : undefined;
      // Only where pdfkit itself would open the font afresh: a standard font's name, not yet in this document.
      if (shared && enabled && (family == null || typeof family === "number") && this._fontFamilies && !this._fontFamilies[shared.name] && !this._registeredFonts?.[shared.name]) {
        // As pdfkit numbers a new font; the copy has no PDF dictionary yet (ref() makes one in this document).
        const copy: PdfkitStandardFont = Object.assign(Object.create(Object.getPrototypeOf(shared) as object) as PdfkitStandardFont, shared, {
          document: this,
          id: `F${++this._fontCount}`,
          dictionary: undefined,
          embedded: undefined,
        });
        this._fontFamilies[shared.name] = copy;
        shortcutUses.sharedFont++;
      }
      return font.call(this, src, family, size);
    };
    documentPrototype.sharedFonts = templates;
  }
  documentPrototype.sharedFonts.set(template.name, template);
}

/** A fontkit TrueType font, as much of it as is touched here. */
type FontkitFont = { getGlyph: (id: number) => object; _variationProcessor?: unknown };
type FontkitGlyph = { id: number; _font: FontkitFont; _decode: () => unknown; decodedOnce?: true };

/**
 * 4. Glyph outlines decoded once per font (fontkit, which pdfkit embeds fonts with). Embedding a
 * font's subset decodes every glyph the document uses from the font file, for every document,
 * only to learn whether it is made of other glyphs: a sixth of a 1-page Greek invoice. The decoded
 * glyph depends only on the font and the glyph, and nothing on that path changes it. Fonts with
 * variations (none bundled here) decode afresh, as their outlines depend on the chosen instance.
 */
export function decodeGlyphsOnce(font: FontkitFont) {
  const prototype = Object.getPrototypeOf(font.getGlyph(0)) as FontkitGlyph;
  if (prototype.decodedOnce) return;
  const decode = prototype._decode;
  const decoded = new WeakMap<FontkitFont, Map<number, unknown>>();
  prototype._decode = function (this: FontkitGlyph) {
    if (!enabled || this._font._variationProcessor) return decode.call(this);
    let byId = decoded.get(this._font);
    if (!byId) decoded.set(this._font, (byId = new Map()));
    if (!byId.has(this.id)) byId.set(this.id, decode.call(this));
    else shortcutUses.decode++;
    return byId.get(this.id);
  };
  prototype.decodedOnce = true;
}

/** Installs 1–3, given a standard font React-PDF opened (its pdfkit classes are reached through it). */
export function installPdfkitShortcuts(font: PdfkitStandardFont) {
  const documentPrototype = Object.getPrototypeOf(font.document) as PdfkitDocument;
  memoizeEncoding(Object.getPrototypeOf(font) as PdfkitStandardFont);
  shortenText(documentPrototype, font.constructor as abstract new (...args: never[]) => unknown);
  shareStandardFonts(documentPrototype, font);
}
