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
  const { t } = fmt;
  return (
    <View style={styles.meta}>
      <Item label={t("meta.number", { kind: documentTitle(document, t) })} value={document.number ?? t("status.draft")} />
      <Item label={t("meta.issueDate")} value={fmt.date(document.issueDate)} />
      {document.dueDate ? <Item label={dueLabel(document.kind, t)} value={fmt.date(document.dueDate)} /> : null}
      <Item label={t("meta.status")} value={statusLabel(document.status, t)} />
      {document.kind === "credit_note" && document.sourceNumber ? <Item label={t("meta.creditsInvoice")} value={document.sourceNumber} /> : null}
      {/* The date or period of supply (required on an invoice in the EU) and the buyer's references. */}
      {document.deliveryDate ? <Item label={t("meta.deliveryDate")} value={fmt.date(document.deliveryDate)} /> : null}
      {document.periodStart && document.periodEnd ? <Item label={t("meta.servicePeriod")} value={`${fmt.date(document.periodStart)} – ${fmt.date(document.periodEnd)}`} /> : null}
      {document.purchaseOrderRef ? <Item label={t("meta.purchaseOrder")} value={document.purchaseOrderRef} /> : null}
      {document.buyerReference ? <Item label={t("meta.buyerReference")} value={document.buyerReference} /> : null}
    </View>
  );
}
