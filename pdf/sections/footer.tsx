import { Canvas, Text, View } from "@react-pdf/renderer";
import { type LoadedFont, paintedLine, paintedWidth } from "../painted-row";
import { FOOTER, styles } from "../styles";
import type { PdfData } from "../types";

/**
 * Page chrome, drawn once per output page by the page layout (see document-pdf.tsx): the
 * document's footer text and "Page x of y". The numbers arrive as plain props, so there is no
 * render prop and no relayout of the page content to print them.
 *
 * Pagination lays the chrome out several times per page (to measure the page's free space, then
 * to build it, in two rounds for the page total), so when both texts fit on one line the footer
 * is painted like a one-line table row (painted-row.ts), in the same place; otherwise <Text>s.
 */
/** `font`: the document's regular font to paint with (null: <Text>s only). */
export function PdfFooter({ data, pageNumber, totalPages, font, width }: { data: PdfData; pageNumber?: number; totalPages?: number; font: LoadedFont | null; width: number }) {
  const left = data.document.footer ?? data.org.legalName ?? data.org.name;
  const right = `Page ${pageNumber ?? 1} of ${totalPages ?? pageNumber ?? 1}`;
  const rightWidth = font ? paintedWidth(font, right, FOOTER.fontSize) : null;
  const line =
    font && rightWidth !== null
      ? paintedLine(
          font,
          FOOTER.color,
          FOOTER.fontSize,
          [
            { text: left, x: 0, width: width - rightWidth - FOOTER.gap, align: "left" },
            { text: right, x: width - rightWidth - 1, width: rightWidth + 1, align: "right" },
          ],
          FOOTER.rule,
        )
      : null;
  if (line) return <Canvas style={[styles.footer, { height: FOOTER.paddingTop + FOOTER.rule + line.lineHeight }]} paint={line.paint} />;
  return (
    <View style={styles.footer}>
      <Text style={styles.footerText}>{left}</Text>
      <Text>{right}</Text>
    </View>
  );
}
