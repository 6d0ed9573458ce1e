import { Text, View } from "@react-pdf/renderer";
import { methodLabel, type PdfFormat } from "../format";
import { styles } from "../styles";
import type { PdfData } from "../types";

/** Invoices only: how to pay, what is still due, and the payments already received. */
export function PdfPaymentDetails({ data, fmt }: { data: PdfData; fmt: PdfFormat }) {
  const d = data.document;
  if (d.kind !== "invoice" || d.status === "void") return null;
  const due = d.status !== "draft" && d.balance > 0;
  if (!data.org.bankDetails && !d.payments.length && !due) return null;
  return (
    <View style={styles.block} wrap={false}>
      <Text style={styles.sectionLabel}>Payment details</Text>
      {due ? (
        <Text style={styles.bold}>
          Balance due {fmt.money(d.balance)}
          {d.dueDate ? ` by ${fmt.date(d.dueDate)}` : ""}
        </Text>
      ) : null}
      {data.org.bankDetails ? <Text>{data.org.bankDetails}</Text> : null}
      {d.number && due ? <Text style={styles.muted}>Please quote {d.number} with your payment.</Text> : null}
      {d.payments.length ? (
        <View style={{ marginTop: 4 }}>
          <Text style={styles.bold}>Payments received</Text>
          {d.payments.map((p) => (
            <Text key={p.id}>
              {fmt.date(p.paidOn)} · {methodLabel(p.method)}
              {p.reference ? ` · ${p.reference}` : ""} · {fmt.money(p.amount)}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}
