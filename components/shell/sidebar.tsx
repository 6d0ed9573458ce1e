import Link from "next/link";
import { LogoMark } from "@/components/ui/logo";
import type { NavGroup } from "./nav-items";
import { NavList } from "./nav-list";

/** Wide screens (lg+): a fixed left sidebar; the navigation scrolls on its own if a window is short. */
export function Sidebar({ groups, userPanel, search }: { groups: NavGroup[]; userPanel: React.ReactNode; search: React.ReactNode }) {
  return (
    <header className="hidden border-r border-slate-200 bg-white lg:fixed lg:inset-y-0 lg:left-0 lg:flex lg:w-60 lg:flex-col">
      <div className="flex h-14 shrink-0 items-center gap-2 px-5">
        <Link href="/dashboard" className="flex items-center gap-2 font-bold text-slate-900">
          <LogoMark size={24} />
          Smart Invoice
        </Link>
      </div>
      <div className="px-3 pt-1">{search}</div>
      <div className="flex-1 overflow-y-auto px-3 py-3">
        <NavList groups={groups} idPrefix="sidebar" />
      </div>
      <div className="shrink-0 border-t border-slate-200 p-4">{userPanel}</div>
    </header>
  );
}
