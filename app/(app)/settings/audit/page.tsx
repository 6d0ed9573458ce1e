import Link from "next/link";
import { NoAccess } from "@/components/ui/no-access";
import { can } from "@/lib/auth/roles";
import { listAudit } from "@/lib/data/audit";
import { getOrganization } from "@/lib/data/organizations";
import { formatDateTime } from "@/lib/dates";
import { requireMembership } from "@/lib/session";
import { ScrollRegion } from "@/components/ui/scroll-region";

export const metadata = { title: "Audit log" };

const describe: Record<string, string> = {
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Failed sign-in",
  "auth.sign_out": "Signed out",
  "auth.signed_out_everywhere": "Signed out on every device",
  "auth.password_reset_requested": "Asked for a password reset",
  "auth.password_reset": "Reset their password",
  "account.password_changed": "Changed their password",
  "account.email_change_requested": "Asked to change their email",
  "account.email_changed": "Changed their email",
  "account.name_changed": "Changed their name",
  "account.language_changed": "Changed their app language",
  "account.registered": "Created the account",
  "team.invited": "Invited a member",
  "team.invitation_revoked": "Revoked an invitation",
  "team.joined": "Joined the organisation",
  "team.role_changed": "Changed a member's role",
  "team.member_removed": "Removed a member",
  "organization.created": "Created the organisation",
  "organization.updated": "Changed organisation settings",
  "document.issued": "Issued a document",
  "document.voided": "Voided a document",
  "document.payment_recorded": "Recorded a payment",
  "document.payment_deleted": "Deleted a payment",
  "document.draft_deleted": "Deleted a draft",
  "customer.created": "Added a customer",
  "customer.updated": "Edited a customer",
  "customer.archived": "Archived a customer",
  "customer.unarchived": "Restored a customer",
  "customer.deleted": "Deleted a customer",
  "item.created": "Added an item",
  "item.updated": "Edited an item",
  "item.archived": "Archived an item",
  "item.unarchived": "Restored an item",
  "item.deleted": "Deleted an item",
  "tax_rate.created": "Added a tax rate",
  "tax_rate.updated": "Edited a tax rate",
  "tax_rate.archived": "Archived a tax rate",
  "tax_rate.unarchived": "Restored a tax rate",
};

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const membership = await requireMembership();
  if (!can(membership.role, "audit.view")) return <NoAccess what="the audit log" />;
  const page = Math.max(1, Math.min(10_000, Number.parseInt((await searchParams).page ?? "1", 10) || 1));
  const [{ rows, hasMore, total }, org] = await Promise.all([listAudit(membership, { page }), getOrganization(membership)]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Audit log</h1>
      <ScrollRegion label="Audit log" className="rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Security and settings events, newest first ({total} in all)</caption>
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">Time ({org.timeZone})</th>
              <th scope="col" className="px-4 py-2 font-medium">Who</th>
              <th scope="col" className="px-4 py-2 font-medium">What</th>
              <th scope="col" className="px-4 py-2 font-medium">Details</th>
              <th scope="col" className="px-4 py-2 font-medium">IP address</th>
              <th scope="col" className="px-4 py-2 font-medium">Browser</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="whitespace-nowrap px-4 py-2"><time dateTime={r.createdAt.toISOString()}>{formatDateTime(r.createdAt, org)}</time></td>
                <td className="px-4 py-2">{r.actorName ? `${r.actorName} (${r.actorEmail})` : "Unknown"}</td>
                <td className="px-4 py-2">{describe[r.action] ?? r.action}</td>
                <td className="px-4 py-2 text-slate-700">{r.meta ? Object.entries(r.meta).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(", ") : String(v)}`).join("; ") : ""}</td>
                <td className="px-4 py-2">{r.ip ?? ""}</td>
                <td className="max-w-56 truncate px-4 py-2" title={r.userAgent ?? ""}>{r.userAgent ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <nav aria-label="Pages" className="flex gap-4 text-sm font-medium">
        {page > 1 ? <Link href={`/settings/audit?page=${page - 1}`} className="text-brand-700 underline-offset-2 hover:underline">Newer</Link> : null}
        {hasMore ? <Link href={`/settings/audit?page=${page + 1}`} className="text-brand-700 underline-offset-2 hover:underline">Older</Link> : null}
      </nav>
    </div>
  );
}
