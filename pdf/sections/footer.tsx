import { Text, View } from "@react-pdf/renderer";
import type { PdfFormat } from "../format";
import type { PdfData } from "../types";

/**
 * Page chrome, drawn once per output page by the page layout (see document-pdf.tsx): the
 * document's footer text and "Page x of y". It sits in the page's flow below the content, so
 * React-PDF measures the room left for content on each page with the footer's real height: a
 * footer that wraps over several lines pushes content to the next page instead of running under it.
 */
export function PdfFooter({ data, fmt, pageNumber, totalPages }: { data: PdfData; fmt: PdfFormat; pageNumber?: number; totalPages?: number }) {
  const left = data.document.footer ?? data.org.legalName ?? data.org.name;
  const right = fmt.t("footer.page", { page: pageNumber ?? 1, total: totalPages ?? pageNumber ?? 1 });
  const styles = fmt.styles;
  return (
    <View style={styles.footerArea}>
      <View style={styles.footer}>
        <Text style={[styles.footerText, styles.ownDirection(left)]}>{left}</Text>
        <Text style={styles.text}>{right}</Text>
      </View>
    </View>
  );
}
