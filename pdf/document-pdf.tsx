import { Document, Page } from "@react-pdf/renderer";
import { brandColor, fileTitle, paperSize, pdfFormat } from "./format";
import { PdfFooter } from "./sections/footer";
import { PdfHeader } from "./sections/header";
import { PdfLinesTable } from "./sections/lines-table";
import { PdfMeta } from "./sections/meta";
import { PdfNotes } from "./sections/notes";
import { PdfParties } from "./sections/parties";
import { PdfPaymentDetails } from "./sections/payment-details";
import { PdfStamp } from "./sections/stamp";
import { PdfTotals } from "./sections/totals";
import { styles } from "./styles";
import type { PdfData } from "./types";

/** An invoice, quote or credit note as a PDF: one wrapping page, assembled from the sections. */
export function DocumentPdf({ data }: { data: PdfData }) {
  const fmt = pdfFormat(data);
  const color = brandColor(data.org);
  return (
    <Document
      title={fileTitle(data)}
      author={data.org.legalName ?? data.org.name}
      subject={`${fileTitle(data)} for ${data.document.customerSnapshot?.name ?? data.document.customer.name}`}
      creator="Smart Invoice"
      producer="Smart Invoice"
      language={data.org.locale}
    >
      <Page size={paperSize(data.org)} style={styles.page} wrap>
        <PdfStamp data={data} />
        <PdfHeader data={data} color={color} />
        <PdfParties data={data} />
        <PdfMeta data={data} fmt={fmt} />
        <PdfLinesTable data={data} fmt={fmt} color={color} />
        <PdfTotals data={data} fmt={fmt} />
        <PdfPaymentDetails data={data} fmt={fmt} />
        <PdfNotes data={data} />
        <PdfFooter data={data} />
      </Page>
    </Document>
  );
}
