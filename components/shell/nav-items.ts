import type { ShellKey } from "@/lib/i18n/catalogs/app/shell";
import type { Translate } from "@/lib/i18n/messages";

/**
 * The signed-in app's navigation as data: the layout decides which entries a role sees (on the
 * server, with the same `can(...)` checks the pages make), the sidebar and the phone menu render it.
 */
export type NavLink = { href: string; label: string; children?: NavLink[] };
export type NavGroup = { label?: string; links: NavLink[] };

export type NavAccess = { settings: boolean; team: boolean; audit: boolean; platformAdmin: boolean };

/** Labels come translated: the layout passes the shell catalog's translate function for the user's language. */
export function navGroups(access: NavAccess, t: Translate<ShellKey>): NavGroup[] {
  const settingsPages: NavLink[] = [
    ...(access.team ? [{ href: "/settings/team", label: t("nav.team") }] : []),
    ...(access.settings
      ? [
          { href: "/settings/taxes", label: t("nav.taxes") },
          { href: "/settings/reminders", label: t("nav.reminders") },
          { href: "/settings/payments", label: t("nav.payments") },
          { href: "/settings/emails", label: t("nav.emailTemplates") },
          { href: "/settings/email-delivery", label: t("nav.emailDelivery") },
        ]
      : []),
    ...(access.audit ? [{ href: "/settings/audit", label: t("nav.auditLog") }] : []),
    ...(access.settings ? [{ href: "/settings/jobs", label: t("nav.jobs") }] : []),
  ];
  const groups: NavGroup[] = [
    { links: [{ href: "/dashboard", label: t("nav.dashboard") }] },
    {
      label: t("nav.sales"),
      links: [
        { href: "/invoices", label: t("nav.invoices") },
        { href: "/quotes", label: t("nav.quotes") },
        { href: "/credit-notes", label: t("nav.creditNotes") },
        { href: "/recurring", label: t("nav.recurring") },
      ],
    },
    {
      links: [
        { href: "/customers", label: t("nav.customers") },
        { href: "/items", label: t("nav.items") },
        { href: "/reports", label: t("nav.reports") },
      ],
    },
  ];
  // A member manages neither the organisation nor the team: their one settings page, the account,
  // is in the user menu, so they get no "Settings" entry that would only answer "no access".
  if (access.settings) groups.push({ links: [{ href: "/settings", label: t("nav.settings"), children: settingsPages }] });
  else if (settingsPages.length) groups.push({ label: t("nav.settings"), links: settingsPages });
  if (access.platformAdmin) groups.push({ links: [{ href: "/admin", label: t("nav.admin") }] });
  return groups;
}

const within = (pathname: string, href: string) => pathname === href || pathname.startsWith(`${href}/`);

/**
 * The one link for the page on screen: the longest href that is the path or a parent of it
 * (/invoices/1/edit → Invoices; /settings/payments/events → Payments, not Settings).
 */
export function currentHref(groups: NavGroup[], pathname: string): string | undefined {
  const hrefs = [ACCOUNT_HREF, ...groups.flatMap((g) => g.links.flatMap((l) => [l.href, ...(l.children ?? []).map((c) => c.href)]))];
  return hrefs.filter((h) => within(pathname, h)).sort((a, b) => b.length - a.length)[0];
}

/** The account page is in the user menu, not under Settings, though its path is. */
export const ACCOUNT_HREF = "/settings/account";

/** A section whose page or sub-page is on screen: its sub-pages are listed under it. */
export const sectionOpen = (link: NavLink, current: string | undefined) =>
  !!link.children?.length && (current === link.href || link.children.some((c) => c.href === current));
