import Link from "next/link";
import { notFound } from "next/navigation";
import { NoAccess } from "@/app/(app)/_components/no-access";
import { can } from "@/lib/auth/roles";
import { getItem } from "@/lib/data/items";
import { getOrganization } from "@/lib/data/organizations";
import { parseId } from "@/lib/ids";
import { toDecimalString } from "@/lib/money";
import { orNotFound } from "@/lib/not-found";
import { catalogs } from "@/lib/i18n/catalogs/app/items";
import { getAppMessages, requireMembership } from "@/lib/session";
import { ItemForm } from "../../_components/item-form";
import { taxOptionsFor } from "../../_components/tax-options";

export async function generateMetadata() {
  const t = await getAppMessages(catalogs);
  return { title: t("edit.title") };
}

export default async function EditItemPage({ params }: { params: Promise<{ id: string }> }) {
  const [membership, t] = await Promise.all([requireMembership(), getAppMessages(catalogs)]);
  if (!can(membership.role, "customers.manage")) return <NoAccess area="items" />;
  const id = parseId((await params).id);
  if (!id) notFound();
  const item = await orNotFound(getItem(membership, id));
  const org = await getOrganization(membership);
  const taxOptions = await taxOptionsFor(membership, org.locale, item.taxRateIds);
  return (
    <div className="max-w-3xl space-y-6">
      <Link href="/items" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        {t("back")}
      </Link>
      <h1 className="text-2xl font-bold tracking-tight">{t("edit.title")}</h1>
      <ItemForm
        itemId={item.id}
        taxOptions={taxOptions}
        defaults={{
          name: item.name,
          description: item.description ?? "",
          unit: item.unit ?? "",
          unitPrice: toDecimalString(item.unitPrice, item.currency),
          currency: item.currency,
          taxRateIds: item.taxRateIds,
        }}
      />
    </div>
  );
}
