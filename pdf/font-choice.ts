/**
 * Which font a document is printed in: the PDF standard fonts (Helvetica, Helvetica-Bold) when
 * every character of the document can be written with them, else the bundled DejaVu Sans.
 *
 * Why: standard fonts are built into every PDF reader — nothing to shape (AFM widths instead of
 * fontkit's OpenType layout), subset or embed — which makes a Latin invoice several times faster
 * to render and smaller. pdfkit writes standard fonts in WinAnsiEncoding, so they can show only
 * that encoding's characters; anything else (Greek, Cyrillic, ₹ ₽ ₺, the minus sign U+2212, narrow
 * no-break spaces some locales group digits with...) needs the embedded font.
 */
import { formatMoney } from "@/lib/money";
import { pdfFormat } from "./format";
import type { PdfData } from "./types";

export type PdfFontKind = "standard" | "embedded";

/**
 * Code points above Latin-1 that WinAnsiEncoding has, exactly as pdfkit 0.20.1 maps them to
 * encoding bytes 0x80–0x9F (WIN_ANSI_MAP in pdfkit's AFM font; pinned by font-choice.test.ts).
 */
const WIN_ANSI_EXTRA = new Set([
  0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e, 0x0192, 0x02c6, 0x02dc, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d,
  0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);

/**
 * Symbols the painted document draws from the embedded font in the middle of standard-font text
 * (painted/text.ts): the minus sign before discounts, payments and credits. One glyph from DejaVu
 * beside Helvetica looks the same as a dash would, and keeps a paid invoice in the standard font.
 */
export const FALLBACK_SYMBOLS = new Set([0x2212]);

/**
 * True when a standard font shows `text` as written: printable ASCII, Latin-1 (U+00A0–U+00FF
 * except the soft hyphen, which pdfkit would print as a visible hyphen) and the WinAnsi extras
 * above; line breaks are consumed by the text layout. C0/C1 controls and tabs are not.
 * `withFallback`: also the FALLBACK_SYMBOLS.
 */
export function standardFontCanShow(text: string, withFallback = false): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e) continue;
    if (c >= 0xa0 && c <= 0xff && c !== 0xad) continue;
    if (c === 0x0a || c === 0x0d) continue;
    if (withFallback && FALLBACK_SYMBOLS.has(c)) continue;
    if (!WIN_ANSI_EXTRA.has(c)) return false;
  }
  return true;
}

/** Every string in the document's data (customer, organisation, lines, taxes, notes...). */
function allStringsShowable(value: unknown, withFallback: boolean): boolean {
  if (typeof value === "string") return standardFontCanShow(value, withFallback);
  if (Array.isArray(value)) return value.every((v) => allStringsShowable(v, withFallback));
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value).every((v) => allStringsShowable(v, withFallback));
  return true; // numbers, booleans, dates, the logo's bytes: not printed as text, or printed through the formatters below
}

/**
 * The sections' own labels are ASCII apart from the dot in payment lines and the minus sign
 * (U+2212, not in WinAnsi) that sections/totals.tsx prints before discounts, payments and credits.
 */
const sectionText = (document: PdfData["document"]) => (document.discountTotal || document.amountPaid || document.amountCredited ? "−·" : "·");

/**
 * The font for this document: scans all of its data, everything the formatters make of it (money
 * in its locale and currency — symbol, separators, digits, sign — and its dates) and the sections'
 * own non-ASCII characters, conservatively (a character that may not be printed still counts).
 * `withFallback`: for the painted document, which draws FALLBACK_SYMBOLS from the embedded font.
 */
export function documentFontKind(data: PdfData, { withFallback = false } = {}): PdfFontKind {
  const { document, org } = data;
  const fmt = pdfFormat(data);
  const printed = [
    sectionText(document),
    // Every digit, the grouping and decimal separators, the sign and the currency symbol.
    fmt.money(-1_234_567_890),
    fmt.money(9_876_543_210),
    formatMoney(0, document.currency, org.locale),
    fmt.date(document.issueDate),
    fmt.date(document.dueDate),
    ...document.payments.map((p) => fmt.date(p.paidOn)),
  ];
  const showable = (text: string) => standardFontCanShow(text, withFallback);
  return printed.every(showable) && allStringsShowable(document, withFallback) && allStringsShowable(org, withFallback) ? "standard" : "embedded";
}
