import type { DocumentKind, MemberRole } from "@/db/schema";
import { can, type Permission } from "@/lib/auth/roles";

/**
 * What the command menu offers besides search results: actions and pages, each gated by the
 * permission its page requires, so a member is never offered a page that answers "no access".
 * Pure (shared by the menu, its shortcuts and the help dialog).
 */
export type CommandHit = { id: string; label: string; detail: string; href: string };
export type CommandDocumentHit = CommandHit & { kind: DocumentKind };
export type CommandSearchResults = {
  /** The term the results are for, as the server cleaned it. */
  term: string;
  invoices: CommandDocumentHit[];
  quotes: CommandDocumentHit[];
  creditNotes: CommandDocumentHit[];
  customers: CommandHit[];
  items: CommandHit[];
};

export type CommandAction = {
  id: string;
  label: string;
  href: string;
  group: "Actions" | "Go to";
  /** Extra words the filter matches ("bill" finds New invoice). */
  keywords?: string[];
  /** A two-key sequence (e.g. ["g", "i"]) that runs it from anywhere but a text field. */
  keys?: [string, string];
  permission?: Permission;
};

const ACTIONS: CommandAction[] = [
  { id: "new-invoice", group: "Actions", label: "New invoice", href: "/invoices/new", keywords: ["create", "bill"], keys: ["n", "i"], permission: "documents.manage" },
  { id: "new-quote", group: "Actions", label: "New quote", href: "/quotes/new", keywords: ["create", "estimate"], keys: ["n", "q"], permission: "documents.manage" },
  // Credit notes are made from an issued invoice (its "Credit note" button): the menu opens the
  // invoices to pick one from.
  { id: "new-credit-note", group: "Actions", label: "New credit note…", href: "/invoices?status=open", keywords: ["create", "refund"], permission: "documents.manage" },
  { id: "new-customer", group: "Actions", label: "New customer", href: "/customers/new", keywords: ["create", "client"], keys: ["n", "c"], permission: "customers.manage" },
  { id: "new-item", group: "Actions", label: "New item", href: "/items/new", keywords: ["create", "product", "service"], permission: "documents.manage" },
  { id: "record-payment", group: "Actions", label: "Record payment…", href: "/invoices?status=open", keywords: ["paid", "receive", "money"], permission: "documents.manage" },
  { id: "go-dashboard", group: "Go to", label: "Dashboard", href: "/dashboard", keywords: ["home"], keys: ["g", "d"] },
  { id: "go-invoices", group: "Go to", label: "Invoices", href: "/invoices", keys: ["g", "i"] },
  { id: "go-quotes", group: "Go to", label: "Quotes", href: "/quotes", keys: ["g", "q"] },
  { id: "go-credit-notes", group: "Go to", label: "Credit notes", href: "/credit-notes" },
  { id: "go-recurring", group: "Go to", label: "Recurring", href: "/recurring", keywords: ["subscription", "schedule"] },
  { id: "go-customers", group: "Go to", label: "Customers", href: "/customers", keywords: ["clients"], keys: ["g", "c"] },
  { id: "go-items", group: "Go to", label: "Items", href: "/items", keywords: ["products", "catalogue"] },
  { id: "go-reports", group: "Go to", label: "Reports", href: "/reports", keywords: ["sales", "tax", "aging"], keys: ["g", "r"] },
  { id: "go-settings", group: "Go to", label: "Settings", href: "/settings", keywords: ["organisation", "organization"], keys: ["g", "s"], permission: "settings.manage" },
  { id: "go-taxes", group: "Go to", label: "Settings: Taxes", href: "/settings/taxes", keywords: ["vat", "rates"], permission: "settings.manage" },
  { id: "go-team", group: "Go to", label: "Settings: Team", href: "/settings/team", keywords: ["members", "invite"], permission: "team.invite" },
  { id: "go-audit", group: "Go to", label: "Settings: Audit log", href: "/settings/audit", keywords: ["history"], permission: "audit.view" },
  { id: "go-account", group: "Go to", label: "Account", href: "/settings/account", keywords: ["password", "profile"] },
];

export function commandActionsFor(role: MemberRole): CommandAction[] {
  return ACTIONS.filter((a) => !a.permission || can(role, a.permission));
}

/** Whether an action matches what was typed: every word of the query starts a word of its label or keywords. */
export function actionMatches(action: CommandAction, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [action.label, action.group, ...(action.keywords ?? [])].join(" ").toLowerCase().split(/[^\p{L}\p{N}]+/u);
  return words.every((w) => haystack.some((h) => h.startsWith(w)));
}

/** The shortcuts the help dialog lists: the fixed ones, then every sequence the role's actions have. */
export function shortcutsFor(role: MemberRole): { keys: string[]; label: string }[] {
  return [
    { keys: ["Ctrl", "K"], label: "Open the command menu (⌘ K on a Mac)" },
    { keys: ["?"], label: "Show keyboard shortcuts" },
    ...commandActionsFor(role)
      .filter((a): a is CommandAction & { keys: [string, string] } => a.keys !== undefined)
      .map((a) => ({ keys: a.keys, label: a.group === "Go to" ? `Go to ${a.label}` : a.label })),
  ];
}
