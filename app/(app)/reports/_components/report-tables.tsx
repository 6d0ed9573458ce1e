import { agingByCustomer, PAYMENTS_PAGE, paymentsReceived, paymentsTotal, salesByCustomer, salesByItem, taxSummary } from "@/lib/data/reports";
import { formatDate } from "@/lib/dates";
import { formatMoney, formatMoneySum, formatRate, quantityToString } from "@/lib/money";
import type { ReportKind } from "@/lib/reports-csv";
import type { ReportingScope } from "@/app/(app)/_reporting/scope";
import { ScrollRegion } from "@/components/ui/scroll-region";

const th = "py-2 pr-3 font-medium";
const num = "py-1.5 pr-3 text-right tabular-nums";

function Table({ caption, head, rows, foot }: { caption: string; head: string[]; rows: React.ReactNode[][]; foot?: React.ReactNode[] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-700">Nothing to report for this period and currency.</p>;
  return (
    <ScrollRegion label={caption}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-slate-700">
          <tr>{head.map((h, i) => <th key={h} scope="col" className={`${th} ${i > 0 ? "text-right" : ""}`}>{h}</th>)}</tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((cells, r) => (
            <tr key={r}>{cells.map((c, i) => (i === 0 ? <th key={i} scope="row" className="py-1.5 pr-3 font-normal">{c}</th> : <td key={i} className={num}>{c}</td>))}</tr>
          ))}
        </tbody>
        {foot ? (
          <tfoot className="border-t border-slate-300 font-semibold">
            <tr>{foot.map((c, i) => (i === 0 ? <th key={i} scope="row" className="py-2 pr-3">{c}</th> : <td key={i} className={num}>{c}</td>))}</tr>
          </tfoot>
        ) : null}
      </table>
    </ScrollRegion>
  );
}

const total = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);

/** The chosen report as an accessible table, with totals (added as bigint, one currency only). */
export async function ReportTable({ report, scope }: { report: ReportKind; scope: ReportingScope }) {
  const { member, currency, period, today, locale } = scope;
  const money = (v: bigint) => formatMoneySum(v, currency, locale);
  switch (report) {
    case "aging": {
      const rows = await agingByCustomer(member, currency, today);
      const sums = [0, 1, 2, 3, 4].map((i) => total(rows.map((r) => r.buckets[i]!)));
      return (
        <Table
          caption={`Aging by customer, ${currency}, as of ${today}`}
          head={["Customer", "Not yet due", "1–30 days", "31–60 days", "61–90 days", "Over 90 days", "Total"]}
          rows={rows.map((r) => [r.name, ...r.buckets.map(money), money(r.total)])}
          foot={["Total", ...sums.map(money), money(total(rows.map((r) => r.total)))]}
        />
      );
    }
    case "sales-by-customer": {
      const rows = await salesByCustomer(member, currency, period);
      return (
        <Table
          caption={`Sales by customer, ${currency}`}
          head={["Customer", "Invoices", "Credit notes", "Net", "Tax", "Total"]}
          rows={rows.map((r) => [r.name, r.invoices, r.creditNotes, money(r.net), money(r.tax), money(r.total)])}
          foot={["Total", rows.reduce((a, r) => a + r.invoices, 0), rows.reduce((a, r) => a + r.creditNotes, 0), money(total(rows.map((r) => r.net))), money(total(rows.map((r) => r.tax))), money(total(rows.map((r) => r.total)))]}
        />
      );
    }
    case "sales-by-item": {
      const rows = await salesByItem(member, currency, period);
      return (
        <Table
          caption={`Sales by item, ${currency}`}
          head={["Item", "Quantity", "Net", "Tax", "Total"]}
          rows={rows.map((r) => [r.name, r.quantityE4 % 10000n === 0n ? String(r.quantityE4 / 10000n) : quantityToString(Number(r.quantityE4)), money(r.net), money(r.tax), money(r.total)])}
          foot={["Total", "", money(total(rows.map((r) => r.net))), money(total(rows.map((r) => r.tax))), money(total(rows.map((r) => r.total)))]}
        />
      );
    }
    case "tax": {
      const rows = await taxSummary(member, currency, period);
      const monthName = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" });
      return (
        <Table
          caption={`Tax collected per rate and month, ${currency}`}
          head={["Month", "Tax", "Rate", "Documents", "Taxable base", "Tax"]}
          rows={rows.map((r) => [monthName.format(new Date(`${r.month}-01T00:00:00Z`)), `${r.name}${r.inclusive ? " (included)" : ""}`, formatRate(r.rateE4, locale), r.documents, money(r.base), money(r.amount)])}
          foot={["Total", "", "", "", "", money(total(rows.map((r) => r.amount)))]}
        />
      );
    }
    case "payments": {
      const [rows, sum] = await Promise.all([paymentsReceived(member, currency, period), paymentsTotal(member, currency, period)]);
      return (
        <>
          <Table
            caption={`Payments received, ${currency}`}
            head={["Date", "Invoice", "Customer", "Method", "Amount"]}
            rows={rows.map((r) => [formatDate(r.paidOn, locale), r.number, r.customerName, r.method.replaceAll("_", " "), formatMoney(r.amount, currency, locale)])}
            foot={[`${sum.count} payments`, "", "", "", money(sum.amount)]}
          />
          {sum.count > PAYMENTS_PAGE ? <p className="mt-3 text-sm text-slate-700">Showing the first {PAYMENTS_PAGE} payments; the CSV export has all {sum.count}.</p> : null}
        </>
      );
    }
  }
}
