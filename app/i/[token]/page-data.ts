import "server-only";
import { cache } from "react";
import { unsafeResolveDocumentLink } from "@/lib/data/links";
import { loadPublicDocument } from "@/lib/data/public-documents";
import { clientDocumentLanguage } from "@/lib/i18n/languages";

/**
 * The link and its document, once per request: the root layout (for `<html lang>`), the title and
 * the page all need them, and React's cache makes them one read.
 */
export const load = cache(async (token: string) => {
  const link = await unsafeResolveDocumentLink(token);
  const loaded = link ? await loadPublicDocument(link) : null;
  return link && loaded ? { link, ...loaded } : null;
});

export type Found = NonNullable<Awaited<ReturnType<typeof load>>>;

/**
 * The page speaks the document's language (its own, else its customer's — as issued — else the
 * organisation's, lib/i18n/languages.ts clientDocumentLanguage): labels, statuses, buttons, amounts
 * and dates.
 */
export const clientPageLanguage = ({ document: doc, org }: Found) => clientDocumentLanguage(doc, org.locale);
