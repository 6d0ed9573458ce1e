import Link from "next/link";
import { ButtonLink } from "@/components/ui/button-link";
import type { MemberRole } from "@/db/schema";
import { can } from "@/lib/auth/roles";
import type { OnboardingStep } from "@/lib/onboarding-progress";
import { link } from "./classes";

/** What is done, read from stored data by the page (lib/onboarding-progress.ts, lib/data/setup-progress.ts). */
export type SetupProgress = Record<OnboardingStep | "logo", boolean> & { hasCustomer: boolean; hasInvoice: boolean; hasTeam: boolean };

type Task = { key: string; done: boolean; href: string; label: string; why: string };

/** A new organisation has no figures yet: the steps to its first invoice, ticked off as they are done. */
export function GetStarted({ member, progress }: { member: { role: MemberRole }; progress: SetupProgress }) {
  const manage = can(member.role, "settings.manage");
  const tasks: Task[] = [
    ...(manage
      ? [
          { key: "business", done: progress.business, href: "/onboarding", label: "Business name and country", why: "your currency, language and time zone" },
          { key: "address", done: progress.address, href: "/onboarding", label: "Address and tax ID", why: "printed on every invoice" },
          { key: "payment", done: progress.payment, href: "/onboarding", label: "Bank details", why: "so clients know how to pay you" },
          { key: "logo", done: progress.logo, href: "/settings", label: "Logo", why: "your brand on invoices" },
        ]
      : []),
    { key: "customer", done: progress.hasCustomer, href: "/customers/new", label: "Add a customer", why: "who you invoice" },
    { key: "invoice", done: progress.hasInvoice, href: "/invoices/new", label: "Create your first invoice", why: "then issue it" },
    ...(can(member.role, "team.invite") ? [{ key: "team", done: progress.hasTeam, href: "/settings/team", label: "Invite your team", why: "optional" }] : []),
  ];
  const done = tasks.filter((t) => t.done).length;
  return (
    <section aria-labelledby="start-heading" className="rounded-lg border border-dashed border-slate-300 bg-white p-8">
      <h2 id="start-heading" className="text-lg font-semibold">Get started</h2>
      <p className="mt-2 text-sm text-slate-700">
        {done} of {tasks.length} done. Your cash figures, charts and reports appear here once your first invoice is issued.
      </p>
      <ul aria-label="Setup checklist" className="mt-4 space-y-2 text-sm">
        {tasks.map((t) => (
          <li key={t.key} className="flex items-start gap-3">
            <span
              aria-hidden="true"
              className={`mt-0.5 inline-flex size-5 shrink-0 items-center justify-center rounded-full border text-xs ${t.done ? "border-green-700 bg-green-700 text-white" : "border-slate-400"}`}
            >
              {t.done ? "✓" : ""}
            </span>
            <span className={t.done ? "text-slate-700" : "text-slate-900"}>
              <Link href={t.href} className={link}>
                {t.label}
              </Link>{" "}
              — {t.why}
              <span className={t.done ? "ml-2 font-medium text-green-800" : "sr-only"}>{t.done ? "Done" : "To do"}</span>
            </span>
          </li>
        ))}
      </ul>
      <div className="mt-6">
        <ButtonLink href="/invoices/new">Create an invoice</ButtonLink>
      </div>
    </section>
  );
}
