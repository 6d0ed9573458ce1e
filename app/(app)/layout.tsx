import Link from "next/link";
import { AppToaster } from "@/components/feedback/toaster";
import { LogoMark } from "@/components/ui/logo";
import { can } from "@/lib/auth/roles";
import { emailDelivery, EMAIL_NOT_SET_UP_BANNER } from "@/lib/mail/delivery";
import { requireMembership } from "@/lib/session";
import { OrgSwitcher } from "./_components/org-switcher";
import { SignOutButton } from "./_components/sign-out-button";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const membership = await requireMembership();
  const links = [
    { href: "/dashboard", label: "Dashboard" },
    { href: "/invoices", label: "Invoices" },
    { href: "/quotes", label: "Quotes" },
    { href: "/credit-notes", label: "Credit notes" },
    { href: "/recurring", label: "Recurring" },
    { href: "/customers", label: "Customers" },
    { href: "/items", label: "Items" },
    { href: "/reports", label: "Reports" },
    ...(can(membership.role, "settings.manage") ? [{ href: "/settings", label: "Settings" }] : []),
    ...(can(membership.role, "settings.manage") ? [{ href: "/settings/taxes", label: "Taxes" }] : []),
    ...(can(membership.role, "team.invite") ? [{ href: "/settings/team", label: "Team" }] : []),
    { href: "/settings/account", label: "Account" },
    ...(membership.user.isPlatformAdmin ? [{ href: "/admin", label: "Admin" }] : []),
  ];
  return (
    <div className="min-h-dvh bg-slate-50">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3 sm:px-6">
          <Link href="/dashboard" className="flex items-center gap-2 font-bold text-slate-900">
            <LogoMark size={24} />
            Smart Invoice
          </Link>
          <nav aria-label="Main" className="flex flex-1 flex-wrap gap-1">
            {links.map((l) => (
              <Link key={l.href} href={l.href} className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900">
                {l.label}
              </Link>
            ))}
          </nav>
          <div className="flex items-center gap-3">
            <OrgSwitcher current={membership.orgId} organizations={membership.organizations.map((o) => ({ id: o.orgId, name: o.name }))} />
            <span className="hidden text-sm text-slate-700 sm:inline">{membership.user.name}</span>
            <SignOutButton />
          </div>
        </div>
      </header>
      {emailDelivery() === "none" && can(membership.role, "settings.manage") ? (
        // On every page until email is set up: owners and admins are the ones who can get it fixed.
        <div role="region" aria-label="Email delivery" className="border-b border-amber-300 bg-amber-50">
          <p className="mx-auto max-w-6xl px-4 py-2 text-sm text-amber-950 sm:px-6">
            {EMAIL_NOT_SET_UP_BANNER}{" "}
            <Link href="/settings/email-delivery" className="font-semibold underline underline-offset-2">How to set it up</Link>
          </p>
        </div>
      ) : null}
      <main id="main" className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        {children}
      </main>
      <AppToaster />
    </div>
  );
}
