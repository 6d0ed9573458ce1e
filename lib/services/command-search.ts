import "server-only";
import type { Member } from "@/lib/data/context";
import { searchCommandTargets } from "@/lib/data/command-search";
import { getOrganization } from "@/lib/data/organizations";
import { commandHitWords } from "@/lib/command-hits";
import { documentPaths } from "@/lib/document-labels";
import type { AppLanguage } from "@/lib/i18n/app-language";
import { formattingLocale } from "@/lib/i18n/languages";
import { stripControlCharacters } from "@/lib/text";
import type { CommandSearchResults } from "@/lib/command-menu";

/** Longer terms find nothing a shorter one would not: the menu's input is capped at this too. */
export const COMMAND_QUERY_MAX = 100;

/**
 * The command menu's results, grouped and ready to show in the user's app language: each hit has
 * its label, a line of detail and the page it opens. Dates read as that language writes them, in
 * the organisation's region when it speaks it (de-CH), as documents do (formattingLocale). The term
 * is cleaned as the lists clean theirs (no control characters).
 */
export async function commandSearch(member: Member, query: string, language: AppLanguage): Promise<CommandSearchResults> {
  const term = stripControlCharacters(query).trim().slice(0, COMMAND_QUERY_MAX);
  const [rows, org] = await Promise.all([searchCommandTargets(member, term), getOrganization(member)]);
  const words = commandHitWords(language, formattingLocale(language, org.locale));
  const documents = rows.documents.map((d) => ({
    id: d.id,
    kind: d.kind,
    ...words.document(d),
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
      detail: words.customerDetail(c),
      href: `/customers/${c.id}`,
    })),
    items: rows.items.map((i) => ({ id: i.id, label: i.name, detail: "", href: `/items/${i.id}/edit` })),
  };
}
