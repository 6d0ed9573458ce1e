/**
 * A lines-table row drawn as one React-PDF <Canvas> instead of a <View> holding five <Text>s.
 *
 * Why: on a long invoice the rows are nearly all of the document, and each <Text> costs a full
 * React-PDF text layout (bidi, script itemisation, font substitution, line breaking), a yoga node
 * laid out on every pagination pass, and a text block to render — most of a 20-page render. A
 * row whose cells each fit on one line needs none of that: its height is known in advance (one
 * line of text plus the row's padding and rule) and each cell is a single run drawn at the same
 * baseline and x position React-PDF's text layout would give it, with the same font, size, colour
 * and shaping (fontkit), through the Canvas painter's documented `font`/`fillColor`/`text`
 * methods. The output looks the same and extracts as the same text.
 *
 * Rows that need real text layout — a description that wraps, right-to-left text, combining marks,
 * characters the font lacks (CJK), control characters — are not painted: `paintableRow` returns
 * null and the table falls back to the <Text> row.
 */
import { PAINTED_TEXT } from "./painted/pdfkit-shortcuts";
import { columns } from "./styles";

/**
 * The font React-PDF loaded for the document's family (only what is used here): a fontkit font
 * (DejaVu), or React-PDF's wrapper of a PDF standard font (`type` "STANDARD", AFM metrics).
 */
export type LoadedFont = {
  type?: string;
  fullName?: string;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  lineGap: number;
  hasGlyphForCodePoint: (codePoint: number) => boolean;
  layout: (text: string, features?: string[]) => { positions: { xAdvance: number }[] };
};

export type RowGeometry = {
  /** Width of the row's content box (page width minus horizontal padding). */
  width: number;
  fontSize: number;
  paddingVertical: number;
  borderBottomWidth: number;
};

export type Cell = { text: string; x: number; width: number; align: "left" | "right" };

export type PaintedRow = {
  /** Border-box height of the row (padding, one line, bottom rule): what the <Text> row measures. */
  height: number;
  paint: (painter: Painter, availableWidth?: number) => null;
};

/** The Canvas painter's methods used here (React-PDF passes pdfkit calls through). */
type Painter = {
  font: (font: unknown, size: number) => Painter;
  fillColor: (color: string) => Painter;
  fillOpacity: (opacity: number) => Painter;
  text: (text: string, x: number, y: number, options: Record<string, unknown>) => Painter;
};

// Scripts written right to left, bidi controls, combining marks, line breaks and tabs, astral
// characters (emoji and the like): all need the text engine.
const NEEDS_TEXT_LAYOUT =
  /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{M}\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff\u00ad]/u;

/**
 * Advances (font units) by text, per font: invoices repeat most of their strings (units, tax
 * names, labels, amounts), and a painted document measures each one several times while wrapping.
 * Null marks text that can't be painted. Dropped whole when full.
 */
const advances = new WeakMap<LoadedFont, Map<string, number | null>>();
const ADVANCE_CACHE_LIMIT = 20_000;

function advanceOf(font: LoadedFont, text: string): number | null {
  if (NEEDS_TEXT_LAYOUT.test(text)) return null;
  for (let i = 0; i < text.length; i++) if (!font.hasGlyphForCodePoint(text.charCodeAt(i))) return null;
  // Shaped whole, with the font's default features, as React-PDF's text layout shapes a run, and
  // measured as it measures a run: the sum of the advances (kerning included; a standard font's
  // `advanceWidth` leaves kerning out, while pdfkit draws with it).
  let advance = 0;
  for (const position of font.layout(text).positions) advance += position.xAdvance;
  return advance;
}

/** Width of `text` at `fontSize`, or null if the font lacks a glyph for any of its characters. */
function measure(font: LoadedFont, text: string, fontSize: number): number | null {
  // Long strings (a pasted essay of a description) would rarely recur and weigh the most: not kept.
  if (text.length > 200) {
    const advance = advanceOf(font, text);
    return advance === null ? null : (advance * fontSize) / font.unitsPerEm;
  }
  let cache = advances.get(font);
  if (!cache) advances.set(font, (cache = new Map()));
  let advance = cache.get(text);
  if (advance === undefined) {
    if (cache.size >= ADVANCE_CACHE_LIMIT) cache.clear();
    advance = advanceOf(font, text);
    cache.set(text, advance);
  }
  return advance === null ? null : (advance * fontSize) / font.unitsPerEm;
}

