import Link from "next/link";
import { NoAccess } from "@/app/(app)/_components/no-access";
import { can } from "@/lib/auth/roles";
import { catalogs } from "@/lib/i18n/catalogs/app/customers";
import { getAppMessages, requireMembership } from "@/lib/session";
import { CustomerForm } from "../../_components/customer-form";
import { loadCustomer } from "../load";

export async function generateMetadata() {
  const t = await getAppMessages(catalogs);
  return { title: t("edit.title") };
}

export default async function EditCustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const [membership, t] = await Promise.all([requireMembership(), getAppMessages(catalogs)]);
  if (!can(membership.role, "customers.manage")) return <NoAccess area="customers" />;
  const { id } = await params;
  const c = await loadCustomer(membership, id);
  return (
    <div className="max-w-3xl space-y-6">
      <Link href={`/customers/${c.id}`} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        ← {c.name}
      </Link>
      <h1 className="text-2xl font-bold tracking-tight">{t("edit.title")}</h1>
      <CustomerForm
        customerId={c.id}
        defaults={{
          name: c.name,
          email: c.email ?? "",
          phone: c.phone ?? "",
          addressLine1: c.addressLine1 ?? "",
          addressLine2: c.addressLine2 ?? "",
          city: c.city ?? "",
          postalCode: c.postalCode ?? "",
          region: c.region ?? "",
          country: c.country ?? "",
          taxId: c.taxId ?? "",
          currency: c.currency ?? "",
          language: c.language ?? "",
          paymentTermsDays: c.paymentTermsDays === null ? "" : String(c.paymentTermsDays),
          notes: c.notes ?? "",
          buyerReference: c.buyerReference ?? "",
          electronicAddress: c.electronicAddress ?? "",
          electronicAddressScheme: c.electronicAddressScheme ?? "",
          einvoiceFormat: c.einvoiceFormat ?? "",
          contacts: c.contacts.map((x) => ({ id: x.id, name: x.name ?? "", email: x.email, isPrimary: x.isPrimary })),
        }}
      />
    </div>
  );
}
