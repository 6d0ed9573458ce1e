import type { ReactNode } from "react";
import { Document, Page } from "@react-pdf/renderer";
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
import type { PdfData } from "./types";

type PageLayoutProps = { children: ReactNode; pageNumber?: number; totalPages?: number };

/**
 * An invoice, quote or credit note as a PDF: one wrapping page, assembled from the sections.
 *
 * The page uses React-PDF's `layout` prop (which switches on its newer pagination engine): the
 * content is laid out once and packed into pages, instead of the whole remainder of the document
 * being laid out again at every page break. The layout draws the per-page chrome — stamp, and the
 * footer with "Page x of y" below the content, in flow — around each page's content, and the room
 * left between them is what each page's content gets; the lines table's `fixed` header still
 * repeats at the top of every page the table spans.
 * Layout components run during pagination, once per output page: no hooks in them.
 * `fontFamily`: the font stack for text DejaVu Sans lacks (CJK, pdf/cjk-fonts.ts); inherited by all text.
 */
export function DocumentPdf({ data, fontFamily }: { data: PdfData; fontFamily?: string | string[] }) {
  const fmt = pdfFormat(data);
  const color = brandColor(data.org);
  const layout = ({ children, pageNumber, totalPages }: PageLayoutProps) => (
    <>
      <PdfStamp data={data} fmt={fmt} />
      {children}
      <PdfFooter data={data} fmt={fmt} pageNumber={pageNumber} totalPages={totalPages} />
    </>
  );
  return (
    <Document {...documentInfo(data)}>
      <Page size={paperSize(data.org)} style={fontFamily ? [fmt.styles.page, { fontFamily }] : fmt.styles.page} wrap layout={layout}>
        <PdfHeader data={data} fmt={fmt} color={color} />
        <PdfParties data={data} fmt={fmt} />
        <PdfMeta data={data} fmt={fmt} />
        <PdfLinesTable data={data} fmt={fmt} color={color} />
        <PdfTotals data={data} fmt={fmt} />
        <PdfPaymentDetails data={data} fmt={fmt} />
        <PdfNotes data={data} fmt={fmt} />
      </Page>
    </Document>
  );
}
