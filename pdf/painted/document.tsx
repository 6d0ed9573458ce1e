/**
 * The document drawn page by page: each page is one React-PDF <Page> holding one <Canvas> that
 * paints the sections placed on it (./sections.ts), plus the logo as an <Image> on page 1.
 *
 * Why: React-PDF's layout (a yoga node and a full text layout per <Text>, pagination, then a
 * second pagination round to learn the page count for "Page x of y") cost tens of milliseconds for
 * one page and over a second for twenty, slower than printing the same invoice with Chromium. Here
 * every height is known up front (text wraps with the fonts' own metrics, ./text.ts), pages are
 * packed once (./flow.ts), and React-PDF only writes what the canvases draw: a few milliseconds a page.
 *
 * Text the painter can't draw as written (right-to-left scripts, combining marks, characters the
 * fonts lack, beyond the few symbols it takes from the embedded font) and sections other than the
 * lines table taller than a page make `paintedPages` return null; the renderer then uses the
 * layout tree (../document-pdf.tsx), whose text engine handles them.
 */
import { Canvas, Document, Image, Page } from "@react-pdf/renderer";
import { brandColor, documentInfo, paperSize, pdfFormat } from "../format";
import type { PdfFonts } from "../fonts";
import { PAGE_PADDING_X, PAGE_SIZE, styles } from "../styles";
import type { PdfData } from "../types";
import { type Block, paginate, type PlacedSlice } from "./flow";
import { imageSize } from "./image-size";
import {
  faces,
  footerPainter,
  headerBlock,
  LOGO_MAX,
  type LogoBox,
  linesTableBlock,
  metaBlock,
  notesBlocks,
  partiesBlock,
  paymentDetailsBlock,
  type SectionContext,
  stampPainter,
  totalsBlock,
} from "./sections";
import { NeedsTextEngine, type Painter, strokeRules } from "./text";

type Logo = { src: { data: Buffer; format: "png" | "jpg" }; box: LogoBox };

export type PaintedPages = {
  paper: keyof typeof PAGE_SIZE;
  pages: PlacedSlice[][];
  logo: Logo | null;
  paintPage: (painter: Painter, index: number) => void;
};

/** React-PDF embeds PNG and JPEG only; any other logo format (or an unreadable one) prints the name alone. */
function logoSource(logo: PdfData["logo"]) {
  if (!logo) return null;
  const format = logo.contentType === "image/png" ? "png" : logo.contentType === "image/jpeg" || logo.contentType === "image/jpg" ? "jpg" : null;
  const size = format ? imageSize(logo.bytes, format) : null;
  if (!format || !size) return null;
  // As the layout tree's maxWidth/maxHeight with objectFit contain: shrunk to fit, never enlarged.
  const scale = Math.min(1, LOGO_MAX.width / size.width, LOGO_MAX.height / size.height);
  return { src: { data: logo.bytes, format }, size: { width: size.width * scale, height: size.height * scale } } as const;
}

/** The document's pages laid out, or null when some of its text needs React-PDF's text engine. */
export function paintedPages(data: PdfData, fonts: Pick<PdfFonts, "regular" | "bold" | "fallback">): PaintedPages | null {
  const { regular, bold, fallback } = fonts;
  if (!regular || !bold) return null;
  const paper = paperSize(data.org);
  const { width: pageWidth, height: pageHeight } = PAGE_SIZE[paper];
  const ctx: SectionContext = { data, fmt: pdfFormat(data), regular, bold, fallback, color: brandColor(data.org), left: PAGE_PADDING_X, width: pageWidth - 2 * PAGE_PADDING_X };
  try {
    const f = faces(ctx);
    const footer = footerPainter(ctx, f, pageHeight);
    // Content stops at the page's bottom padding, or 8 pt above a footer long enough to reach higher.
    const region = { top: styles.page.paddingTop, bottom: Math.min(pageHeight - styles.page.paddingBottom, footer.top - 8) };
    const logo = logoSource(data.logo);
    const header = headerBlock(ctx, f, logo?.size ?? null, region.top);
    const table = linesTableBlock(ctx, f, region.bottom - region.top);
    const blocks: Block[] = [header.block, partiesBlock(ctx, f), metaBlock(ctx, f), table, totalsBlock(ctx, f)];
    const payment = paymentDetailsBlock(ctx, f);
    if (payment) blocks.push(payment);
    blocks.push(...notesBlocks(ctx, f));
    // A slice taller than a page (below the repeated table header) would overflow it: only the
    // text engine can split inside one.
    const room = region.bottom - region.top - (table.repeat?.height ?? 0);
    if (blocks.some((b) => b.slices.some((s) => s.height > room))) return null;
    const stamp = stampPainter(ctx, pageWidth);
    const pages = paginate(blocks, region);
    return {
      paper,
      pages,
      logo: logo && header.logo ? { src: logo.src, box: header.logo } : null,
      paintPage(painter, index) {
        stamp?.(painter);
        for (const { slice, top } of pages[index]!) slice.paint(painter, top);
        footer.paint(painter, index + 1, pages.length);
        strokeRules(painter);
      },
    };
  } catch (error) {
    if (error instanceof NeedsTextEngine) return null;
    throw error;
  }
}

export function PaintedDocumentPdf({ data, laid }: { data: PdfData; laid: PaintedPages }) {
  const { width, height } = PAGE_SIZE[laid.paper];
  return (
    <Document {...documentInfo(data)}>
      {laid.pages.map((_, index) => (
        <Page key={index} size={laid.paper}>
          <Canvas
            fixed
            style={{ position: "absolute", top: 0, left: 0, width, height }}
            paint={(painter, availableWidth) => {
              // React-PDF may call paint while measuring, with a stand-in painter and no width.
              if (availableWidth !== undefined) laid.paintPage(painter as unknown as Painter, index);
              return null;
            }}
          />
          {index === 0 && laid.logo ? (
            // eslint-disable-next-line jsx-a11y/alt-text -- React-PDF's Image has no alt; the name follows as text
            <Image src={laid.logo.src} style={{ position: "absolute", ...laid.logo.box, objectFit: "contain" }} />
          ) : null}
        </Page>
      ))}
    </Document>
  );
}
