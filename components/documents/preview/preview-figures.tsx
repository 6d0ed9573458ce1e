import { amountHeading, legalNotes, lineDiscountText, summaryRows } from "@/lib/document-summary";
import { lineTaxText, methodLabel, type PdfFormat, quantityText } from "@/pdf/format";
import type { PreviewData } from "./draft-data";

/**
 * The preview's figures — lines table, totals box with its legal wording, payment details — as
 * pdf/sections/lines-table.tsx, totals.tsx and payment-details.tsx print them: the same helpers
 * (lib/document-summary.ts, pdf/format.ts) make every label and amount, in the same order.
 */

/** A section's small upper-case label, as styles.sectionLabel in the PDF. */
export const LABEL = "mb-0.5 text-[0.85em] font-bold uppercase text-slate-600";

const HEADINGS = ["table.description", "table.quantity", "table.unitPrice", "table.taxes", "table.amount"] as const;
/** Description and taxes read from the start of the line (left, or right in Arabic and Hebrew); figures from its end. */
const START_ALIGNED: readonly string[] = ["table.description", "table.taxes"];

export function PreviewLines({ data, fmt }: { data: PreviewData; fmt: PdfFormat }) {
  const lines = data.document.lines;
  const { t } = fmt;
  return (
    <table className="mb-3 w-full border-collapse text-start align-top">
      <thead>
        <tr className="border-b border-(--brand)">
          {HEADINGS.map((h) => (
            <th key={h} scope="col" className={`py-1 text-[0.9em] font-bold ${START_ALIGNED.includes(h) ? "text-start" : "text-end"} ${h === "table.taxes" ? "ps-2" : ""}`}>
              {h === "table.amount" ? amountHeading(lines, t) : t(h)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {lines.map((line, i) => {
          const discount = lineDiscountText(line, fmt.money, fmt.rates);
          return [
            line.depositInvoiceId && !lines[i - 1]?.depositInvoiceId ? (
              <tr key={`deposits-${line.id}`} className="border-b border-slate-300">
                <td colSpan={5} className="py-1">
                  {t("table.depositsPaid")}
                </td>
              </tr>
            ) : null,
            <tr key={line.id} className="border-b border-slate-300 align-top" data-testid="preview-line">
              <td className="py-1 pe-2 break-words whitespace-pre-line">{line.description}</td>
              <td className="py-1 text-end whitespace-nowrap">{quantityText(line, fmt)}</td>
              <td className="py-1 ps-2 text-end whitespace-nowrap">{fmt.money(line.unitPrice)}</td>
              <td className="py-1 ps-2">{lineTaxText(line, fmt)}</td>
              <td className="py-1 ps-2 text-end whitespace-nowrap" data-testid="preview-line-amount">
                {fmt.money(line.amount)}
                {discount ? <span className="block">{t("line.discount", { discount })}</span> : null}
              </td>
            </tr>,
          ];
        })}
      </tbody>
    </table>
  );
}

export function PreviewTotals({ data, fmt }: { data: PreviewData; fmt: PdfFormat }) {
  const d = data.document;
  return (
    <div className="mb-3 ms-auto w-full max-w-[22em]">
      <dl>
        {summaryRows(d, fmt.money, fmt.t, fmt.rates).map((r) => (
          <div
            key={r.key}
            data-testid={`preview-${r.key.startsWith("tax-") ? "tax" : r.key}`}
            className={`flex justify-between gap-2 py-0.5 ${r.emphasis === "total" ? "mt-1 border-t border-slate-300 pt-1 text-[1.2em] font-bold" : ""}`}
          >
            <dt>{r.label}</dt>
            <dd className="whitespace-nowrap tabular-nums">{r.value}</dd>
          </div>
        ))}
      </dl>
      {legalNotes(d.taxes, fmt.t).map((note) => (
        <p key={note} className="mt-1.5 text-[0.9em]">
          {note}
        </p>
      ))}
    </div>
  );
}

/** Invoices only, as the PDF: how to pay (a draft owes nothing yet, so no "Balance due" line). */
export function PreviewPaymentDetails({ data, fmt }: { data: PreviewData; fmt: PdfFormat }) {
  const d = data.document;
  if (d.kind !== "invoice" || d.status === "void") return null;
  const due = d.status !== "draft" && d.balance > 0;
  const { t } = fmt;
  if (!data.org.bankDetails && !d.payments.length && !due) return null;
  return (
    <div className="mb-3">
      <p className={LABEL}>{t("payment.heading")}</p>
      {due ? (
        <p className="font-bold">
          {d.dueDate ? t("payment.balanceDueBy", { amount: fmt.money(d.balance), date: fmt.date(d.dueDate) }) : t("payment.balanceDue", { amount: fmt.money(d.balance) })}
        </p>
      ) : null}
      {data.org.bankDetails ? <p className="whitespace-pre-line">{data.org.bankDetails}</p> : null}
      {d.number && due ? <p className="text-slate-600">{t("payment.quoteNumber", { number: d.number })}</p> : null}
      {d.payments.length ? (
        <div className="mt-1">
          <p className="font-bold">{t("payment.received")}</p>
          {d.payments.map((p) => (
            <p key={p.id}>
              {fmt.date(p.paidOn)} · {methodLabel(p.method, t)}
              {p.reference ? ` · ${p.reference}` : ""} · {fmt.money(p.amount)}
            </p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
