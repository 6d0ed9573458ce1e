/**
 * Document status names as the app shows them (badges, filters, lists). Other surfaces import these
 * so one status reads the same everywhere. Keys are the database's DocumentStatus values plus "overdue".
 */
export const en = {
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
  overdue: "Overdue",
} as const;
