import { Canvas, Text, View } from "@react-pdf/renderer";
import { lineTaxText, paperSize, type PdfFormat, quantityText } from "../format";
import { loadedRegularFont } from "../fonts";
import { paintableRow } from "../painted-row";
import { columns, rowGeometry, styles, TEXT_COLOR } from "../styles";
import type { PdfData } from "../types";

// React-PDF honours `wrap` on every element (a childless box can otherwise be cut at a page
// break); its Canvas typings just don't list it.
const UNSPLITTABLE = { wrap: false } as object;

/**
 * The header row is `fixed`, so React-PDF repeats it at the top of the table on every page the
 * table spans; rows are `wrap={false}`, so a row moves to the next page whole instead of splitting.
 */
export function PdfLinesTable({ data, fmt, color, paintRows = true }: { data: PdfData; fmt: PdfFormat; color: string; paintRows?: boolean }) {
  const font = paintRows ? loadedRegularFont() : null;
  const geometry = rowGeometry(paperSize(data.org));
  return (
    <View style={styles.table}>
      <View style={[styles.tableHeader, { borderColor: color }]} fixed>
        <Text style={columns.description}>Description</Text>
        <Text style={columns.quantity}>Quantity</Text>
        <Text style={columns.unitPrice}>Unit price</Text>
        <Text style={columns.taxes}>Taxes</Text>
        <Text style={columns.amount}>Amount</Text>
      </View>
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
