/**
 * The signed-in app's navigation as data: the layout decides which entries a role sees (on the
 * server, with the same `can(...)` checks the pages make), the sidebar and the phone menu render it.
 */
export type NavLink = { href: string; label: string; children?: NavLink[] };
export type NavGroup = { label?: string; links: NavLink[] };

export type NavAccess = { settings: boolean; team: boolean; audit: boolean; platformAdmin: boolean };

export function navGroups(access: NavAccess): NavGroup[] {
  const settingsPages: NavLink[] = [
    ...(access.team ? [{ href: "/settings/team", label: "Team" }] : []),
    ...(access.settings
      ? [
          { href: "/settings/taxes", label: "Taxes" },
          { href: "/settings/reminders", label: "Reminders" },
          { href: "/settings/payments", label: "Payments" },
          { href: "/settings/emails", label: "Email templates" },
          { href: "/settings/email-delivery", label: "Email delivery" },
        ]
      : []),
    ...(access.audit ? [{ href: "/settings/audit", label: "Audit log" }] : []),
    ...(access.settings ? [{ href: "/settings/jobs", label: "Jobs" }] : []),
  ];
  const groups: NavGroup[] = [
    { links: [{ href: "/dashboard", label: "Dashboard" }] },
    {
      label: "Sales",
      links: [
        { href: "/invoices", label: "Invoices" },
        { href: "/quotes", label: "Quotes" },
        { href: "/credit-notes", label: "Credit notes" },
        { href: "/recurring", label: "Recurring" },
      ],
    },
    {
      links: [
        { href: "/customers", label: "Customers" },
        { href: "/items", label: "Items" },
        { href: "/reports", label: "Reports" },
      ],
    },
  ];
  // A member manages neither the organisation nor the team: their one settings page, the account,
  // is in the user menu, so they get no "Settings" entry that would only answer "no access".
  if (access.settings) groups.push({ links: [{ href: "/settings", label: "Settings", children: settingsPages }] });
  else if (settingsPages.length) groups.push({ label: "Settings", links: settingsPages });
  if (access.platformAdmin) groups.push({ links: [{ href: "/admin", label: "Admin" }] });
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
