import Link from "next/link";
import { LegalNotes } from "@/components/documents/legal-notes";
import { TotalsList } from "@/components/documents/totals-list";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { amountHeading, legalNotes, lineDiscountText, showsBothVatIds, summaryRows, type SummaryDocument, type SummaryTax } from "@/lib/document-summary";
import type { DocumentPageKey } from "@/lib/i18n/catalogs/app/document-page";
import type { DocumentTranslate } from "@/lib/i18n/catalogs/document";
import type { Translate } from "@/lib/i18n/messages";
import { formatQuantity, formatRate } from "@/lib/money";

type Line = {
  id: string;
  description: string;
  quantityE4: number;
  unit: string | null;
  unitPrice: number;
  amount: number;
  depositInvoiceId: string | null;
  discountType: "percent" | "amount" | null;
  discountValue: number | null;
  lineDiscount: number;
  taxes: { name: string; rateE4: number; inclusive: boolean }[];
};

/**
 * The Lines section: the lines, the deposits a final invoice deducts, the totals box and the legal
 * wording. Column names and totals rows read as the document catalog has them in the user's app
 * language (`dt`), as in the editor; quantities and rates are
 * written like the amounts, in the organisation's locale.
 */
export function DocumentLines({
  doc,
  money,
  locale,
  t,
  dt,
  vatIds,
}: {
  doc: SummaryDocument & { lines: Line[]; taxes: SummaryTax[] };
  money: (minor: number) => string;
  /** The organisation's formatting locale, which the amounts use too: "2,5" and "19 %" in de-DE. */
  locale: string;
  t: Translate<DocumentPageKey>;
  dt: DocumentTranslate;
  /** Both parties' VAT ids, as the page has them (null: missing). */
  vatIds: { ours: string | null; theirs: string | null };
}) {
  const ownLines = doc.lines.filter((l) => !l.depositInvoiceId);
  const depositLines = doc.lines.filter((l) => l.depositInvoiceId);
  const taxesText = (l: Line) => l.taxes.map((tax) => `${tax.name} ${formatRate(tax.rateE4, locale)}`).join(", ");
  return (
    <ScrollRegion as="section" label={t("lines")} labelledBy="lines-heading" className="rounded-lg border border-slate-200 bg-white">
      <h2 id="lines-heading" className="px-4 pt-4 text-base font-semibold">{t("lines")}</h2>
      <table className="mt-2 w-full text-left text-sm">
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">{dt("table.description")}</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">{dt("table.quantity")}</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">{dt("table.unitPrice")}</th>
            <th scope="col" className="px-4 py-2 font-medium">{dt("table.taxes")}</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">{amountHeading(doc.lines, dt)}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {ownLines.map((l) => (
            <tr key={l.id}>
              <td className="whitespace-pre-line px-4 py-2">{l.description}</td>
              <td className="whitespace-nowrap px-4 py-2 text-right tabular-nums">{formatQuantity(l.quantityE4, locale)} {l.unit ?? ""}</td>
              <td className="whitespace-nowrap px-4 py-2 text-right tabular-nums">{money(l.unitPrice)}</td>
              <td className="px-4 py-2">{taxesText(l)}</td>
              <td className="whitespace-nowrap px-4 py-2 text-right tabular-nums">
                <span data-testid="line-amount">{money(l.amount)}</span>
                {lineDiscountText(l, money) ? <span className="block text-xs text-slate-700">{dt("line.discount", { discount: lineDiscountText(l, money) })}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
        {depositLines.length ? (
          <tbody className="divide-y divide-slate-100 border-t border-slate-200">
            <tr>
              <th scope="colgroup" colSpan={5} className="bg-slate-50 px-4 py-2 font-semibold">{dt("table.depositsPaid")}</th>
            </tr>
            {depositLines.map((l) => (
              <tr key={l.id}>
                <td className="whitespace-pre-line px-4 py-2">
                  <Link href={`/invoices/${l.depositInvoiceId}`} className="text-brand-700 underline-offset-2 hover:underline">{l.description}</Link>
                </td>
                <td className="whitespace-nowrap px-4 py-2 text-right tabular-nums">{formatQuantity(l.quantityE4, locale)} {l.unit ?? ""}</td>
                <td className="whitespace-nowrap px-4 py-2 text-right tabular-nums">{money(l.unitPrice)}</td>
                <td className="px-4 py-2">{taxesText(l)}</td>
                <td className="whitespace-nowrap px-4 py-2 text-right tabular-nums" data-testid="deposit-deduction">{money(l.amount)}</td>
              </tr>
            ))}
          </tbody>
        ) : null}
      </table>
      <TotalsList rows={summaryRows(doc, money, dt)} className="ml-auto max-w-sm p-4" testIds={{ subtotal: "subtotal", total: "total" }} />
      <LegalNotes notes={legalNotes(doc.taxes, dt)} className="ml-auto max-w-sm px-4 pb-4" />
      {showsBothVatIds(doc.taxes) ? (
        <p className="ml-auto max-w-sm px-4 pb-4 text-sm text-slate-700" data-testid="vat-ids">
          {t("vatIds", { ours: vatIds.ours ?? t("ourVatIdMissing"), theirs: vatIds.theirs ?? t("theirVatIdMissing") })}
        </p>
      ) : null}
    </ScrollRegion>
  );
}
