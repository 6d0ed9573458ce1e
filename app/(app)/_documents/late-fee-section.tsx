import Link from "next/link";
import { listLateFees } from "@/lib/data/late-fees";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { catalogs } from "@/lib/i18n/catalogs/app/document-page";
import { catalogs as statusCatalogs } from "@/lib/i18n/catalogs/app/status";
import { getAppMessages, type MembershipContext } from "@/lib/session";

/** The late fees added to an invoice, one per reminder step, each its own invoice. Nothing when there are none. */
export async function LateFeeSection({ membership, invoiceId, org }: { membership: MembershipContext; invoiceId: string; org: { locale: string } }) {
  const [fees, t, ts] = await Promise.all([listLateFees(membership, invoiceId), getAppMessages(catalogs), getAppMessages(statusCatalogs)]);
  if (fees.length === 0) return null;
  return (
    <section aria-labelledby="late-fees-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="late-fees-heading" className="text-base font-semibold">{t("lateFees.heading")}</h2>
      <p className="mt-1 text-sm text-slate-700">{t("lateFees.intro")}</p>
      <ul className="mt-2 divide-y divide-slate-100 text-sm">
        {fees.map((f) => (
          <li key={f.step} className="flex flex-wrap justify-between gap-2 py-1.5">
            <span>
              <Link href={`/invoices/${f.feeDocumentId}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">{f.number}</Link> · {t("lateFees.step", { days: f.step })} ·{" "}
              {formatDate(f.issueDate, org.locale)} · {ts(f.status)}
            </span>
            <span className="tabular-nums">{formatMoney(f.total, f.currency, org.locale)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
