import { Text, View } from "@react-pdf/renderer";
import { documentTitle, dueLabel, type PdfFormat, statusLabel } from "../format";
import type { PdfData } from "../types";

/** `typed`: a value a user typed (a number, a reference), printed in its own direction; dates and statuses read in the document's. */
function Item({ label, value, styles, typed = false }: { label: string; value: string; styles: PdfFormat["styles"]; typed?: boolean }) {
  return (
    <View style={styles.metaItem}>
      <Text style={styles.sectionLabel}>{label}</Text>
      <Text style={typed ? [styles.text, styles.ownDirection(value)] : styles.text}>{value}</Text>
    </View>
  );
}

export function PdfMeta({ data, fmt }: { data: PdfData; fmt: PdfFormat }) {
  const { document } = data;
  const { t, styles } = fmt;
  return (
    <View style={styles.meta}>
      <Item styles={styles} label={t("meta.number", { kind: documentTitle(document, t) })} value={document.number ?? t("status.draft")} typed={!!document.number} />
      <Item styles={styles} label={t("meta.issueDate")} value={fmt.date(document.issueDate)} />
      {document.dueDate ? <Item styles={styles} label={dueLabel(document.kind, t)} value={fmt.date(document.dueDate)} /> : null}
      <Item styles={styles} label={t("meta.status")} value={statusLabel(document.status, t, document.kind)} />
      {document.kind === "credit_note" && document.sourceNumber ? <Item styles={styles} label={t("meta.creditsInvoice")} value={document.sourceNumber} typed /> : null}
      {/* The date or period of supply (required on an invoice in the EU) and the buyer's references. */}
      {document.deliveryDate ? <Item styles={styles} label={t("meta.deliveryDate")} value={fmt.date(document.deliveryDate)} /> : null}
      {document.periodStart && document.periodEnd ? <Item styles={styles} label={t("meta.servicePeriod")} value={`${fmt.date(document.periodStart)} – ${fmt.date(document.periodEnd)}`} /> : null}
      {document.purchaseOrderRef ? <Item styles={styles} label={t("meta.purchaseOrder")} value={document.purchaseOrderRef} typed /> : null}
      {document.buyerReference ? <Item styles={styles} label={t("meta.buyerReference")} value={document.buyerReference} typed /> : null}
    </View>
  );
}
