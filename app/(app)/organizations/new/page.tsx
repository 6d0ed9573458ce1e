import { organizationChoices } from "@/components/organization/defaults";
import { countryOptions } from "@/lib/countries";
import { NewOrganizationForm } from "./new-organization-form";

export const metadata = { title: "New organisation" };

export default function NewOrganizationPage() {
  const { currencies, timeZones, locales } = organizationChoices();
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-bold tracking-tight">Create an organisation</h1>
      <p className="mt-2 text-sm text-slate-700">
        Each organisation has its own customers, invoices, settings and team. You will be its owner. Its address, tax ID and bank details come next.
      </p>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6">
        <NewOrganizationForm choices={{ countries: countryOptions(), currencies, locales, timeZones }} />
      </div>
    </div>
  );
}
