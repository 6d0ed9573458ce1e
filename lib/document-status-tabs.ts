import type { DocumentKind, DocumentStatus } from "@/db/schema";
import type { ListStatus } from "@/lib/data/document-lists";
import { openStatusesByKind, statusLabels } from "@/lib/document-labels";

/** Per-status counts as lib/data/document-counts.ts answers them (repeated here: this module also serves the browser). */
export type TabCounts = { byStatus: Partial<Record<DocumentStatus, number>>; overdue: number };
export type StatusTab = { status: ListStatus | undefined; label: string };

const all: StatusTab = { status: undefined, label: "All" };
const tab = (status: DocumentStatus): StatusTab => ({ status, label: statusLabels[status] });

/** The tabs above each documents list: what people look for at a glance, not every stored status. */
export const statusTabsByKind: Record<DocumentKind, StatusTab[]> = {
  invoice: [all, tab("draft"), { status: "open", label: "Open" }, { status: "overdue", label: "Overdue" }, tab("paid")],
  // A quote is open while the client has not answered it (sent or viewed).
  quote: [all, tab("draft"), { status: "open", label: "Open" }, tab("accepted"), tab("declined"), tab("expired"), tab("converted")],
  credit_note: [all, tab("draft"), tab("issued"), tab("void")],
};

/** The tabs to show: a status reached by an older link (?status=sent) gets a tab of its own, so the filter stays visible. */
export function statusTabs(kind: DocumentKind, current: ListStatus | undefined): StatusTab[] {
  const tabs = statusTabsByKind[kind];
  if (current === undefined || tabs.some((t) => t.status === current)) return tabs;
  return [...tabs, { status: current, label: current === "open" ? "Open" : current === "overdue" ? "Overdue" : statusLabels[current] }];
}

export function tabCount(kind: DocumentKind, counts: TabCounts, status: ListStatus | undefined): number {
  const of = (s: DocumentStatus) => counts.byStatus[s] ?? 0;
  if (status === undefined) return Object.values(counts.byStatus).reduce((n, c) => n + (c ?? 0), 0);
  if (status === "overdue") return counts.overdue;
  if (status === "open") return openStatusesByKind[kind].reduce((n, s) => n + of(s), 0);
  return of(status);
}
