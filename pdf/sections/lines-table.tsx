import { Text, View } from "@react-pdf/renderer";
import { lineTaxText, type PdfFormat, quantityText } from "../format";
import { columns, styles } from "../styles";
import type { PdfData } from "../types";

/**
 * The header row is `fixed`, so React-PDF repeats it at the top of the table on every page the
 * table spans; rows are `wrap={false}`, so a row moves to the next page whole instead of splitting.
 */
export function PdfLinesTable({ data, fmt, color }: { data: PdfData; fmt: PdfFormat; color: string }) {
  return (
    <View style={styles.table}>
      <View style={[styles.tableHeader, { borderColor: color }]} fixed>
        <Text style={columns.description}>Description</Text>
        <Text style={columns.quantity}>Quantity</Text>
        <Text style={columns.unitPrice}>Unit price</Text>
        <Text style={columns.taxes}>Taxes</Text>
        <Text style={columns.amount}>Amount</Text>
      </View>
      {data.document.lines.map((line) => (
        <View key={line.id} style={styles.tableRow} wrap={false}>
          <Text style={columns.description}>{line.description}</Text>
          <Text style={columns.quantity}>{quantityText(line)}</Text>
          <Text style={columns.unitPrice}>{fmt.money(line.unitPrice)}</Text>
          <Text style={columns.taxes}>{lineTaxText(line)}</Text>
          <Text style={columns.amount}>{fmt.money(line.total)}</Text>
        </View>
      ))}
    </View>
  );
}
