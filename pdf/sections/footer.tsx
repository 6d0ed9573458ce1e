import { Text, View } from "@react-pdf/renderer";
import { styles } from "../styles";
import type { PdfData } from "../types";

/**
 * Page chrome, drawn once per output page by the page layout (see document-pdf.tsx): the
 * document's footer text and "Page x of y". The numbers arrive as plain props, so there is no
 * render prop and no relayout of the page content to print them.
 */
export function PdfFooter({ data, pageNumber, totalPages }: { data: PdfData; pageNumber?: number; totalPages?: number }) {
  return (
    <View style={styles.footer}>
      <Text style={styles.footerText}>{data.document.footer ?? data.org.legalName ?? data.org.name}</Text>
      <Text>{`Page ${pageNumber ?? 1} of ${totalPages ?? pageNumber ?? 1}`}</Text>
    </View>
  );
}
