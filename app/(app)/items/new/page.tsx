import Link from "next/link";
import { NoAccess } from "@/components/ui/no-access";
import { can } from "@/lib/auth/roles";
import { getOrganization } from "@/lib/data/organizations";
import { requireMembership } from "@/lib/session";
import { ItemForm } from "../_components/item-form";
import { taxOptionsFor } from "../_components/tax-options";

export const metadata = { title: "New item" };

export default async function NewItemPage() {
  const membership = await requireMembership();
  if (!can(membership.role, "customers.manage")) return <NoAccess what="items" />;
  const org = await getOrganization(membership);
  const taxOptions = await taxOptionsFor(membership, org.locale);
  return (
    <div className="max-w-3xl space-y-6">
      <Link href="/items" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        ← Items
      </Link>
      <h1 className="text-2xl font-bold tracking-tight">New item</h1>
      <ItemForm taxOptions={taxOptions} defaults={{ name: "", description: "", unit: "", unitPrice: "", currency: org.defaultCurrency, taxRateIds: [] }} />
    </div>
  );
}
