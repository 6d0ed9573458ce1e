/**
 * The emails a customer receives about a document (and the payment notice to the organisation's
 * team), in English: the default wording of each template and the fixed lines around it.
 *
 * `<kind>.subject` and `<kind>.body` are template texts, not ICU messages: organisations edit them
 * and lib/email-templates.ts fills their {placeholders}. The other keys are ICU messages.
 * Paragraphs are separated by a blank line.
 */
export const en = {
  "invoice_sent.subject": "Invoice {number} from {organization_name}",
  "invoice_sent.body":
    "Hi {customer_name},\n\nThank you for your business. Your invoice {number} for {total} is ready; {amount_due} is due by {due_date}.\n\nYou can view and download it online with the link below.\n\nIf you have any questions, please get in touch.\n\nKind regards,\n{organization_name}",
  "quote_sent.subject": "Quote {number} from {organization_name}",
  "quote_sent.body":
    "Hi {customer_name},\n\nThank you for your interest. Here is our quote {number} for {total}, valid until {due_date}.\n\nYou can review it and let us know your decision online with the link below.\n\nIf you have any questions, please get in touch.\n\nKind regards,\n{organization_name}",
  "reminder_before.subject": "Reminder: invoice {number} is due on {due_date}",
  "reminder_before.body":
    "Hi {customer_name},\n\nThis is a friendly reminder that invoice {number} for {amount_due} is due on {due_date}.\n\nIf you have already arranged payment, thank you, and please disregard this message.\n\nKind regards,\n{organization_name}",
  "reminder_after.subject": "Invoice {number} is overdue",
  "reminder_after.body":
    "Hi {customer_name},\n\nOur records show that invoice {number}, due on {due_date}, still has {amount_due} outstanding.\n\nWe would be grateful if you could arrange payment at your earliest convenience. If you have already paid, thank you, and please disregard this reminder. If something about the invoice is not right, please let us know.\n\nKind regards,\n{organization_name}",
  "payment_receipt.subject": "Payment received for invoice {number}",
  "payment_receipt.body":
    "Hi {customer_name},\n\nThank you! We have received your payment of {amount_paid} for invoice {number}. The amount still due is {amount_due}.\n\nYou can view the invoice and its payments online with the link below.\n\nKind regards,\n{organization_name}",
  "payment_notification.subject": "{customer_name} paid {amount_paid} on invoice {number}",
  "payment_notification.body":
    "Good news: {customer_name} paid {amount_paid} online on invoice {number} (total {total}).\n\nThe amount still due is {amount_due}. The payment is already recorded on the invoice.",
  "action.invoice_sent": "View invoice",
  "action.quote_sent": "View quote",
  "action.reminder_before": "View invoice",
  "action.reminder_after": "View invoice",
  "action.payment_receipt": "View receipt",
  "action.payment_notification": "Open the invoice",
  "footer.invoice": "You are receiving this email because {org} sent you an invoice with Smart Invoice.",
  "footer.quote": "You are receiving this email because {org} sent you a quote with Smart Invoice.",
  "footer.team": "You are receiving this email because you are an owner or admin of {org} on Smart Invoice.",
  copyLink: "If the button does not work, copy this link into your browser:",
  lateFee: "A late fee of {amount} has been added as invoice {number}, due now.",
};
