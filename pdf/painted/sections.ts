/**
 * The document's sections for the painted document (./document.tsx): header, parties, meta, lines
 * table, totals, payment details, notes, and the per-page stamp and footer. Each section says what
 * it shows and how tall it is before anything is drawn; the geometry is the layout tree's
 * (../styles.ts and ../sections/), so both print the same document.
 */
import { documentTitle, dueLabel, lineTaxText, methodLabel, type PdfFormat, pdfParties, quantityText, stampText, statusLabel, taxLineLabel } from "../format";
import type { LoadedFont } from "../painted-row";
import { tableCells } from "../painted-row";
import { BASE_FONT_SIZE, FOOTER, MUTED, RULE, TABLE_HEADER, TEXT_COLOR } from "../styles";
import type { PdfData } from "../types";
import type { Block, Slice } from "./flow";
import { drawLine, drawLines, drawRule, type Face, forgetState, lineHeight, type Painter, textWidth, wrapText } from "./text";

export type SectionContext = {
  data: PdfData;
  fmt: PdfFormat;
  regular: LoadedFont;
  bold: LoadedFont;
  /** Standard-font documents: the embedded fonts that draw the few symbols WinAnsi lacks (painted/text.ts). */
  fallback?: { regular: LoadedFont | null; bold: LoadedFont | null };
  /** Brand colour. */
  color: string;
  /** Left edge and width of the page's content box. */
  left: number;
  width: number;
};

const ROW_PADDING_Y = 4;
const ROW_RULE = 0.5;
const LABEL_GAP = 3;

export function faces({ regular: regularFont, bold: boldFont, color, fallback }: Pick<SectionContext, "regular" | "bold" | "color" | "fallback">) {
  const regular = { font: regularFont, fallback: fallback?.regular };
  const bold = { font: boldFont, fallback: fallback?.bold };
  return {
    body: { ...regular, size: BASE_FONT_SIZE, color: TEXT_COLOR },
    strong: { ...bold, size: BASE_FONT_SIZE, color: TEXT_COLOR },
    muted: { ...regular, size: BASE_FONT_SIZE, color: MUTED },
    label: { ...bold, size: 8, color: MUTED },
    tableHeader: { ...bold, size: TABLE_HEADER.fontSize, color: TEXT_COLOR },
    grand: { ...bold, size: 11, color: TEXT_COLOR },
    orgName: { ...bold, size: 13, color },
    title: { ...bold, size: 20, color },
    number: { ...regular, size: 11, color: TEXT_COLOR },
    footer: { ...regular, size: FOOTER.fontSize, color: FOOTER.color },
  } satisfies Record<string, Face>;
}

type Faces = ReturnType<typeof faces>;

/** A text run laid out: its lines and height. */
type Paragraph = { face: Face; lines: string[]; height: number };
const paragraph = (face: Face, text: string, width: number): Paragraph => {
  const lines = wrapText(face, text, width);
  return { face, lines, height: lines.length * lineHeight(face) };
};
const stack = (paragraphs: Paragraph[]) => paragraphs.reduce((sum, p) => sum + p.height, 0);
function drawStack(painter: Painter, paragraphs: Paragraph[], x: number, top: number, width: number, align: "left" | "right" = "left") {
  let y = top;
  for (const p of paragraphs) {
    drawLines(painter, p.face, p.lines, x, y, width, align);
    y += p.height;
  }
}

const labelText = (label: string) => label.toUpperCase();

/** Where page 1's logo goes (React-PDF draws it as an <Image>; the painter has no images). */
export type LogoBox = { left: number; top: number; width: number; height: number };
export const LOGO_MAX = { width: 140, height: 56, marginBottom: 6 };

/** Organisation name (with its logo above it) on the left; document title and number on the right. */
export function headerBlock(ctx: SectionContext, f: Faces, logo: { width: number; height: number } | null, top: number): { block: Block; logo: LogoBox | null } {
  const { data, left, width } = ctx;
  const leftWidth = width * 0.55;
  const logoHeight = logo ? logo.height + LOGO_MAX.marginBottom : 0;
  const name = paragraph(f.orgName, data.org.name, leftWidth);
  const legal = data.org.legalName && data.org.legalName !== data.org.name ? [paragraph(f.muted, data.org.legalName, leftWidth)] : [];
  const title = paragraph(f.title, documentTitle(data.document.kind), width - leftWidth);
  const number = paragraph(f.number, data.document.number ?? "Draft", width - leftWidth);
  const height = Math.max(logoHeight + stack([name, ...legal]), stack([title, number]));
  const slice: Slice = {
    height,
    paint(painter, y) {
      drawStack(painter, [name, ...legal], left, y + logoHeight, leftWidth);
      drawStack(painter, [title, number], left, y, width, "right");
    },
  };
  return { block: { slices: [slice], marginBottom: 18 }, logo: logo ? { left, top, ...logo } : null };
}

