import Link from "next/link";
import { getDb } from "@/db";
import { getOrganization } from "@/lib/data/organizations";
import { can } from "@/lib/auth/roles";
import { requireMembership } from "@/lib/session";

export const metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const membership = await requireMembership();
  const org = await getOrganization(await getDb(), membership);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{org.name}</h1>
        <p className="mt-1 text-sm text-slate-700">Welcome, {membership.user.name}.</p>
      </div>
      <section aria-labelledby="start-heading" className="rounded-lg border border-dashed border-slate-300 bg-white p-8">
        <h2 id="start-heading" className="text-lg font-semibold">
          Get started
        </h2>
        <ol className="mt-4 list-decimal space-y-2 pl-5 text-sm text-slate-700">
          <li>
            {can(membership.role, "settings.manage") ? (
              <Link href="/settings" className="font-semibold text-brand-700 underline-offset-2 hover:underline">
                Complete your business details
              </Link>
            ) : (
              "Your organisation's owners keep the business details up to date"
            )}{" "}
            — they appear on every invoice.
          </li>
          {can(membership.role, "team.invite") ? (
            <li>
              <Link href="/settings/team" className="font-semibold text-brand-700 underline-offset-2 hover:underline">
                Invite your team
              </Link>{" "}
              so colleagues can write invoices too.
            </li>
          ) : null}
        </ol>
      </section>
    </div>
  );
}
