import { Text, View } from "@react-pdf/renderer";
import { amountHeading, lineDiscountText } from "@/lib/document-summary";
import { lineTaxText, type PdfFormat, quantityText } from "../format";
import type { PdfData } from "../types";

const HEADINGS = ["table.description", "table.quantity", "table.unitPrice", "table.taxes", "table.amount"] as const;
/** The Amount heading says "(incl. tax)" when prices include taxes. */
const HEADING_COLUMNS = ["description", "quantity", "unitPrice", "taxes", "amount"] as const;
const heading = (key: (typeof HEADINGS)[number], data: PdfData, t: PdfFormat["t"]) => (key === "table.amount" ? amountHeading(data.document.lines, t) : t(key));

/**
 * A description longer than this may not fit on one page beside its figures (a row's cells are
 * laid out side by side and React-PDF moves a row taller than a page whole, cutting it at the
 * page's foot). About 60 lines of the description column; a page holds about 65.
 */
const TALL_DESCRIPTION = 1_500;
const isTall = (description: string) => description.length > TALL_DESCRIPTION || description.split("\n").length > 40;

/**
 * The header row is `fixed`, so React-PDF repeats it at the top of the table on every page the
 * table spans. Rows are `wrap={false}`: a row moves to the next page whole instead of splitting.
 * A very long description is printed across the row's full width below its figures, as a block
 * of text React-PDF continues on the next pages, so no word is lost (document-pdf.test.ts).
 */
export function PdfLinesTable({ data, fmt, color }: { data: PdfData; fmt: PdfFormat; color: string }) {
  const styles = fmt.styles;
  const { columns } = styles;
  return (
    <View style={styles.table}>
      <View style={[styles.tableHeader, { borderColor: color }]} fixed>
        {HEADINGS.map((key, i) => (
          <Text key={key} style={columns[HEADING_COLUMNS[i]!]}>
            {heading(key, data, fmt.t)}
          </Text>
        ))}
      </View>
      {data.document.lines.map((line, i) => [
        // A final invoice's deductions of paid deposit invoices, under their own heading.
        line.depositInvoiceId && !data.document.lines[i - 1]?.depositInvoiceId ? (
          <View key={`deposits-${line.id}`} style={styles.tableRow} wrap={false}>
            <Text style={columns.description}>{fmt.t("table.depositsPaid")}</Text>
          </View>
        ) : null,
        isTall(line.description) ? (
          <View key={line.id} style={styles.tallRow}>
            <View style={styles.row} wrap={false}>
              <View style={columns.description} />
              <Text style={[columns.quantity, styles.ownDirection(quantityText(line, fmt))]}>{quantityText(line, fmt)}</Text>
              <Text style={columns.unitPrice}>{fmt.money(line.unitPrice)}</Text>
              <Text style={[columns.taxes, styles.ownDirection(lineTaxText(line, fmt))]}>{lineTaxText(line, fmt)}</Text>
              <LineAmount line={line} fmt={fmt} />
            </View>
            <Text style={[styles.text, styles.ownDirection(line.description)]}>{line.description}</Text>
          </View>
        ) : (
        <View key={line.id} style={styles.tableRow} wrap={false}>
          <Text style={[columns.description, styles.ownDirection(line.description)]}>{line.description}</Text>
          <Text style={[columns.quantity, styles.ownDirection(quantityText(line, fmt))]}>{quantityText(line, fmt)}</Text>
          <Text style={columns.unitPrice}>{fmt.money(line.unitPrice)}</Text>
          <Text style={[columns.taxes, styles.ownDirection(lineTaxText(line, fmt))]}>{lineTaxText(line, fmt)}</Text>
          <LineAmount line={line} fmt={fmt} />
        </View>
        ),
      ])}
    </View>
  );
}

/** The line's net amount (quantity × price − its own discount), with that discount beneath it. */
function LineAmount({ line, fmt }: { line: PdfData["document"]["lines"][number]; fmt: PdfFormat }) {
  const discount = lineDiscountText(line, fmt.money, fmt.rates);
  return (
    <Text style={fmt.styles.columns.amount}>
      {fmt.money(line.amount)}
      {discount ? `\n${fmt.t("line.discount", { discount })}` : ""}
    </Text>
  );
}
