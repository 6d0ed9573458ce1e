import { Text, View } from "@react-pdf/renderer";
import { bankAccountLine } from "@/lib/iban";
import { methodLabel, type PdfFormat } from "../format";
import type { PdfData } from "../types";

/** Invoices only: how to pay, what is still due, and the payments already received. */
export function PdfPaymentDetails({ data, fmt }: { data: PdfData; fmt: PdfFormat }) {
  const d = data.document;
  if (d.kind !== "invoice" || d.status === "void") return null;
  const due = d.status !== "draft" && d.balance > 0;
  const { t, styles } = fmt;
  const account = bankAccountLine(data.org);
  if (!data.org.bankDetails && !account && !d.payments.length && !due) return null;
  return (
    <View style={styles.block} wrap={false}>
      <Text style={styles.sectionLabel}>{t("payment.heading")}</Text>
      {due ? (
        <Text style={styles.bold}>
          {d.dueDate ? t("payment.balanceDueBy", { amount: fmt.money(d.balance), date: fmt.date(d.dueDate) }) : t("payment.balanceDue", { amount: fmt.money(d.balance) })}
        </Text>
      ) : null}
      {account ? <Text style={[styles.text, styles.ownDirection(account)]}>{account}</Text> : null}
      {data.org.bankDetails ? <Text style={[styles.text, styles.ownDirection(data.org.bankDetails)]}>{data.org.bankDetails}</Text> : null}
      {d.number && due ? <Text style={styles.muted}>{t("payment.quoteNumber", { number: d.number })}</Text> : null}
      {d.payments.length ? (
        <View style={styles.payments}>
          <Text style={styles.bold}>{t("payment.received")}</Text>
          {d.payments.map((p) => (
            <Text key={p.id} style={styles.text}>
              {fmt.date(p.paidOn)} · {methodLabel(p.method, t)}
              {p.reference ? ` · ${p.reference}` : ""} · {fmt.money(p.amount)}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}
