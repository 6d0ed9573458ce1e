import Link from "next/link";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { NoAccess } from "@/app/(app)/_components/no-access";
import { can } from "@/lib/auth/roles";
import { getOrganization } from "@/lib/data/organizations";
import { listTaxRates } from "@/lib/data/tax-rates";
import { isVatCategory } from "@/lib/einvoice/codes";
import { formatRate } from "@/lib/money";
import { catalogs, type SettingsKey } from "@/lib/i18n/catalogs/app/settings";
import type { Translate } from "@/lib/i18n/messages";
import { getAppMessages, requireMembership } from "@/lib/session";
import { TaxRateArchiveButton } from "./_components/tax-rate-actions";
import { TaxRateForm } from "./_components/tax-rate-form";

export async function generateMetadata() {
  const t = await getAppMessages(catalogs);
  return { title: t("taxes.title") };
}

/** "Reverse charge (AE) · VATEX-EU-AE"; a withholding is not VAT and says so. */
function vatCategoryText(r: { rateE4: number; vatCategory: string; exemptionCode: string | null }, t: Translate<SettingsKey>) {
  if (r.rateE4 < 0) return t("taxes.withholdingDeducted");
  const label = isVatCategory(r.vatCategory) ? t(`vat.${r.vatCategory}`) : r.vatCategory;
  return `${label} (${r.vatCategory})${r.exemptionCode ? ` · ${r.exemptionCode}` : ""}`;
}

export default async function TaxesPage() {
  const membership = await requireMembership();
  if (!can(membership.role, "settings.manage")) return <NoAccess area="taxSettings" />;
  const [org, rates, t] = await Promise.all([getOrganization(membership), listTaxRates(membership, { includeArchived: true }), getAppMessages(catalogs)]);
  const active = rates.filter((r) => !r.archivedAt);
  const archived = rates.filter((r) => r.archivedAt);
  // On a phone the table is wider than the screen (about 470 px at 390): it scrolls sideways in its
  // own box, so the page itself does not and the Archive button stays reachable. `relative` keeps the
  // visually hidden (absolutely placed) header texts inside that box too.
  const table = (list: typeof rates, caption: string) => (
    <ScrollRegion label={caption} className="relative">
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="text-slate-700">
        <tr>
          <th scope="col" className="py-2 pr-4 font-medium">{t("taxes.col.name")}</th>
          <th scope="col" className="py-2 pr-4 text-right font-medium">{t("taxes.col.rate")}</th>
          <th scope="col" className="py-2 pr-4 font-medium">{t("taxes.col.prices")}</th>
          <th scope="col" className="py-2 pr-4 font-medium">{t("taxes.col.compound")}</th>
          {/* From sm up only: on a phone a sixth column would push the table sideways. */}
          <th scope="col" className="hidden py-2 pr-4 font-medium sm:table-cell">{t("taxes.col.vatCategory")}</th>
          <th scope="col" className="py-2 pr-4 font-medium"><span className="sr-only">{t("taxes.col.actions")}</span></th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {list.map((r) => (
          <tr key={r.id}>
            <th scope="row" className="py-3 pr-4 font-medium">{r.name}</th>
            <td className="py-3 pr-4 text-right tabular-nums">{formatRate(r.rateE4, org.locale)}</td>
            <td className="py-3 pr-4">{r.inclusive ? t("taxes.included") : t("taxes.added")}</td>
            <td className="py-3 pr-4">{r.compound ? t("yes") : t("no")}</td>
            <td className="hidden py-3 pr-4 sm:table-cell">{vatCategoryText(r, t)}</td>
            <td className="py-3 pr-4 text-right">
              <TaxRateArchiveButton id={r.id} name={r.name} archived={!!r.archivedAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    </ScrollRegion>
  );
  return (
    <div className="max-w-4xl space-y-8">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-2xl font-bold tracking-tight">{t("taxes.heading")}</h1>
        <Link href="/settings" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          {t("backToSettings")}
        </Link>
      </div>
      <section aria-labelledby="add-tax-heading" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="add-tax-heading" className="mb-4 text-base font-semibold">
          {t("taxes.add")}
        </h2>
        <TaxRateForm />
      </section>
      <section aria-labelledby="rates-heading" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="rates-heading" className="mb-2 text-base font-semibold">
          {t("taxes.rates")}
        </h2>
        <p className="mb-4 text-sm text-slate-700">{t("taxes.neverChanges")}</p>
        {active.length === 0 ? <p className="text-sm text-slate-700">{t("taxes.empty")}</p> : table(active, t("taxes.active"))}
      </section>
      {archived.length > 0 ? (
        <section aria-labelledby="archived-rates-heading" className="rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="archived-rates-heading" className="mb-4 text-base font-semibold">
            {t("taxes.archived")}
          </h2>
          {table(archived, t("taxes.archived"))}
        </section>
      ) : null}
    </div>
  );
}
