"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { LINK_STATUS_MARKER } from "./link-status-marker";
import { useAppMessages } from "@/components/i18n/app-language";
import { catalogs } from "@/lib/i18n/catalogs/app/shell";
import { LinkPending } from "./navigation-progress";
import { currentHref, type NavGroup, type NavLink, sectionOpen } from "./nav-items";

const linkClass =
  "flex items-center rounded-md px-3 py-2 text-sm max-lg:min-h-11 font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-700 aria-[current=true]:text-slate-900";

/**
 * The main navigation, grouped. The page on screen is aria-current="page"; the section holding a
 * sub-page on screen is aria-current="true" (Settings while on Taxes), so both read as "current".
 */
export function NavList({ groups, idPrefix }: { groups: NavGroup[]; idPrefix: string }) {
  const pathname = usePathname();
  const current = currentHref(groups, pathname);
  const t = useAppMessages(catalogs);
  return (
    <nav aria-label={t("nav.main")} className="space-y-4">
      {groups.map((group, i) => {
        const headingId = `${idPrefix}-group-${i}`;
        return (
          <div key={i}>
            {group.label ? (
              // A label, not a heading: the page's own h1 stays the first heading a screen reader meets.
              <p id={headingId} className="px-3 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">
                {group.label}
              </p>
            ) : null}
            <ul className="space-y-0.5" aria-labelledby={group.label ? headingId : undefined}>
              {group.links.map((link) => (
                <NavItem key={link.href} link={link} current={current} />
              ))}
            </ul>
          </div>
        );
      })}
    </nav>
  );
}

function NavItem({ link, current }: { link: NavLink; current: string | undefined }) {
  const open = sectionOpen(link, current);
  const isPage = current === link.href;
  return (
    <li>
      <Link href={link.href} className={linkClass} aria-current={isPage ? "page" : open ? "true" : undefined} {...LINK_STATUS_MARKER}>
        {link.label}
        <LinkPending />
      </Link>
      {open && link.children ? (
        <ul className="mt-0.5 ml-3 space-y-0.5 border-l border-slate-200 pl-2">
          {link.children.map((child) => (
            <li key={child.href}>
              <Link href={child.href} className={linkClass} aria-current={current === child.href ? "page" : undefined} {...LINK_STATUS_MARKER}>
                {child.label}
                <LinkPending />
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
