// Types only: these styles also reach the browser (the editor's live preview reads pdf/format), and
// a value import of @react-pdf/renderer there shipped all of React-PDF, Yoga's WebAssembly included
// (about 440 kB gzip). StyleSheet.create is the identity function.
import type { Styles } from "@react-pdf/renderer";
import { PDF_FONT_FAMILY } from "./font-family";

const MUTED = "#475569";
const RULE = "#cbd5e1";
const TEXT_COLOR = "#0f172a";
const BASE_FONT_SIZE = 9;
const PAGE_PADDING_X = 40;
const ROW_PADDING_Y = 4;
const ROW_RULE = 0.5;

const TABLE_HEADER = { fontSize: 8, rule: 1, paddingVertical: 4 } as const;
const FOOTER = { fontSize: 8, color: MUTED, rule: 0.5, paddingTop: 6, gap: 12 } as const;

export type PdfDirection = "ltr" | "rtl";

const RIGHT_TO_LEFT_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/**
 * The direction a value typed by a user reads in, from its first letter (HTML's dir="auto"):
 * "Acme GmbH" or "1 Main Street" left to right, "شركة أكمي" right to left, and text without letters
 * (a phone number, an IBAN's digits) left to right, so "+49 30 1234567" keeps its order in an
 * Arabic document.
 */
export function valueDirection(value: string): PdfDirection {
  const letter = value.match(/\p{L}/u)?.[0];
  return letter && RIGHT_TO_LEFT_LETTER.test(letter) ? "rtl" : "ltr";
}

/**
 * The page's styles for one writing direction. A right-to-left document (Arabic, Hebrew) is the
 * left-to-right one mirrored: rows run from the right (`row-reverse`), what sits at the start
 * (descriptions, labels) is aligned to the right and figures to the left, start/end paddings and
 * the totals' margin swap sides. Sections never test the direction themselves; they take this set.
 *
 * Every text style also names its `direction`: React-PDF does not inherit it from the page (only
 * font, colour, alignment… are inherited), and it is the paragraph's base direction bidi-js orders
 * mixed text by (an Arabic label followed by "INV-2026-0001" or an amount reads right to left).
 * Hence `text` for plain text, and `direction` on every style a <Text> uses. Values a user typed
 * (names, addresses, descriptions, notes, bank details) keep their own direction instead
 * (`ownDirection(text)` after the style that places them, see valueDirection).
 */
