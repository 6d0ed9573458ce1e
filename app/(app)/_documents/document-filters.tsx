import Link from "next/link";
import type { DocumentKind } from "@/db/schema";
import { FiltersDisclosure } from "@/components/lists/filters-disclosure";
import type { DocumentListQuery } from "@/lib/data/document-lists";
import type { DocumentsKey } from "@/lib/i18n/catalogs/app/documents";
import type { Translate } from "@/lib/i18n/messages";
import { listHref } from "@/lib/document-list-query";

const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

/**
 * The list's filters behind one "Filters (n)" button: a plain GET form (works without a script
 * once open), which keeps the status tab and the sort and starts again at page 1. The currency is
 * chosen among those the organisation has documents in, not typed.
 */
export function DocumentFilters({
  t,
  kind,
  path,
  query,
  active,
  currencies,
  customerName,
}: {
  t: Translate<DocumentsKey>;
  kind: DocumentKind;
  path: string;
  query: DocumentListQuery;
  active: number;
  currencies: string[];
  customerName?: string;
}) {
  const many = t(`manyLower.${kind}`);
  const offered = query.currency && !currencies.includes(query.currency) ? [...currencies, query.currency].sort() : currencies;
  return (
    <FiltersDisclosure active={active}>
      <form method="get" action={path} role="search" aria-label={t("filter.label", { many })} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5">
        <div className="sm:col-span-2">
          <label htmlFor="q" className="block text-sm font-medium">{t("filter.search")}</label>
          <input id="q" name="q" type="search" defaultValue={query.q} className={field} />
        </div>
        <div>
          <label htmlFor="currency" className="block text-sm font-medium">{t("filter.currency")}</label>
          <select id="currency" name="currency" defaultValue={query.currency ?? ""} className={field}>
            <option value="">{t("filter.anyCurrency")}</option>
            {offered.map((c) => (
              <option key={c} value={c}>{c}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="from" className="block text-sm font-medium">{t("filter.from")}</label>
          <input id="from" name="from" type="date" defaultValue={query.from} className={field} />
        </div>
        <div>
          <label htmlFor="to" className="block text-sm font-medium">{t("filter.to")}</label>
          <input id="to" name="to" type="date" defaultValue={query.to} className={field} />
        </div>
        {query.customerId ? (
          <div className="flex items-center gap-2 text-sm sm:col-span-2 lg:col-span-5">
            <input type="hidden" name="customer" value={query.customerId} />
            <span>{t("filter.customer")} <strong>{customerName ?? t("filter.oneCustomer")}</strong></span>
            <Link href={listHref(path, { ...query, customerId: undefined }, { page: undefined })} className="font-medium text-brand-700 underline-offset-2 hover:underline">
              {t("filter.anyCustomer")}
            </Link>
          </div>
        ) : null}
        {query.status ? <input type="hidden" name="status" value={query.status} /> : null}
        {query.sort !== "issueDate" ? <input type="hidden" name="sort" value={query.sort} /> : null}
        {query.dir === "asc" ? <input type="hidden" name="dir" value="asc" /> : null}
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-5">
          <button type="submit" className="inline-flex min-h-11 items-center rounded-md bg-brand-600 px-4 text-sm font-semibold text-white hover:bg-brand-700">{t("filter.apply")}</button>
          {active > 0 ? (
            <Link href={listHref(path, { status: query.status }, {})} className="inline-flex min-h-11 items-center px-2 text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
              {t("filter.clear")}
            </Link>
          ) : null}
        </div>
      </form>
    </FiltersDisclosure>
  );
}