/** "From" and "Bill to" side by side: label, name in bold, then each detail on its own line. */
export function partiesBlock(ctx: SectionContext, f: Faces): Block {
  const { data, left, width } = ctx;
  const columnWidth = width / 2;
  const textColumnWidth = columnWidth - 12;
  const columns = pdfParties(data).map(({ label, name, lines }) => [
    paragraph(f.label, labelText(label), textColumnWidth),
    paragraph(f.strong, name, textColumnWidth),
    ...lines.map((line) => paragraph(f.body, line, textColumnWidth)),
  ]);
  const height = Math.max(...columns.map((c) => stack(c) + LABEL_GAP));
  return {
    slices: [
      {
        height,
        paint(painter, y) {
          columns.forEach(([label, ...rest], i) => {
            const x = left + i * columnWidth;
            drawStack(painter, [label!], x, y, textColumnWidth);
            drawStack(painter, rest, x, y + label!.height + LABEL_GAP, textColumnWidth);
          });
        },
      },
    ],
    marginBottom: 14,
  };
}

/** Number, dates, status (and the credited invoice) in quarter-width cells between two rules. */
export function metaBlock(ctx: SectionContext, f: Faces): Block {
  const { data, fmt, left, width } = ctx;
  const { document } = data;
  const items: [string, string][] = [[`${documentTitle(document.kind)} number`, document.number ?? "Draft"], ["Issue date", fmt.date(document.issueDate)]];
  if (document.dueDate) items.push([dueLabel[document.kind], fmt.date(document.dueDate)]);
  items.push(["Status", statusLabel(document.status)]);
  if (document.kind === "credit_note" && document.sourceNumber) items.push(["Credits invoice", document.sourceNumber]);
  const cellWidth = width / 4;
  const cells = items.map(([label, value]) => [paragraph(f.label, labelText(label), cellWidth - 8), paragraph(f.body, value, cellWidth - 8)] as const);
  const rows: (typeof cells)[] = [];
  for (let i = 0; i < cells.length; i += 4) rows.push(cells.slice(i, i + 4));
  const rowHeights = rows.map((row) => Math.max(...row.map(([label, value]) => label.height + LABEL_GAP + value.height)));
  const border = 1;
  const padding = 6;
  const height = 2 * (border + padding) + rowHeights.reduce((a, b) => a + b, 0);
  return {
    slices: [
      {
        height,
        paint(painter, top) {
          drawRule(painter, left, left + width, top, border, RULE);
          let y = top + border + padding;
          rows.forEach((row, r) => {
            row.forEach(([label, value], i) => {
              const x = left + i * cellWidth;
              drawStack(painter, [label], x, y, cellWidth - 8);
              drawStack(painter, [value], x, y + label.height + LABEL_GAP, cellWidth - 8);
            });
            y += rowHeights[r]!;
          });
          drawRule(painter, left, left + width, top + height - border, border, RULE);
        },
      },
    ],
    marginBottom: 14,
  };
}

const HEADINGS = ["Description", "Quantity", "Unit price", "Taxes", "Amount"] as const;

/**
 * One table row: each cell wrapped in its column, padded, with a rule below. A row is one slice,
 * so it never splits, unless it is taller than `maxHeight` (a description thousands of words
 * long): then each of its lines is a slice, so it fills the page it starts on and continues on
 * the next ones rather than losing text.
 */
function tableRow(ctx: SectionContext, face: Face, texts: readonly [string, string, string, string, string], rule: { width: number; color: string }, padding: number, maxHeight = Infinity): Slice[] {
  const { left, width } = ctx;
  const lh = lineHeight(face);
  const cells = tableCells(width, texts).map((cell) => ({ ...cell, lines: cell.text === "" ? [] : wrapText(face, cell.text, cell.width) }));
  const lines = Math.max(1, ...cells.map((c) => c.lines.length));
  const piece = (first: number, count: number, above: number, below: number): Slice => {
    const height = above + count * lh + below;
    return {
      height,
      paint(painter, top) {
        for (const cell of cells) drawLines(painter, face, cell.lines.slice(first, first + count), left + cell.x, top + above, cell.width, cell.align);
        if (below) drawRule(painter, left, left + width, top + height - rule.width, rule.width, rule.color);
      },
    };
  };
  if (2 * padding + lines * lh + rule.width <= maxHeight) return [piece(0, lines, padding, padding + rule.width)];
  return Array.from({ length: lines }, (_, i) => piece(i, 1, i === 0 ? padding : 0, i === lines - 1 ? padding + rule.width : 0));
}

