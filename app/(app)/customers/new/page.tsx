import Link from "next/link";
import { NoAccess } from "@/components/ui/no-access";
import { can } from "@/lib/auth/roles";
import { requireMembership } from "@/lib/session";
import { CustomerForm } from "../_components/customer-form";

export const metadata = { title: "New customer" };

export default async function NewCustomerPage() {
  const membership = await requireMembership();
  if (!can(membership.role, "customers.manage")) return <NoAccess what="customers" />;
  return (
    <div className="max-w-3xl space-y-6">
      <Link href="/customers" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        ← Customers
      </Link>
      <h1 className="text-2xl font-bold tracking-tight">New customer</h1>
      <CustomerForm />
    </div>
  );
}
