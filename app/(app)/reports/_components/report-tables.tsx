import { agingByCustomer, PAYMENTS_PAGE, paymentsReceived, paymentsTotal, salesByCustomer, salesByItem, taxSummary } from "@/lib/data/reports";
import { formatDate } from "@/lib/dates";
import { formatMoney, formatMoneySum, formatRate, quantityToString } from "@/lib/money";
import type { ReportsKey } from "@/lib/i18n/catalogs/app/reports";
import type { Translate } from "@/lib/i18n/messages";
import type { ReportKind } from "@/lib/reports-csv";
import type { ReportingScope } from "@/app/(app)/_reporting/scope";
import { ScrollRegion } from "@/components/ui/scroll-region";

const th = "py-2 pr-3 font-medium";
const num = "py-1.5 pr-3 text-right tabular-nums";

function Table({ nothing, caption, head, rows, foot }: { nothing: string; caption: string; head: string[]; rows: React.ReactNode[][]; foot?: React.ReactNode[] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-700">{nothing}</p>;
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
export async function ReportTable({ t, report, scope }: { t: Translate<ReportsKey>; report: ReportKind; scope: ReportingScope }) {
  const { member, currency, period, today, locale } = scope;
  const money = (v: bigint) => formatMoneySum(v, currency, locale);
  const nothing = t("nothing");
  const sum = t("total");
  switch (report) {
    case "aging": {
      const rows = await agingByCustomer(member, currency, today);
      const sums = [0, 1, 2, 3, 4].map((i) => total(rows.map((r) => r.buckets[i]!)));
      return (
        <Table
          nothing={nothing}
          caption={t("caption.aging", { currency, date: formatDate(today, locale) })}
          head={[t("col.customer"), t("col.notYetDue"), t("col.1-30"), t("col.31-60"), t("col.61-90"), t("col.over90"), t("col.total")]}
          rows={rows.map((r) => [r.name, ...r.buckets.map(money), money(r.total)])}
          foot={[sum, ...sums.map(money), money(total(rows.map((r) => r.total)))]}
        />
      );
    }
    case "sales-by-customer": {
      const rows = await salesByCustomer(member, currency, period);
      return (
        <Table
          nothing={nothing}
          caption={t("caption.salesByCustomer", { currency })}
          head={[t("col.customer"), t("col.invoices"), t("col.creditNotes"), t("col.net"), t("col.tax"), t("col.total")]}
          rows={rows.map((r) => [r.name, r.invoices, r.creditNotes, money(r.net), money(r.tax), money(r.total)])}
          foot={[sum, rows.reduce((a, r) => a + r.invoices, 0), rows.reduce((a, r) => a + r.creditNotes, 0), money(total(rows.map((r) => r.net))), money(total(rows.map((r) => r.tax))), money(total(rows.map((r) => r.total)))]}
        />
      );
    }
    case "sales-by-item": {
      const rows = await salesByItem(member, currency, period);
      return (
        <Table
          nothing={nothing}
          caption={t("caption.salesByItem", { currency })}
          head={[t("col.item"), t("col.quantity"), t("col.net"), t("col.tax"), t("col.total")]}
          rows={rows.map((r) => [r.name, r.quantityE4 % 10000n === 0n ? String(r.quantityE4 / 10000n) : quantityToString(Number(r.quantityE4)), money(r.net), money(r.tax), money(r.total)])}
          foot={[sum, "", money(total(rows.map((r) => r.net))), money(total(rows.map((r) => r.tax))), money(total(rows.map((r) => r.total)))]}
        />
      );
    }
    case "tax": {
      const rows = await taxSummary(member, currency, period);
      const monthName = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" });
      return (
        <Table
          nothing={nothing}
          caption={t("caption.tax", { currency })}
          head={[t("col.month"), t("col.tax"), t("col.rate"), t("col.documents"), t("col.taxableBase"), t("col.tax")]}
          rows={rows.map((r) => [monthName.format(new Date(`${r.month}-01T00:00:00Z`)), `${r.name}${r.inclusive ? t("included") : ""}`, formatRate(r.rateE4, locale), r.documents, money(r.base), money(r.amount)])}
          foot={[sum, "", "", "", "", money(total(rows.map((r) => r.amount)))]}
        />
      );
    }
    case "payments": {
      const [rows, paid] = await Promise.all([paymentsReceived(member, currency, period), paymentsTotal(member, currency, period)]);
      return (
        <>
          <Table
            nothing={nothing}
            caption={t("caption.payments", { currency })}
            head={[t("col.date"), t("col.invoice"), t("col.customer"), t("col.method"), t("col.amount")]}
            rows={rows.map((r) => [formatDate(r.paidOn, locale), r.number, r.customerName, r.method.replaceAll("_", " "), formatMoney(r.amount, currency, locale)])}
            foot={[t("paymentsCount", { count: paid.count }), "", "", "", money(paid.amount)]}
          />
          {paid.count > PAYMENTS_PAGE ? <p className="mt-3 text-sm text-slate-700">{t("firstPayments", { shown: String(PAYMENTS_PAGE), count: String(paid.count) })}</p> : null}
        </>
      );
    }
  }
}
