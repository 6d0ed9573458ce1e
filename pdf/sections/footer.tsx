import { Text, View } from "@react-pdf/renderer";
import { styles } from "../styles";
import type { PdfData } from "../types";

/** On every page: the document's footer text and "Page x of y". */
export function PdfFooter({ data }: { data: PdfData }) {
  return (
    <View style={styles.footer} fixed>
      <Text style={{ flexShrink: 1, paddingRight: 12 }}>{data.document.footer ?? data.org.legalName ?? data.org.name}</Text>
      <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
    </View>
  );
}
