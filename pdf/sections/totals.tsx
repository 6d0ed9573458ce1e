import { Text, View } from "@react-pdf/renderer";
import { legalNotes, summaryRows } from "@/lib/document-summary";
import type { PdfFormat } from "../format";
import type { PdfStyles } from "../styles";
import type { PdfData } from "../types";

function Row({ label, value, style, styles }: { label: string; value: string; style?: PdfStyles["grandTotal"]; styles: PdfStyles }) {
  return (
    <View style={style ? [styles.totalsRow, style] : styles.totalsRow}>
      <Text style={styles.totalsLabel}>{label}</Text>
      <Text style={styles.figure}>{value}</Text>
    </View>
  );
}

/** Stored totals and the stored per-rate breakdown, in the same rows and wording as the document page (lib/document-summary.ts). */
export function PdfTotals({ data, fmt }: { data: PdfData; fmt: PdfFormat }) {
  const d = data.document;
  const styles = fmt.styles;
  return (
    <View style={styles.totals} wrap={false}>
      {summaryRows(d, fmt.money, fmt.t, fmt.rates).map((r) => (
        <Row key={r.key} styles={styles} label={r.label} value={r.value} style={r.emphasis === "total" ? styles.grandTotal : undefined} />
      ))}
      {/* Why no VAT is charged (reverse charge, exemption…): the law asks for it on the invoice. */}
      {legalNotes(d.taxes, fmt.t).map((note) => (
        <Text key={note} style={styles.legalNote}>
          {note}
        </Text>
      ))}
    </View>
  );
}
