import path from "node:path";
import { Font } from "@react-pdf/renderer";
import type { PdfFontKind } from "./font-choice";
import type { LoadedFont } from "./painted-row";
import { decodeGlyphsOnce, installPdfkitShortcuts, type PdfkitStandardFont } from "./painted/pdfkit-shortcuts";

/**
 * DejaVu Sans (Bitstream Vera licence, see fonts/LICENSE-DejaVu.txt), copied into the repository
 * from the npm package dejavu-fonts-ttf@2.37.3: one TTF per weight covering Latin, Greek, Cyrillic
 * (and Arabic, Hebrew, Armenian, Georgian...). Characters it lacks (CJK) print as empty boxes
 * rather than failing the render.
 */
export const PDF_FONT_FAMILY = "DejaVu Sans";
/** The PDF standard font used for documents that need nothing beyond WinAnsi (see font-choice.ts). */
export const STANDARD_FONT_FAMILY = "Helvetica";

const WEIGHTS = [400, 700] as const;

/** Words longer than this are cut into pieces so a 2,000-character token wraps instead of overflowing. */
const LONG_WORD = 24;
const PIECE = 12;

let registered = false;
let prepared: Promise<void> | null = null;
let regularFont: LoadedFont | null = null;
let boldFont: LoadedFont | null = null;
let standardRegular: LoadedFont | null = null;
let standardBold: LoadedFont | null = null;

/**
 * A document's font family and, once preparePdfFonts has run, the loaded fonts painted text
 * measures with; for the standard fonts, also the embedded ones the painted document draws
 * FALLBACK_SYMBOLS (font-choice.ts) with.
 */
export type PdfFonts = {
  kind: PdfFontKind;
  family: string;
  regular: LoadedFont | null;
  bold: LoadedFont | null;
  fallback?: { regular: LoadedFont | null; bold: LoadedFont | null };
};

export function pdfFonts(kind: PdfFontKind): PdfFonts {
  return kind === "standard"
    ? { kind, family: STANDARD_FONT_FAMILY, regular: standardRegular, bold: standardBold, fallback: { regular: regularFont, bold: boldFont } }
    : { kind, family: PDF_FONT_FAMILY, regular: regularFont, bold: boldFont };
}

/** Registers the bundled fonts once per process; called by the renderer, never at import time. */
export function registerPdfFonts(): void {
  if (registered) return;
  const dir = path.join(process.cwd(), "pdf", "fonts");
  Font.register({
    family: PDF_FONT_FAMILY,
    fonts: [
      { src: path.join(dir, "DejaVuSans.ttf"), fontWeight: WEIGHTS[0] },
      { src: path.join(dir, "DejaVuSans-Bold.ttf"), fontWeight: WEIGHTS[1] },
    ],
  });
  // No hyphenation dictionary (it is English-only and mangles names); only very long tokens
  // (IBANs, URLs, pasted hashes) are split so they can wrap. Called for every word: no allocation
  // for ordinary words.
  Font.registerHyphenationCallback((word) => {
    if (word.length <= LONG_WORD) return [word];
    const pieces: string[] = [];
    for (let i = 0; i < word.length; i += PIECE) pieces.push(word.slice(i, i + PIECE));
    return pieces;
  });
  registered = true;
}

/** The parts of a fontkit font this module touches (fontkit's own types are not a dependency here). */
type FontkitFont = {
  postscriptName?: string;
  name?: { records?: object };
  head?: { checkSumAdjustment?: number };
  layout: (text: string, features?: unknown, ...rest: unknown[]) => unknown;
};

/**
 * Shaping results (fontkit `layout`) by string. React-PDF shapes every text run with fontkit, and
 * DejaVu's OpenType tables make that the single largest cost of text layout; in an invoice most
 * runs repeat (labels, units, tax names, quantities, the organisation's own details). Each caller
 * gets its own copy of the run's arrays and positions: pdfkit (painted table rows) scales a run's
 * positions in place, which would corrupt the cached run for every later document.
 * Bounded: the cache is dropped whole when it fills.
 */
const SHAPING_CACHE_LIMIT = 5_000;

type GlyphRun = { glyphs: unknown[]; positions: object[] };

