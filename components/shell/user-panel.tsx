"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useAppMessages } from "@/components/i18n/app-language";
import { catalogs } from "@/lib/i18n/catalogs/app/shell";
import { ACCOUNT_HREF } from "./nav-items";

/**
 * The organisation switcher and the user menu in one place (bottom of the sidebar, end of the phone
 * menu). The switcher and the sign-out form come in as slots: they call server actions, and this
 * folder stays presentational.
 */
export function UserPanel({ name, email, orgSwitcher, signOut }: { name: string; email: string; orgSwitcher: React.ReactNode; signOut: React.ReactNode }) {
  const onAccount = usePathname() === ACCOUNT_HREF;
  const t = useAppMessages(catalogs);
  return (
    <div className="space-y-3">
      <div className="min-w-0">{orgSwitcher}</div>
      <div className="min-w-0 text-sm">
        <p className="truncate font-medium text-slate-900">{name}</p>
        <p className="truncate text-slate-600">{email}</p>
      </div>
      <div className="flex items-center gap-2">
        <Link
          href={ACCOUNT_HREF}
          aria-current={onAccount ? "page" : undefined}
          className="inline-flex items-center rounded-md px-3 py-2 text-sm font-medium text-slate-700 max-lg:min-h-11 hover:bg-slate-100 hover:text-slate-900 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-700"
        >
          {t("account")}
        </Link>
        {signOut}
      </div>
    </div>
  );
}
