import { NoAccess } from "@/app/(app)/_components/no-access";
import { can } from "@/lib/auth/roles";
import { listMembers, listPendingInvitations } from "@/lib/data/team";
import { catalogs } from "@/lib/i18n/catalogs/app/team";
import { getAppMessages, requireMembership } from "@/lib/session";
import { getOrganization } from "@/lib/data/organizations";
import { formatDateOf } from "@/lib/dates";
import { InviteForm } from "./_components/invite-form";
import { MemberActions, RevokeInvitationButton } from "./_components/member-actions";

export async function generateMetadata() {
  const t = await getAppMessages(catalogs);
  return { title: t("title") };
}

export default async function TeamPage() {
  const membership = await requireMembership();
  if (!can(membership.role, "team.invite")) return <NoAccess area="teamSettings" />;
  const [members, invitations, org] = await Promise.all([listMembers(membership), listPendingInvitations(membership), getOrganization(membership)]);
  const t = await getAppMessages(catalogs);
  const manage = can(membership.role, "team.manage");
  return (
    <div className="max-w-4xl space-y-8">
      <h1 className="text-2xl font-bold tracking-tight">{t("heading")}</h1>
      <section aria-labelledby="invite-heading" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="invite-heading" className="mb-4 text-base font-semibold">
          {t("invite")}
        </h2>
        <InviteForm canInviteOwners={membership.role === "owner"} />
      </section>
      <section aria-labelledby="members-heading" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="members-heading" className="mb-4 text-base font-semibold">
          {t("members")}
        </h2>
        <table className="w-full text-left text-sm">
          <thead className="text-slate-700">
            <tr>
              <th scope="col" className="py-2 pr-4 font-medium">{t("col.name")}</th>
              <th scope="col" className="py-2 pr-4 font-medium">{t("col.email")}</th>
              <th scope="col" className="py-2 pr-4 font-medium">{manage ? t("col.roleAndActions") : t("col.role")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {members.map((m) => (
              <tr key={m.userId}>
                <td className="py-3 pr-4 font-medium">{m.name}</td>
                <td className="py-3 pr-4 break-all">{m.email}</td>
                <td className="py-3 pr-4">
                  {manage ? <MemberActions userId={m.userId} name={m.name} role={m.role} isSelf={m.userId === membership.userId} /> : t(`role.${m.role}`)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="invitations-heading" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="invitations-heading" className="mb-4 text-base font-semibold">
          {t("pending")}
        </h2>
        {invitations.length === 0 ? (
          <p className="text-sm text-slate-700">{t("noPending")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {invitations.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <span>
                  <span className="font-medium break-all">{i.email}</span> · {t(`role.${i.role}`)} · {t("expires", { date: formatDateOf(i.expiresAt, org) })}
                </span>
                <RevokeInvitationButton invitationId={i.id} email={i.email} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
