import { Canvas, Text, View } from "@react-pdf/renderer";
import { lineTaxText, paperSize, type PdfFormat, quantityText } from "../format";
import { type LoadedFont, paintableRow, paintedLine, tableCells } from "../painted-row";
import { columns, rowGeometry, styles, TABLE_HEADER, TEXT_COLOR } from "../styles";
import type { PdfData } from "../types";

const HEADINGS = ["Description", "Quantity", "Unit price", "Taxes", "Amount"] as const;
const HEADING_COLUMNS = [columns.description, columns.quantity, columns.unitPrice, columns.taxes, columns.amount];

// React-PDF honours `wrap` on every element (a childless box can otherwise be cut at a page
// break); its Canvas typings just don't list it.
const UNSPLITTABLE = { wrap: false } as object;

/**
 * `font`/`bold`: the document's fonts to paint rows and header with (null: <Text>s only).
 * The header row is `fixed`, so React-PDF repeats it at the top of the table on every page the
 * table spans; rows are `wrap={false}`, so a row moves to the next page whole instead of splitting.
 */
export function PdfLinesTable({ data, fmt, color, font, bold }: { data: PdfData; fmt: PdfFormat; color: string; font: LoadedFont | null; bold: LoadedFont | null }) {
  const geometry = rowGeometry(paperSize(data.org));
  // The header repeats on every page: painted too (bold), when the bold font is given.
  const header = bold ? paintedLine(bold, TEXT_COLOR, TABLE_HEADER.fontSize, tableCells(geometry.width, HEADINGS)) : null;
  return (
    <View style={styles.table}>
      {header ? (
        <Canvas style={[styles.tableHeader, { borderColor: color, height: TABLE_HEADER.paddingVertical * 2 + header.lineHeight + TABLE_HEADER.rule }]} paint={header.paint} fixed />
      ) : (
        <View style={[styles.tableHeader, { borderColor: color }]} fixed>
          {HEADINGS.map((heading, i) => (
            <Text key={heading} style={HEADING_COLUMNS[i]}>
              {heading}
            </Text>
          ))}
        </View>
      )}
      {data.document.lines.map((line) => {
        const cells = [line.description, quantityText(line), fmt.money(line.unitPrice), lineTaxText(line), fmt.money(line.total)] as const;
        // Most rows are one line of plain text: drawn directly (see painted-row.ts), same look.
        const painted = paintableRow(font, TEXT_COLOR, geometry, [...cells]);
        if (painted) return <Canvas key={line.id} style={[styles.tableRow, { height: painted.height }]} paint={painted.paint} {...UNSPLITTABLE} />;
        return (
          <View key={line.id} style={styles.tableRow} wrap={false}>
            <Text style={columns.description}>{cells[0]}</Text>
            <Text style={columns.quantity}>{cells[1]}</Text>
            <Text style={columns.unitPrice}>{cells[2]}</Text>
            <Text style={columns.taxes}>{cells[3]}</Text>
            <Text style={columns.amount}>{cells[4]}</Text>
          </View>
        );
      })}
    </View>
  );
}
