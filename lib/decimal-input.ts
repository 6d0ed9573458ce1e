/**
 * Numbers as people type them, turned into the one form the schemas and lib/money parse
 * ("1234.5": a dot before the decimals, no grouping). Pure: the browser's forms and the client
 * page's payment route both call it.
 *
 * Where the decimal mark is a comma (German, French, …), "1,5" is one and a half and "1.500" is
 * fifteen hundred; read with English rules, the first was refused and "0,333" became 333. Text that
 * follows neither convention is returned as typed, so the parser's own message explains it.
 */

export type DecimalMark = "." | ",";

/** The decimal mark of a language or locale ("de" → ",", "en-GB" → "."), as Intl writes 1.5. */
export function decimalMarkOf(locale: string): DecimalMark {
  try {
    const mark = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === "decimal")?.value;
    return mark === "," || mark === "٫" ? "," : ".";
  } catch {
    return ".";
  }
}

// Spaces used to group thousands: plain, no-break and narrow no-break (French), and the Swiss apostrophe.
const GROUP_SPACES = /[ \u00a0\u202f'’]/g;
const SPACE_GROUPED = /^-?\d{1,3}(?:[ \u00a0\u202f'’]\d{3})+(?:[.,]\d*)?$/;
// Thousands grouped with dots; the first group is never a lone 0 ("0.500" is a half).
const DOT_GROUPED = /^-?(?:[1-9]\d{0,2}(?:\.\d{3})+|\d+)$/;

/**
 * `text` in the canonical form, read with `mark` as the decimal mark. With a dot (English) the text
 * is returned as typed, spaces between thousands aside: lib/money already reads "1,234.50".
 */
export function normalizeDecimalInput(text: string, mark: DecimalMark): string {
  const trimmed = text.trim();
  const compact = SPACE_GROUPED.test(trimmed) ? trimmed.replace(GROUP_SPACES, "") : trimmed;
  if (mark === ".") return compact === trimmed ? text : compact;

  const commas = compact.split(",").length - 1;
  if (commas > 1) return text;
  if (commas === 1) {
    const [whole = "", fraction = ""] = compact.split(",");
    if (!/^\d*$/.test(fraction) || !(whole === "" || whole === "-" || DOT_GROUPED.test(whole))) return text;
    const digits = whole.replaceAll(".", "");
    return fraction === "" ? digits : `${digits}.${fraction}`;
  }
  // No comma: dots in groups of three are thousands ("1.500", "12.345.678"); any other single dot
  // is a decimal point, as in a value the form filled in ("3772.63") or typed the English way.
  if (/^-?[1-9]\d{0,2}(?:\.\d{3})+$/.test(compact)) return compact.replaceAll(".", "");
  return compact === trimmed ? text : compact;
}

/**
 * A value in the canonical form ("1.125", as the app fills a field in) written with `mark`, so a
 * field shows it the way the person types it: "1,125" in German. Read back by
 * normalizeDecimalInput, it gives the same canonical text; shown as "1.125", a German reader
 * (and the reader above) would see one thousand one hundred and twenty-five.
 */
export function localizeDecimalInput(canonical: string, mark: DecimalMark): string {
  if (mark === "." || !/^-?\d*\.\d+$/.test(canonical)) return canonical;
  return canonical.replace(".", ",");
}
