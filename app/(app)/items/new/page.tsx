import Link from "next/link";
import { NoAccess } from "@/app/(app)/_components/no-access";
import { can } from "@/lib/auth/roles";
import { getOrganization } from "@/lib/data/organizations";
import { catalogs } from "@/lib/i18n/catalogs/app/items";
import { getAppMessages, requireMembership } from "@/lib/session";
import { ItemForm } from "../_components/item-form";
import { taxOptionsFor } from "../_components/tax-options";

export async function generateMetadata() {
  const t = await getAppMessages(catalogs);
  return { title: t("new.title") };
}

export default async function NewItemPage() {
  const [membership, t] = await Promise.all([requireMembership(), getAppMessages(catalogs)]);
  if (!can(membership.role, "customers.manage")) return <NoAccess area="items" />;
  const org = await getOrganization(membership);
  const taxOptions = await taxOptionsFor(membership, org.locale);
  return (
    <div className="max-w-3xl space-y-6">
      <Link href="/items" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        {t("back")}
      </Link>
      <h1 className="text-2xl font-bold tracking-tight">{t("new.title")}</h1>
      <ItemForm taxOptions={taxOptions} defaults={{ name: "", description: "", unit: "", unitPrice: "", currency: org.defaultCurrency, taxRateIds: [] }} />
    </div>
  );
}
