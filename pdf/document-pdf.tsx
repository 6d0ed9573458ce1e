import type { ReactNode } from "react";
import { Document, Page } from "@react-pdf/renderer";
import { documentFontKind, type PdfFontKind } from "./font-choice";
import { pdfFonts } from "./fonts";
import { brandColor, documentInfo, paperSize, pdfFormat } from "./format";
import { PdfFooter } from "./sections/footer";
import { PdfHeader } from "./sections/header";
import { PdfLinesTable } from "./sections/lines-table";
import { PdfMeta } from "./sections/meta";
import { PdfNotes } from "./sections/notes";
import { PdfParties } from "./sections/parties";
import { PdfPaymentDetails } from "./sections/payment-details";
import { PdfStamp } from "./sections/stamp";
import { PdfTotals } from "./sections/totals";
import { rowGeometry, styles } from "./styles";
import type { PdfData } from "./types";

type PageLayoutProps = { children: ReactNode; pageNumber?: number; totalPages?: number };

/**
 * An invoice, quote or credit note as a PDF: one wrapping page, assembled from the sections.
 *
 * The page uses React-PDF's `layout` prop (which switches on its newer pagination engine): the
 * content is laid out once and packed into pages, instead of the whole remainder of the document
 * being laid out again at every page break (that made a 20-page invoice take seconds). The layout
 * draws the per-page chrome — stamp and footer with "Page x of y" — around each page's content;
 * the lines table's `fixed` header still repeats at the top of every page the table spans.
 * Layout components run during pagination, once per output page: no hooks in them.
 */
export type DocumentPdfOptions = {
  /** Draw one-line table rows and the footer directly (painted-row.ts); off only to compare with <Text>s. */
  paintRows?: boolean;
  /** Force a font instead of choosing by the document's characters (font-choice.ts); tests only. */
  font?: PdfFontKind;
};

export function DocumentPdf({ data, options = {} }: { data: PdfData; options?: DocumentPdfOptions }) {
  const fmt = pdfFormat(data);
  const color = brandColor(data.org);
  const fonts = pdfFonts(options.font ?? documentFontKind(data));
  const paint = options.paintRows ?? true;
  const layout = ({ children, pageNumber, totalPages }: PageLayoutProps) => (
    <>
      <PdfStamp data={data} />
      {children}
      <PdfFooter data={data} pageNumber={pageNumber} totalPages={totalPages} font={paint ? fonts.regular : null} width={rowGeometry(paperSize(data.org)).width} />
    </>
  );
  return (
    <Document {...documentInfo(data)}>
      <Page size={paperSize(data.org)} style={[styles.page, { fontFamily: fonts.family }]} wrap layout={layout}>
        <PdfHeader data={data} color={color} />
        <PdfParties data={data} />
        <PdfMeta data={data} fmt={fmt} />
        <PdfLinesTable data={data} fmt={fmt} color={color} font={paint ? fonts.regular : null} bold={paint ? fonts.bold : null} />
        <PdfTotals data={data} fmt={fmt} />
        <PdfPaymentDetails data={data} fmt={fmt} />
        <PdfNotes data={data} />
      </Page>
    </Document>
  );
}