/** The lines table: its header repeats on every page it continues on; rows never split. */
export function linesTableBlock(ctx: SectionContext, f: Faces, pageRoom: number): Block {
  const { data, fmt, color } = ctx;
  const [header] = tableRow(ctx, f.tableHeader, HEADINGS, { width: TABLE_HEADER.rule, color }, TABLE_HEADER.paddingVertical) as [Slice];
  const rows = data.document.lines.flatMap((line) =>
    tableRow(ctx, f.body, [line.description, quantityText(line), fmt.money(line.unitPrice), lineTaxText(line), fmt.money(line.total)], { width: ROW_RULE, color: RULE }, ROW_PADDING_Y, pageRoom - header.height),
  );
  return { slices: [header, ...rows], repeat: header, keepWithNext: 1, marginBottom: 10 };
}

const TOTALS_WIDTH = 260;

/** Stored totals and the per-rate breakdown, in the same order and wording as the document page. */
export function totalsBlock(ctx: SectionContext, f: Faces): Block {
  const { data, fmt, left, width } = ctx;
  const d = data.document;
  type Row = { label: string; value: string; grand?: boolean };
  const rows: Row[] = [{ label: "Subtotal", value: fmt.money(d.subtotal) }];
  if (d.discountTotal) rows.push({ label: "Discounts", value: `−${fmt.money(d.discountTotal)}` });
  for (const t of d.taxes) rows.push({ label: taxLineLabel(t, fmt), value: fmt.money(t.amount) });
  rows.push({ label: "Total", value: fmt.money(d.total), grand: true });
  if (d.amountPaid) rows.push({ label: "Paid", value: `−${fmt.money(d.amountPaid)}` });
  if (d.amountCredited) rows.push({ label: "Credited", value: `−${fmt.money(d.amountCredited)}` });
  if (d.kind === "invoice" && d.status !== "draft") rows.push({ label: "Balance due", value: fmt.money(d.balance), grand: true });

  const x = left + width - TOTALS_WIDTH;
  const laid = rows.map((row) => {
    const face = row.grand ? f.grand : f.body;
    const valueWidth = textWidth(face, row.value);
    const label = wrapText(face, row.label, TOTALS_WIDTH - valueWidth - 8);
    // Grand rows: 3 pt margin, a 1 pt rule and 4 pt padding above; other rows 1.5 pt padding.
    const above = row.grand ? 3 + 1 + 4 : 1.5;
    return { row, face, label, valueWidth, above, height: above + label.length * lineHeight(face) + 1.5 };
  });
  const height = laid.reduce((sum, r) => sum + r.height, 0);
  return {
    slices: [
      {
        height,
        paint(painter, top) {
          let y = top;
          for (const r of laid) {
            if (r.row.grand) drawRule(painter, x, x + TOTALS_WIDTH, y + 3, 1, RULE);
            drawLines(painter, r.face, r.label, x, y + r.above, TOTALS_WIDTH);
            drawLine(painter, r.face, r.row.value, x + TOTALS_WIDTH - r.valueWidth, y + r.above);
            y += r.height;
          }
        },
      },
    ],
    keepTogether: true,
    marginBottom: 14,
  };
}

/** Slices of stacked paragraphs, one per line, so a long block can continue on the next page. */
function lineSlices(ctx: SectionContext, paragraphs: Paragraph[], gapAbove: number[] = []): Slice[] {
  return paragraphs.flatMap((p, pi) =>
    p.lines.map((line, li) => {
      const gap = li === 0 ? (gapAbove[pi] ?? 0) : 0;
      return { height: gap + lineHeight(p.face), paint: (painter: Painter, top: number) => drawLine(painter, p.face, line, ctx.left, top + gap) };
    }),
  );
}

