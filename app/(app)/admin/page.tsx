import { notFound } from "next/navigation";
import { unsafeListOrganizations, unsafeListUsers } from "@/lib/data/admin";
import { formatDateOf } from "@/lib/dates";
import { requireSession } from "@/lib/session";
import { UserToggle } from "./_components/user-toggle";

export const metadata = { title: "Administration" };

// This page spans every organisation, so no one organisation's zone applies: dates are UTC days.
const PLATFORM = { locale: "en-GB", timeZone: "UTC" };

export default async function AdminPage() {
  const user = await requireSession();
  // Not even the page's existence is revealed to non-administrators.
  if (!user.isPlatformAdmin) notFound();
  const [organizations, users] = await Promise.all([unsafeListOrganizations(user), unsafeListUsers(user)]);
  return (
    <div className="space-y-10">
      <h1 className="text-2xl font-bold tracking-tight">Administration</h1>
      <section aria-labelledby="orgs-heading">
        <h2 id="orgs-heading" className="mb-3 text-lg font-semibold">Organisations ({organizations.length})</h2>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">Name</th>
                <th scope="col" className="px-4 py-2 font-medium">Members</th>
                <th scope="col" className="px-4 py-2 font-medium">Created</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {organizations.map((o) => (
                <tr key={o.id}>
                  <td className="px-4 py-2 font-medium">{o.name}</td>
                  <td className="px-4 py-2">{o.members}</td>
                  <td className="px-4 py-2">{formatDateOf(o.createdAt, PLATFORM)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="users-heading">
        <h2 id="users-heading" className="mb-3 text-lg font-semibold">Users ({users.length})</h2>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">Name</th>
                <th scope="col" className="px-4 py-2 font-medium">Email</th>
                <th scope="col" className="px-4 py-2 font-medium">Organisations</th>
                <th scope="col" className="px-4 py-2 font-medium">Status</th>
                <th scope="col" className="px-4 py-2 font-medium"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {users.map((u) => (
                <tr key={u.id}>
                  <td className="px-4 py-2 font-medium">{u.name}{u.isPlatformAdmin ? " (administrator)" : ""}</td>
                  <td className="px-4 py-2 break-all">{u.email}</td>
                  <td className="px-4 py-2">{u.organizations}</td>
                  <td className="px-4 py-2">{u.disabledAt ? "Disabled" : "Active"}</td>
                  <td className="px-4 py-2">{u.id === user.id ? null : <UserToggle userId={u.id} name={u.name} disabled={!!u.disabledAt} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