function createStyles(direction: PdfDirection) {
  const rtl = direction === "rtl";
  const row = rtl ? ("row-reverse" as const) : ("row" as const);
  const start = rtl ? ("right" as const) : ("left" as const);
  const end = rtl ? ("left" as const) : ("right" as const);
  /** `paddingRight` in a left-to-right document, `paddingLeft` in a right-to-left one (CSS's padding-inline-end). */
  const paddingEnd = (value: number) => (rtl ? { paddingLeft: value } : { paddingRight: value });
  const paddingStart = (value: number) => (rtl ? { paddingRight: value } : { paddingLeft: value });
  const text = { direction, textAlign: start };
  const figure = { direction, textAlign: end };

  /** Column widths of the lines table, shared by the repeated header and the rows. */
  const columns = {
    description: { ...text, flexGrow: 1, flexShrink: 1, flexBasis: 0 },
    quantity: { ...figure, width: 54 },
    unitPrice: { ...figure, width: 76 },
    taxes: { ...text, width: 96, ...paddingStart(8) },
    amount: { ...figure, width: 86 },
  };

  const sheet = defineStyles({
    // No lineHeight here: in React-PDF 4.9 any lineHeight makes render-prop text (the "Page x of y" footer) vanish.
    page: { fontFamily: PDF_FONT_FAMILY, fontSize: BASE_FONT_SIZE, color: TEXT_COLOR, paddingTop: 36, paddingHorizontal: PAGE_PADDING_X, paddingBottom: 24 },
    text,
    figure,
    row: { flexDirection: row },
    muted: { ...text, color: MUTED },
    bold: { ...text, fontWeight: 700 },
    sectionLabel: { ...text, fontSize: 8, color: MUTED, textTransform: "uppercase", marginBottom: 3, fontWeight: 700 },
    header: { flexDirection: row, justifyContent: "space-between", marginBottom: 18 },
    // The logo sits at the start: on the right of a right-to-left page.
    headerStart: rtl ? { maxWidth: "55%", alignItems: "flex-end" } : { maxWidth: "55%" },
    headerEnd: { alignItems: rtl ? "flex-start" : "flex-end" },
    logo: { maxWidth: 140, maxHeight: 56, objectFit: "contain", marginBottom: 6 },
    orgName: { ...text, fontSize: 13, fontWeight: 700 },
    title: { ...figure, fontSize: 20, fontWeight: 700 },
    number: { ...figure, fontSize: 11 },
    parties: { flexDirection: row, marginBottom: 14 },
    party: { flexGrow: 1, flexBasis: 0, ...paddingEnd(12) },
    meta: { flexDirection: row, flexWrap: "wrap", borderTopWidth: 1, borderBottomWidth: 1, borderColor: RULE, paddingVertical: 6, marginBottom: 14 },
    metaItem: { width: "25%", ...paddingEnd(8) },
    table: { marginBottom: 10 },
    tableHeader: { flexDirection: row, borderBottomWidth: TABLE_HEADER.rule, paddingVertical: TABLE_HEADER.paddingVertical, fontWeight: 700, fontSize: TABLE_HEADER.fontSize },
    tallRow: { borderBottomWidth: ROW_RULE, borderColor: RULE, paddingVertical: ROW_PADDING_Y },
    tableRow: { flexDirection: row, borderBottomWidth: ROW_RULE, borderColor: RULE, paddingVertical: ROW_PADDING_Y },
    totals: { [rtl ? "marginRight" : "marginLeft"]: "auto", width: 260, marginBottom: 14 },
    totalsRow: { flexDirection: row, justifyContent: "space-between", paddingVertical: 1.5 },
    totalsLabel: { ...text, flexShrink: 1, ...paddingEnd(8) },
    legalNote: { ...text, marginTop: 6, fontSize: 8 },
    grandTotal: { borderTopWidth: 1, borderColor: RULE, marginTop: 3, paddingTop: 4, fontSize: 11, fontWeight: 700 },
    block: { marginBottom: 12 },
    payments: { marginTop: 4 },
    footerText: { ...text, flexShrink: 1, ...paddingEnd(FOOTER.gap) },
    // In the page's flow below the content (see document-pdf.tsx): pushed to the page's foot, 20 pt clear of the content at least.
    footerArea: { marginTop: "auto", paddingTop: 20 },
    footer: { flexDirection: row, justifyContent: "space-between", fontSize: FOOTER.fontSize, color: FOOTER.color, borderTopWidth: FOOTER.rule, borderColor: RULE, paddingTop: FOOTER.paddingTop },
    stamp: { direction, position: "absolute", top: 250, left: 0, right: 0, textAlign: "center", fontSize: 72, fontWeight: 700, opacity: 0.18, transform: "rotate(-24deg)" },
  });
  return { ...sheet, columns, ownDirection };
}

const OWN_DIRECTION = { ltr: { direction: "ltr" }, rtl: { direction: "rtl" } } as const;
/** Added after a text's style: a value a user typed reads in its own direction, wherever the style aligns it. */
const ownDirection = (text: string) => OWN_DIRECTION[valueDirection(text)];

function defineStyles<T extends Styles>(styles: T): T {
  return styles;
}

export type PdfStyles = ReturnType<typeof createStyles>;

const STYLES: Record<PdfDirection, PdfStyles> = { ltr: createStyles("ltr"), rtl: createStyles("rtl") };

/** The style set for a document written in `direction`, built once per process. */
export const pdfStyles = (direction: PdfDirection): PdfStyles => STYLES[direction];
