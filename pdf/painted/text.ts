/**
 * Measuring, wrapping and drawing text for the painted document (see ./document.tsx), with the
 * metrics React-PDF's own text layout uses: a line is (ascent − descent + lineGap) × size / unitsPerEm
 * high and its baseline sits `ascent` below its top; widths are the shaped run's advances.
 */
import { FALLBACK_SYMBOLS } from "../font-choice";
import { type LoadedFont, paintedWidth } from "../painted-row";
import { PAINTED_TEXT } from "./pdfkit-shortcuts";

/** Thrown when some text needs React-PDF's full text engine (right-to-left, combining marks, glyphs the font lacks). */
export class NeedsTextEngine extends Error {
  constructor(readonly text: string) {
    super("text needs the text engine");
  }
}

/** The Canvas painter's methods used here (React-PDF passes them through to pdfkit). */
export type Painter = {
  font: (font: unknown, size: number) => Painter;
  fillColor: (color: string) => Painter;
  fillOpacity: (opacity: number) => Painter;
  text: (text: string, x: number, y: number, options: Record<string, unknown>) => Painter;
  moveTo: (x: number, y: number) => Painter;
  lineTo: (x: number, y: number) => Painter;
  lineWidth: (width: number) => Painter;
  strokeColor: (color: string) => Painter;
  stroke: () => Painter;
  save: () => Painter;
  restore: () => Painter;
  translate: (x: number, y: number) => Painter;
  rotate: (angle: number, options?: object) => Painter;
};

/**
 * A font at a size in a colour: what a run of text is drawn with. `fallback`: the embedded font
 * that draws FALLBACK_SYMBOLS (font-choice.ts) inside a standard-font run.
 */
export type Face = { font: LoadedFont; size: number; color: string; fallback?: LoadedFont | null };

type Piece = { text: string; font: LoadedFont };

/** The run cut into pieces by font: FALLBACK_SYMBOLS go to the fallback font; null when one font draws it all. */
function pieces(face: Face, text: string): Piece[] | null {
  const { fallback } = face;
  if (!fallback) return null;
  let found = false;
  for (let i = 0; i < text.length && !found; i++) found = FALLBACK_SYMBOLS.has(text.charCodeAt(i));
  if (!found) return null;
  const result: Piece[] = [];
  for (const char of text) {
    const font = FALLBACK_SYMBOLS.has(char.charCodeAt(0)) ? fallback : face.font;
    const last = result[result.length - 1];
    if (last && last.font === font) last.text += char;
    else result.push({ text: char, font });
  }
  return result;
}

function pieceWidth(piece: Piece, size: number): number {
  const width = paintedWidth(piece.font, piece.text, size);
  if (width === null) throw new NeedsTextEngine(piece.text);
  return width;
}

export const lineHeight = ({ font, size }: Face) => ((font.ascent - font.descent + font.lineGap) * size) / font.unitsPerEm;

/** Width of `text` drawn in `face`; throws NeedsTextEngine when the painter can't draw it as written. */
export function textWidth(face: Face, text: string): number {
  if (text === "") return 0;
  const cut = pieces(face, text);
  if (cut) return cut.reduce((sum, piece) => sum + pieceWidth(piece, face.size), 0);
  return pieceWidth({ text, font: face.font }, face.size);
}

/** Keeps wrapped lines clear of the exact edge, as painted table rows do. */
const FIT_MARGIN = 0.5;

/**
 * `text` broken into lines no wider than `maxWidth`: at its own line breaks, then greedily at
 * spaces; a word wider than the line is cut between characters. Runs of spaces collapse to one.
 */
