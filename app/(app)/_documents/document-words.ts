import type { DocumentKind } from "@/db/schema";
import type { ListStatus } from "@/lib/data/document-lists";
import type { DocumentsKey } from "@/lib/i18n/catalogs/app/documents";
import type { StatusKey } from "@/lib/i18n/catalogs/app/status";
import type { Translate } from "@/lib/i18n/messages";

type T = Translate<DocumentsKey>;

/**
 * A status tab's name in the user's language (lib/document-status-tabs keeps the English ones); a
 * single status reads as its badge does (the status surface).
 */
export function statusTabLabel(t: T, ts: Translate<StatusKey>, status: ListStatus | undefined): string {
  return status === undefined ? t("tab.all") : status === "open" || status === "overdue" ? t(`tab.${status}`) : ts(status);
}

/** A phone sort option's name: lib/list-sort-choices words it in English, keyed by "sort:dir". */
export function sortOptionLabel(t: T, kind: DocumentKind, value: string): string {
  const key = kind === "quote" && value.startsWith("dueDate:") ? value.replace("dueDate", "validUntil") : value;
  return t(`sort.${key}` as DocumentsKey);
}
