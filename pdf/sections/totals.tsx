import { Text, View } from "@react-pdf/renderer";
import { legalNotes, summaryRows } from "@/lib/document-summary";
import type { PdfFormat } from "../format";
import { styles } from "../styles";
import type { PdfData } from "../types";

function Row({ label, value, style }: { label: string; value: string; style?: typeof styles.grandTotal }) {
  return (
    <View style={style ? [styles.totalsRow, style] : styles.totalsRow}>
      <Text style={styles.totalsLabel}>{label}</Text>
      <Text>{value}</Text>
    </View>
  );
}

/** Stored totals and the stored per-rate breakdown, in the same rows and wording as the document page (lib/document-summary.ts). */
export function PdfTotals({ data, fmt }: { data: PdfData; fmt: PdfFormat }) {
  const d = data.document;
  return (
    <View style={styles.totals} wrap={false}>
      {summaryRows(d, fmt.money, fmt.t, fmt.rates).map((r) => (
        <Row key={r.key} label={r.label} value={r.value} style={r.emphasis === "total" ? styles.grandTotal : undefined} />
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