export function wrapText(face: Face, text: string, maxWidth: number): string[] {
  const limit = maxWidth - FIT_MARGIN;
  const lines: string[] = [];
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    // Most cells and lines fit whole: one measurement.
    if (!/[ \t]{2}|^[ \t]|[ \t]$|\t/.test(paragraph) && textWidth(face, paragraph) <= limit) {
      lines.push(paragraph);
      continue;
    }
    const words = paragraph.split(/[ \t]+/).filter((w) => w !== "");
    if (!words.length) {
      lines.push("");
      continue;
    }
    let line = "";
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (textWidth(face, candidate) <= limit) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = "";
      let rest = word;
      // Longer than a line of the narrowest glyphs can hold: too wide without measuring it whole.
      while (rest !== "" && (rest.length > maxCharsIn(face, limit) || textWidth(face, rest) > limit)) {
        const cut = longestFittingPrefix(face, rest, limit);
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

/** No glyph the painter draws is narrower than 0.15 em (Helvetica's narrowest, the quote, is 0.19). */
const maxCharsIn = (face: Face, width: number) => Math.ceil(width / (face.size * 0.15));

/**
 * At least one character, so a line narrower than any glyph still makes progress. The search
 * starts no longer than a line of the narrowest glyphs could be, so a 2,000-character token isn't
 * measured whole at every line.
 */
function longestFittingPrefix(face: Face, word: string, limit: number): number {
  let low = 1;
  let high = Math.min(word.length, maxCharsIn(face, limit));
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (textWidth(face, word.slice(0, mid)) <= limit) low = mid;
    else high = mid - 1;
  }
  // The cut may fall inside a UTF-16 surrogate pair; it never does here, because text with astral
  // characters is left to the text engine before wrapping (NEEDS_TEXT_LAYOUT in painted-row.ts).
  return low;
}

/**
 * The font, colour and opacity last set on each painter (one painter per page): pdfkit writes a
 * colour operator and looks up an opacity state on every call, and most runs share them.
 * `forgetState` after `restore()`, which brings the page's earlier state back.
 */
const painterState = new WeakMap<Painter, { font: unknown; size: number; color: string; opacity: number }>();
export const forgetState = (painter: Painter) => painterState.delete(painter);


/** Draws one line of text with its top at `top`, starting at `x`. */
export function drawLine(painter: Painter, face: Face, text: string, x: number, top: number, opacity = 1) {
  if (text === "") return;
  // Every piece sits on the line's baseline, which the face's own font sets.
  const baseline = top + (face.font.ascent * face.size) / face.font.unitsPerEm;
  const cut = pieces(face, text);
  if (!cut) return drawRun(painter, face, face.font, text, x, baseline, opacity);
  let left = x;
  for (const piece of cut) {
    drawRun(painter, face, piece.font, piece.text, left, baseline, opacity);
    left += pieceWidth(piece, face.size);
  }
}

function drawRun(painter: Painter, { size, color }: Face, font: LoadedFont, text: string, x: number, baseline: number, opacity: number) {
  // As React-PDF draws text: pdfkit opens a standard font by name, an embedded one by its fontkit object.
  const fontRef = font.type === "STANDARD" ? font.fullName : font;
  let state = painterState.get(painter);
  if (!state) painterState.set(painter, (state = { font: null, size: 0, color: "", opacity: -1 }));
  if (state.font !== fontRef || state.size !== size) painter.font(fontRef, size);
  if (state.color !== color) painter.fillColor(color);
  if (state.opacity !== opacity) painter.fillOpacity(opacity);
  Object.assign(state, { font: fontRef, size, color, opacity });
  painter.text(text, x, baseline, PAINTED_TEXT);
}

/** Lines of text in a box of `width` at `x`, aligned left or right, from `top` down. */
export function drawLines(painter: Painter, face: Face, lines: readonly string[], x: number, top: number, width: number, align: "left" | "right" = "left") {
  const height = lineHeight(face);
  lines.forEach((line, i) => {
    const left = align === "right" ? x + width - textWidth(face, line) : x;
    drawLine(painter, face, line, left, top + i * height);
  });
}

type Rule = { x1: number; x2: number; y: number };
const pendingRules = new WeakMap<Painter, Map<string, Rule[]>>();

/**
 * A horizontal rule `width` thick whose top edge is at `top` (React-PDF draws borders inside the
 * box). Rules never overlap text, so they are stroked together, one path per width and colour,
 * by `strokeRules` once the page is drawn: a 36-row page strokes once instead of 36 times.
 */
export function drawRule(painter: Painter, x1: number, x2: number, top: number, width: number, color: string) {
  let byStyle = pendingRules.get(painter);
  if (!byStyle) pendingRules.set(painter, (byStyle = new Map()));
  const key = `${width} ${color}`;
  let rules = byStyle.get(key);
  if (!rules) byStyle.set(key, (rules = []));
  rules.push({ x1, x2, y: top + width / 2 });
}

export function strokeRules(painter: Painter) {
  const byStyle = pendingRules.get(painter);
  if (!byStyle) return;
  for (const [key, rules] of byStyle) {
    const [width, color] = key.split(" ") as [string, string];
    for (const { x1, x2, y } of rules) painter.moveTo(x1, y).lineTo(x2, y);
    painter.lineWidth(Number(width)).strokeColor(color).stroke();
  }
  pendingRules.delete(painter);
}
