import "server-only";
import type { Executor } from "@/db";
import { csvCell, csvRow } from "@/lib/csv";
import type { Member } from "@/lib/data/context";
import { agingByCustomer, paymentsReceived, salesByCustomer, salesByItem, taxSummary, type PaymentCursor } from "@/lib/data/reports";
import { quantityToString, rateToString, sumToDecimalString } from "@/lib/money";
import type { Period } from "@/lib/reporting-period";

export const REPORTS = {
  aging: "Aging by customer",
  "sales-by-customer": "Sales by customer",
  "sales-by-item": "Sales by item",
  tax: "Tax summary",
  payments: "Payments received",
} as const;
export type ReportKind = keyof typeof REPORTS;
export const isReportKind = (v: unknown): v is ReportKind => typeof v === "string" && Object.hasOwn(REPORTS, v);

export type ReportScope = { currency: string; period: Period; today: string };
type Rows = AsyncGenerator<string[][]>;

/** The rows of one report as CSV cells (header first), in batches. Amounts are plain decimals from the money module. */
async function* reportRows(member: Member, report: ReportKind, { currency, period, today }: ReportScope, tx?: Executor): Rows {
  const amount = (minor: bigint | number) => csvCell(sumToDecimalString(BigInt(minor), currency), { numeric: true });
  const cell = (v: string | number | null) => csvCell(v);
  switch (report) {
    case "aging": {
      yield [["Customer", "Currency", "Not yet due", "1-30 days", "31-60 days", "61-90 days", "Over 90 days", "Total"].map(cell)];
      const rows = await agingByCustomer(member, currency, today, tx);
      yield rows.map((r) => [cell(r.name), cell(currency), ...r.buckets.map(amount), amount(r.total)]);
      return;
    }
    case "sales-by-customer": {
      yield [["Customer", "Currency", "Invoices", "Credit notes", "Net", "Tax", "Total"].map(cell)];
      const rows = await salesByCustomer(member, currency, period, tx);
      yield rows.map((r) => [cell(r.name), cell(currency), cell(r.invoices), cell(r.creditNotes), amount(r.net), amount(r.tax), amount(r.total)]);
      return;
    }
    case "sales-by-item": {
      yield [["Item", "Currency", "Quantity", "Net", "Tax", "Total"].map(cell)];
      const rows = await salesByItem(member, currency, period, tx);
      // Quantities are ×10^4 integers; a sum over many lines stays exact as bigint.
      const quantity = (q: bigint) => csvCell(q % 10000n === 0n ? String(q / 10000n) : quantityToString(Number(q)), { numeric: true });
      yield rows.map((r) => [cell(r.name), cell(currency), quantity(r.quantityE4), amount(r.net), amount(r.tax), amount(r.total)]);
      return;
    }
    case "tax": {
      yield [["Month", "Tax", "Rate %", "Inclusive", "Documents", "Currency", "Taxable base", "Tax amount"].map(cell)];
      const rows = await taxSummary(member, currency, period, tx);
      yield rows.map((r) => [cell(r.month), cell(r.name), csvCell(rateToString(r.rateE4), { numeric: true }), cell(r.inclusive ? "yes" : "no"), cell(r.documents), cell(currency), amount(r.base), amount(r.amount)]);
      return;
    }
    case "payments": {
      yield [["Date", "Invoice", "Customer", "Method", "Reference", "Currency", "Amount"].map(cell)];
      let after: PaymentCursor | undefined;
      for (;;) {
        const rows = await paymentsReceived(member, currency, period, after, 1000, tx);
        if (rows.length === 0) return;
        yield rows.map((r) => [cell(r.paidOn), cell(r.number), cell(r.customerName), cell(r.method), cell(r.reference), cell(currency), amount(r.amount)]);
        const last = rows[rows.length - 1]!;
        after = { paidOn: last.paidOn, id: last.id };
      }
    }
  }
}

/** A report as a CSV stream (UTF-8 with BOM, CRLF rows), pulled batch by batch. */
/** `tx` defaults to the app's database, obtained by the DAL on the first pull. */
export function reportCsvStream(member: Member, report: ReportKind, scope: ReportScope, tx?: Executor): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const batches = reportRows(member, report, scope, tx);
  let first = true;
  return new ReadableStream({
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        controller.close();
        return;
      }
      const text = next.value.map(csvRow).join("");
      controller.enqueue(encoder.encode(first ? `\uFEFF${text}` : text));
      first = false;
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