/** Keeps a painted cell clear of the exact edge, where React-PDF's line breaker might wrap instead. */
const FIT_MARGIN = 0.5;

/**
 * The row's painter and height, or null when one of its cells needs the text engine (see above).
 * `cells` are description, quantity, unit price, taxes and amount, in the table's column order.
 */
export function paintableRow(font: LoadedFont | null, color: string, geometry: RowGeometry, cells: [string, string, string, string, string]): PaintedRow | null {
  if (!font) return null;
  const { fontSize, width } = geometry;
  const layout = tableCells(width, cells);
  const line = paintedLine(font, color, fontSize, layout);
  if (!line) return null;
  return { height: geometry.paddingVertical * 2 + line.lineHeight + geometry.borderBottomWidth, paint: line.paint };
}

/** The table's five cells placed in its columns (styles.ts `columns`), as the <Text> row places them. */
export function tableCells(width: number, cells: readonly [string, string, string, string, string]): Cell[] {
  const fixed = columns.quantity.width + columns.unitPrice.width + columns.taxes.width + columns.amount.width;
  const layout: Cell[] = [];
  let x = 0;
  const place = (text: string, columnWidth: number, align: "left" | "right", paddingLeft = 0) => {
    layout.push({ text, x: x + paddingLeft, width: columnWidth - paddingLeft, align });
    x += columnWidth;
  };
  place(cells[0], width - fixed, "left");
  place(cells[1], columns.quantity.width, "right");
  place(cells[2], columns.unitPrice.width, "right");
  place(cells[3], columns.taxes.width, "left", columns.taxes.paddingLeft);
  place(cells[4], columns.amount.width, "right");
  return layout;
}

/**
 * One line of cells, each left or right aligned within its box, drawn as React-PDF's text layout
 * would draw one <Text> per cell; null when a cell doesn't fit on one line or needs the text engine.
 * Also used for the page footer (sections/footer.tsx). `offsetY` moves the line down: a Canvas
 * paints from inside its padding but not its border, where a <Text> child starts below both.
 */
export function paintedLine(font: LoadedFont, color: string, fontSize: number, cells: Cell[], offsetY = 0): { lineHeight: number; paint: PaintedRow["paint"] } | null {
  const placed: { text: string; x: number }[] = [];
  for (const cell of cells) {
    if (cell.text === "") continue;
    const textWidth = measure(font, cell.text, fontSize);
    if (textWidth === null || textWidth > cell.width - FIT_MARGIN) return null;
    placed.push({ text: cell.text, x: cell.align === "right" ? cell.x + cell.width - textWidth : cell.x });
  }
  // React-PDF's text layout: a line is ascent − descent + lineGap high, its baseline `ascent`
  // below the line's top (fontkit metrics scaled to the font size).
  const scale = fontSize / font.unitsPerEm;
  const lineHeight = (font.ascent - font.descent + font.lineGap) * scale;
  const baseline = offsetY + font.ascent * scale;
  return {
    lineHeight,
    paint(painter, availableWidth) {
      // React-PDF also calls paint while measuring, with a stand-in painter and no width.
      if (availableWidth === undefined) return null;
      // As React-PDF's own text rendering: pdfkit opens a standard font by name.
      painter.font(font.type === "STANDARD" ? font.fullName : font, fontSize).fillColor(color).fillOpacity(1);
      for (const cell of placed) painter.text(cell.text, cell.x, baseline, PAINTED_TEXT);
      return null;
    },
  };
}

/** Width of `text` at `fontSize` if it can be painted (see measure), else null. */
export function paintedWidth(font: LoadedFont, text: string, fontSize: number): number | null {
  return measure(font, text, fontSize);
}
