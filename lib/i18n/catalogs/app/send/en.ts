/**
 * The Review & send dialog and what the sending actions (lib/actions/sending.ts) answer. The
 * email itself is in the document's language (lib/email-templates), not here.
 */
export const en = {
  titleIssue: "Review, issue and send",
  title: "Review and send",
  issuesFirstHint: "Sending issues the draft first: it gets its number and can no longer be edited.",
  formLabel: "Email to send",
  to: "To",
  cc: "CC",
  ccHint: "Optional. Separate addresses with commas.",
  subject: "Subject",
  message: "Message",
  messageHint: "Placeholders such as '{number}' and '{amount_due}' are filled in; the link to the document is added below.",
  attachPdf: "Attach the PDF",
  sending: "Sending…",
  issueAndSend: "Issue and send",
  send: "Send",
  cancel: "Cancel",
  preview: "Preview of the email",
  sent: "Sent.",
  queued: "Queued for {to}; it goes out in a moment.",
  queuedWithCopies: "Queued for {to} (copy to {cc}); it goes out in a moment.",
  issuedAndQueued: "Issued and queued for {to}; it goes out in a moment.",
  issuedAndQueuedWithCopies: "Issued and queued for {to} (copy to {cc}); it goes out in a moment.",
  issuedNotSent: "Issued, but not sent: {reason}",
  markedSent: "Marked as sent.",
  issueBeforeSharing: "Issue this document before sharing it.",
  linkCopied: "Client link copied.",
  sendingAgain: "Sending again.",
  linkRegenerated: "A new link was created; the old one no longer works.",
  linkRevoked: "The client link was revoked.",
} as const;
