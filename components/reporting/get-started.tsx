import Link from "next/link";
import { ButtonLink } from "@/components/ui/button-link";
import type { MemberRole } from "@/db/schema";
import { can } from "@/lib/auth/roles";
import { link } from "./classes";

/** A new organisation has no figures yet: the steps to its first invoice. */
export function GetStarted({ member }: { member: { role: MemberRole } }) {
  return (
    <section aria-labelledby="start-heading" className="rounded-lg border border-dashed border-slate-300 bg-white p-8">
      <h2 id="start-heading" className="text-lg font-semibold">Get started</h2>
      <p className="mt-2 text-sm text-slate-700">Your cash figures, charts and reports appear here once your first invoice is issued.</p>
      <ol className="mt-4 list-decimal space-y-2 pl-5 text-sm text-slate-700">
        {can(member.role, "settings.manage") ? (
          <li><Link href="/settings" className={link}>Complete your business details</Link> — they appear on every invoice.</li>
        ) : null}
        <li><Link href="/customers/new" className={link}>Add a customer</Link>.</li>
        <li><Link href="/invoices/new" className={link}>Create your first invoice</Link> and issue it.</li>
        {can(member.role, "team.invite") ? <li><Link href="/settings/team" className={link}>Invite your team</Link>.</li> : null}
      </ol>
      <div className="mt-6"><ButtonLink href="/invoices/new">Create an invoice</ButtonLink></div>
    </section>
  );
}
