/**
 * What bulk actions exist per list and how their results read, shared by the server (the job, its
 * status route) and the browser (the bulk bar), so both say the same thing.
 */
import type { BulkAction, DocumentKind } from "@/db/schema";

/** At most this many documents per bulk action: a ZIP of 500 PDFs is already ~25 MB. */
export const BULK_MAX = 500;

/** The job-backed actions each list offers (CSV export needs no job: it streams at once). */
export const bulkActionsByKind: Record<DocumentKind, BulkAction[]> = {
  invoice: ["send", "remind", "mark_sent", "zip"],
  quote: ["send", "zip"],
  credit_note: ["zip"],
};

export const bulkActionLabels: Record<BulkAction, string> = {
  send: "Send",
  remind: "Send reminder",
  mark_sent: "Mark sent",
  zip: "Download PDFs (ZIP)",
};

/** The notice's title: "Bulk send". */
export const bulkActionTitles: Record<BulkAction, string> = {
  send: "Bulk send",
  remind: "Bulk reminder",
  mark_sent: "Bulk mark sent",
  zip: "PDF download",
};

const succeededWord: Record<BulkAction, string> = { send: "sent", remind: "reminded", mark_sent: "marked sent", zip: "ready" };

export type BulkCounts = { succeeded: number; failed: number; skipped: number };

/** "49 sent, 1 failed" (zero counts left out, except the first). */
export function describeCounts(action: BulkAction, counts: BulkCounts): string {
  const parts = [`${counts.succeeded} ${succeededWord[action]}`];
  if (counts.failed) parts.push(`${counts.failed} failed`);
  if (counts.skipped) parts.push(`${counts.skipped} skipped`);
  return parts.join(", ");
}

/** "Bulk send finished: 49 sent, 1 failed" or "Bulk send: 12 of 50 done". */
export function describeJob(action: BulkAction, total: number, counts: BulkCounts, finished: boolean): string {
  const done = counts.succeeded + counts.failed + counts.skipped;
  if (!finished) return `${bulkActionTitles[action]}: ${done} of ${total} done`;
  return `${bulkActionTitles[action]} finished: ${describeCounts(action, counts)}`;
}

/** What the status route answers and a notice shows. */
export type BulkStatus = {
  id: string;
  kind: DocumentKind;
  action: BulkAction;
  total: number;
  finished: boolean;
  counts: BulkCounts;
  summary: string;
  /** Failed and skipped documents by name, the first few. */
  problems: { number: string; customerName: string; outcome: "failed" | "skipped" | "succeeded"; reason: string }[];
  moreProblems: number;
  zipReady: boolean;
};
