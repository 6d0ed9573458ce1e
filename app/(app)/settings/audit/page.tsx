import Link from "next/link";
import { NoAccess } from "@/app/(app)/_components/no-access";
import { can } from "@/lib/auth/roles";
import { listAudit } from "@/lib/data/audit";
import { getOrganization } from "@/lib/data/organizations";
import { formatDateTime } from "@/lib/dates";
import { isAuditAction } from "@/lib/audit-actions";
import { actionKey, catalogs } from "@/lib/i18n/catalogs/app/audit";
import { getAppMessages, requireMembership } from "@/lib/session";
import { ScrollRegion } from "@/components/ui/scroll-region";

export async function generateMetadata() {
  const t = await getAppMessages(catalogs);
  return { title: t("title") };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const membership = await requireMembership();
  if (!can(membership.role, "audit.view")) return <NoAccess area="auditLog" />;
  const page = Math.max(1, Math.min(10_000, Number.parseInt((await searchParams).page ?? "1", 10) || 1));
  const [{ rows, hasMore, total }, org, t] = await Promise.all([listAudit(membership, { page }), getOrganization(membership), getAppMessages(catalogs)]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">{t("heading")}</h1>
      <ScrollRegion label={t("heading")} className="rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("caption", { total })}</caption>
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">{t("col.time", { timeZone: org.timeZone })}</th>
              <th scope="col" className="px-4 py-2 font-medium">{t("col.who")}</th>
              <th scope="col" className="px-4 py-2 font-medium">{t("col.what")}</th>
              <th scope="col" className="px-4 py-2 font-medium">{t("col.details")}</th>
              <th scope="col" className="px-4 py-2 font-medium">{t("col.ip")}</th>
              <th scope="col" className="px-4 py-2 font-medium">{t("col.browser")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="whitespace-nowrap px-4 py-2"><time dateTime={r.createdAt.toISOString()}>{formatDateTime(r.createdAt, org)}</time></td>
                <td className="px-4 py-2">{r.actorName ? `${r.actorName} (${r.actorEmail})` : t("unknown")}</td>
                <td className="px-4 py-2">{isAuditAction(r.action) ? t(actionKey(r.action)) : r.action}</td>
                <td className="px-4 py-2 text-slate-700">{r.meta ? Object.entries(r.meta).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(", ") : String(v)}`).join("; ") : ""}</td>
                <td className="px-4 py-2">{r.ip ?? ""}</td>
                <td className="max-w-56 truncate px-4 py-2" title={r.userAgent ?? ""}>{r.userAgent ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <nav aria-label={t("pages")} className="flex gap-4 text-sm font-medium">
        {page > 1 ? <Link href={`/settings/audit?page=${page - 1}`} className="text-brand-700 underline-offset-2 hover:underline">{t("newer")}</Link> : null}
        {hasMore ? <Link href={`/settings/audit?page=${page + 1}`} className="text-brand-700 underline-offset-2 hover:underline">{t("older")}</Link> : null}
      </nav>
    </div>
  );
}
