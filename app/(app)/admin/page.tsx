import { notFound } from "next/navigation";
import { unsafeListOrganizations, unsafeListUsers } from "@/lib/data/admin";
import { formatDateOf } from "@/lib/dates";
import { catalogs } from "@/lib/i18n/catalogs/app/admin";
import { getAppMessages, requireSession } from "@/lib/session";
import { UserToggle } from "./_components/user-toggle";

export async function generateMetadata() {
  const t = await getAppMessages(catalogs);
  return { title: t("title") };
}

// This page spans every organisation, so no one organisation's zone applies: dates are UTC days.
const PLATFORM = { locale: "en-GB", timeZone: "UTC" };

export default async function AdminPage() {
  const user = await requireSession();
  // Not even the page's existence is revealed to non-administrators.
  if (!user.isPlatformAdmin) notFound();
  const [organizations, users] = await Promise.all([unsafeListOrganizations(user), unsafeListUsers(user)]);
  const t = await getAppMessages(catalogs);
  return (
    <div className="space-y-10">
      <h1 className="text-2xl font-bold tracking-tight">{t("heading")}</h1>
      <section aria-labelledby="orgs-heading">
        <h2 id="orgs-heading" className="mb-3 text-lg font-semibold">{t("organisations", { count: organizations.length })}</h2>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">{t("col.name")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("col.members")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("col.created")}</th>
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
        <h2 id="users-heading" className="mb-3 text-lg font-semibold">{t("users", { count: users.length })}</h2>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">{t("col.name")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("col.email")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("col.organisations")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("col.status")}</th>
                <th scope="col" className="px-4 py-2 font-medium"><span className="sr-only">{t("col.actions")}</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {users.map((u) => (
                <tr key={u.id}>
                  <td className="px-4 py-2 font-medium">{u.name}{u.isPlatformAdmin ? t("administrator") : ""}</td>
                  <td className="px-4 py-2 break-all">{u.email}</td>
                  <td className="px-4 py-2">{u.organizations}</td>
                  <td className="px-4 py-2">{u.disabledAt ? t("disabled") : t("active")}</td>
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
