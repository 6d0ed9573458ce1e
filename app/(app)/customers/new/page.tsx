import Link from "next/link";
import { NoAccess } from "@/app/(app)/_components/no-access";
import { can } from "@/lib/auth/roles";
import { catalogs } from "@/lib/i18n/catalogs/app/customers";
import { getAppMessages, requireMembership } from "@/lib/session";
import { CustomerForm } from "../_components/customer-form";

export async function generateMetadata() {
  const t = await getAppMessages(catalogs);
  return { title: t("new.title") };
}

export default async function NewCustomerPage() {
  const [membership, t] = await Promise.all([requireMembership(), getAppMessages(catalogs)]);
  if (!can(membership.role, "customers.manage")) return <NoAccess area="customers" />;
  return (
    <div className="max-w-3xl space-y-6">
      <Link href="/customers" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        {t("back")}
      </Link>
      <h1 className="text-2xl font-bold tracking-tight">{t("new.title")}</h1>
      <CustomerForm />
    </div>
  );
}
