import { Text, View } from "@react-pdf/renderer";
import { documentTitle, dueLabel, type PdfFormat, statusLabel } from "../format";
import { styles } from "../styles";
import type { PdfData } from "../types";

function Item({ label, value }: { label: string; value: string }) {
  return (
    <View style={styles.metaItem}>
      <Text style={styles.sectionLabel}>{label}</Text>
      <Text>{value}</Text>
    </View>
  );
}

export function PdfMeta({ data, fmt }: { data: PdfData; fmt: PdfFormat }) {
  const { document } = data;
  return (
    <View style={styles.meta}>
      <Item label={`${documentTitle(document)} number`} value={document.number ?? "Draft"} />
      <Item label="Issue date" value={fmt.date(document.issueDate)} />
      {document.dueDate ? <Item label={dueLabel[document.kind]} value={fmt.date(document.dueDate)} /> : null}
      <Item label="Status" value={statusLabel(document.status)} />
      {document.kind === "credit_note" && document.sourceNumber ? <Item label="Credits invoice" value={document.sourceNumber} /> : null}
      {/* The date or period of supply (required on an invoice in the EU) and the buyer's references. */}
      {document.deliveryDate ? <Item label="Delivery date" value={fmt.date(document.deliveryDate)} /> : null}
      {document.periodStart && document.periodEnd ? <Item label="Service period" value={`${fmt.date(document.periodStart)} – ${fmt.date(document.periodEnd)}`} /> : null}
      {document.purchaseOrderRef ? <Item label="Purchase order" value={document.purchaseOrderRef} /> : null}
      {document.buyerReference ? <Item label="Buyer reference" value={document.buyerReference} /> : null}
    </View>
  );
}
