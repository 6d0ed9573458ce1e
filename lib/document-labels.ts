import type { DocumentKind, DocumentStatus } from "@/db/schema";

export const documentPaths: Record<DocumentKind, string> = { invoice: "/invoices", quote: "/quotes", credit_note: "/credit-notes" };
export const kindLabels: Record<DocumentKind, { one: string; many: string }> = {
  invoice: { one: "Invoice", many: "Invoices" },
  quote: { one: "Quote", many: "Quotes" },
  credit_note: { one: "Credit note", many: "Credit notes" },
};
export const statusLabels: Record<DocumentStatus, string> = {
  draft: "Draft",
  issued: "Issued",
  sent: "Sent",
  viewed: "Viewed",
  partially_paid: "Partially paid",
  paid: "Paid",
  void: "Void",
  accepted: "Accepted",
  declined: "Declined",
  expired: "Expired",
  converted: "Converted",
};
export const statusTones: Record<DocumentStatus | "overdue", string> = {
  draft: "bg-slate-100 text-slate-800",
  issued: "bg-blue-100 text-blue-900",
  sent: "bg-blue-100 text-blue-900",
  viewed: "bg-indigo-100 text-indigo-900",
  partially_paid: "bg-amber-100 text-amber-900",
  paid: "bg-green-100 text-green-900",
  void: "bg-slate-200 text-slate-800 line-through",
  accepted: "bg-green-100 text-green-900",
  declined: "bg-red-100 text-red-900",
  expired: "bg-slate-200 text-slate-800",
  converted: "bg-green-100 text-green-900",
  overdue: "bg-red-100 text-red-900",
};
export const statusesByKind: Record<DocumentKind, DocumentStatus[]> = {
  invoice: ["draft", "issued", "sent", "viewed", "partially_paid", "paid", "void"],
  quote: ["draft", "sent", "viewed", "accepted", "declined", "expired", "converted"],
  credit_note: ["draft", "issued", "void"],
};
/** Invoices issued and not yet settled (paid or void): what "Open" lists and what can fall overdue. */
export const OPEN_INVOICE_STATUSES = ["issued", "sent", "viewed", "partially_paid"] as const satisfies DocumentStatus[];

/** What the "Open" filter keeps per kind: unpaid invoices, quotes awaiting the client's answer. */
export const openStatusesByKind: Record<DocumentKind, readonly DocumentStatus[]> = {
  invoice: OPEN_INVOICE_STATUSES,
  quote: ["sent", "viewed"],
  credit_note: ["issued"],
};
export const paymentMethods = { bank_transfer: "Bank transfer", card: "Card", cash: "Cash", cheque: "Cheque", other: "Other" } as const;

/** "Deposit invoice" for an invoice a quote's acceptance issued (documents.deposit_for_document_id), else the kind's name. */
export const documentLabel = (doc: { kind: DocumentKind; depositForDocumentId?: string | null }) => (doc.kind === "invoice" && doc.depositForDocumentId ? "Deposit invoice" : kindLabels[doc.kind].one);
