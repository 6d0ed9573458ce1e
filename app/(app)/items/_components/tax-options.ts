import "server-only";
import type { Member } from "@/lib/data/context";
import { listTaxRates } from "@/lib/data/tax-rates";
import { catalogs } from "@/lib/i18n/catalogs/app/items";
import { formatRate } from "@/lib/money";
import { getAppMessages } from "@/lib/session";
import type { TaxOption } from "./item-form";

/** The checkboxes of the item form: active rates, plus archived ones the item already has (so saving keeps them). */
export async function taxOptionsFor(member: Member, locale: string, selected: readonly string[] = []): Promise<TaxOption[]> {
  const [rates, t] = await Promise.all([listTaxRates(member, { includeArchived: true }), getAppMessages(catalogs)]);
  return rates
    .filter((r) => !r.archivedAt || selected.includes(r.id))
    .map((r) => ({ id: r.id, label: `${r.name} (${formatRate(r.rateE4, locale)}${r.inclusive ? t("tax.included") : ""})${r.archivedAt ? t("tax.archived") : ""}` }));
}