function copyRun(run: GlyphRun): GlyphRun {
  // Same prototype, so fontkit's getters (advanceWidth sums the positions) keep working.
  const copy = Object.assign(Object.create(Object.getPrototypeOf(run) as object) as GlyphRun, run);
  copy.glyphs = run.glyphs.slice();
  copy.positions = run.positions.map((position) => ({ ...position }));
  return copy;
}

function cacheShaping(font: FontkitFont) {
  const layout = font.layout.bind(font);
  // Two generations: when the current one fills, it becomes the previous one (still read, and
  // entries used again move back), so a working set near the limit is kept instead of dropped.
  let cache = new Map<string, GlyphRun>();
  let previous = new Map<string, GlyphRun>();
  font.layout = (text, features, ...rest) => {
    // Only the calls React-PDF and pdfkit make (no script or language) are cached.
    if (rest[0] !== undefined || rest[1] !== undefined) return layout(text, features, ...rest);
    const key = `${features === undefined ? "" : JSON.stringify(features)}\u0000${String(rest[2])}\u0000${text}`;
    let run = cache.get(key);
    if (run === undefined) {
      run = previous.get(key);
      if (run === undefined) run = layout(text, features, ...rest) as GlyphRun;
      if (cache.size >= SHAPING_CACHE_LIMIT) {
        previous = cache;
        cache = new Map();
      }
      cache.set(key, copyRun(run));
    }
    return copyRun(run);
  };
}

/**
 * pdfkit, which writes the PDF, re-opens the font for every text run and compares it with the
 * one it already has by JSON-serialising the font's whole `name` table (DejaVu's holds the full
 * licence text) — twice per run, thousands of times on a long invoice. A `toJSON` with a short
 * identity makes that comparison cheap; distinct fonts still compare different.
 */
function cheapNameComparison(font: FontkitFont) {
  const records = font.name?.records;
  if (!records || Object.prototype.hasOwnProperty.call(records, "toJSON")) return;
  const identity = `${font.postscriptName ?? ""}:${font.head?.checkSumAdjustment ?? ""}`;
  Object.defineProperty(records, "toJSON", { value: () => identity, enumerable: false });
}

/**
 * Registers and loads the bundled fonts once per process (React-PDF then keeps the parsed fonts),
 * and applies the two speed-ups above to them. Awaited by the renderer before each render.
 */
export function preparePdfFonts(): Promise<void> {
  registerPdfFonts();
  prepared ??= (async () => {
    for (const fontWeight of WEIGHTS) {
      const source = Font.getFont({ fontFamily: PDF_FONT_FAMILY, fontWeight });
      await source.load();
      const font = source.data as unknown as FontkitFont | null;
      if (!font) continue;
      cheapNameComparison(font);
      if (process.env.PDF_NO_SHAPING_CACHE !== "1") cacheShaping(font);
      decodeGlyphsOnce(font as unknown as Parameters<typeof decodeGlyphsOnce>[0]);
      if (fontWeight === WEIGHTS[0]) regularFont = font as unknown as LoadedFont;
      else boldFont = font as unknown as LoadedFont;
    }
    // React-PDF registers the standard families itself; their AFM metrics load without I/O. Their
    // "shaping" (AFM widths and kerning pairs, looked up per character pair) is cached the same way.
    for (const fontWeight of WEIGHTS) {
      const source = Font.getFont({ fontFamily: STANDARD_FONT_FAMILY, fontWeight });
      await source.load();
      const font = source.data as unknown as FontkitFont | null;
      if (font && process.env.PDF_NO_SHAPING_CACHE !== "1") cacheShaping(font);
      // React-PDF's wrapper holds the pdfkit font it measures with, opened in a pdfkit document:
      // the way to React-PDF's own pdfkit classes.
      const pdfkitFont = (font as { src?: PdfkitStandardFont } | null)?.src;
      if (pdfkitFont) installPdfkitShortcuts(pdfkitFont);
      if (fontWeight === WEIGHTS[0]) standardRegular = font as unknown as LoadedFont | null;
      else standardBold = font as unknown as LoadedFont | null;
    }
  })();
  return prepared;
}
