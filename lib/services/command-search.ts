import "server-only";
import type { Member } from "@/lib/data/context";
import { searchCommandTargets } from "@/lib/data/command-search";
import { documentLabel, documentPaths, kindLabels, statusLabels } from "@/lib/document-labels";
import { stripControlCharacters } from "@/lib/text";
import type { CommandSearchResults } from "@/lib/command-menu";

/** Longer terms find nothing a shorter one would not: the menu's input is capped at this too. */
export const COMMAND_QUERY_MAX = 100;

/**
 * The command menu's results, grouped and ready to show: each hit has its label, a line of detail
 * and the page it opens. The term is cleaned as the lists clean theirs (no control characters).
 */
export async function commandSearch(member: Member, query: string): Promise<CommandSearchResults> {
  const term = stripControlCharacters(query).trim().slice(0, COMMAND_QUERY_MAX);
  const rows = await searchCommandTargets(member, term);
  const documents = rows.documents.map((d) => ({
    id: d.id,
    kind: d.kind,
    // A draft has no number until it is issued.
    label: d.number ? `${documentLabel(d)} ${d.number}` : `${kindLabels[d.kind].one} draft`,
    detail: [d.customerName, statusLabels[d.status], d.issueDate].filter(Boolean).join(" · "),
    href: `${documentPaths[d.kind]}/${d.id}`,
  }));
  return {
    term,
    invoices: documents.filter((d) => d.kind === "invoice"),
    quotes: documents.filter((d) => d.kind === "quote"),
    creditNotes: documents.filter((d) => d.kind === "credit_note"),
    customers: rows.customers.map((c) => ({
      id: c.id,
      label: c.name,
      detail: [c.email, c.archived ? "Archived" : null].filter(Boolean).join(" · "),
      href: `/customers/${c.id}`,
    })),
    items: rows.items.map((i) => ({ id: i.id, label: i.name, detail: "", href: `/items/${i.id}/edit` })),
  };
}