/** Invoices only: how to pay, what is still due, and the payments already received. */
export function paymentDetailsBlock(ctx: SectionContext, f: Faces): Block | null {
  const { data, fmt, width } = ctx;
  const d = data.document;
  if (d.kind !== "invoice" || d.status === "void") return null;
  const due = d.status !== "draft" && d.balance > 0;
  if (!data.org.bankDetails && !d.payments.length && !due) return null;
  const paragraphs: Paragraph[] = [paragraph(f.label, labelText("Payment details"), width)];
  const gaps: number[] = [0, LABEL_GAP];
  if (due) paragraphs.push(paragraph(f.strong, `Balance due ${fmt.money(d.balance)}${d.dueDate ? ` by ${fmt.date(d.dueDate)}` : ""}`, width));
  if (data.org.bankDetails) paragraphs.push(paragraph(f.body, data.org.bankDetails, width));
  if (d.number && due) paragraphs.push(paragraph(f.muted, `Please quote ${d.number} with your payment.`, width));
  if (d.payments.length) {
    // The payments list's own 4 pt, on top of the label's gap when it comes right after the label.
    gaps[paragraphs.length] = (gaps[paragraphs.length] ?? 0) + 4;
    paragraphs.push(paragraph(f.strong, "Payments received", width));
    for (const p of d.payments) paragraphs.push(paragraph(f.body, `${fmt.date(p.paidOn)} · ${methodLabel(p.method)}${p.reference ? ` · ${p.reference}` : ""} · ${fmt.money(p.amount)}`, width));
  }
  return { slices: lineSlices(ctx, paragraphs, gaps), keepTogether: true, marginBottom: 12 };
}

/** The void reason, notes and terms: each a label and its text, which may run on to the next page. */
export function notesBlocks(ctx: SectionContext, f: Faces): Block[] {
  const d = ctx.data.document;
  const sections: [string, string | null][] = [
    ["Void", d.status === "void" ? d.voidReason : null],
    ["Notes", d.notes],
    ["Terms", d.terms],
  ];
  return sections
    .filter((s): s is [string, string] => !!s[1])
    .map(([label, text]) => {
      const heading = paragraph(f.label, labelText(label), ctx.width);
      const [first, ...rest] = lineSlices(ctx, [heading, paragraph(f.body, text, ctx.width)], [0, LABEL_GAP]);
      return { slices: [first!, ...rest], keepWithNext: 1, marginBottom: 12 };
    });
}

const STAMP_COLORS: Record<string, string> = { PAID: "#15803d", VOID: "#b91c1c", DRAFT: "#64748b" };
const STAMP = { top: 250, size: 72, opacity: 0.18, angle: -24 };

/** A large translucent "PAID" / "VOID" / "DRAFT" across the page, or nothing. */
export function stampPainter(ctx: SectionContext, pageWidth: number): ((painter: Painter) => void) | null {
  const text = stampText(ctx.data.document);
  if (!text) return null;
  const face: Face = { font: ctx.bold, size: STAMP.size, color: STAMP_COLORS[text] ?? "#64748b" };
  const width = textWidth(face, text);
  const height = lineHeight(face);
  return (painter) => {
    painter.save().translate(pageWidth / 2, STAMP.top + height / 2).rotate(STAMP.angle);
    drawLine(painter, face, text, -width / 2, -height / 2, STAMP.opacity);
    painter.restore();
    forgetState(painter);
  };
}

/**
 * The footer text (wrapped beside the page number) and "Page x of y", anchored 24 pt above the
 * page's bottom edge. `top`: where the tallest it can be starts (wrapped beside the widest page
 * number), so content can stop short of a long footer instead of running under it.
 */
export function footerPainter(ctx: SectionContext, f: Faces, pageHeight: number) {
  const { data, left, width } = ctx;
  const text = data.document.footer ?? data.org.legalName ?? data.org.name;
  const lh = lineHeight(f.footer);
  const tallest = wrapText(f.footer, text, width - textWidth(f.footer, "Page 8888 of 8888") - FOOTER.gap).length;
  const heightOf = (lines: number) => FOOTER.rule + FOOTER.paddingTop + lines * lh;
  const paint = (painter: Painter, pageNumber: number, totalPages: number) => {
    const right = `Page ${pageNumber} of ${totalPages}`;
    const rightWidth = textWidth(f.footer, right);
    const lines = wrapText(f.footer, text, width - rightWidth - FOOTER.gap);
    const ruleTop = pageHeight - 24 - heightOf(lines.length);
    drawRule(painter, left, left + width, ruleTop, FOOTER.rule, RULE);
    const textTop = ruleTop + FOOTER.rule + FOOTER.paddingTop;
    drawLines(painter, f.footer, lines, left, textTop, width);
    drawLine(painter, f.footer, right, left + width - rightWidth, textTop);
  };
  return { top: pageHeight - 24 - heightOf(tallest), paint };
}
