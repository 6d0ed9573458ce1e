/**
 * How the command menu names a document or customer it found, in the user's app language: pure, so
 * the wording and the date format are tested without a database (lib/services/command-search.ts
 * loads the rows).
 */
import type { DocumentKind, DocumentStatus } from "@/db/schema";
import { formatDate } from "@/lib/dates";
import { type AppLanguage, appTranslator } from "@/lib/i18n/app-language";
import { catalogs as menuCatalogs } from "@/lib/i18n/catalogs/app/command-menu";
import { catalogs as statusCatalogs } from "@/lib/i18n/catalogs/app/status";

type DocumentRow = { kind: DocumentKind; number: string | null; status: DocumentStatus; issueDate: string; customerName: string };

/**
 * `locale` formats the date: the organisation's when it speaks the user's language (de-CH), else
 * the language's own (lib/i18n/languages.ts formattingLocale), as the document pages do.
 */
export function commandHitWords(language: AppLanguage, locale: string) {
  const t = appTranslator(menuCatalogs, language);
  const status = appTranslator(statusCatalogs, language);
  return {
    /** "Rechnung INV-0001 · Muster GmbH · Teilweise bezahlt · 04.12.2026"; a draft has no number until it is issued. */
    document: (d: DocumentRow) => ({
      label: d.number ? t(`hit.${d.kind}`, { number: d.number }) : t(`hit.draft.${d.kind}`),
      detail: [d.customerName, status(d.status), formatDate(d.issueDate, locale)].filter(Boolean).join(" · "),
    }),
    customerDetail: (c: { email: string | null; archived: boolean }) => [c.email, c.archived ? t("hit.archived") : null].filter(Boolean).join(" · "),
  };
}
