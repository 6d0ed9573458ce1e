/**
 * The client page (/i/<token>) in English: what only the page says. The document's own labels
 * (kinds, statuses, totals rows, table headings) come from the document catalogs.
 */
export const en = {
  title: "{kind} {number} from {sender}",
  logoAlt: "{name} logo",
  "party.invoice": "Billed to",
  "party.quote": "Quote for",
  "party.credit_note": "Credited to",
  thanks: "Thank you — your answer has been sent to {org}.",
  atAGlance: "At a glance",
  amountDue: "Amount due",
  depositDueNow: "Deposit due now",
  processing: "Processing",
  acceptQuote: "Accept quote",
  decline: "Decline",
  downloadPdf: "Download PDF",
  download: "Download {format}",
  howToPay: "How to pay",
  paymentReference: "Please quote {reference} as the payment reference.",
  qrLabel: "Payment QR code for {amount} to {name}",
  qrCaption: "Scan with your banking app to fill in the transfer (SEPA).",
  partiesAndDates: "Parties and dates",
  date: "Date",
  lines: "Lines",
  quantity: "Qty",
  price: "Price",
} as const;
