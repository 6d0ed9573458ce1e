import { Text, View } from "@react-pdf/renderer";
import { type PdfFormat, taxLineLabel } from "../format";
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

/** Stored totals and the stored per-rate breakdown, in the same order and wording as the document page. */
export function PdfTotals({ data, fmt }: { data: PdfData; fmt: PdfFormat }) {
  const d = data.document;
  return (
    <View style={styles.totals} wrap={false}>
      <Row label="Subtotal" value={fmt.money(d.subtotal)} />
      {d.discountTotal ? <Row label="Discounts" value={`−${fmt.money(d.discountTotal)}`} /> : null}
      {d.taxes.map((t) => (
        <Row key={t.taxId} label={taxLineLabel(t, fmt)} value={fmt.money(t.amount)} />
      ))}
      <Row label="Total" value={fmt.money(d.total)} style={styles.grandTotal} />
      {d.amountPaid ? <Row label="Paid" value={`−${fmt.money(d.amountPaid)}`} /> : null}
      {d.amountCredited ? <Row label="Credited" value={`−${fmt.money(d.amountCredited)}`} /> : null}
      {d.kind === "invoice" && d.status !== "draft" ? <Row label="Balance due" value={fmt.money(d.balance)} style={styles.grandTotal} /> : null}
    </View>
  );
}
