import type { Catalog } from "../../messages";
import type { en } from "./en";

export const de: Catalog<typeof en> = {
  "invoice_sent.subject": "Rechnung {number} von {organization_name}",
  "invoice_sent.body":
    "Hallo {customer_name},\n\nvielen Dank für Ihren Auftrag. Ihre Rechnung {number} über {total} ist bereit; {amount_due} sind bis zum {due_date} fällig.\n\nÜber den Link unten können Sie sie online ansehen und herunterladen.\n\nBei Fragen melden Sie sich gern bei uns.\n\nMit freundlichen Grüßen\n{organization_name}",
  "quote_sent.subject": "Angebot {number} von {organization_name}",
  "quote_sent.body":
    "Hallo {customer_name},\n\nvielen Dank für Ihr Interesse. Hier ist unser Angebot {number} über {total}, gültig bis {due_date}.\n\nÜber den Link unten können Sie es prüfen und uns Ihre Entscheidung online mitteilen.\n\nBei Fragen melden Sie sich gern bei uns.\n\nMit freundlichen Grüßen\n{organization_name}",
  "reminder_before.subject": "Erinnerung: Rechnung {number} ist am {due_date} fällig",
  "reminder_before.body":
    "Hallo {customer_name},\n\nwir möchten Sie freundlich daran erinnern, dass die Rechnung {number} über {amount_due} am {due_date} fällig ist.\n\nFalls Sie die Zahlung bereits veranlasst haben, vielen Dank – dann betrachten Sie diese Nachricht bitte als gegenstandslos.\n\nMit freundlichen Grüßen\n{organization_name}",
  "reminder_after.subject": "Rechnung {number} ist überfällig",
  "reminder_after.body":
    "Hallo {customer_name},\n\nlaut unseren Unterlagen sind von der Rechnung {number}, fällig am {due_date}, noch {amount_due} offen.\n\nWir wären Ihnen dankbar, wenn Sie die Zahlung baldmöglichst veranlassen könnten. Falls Sie bereits bezahlt haben, vielen Dank – dann betrachten Sie diese Erinnerung bitte als gegenstandslos. Falls an der Rechnung etwas nicht stimmt, geben Sie uns bitte Bescheid.\n\nMit freundlichen Grüßen\n{organization_name}",
  "payment_receipt.subject": "Zahlung für Rechnung {number} erhalten",
  "payment_receipt.body":
    "Hallo {customer_name},\n\nvielen Dank! Wir haben Ihre Zahlung über {amount_paid} für die Rechnung {number} erhalten. Noch offen sind {amount_due}.\n\nÜber den Link unten können Sie die Rechnung und ihre Zahlungen online ansehen.\n\nMit freundlichen Grüßen\n{organization_name}",
  "payment_notification.subject": "{customer_name} hat {amount_paid} auf Rechnung {number} gezahlt",
  "payment_notification.body":
    "Gute Nachricht: {customer_name} hat {amount_paid} online auf die Rechnung {number} (Gesamtbetrag {total}) gezahlt.\n\nNoch offen sind {amount_due}. Die Zahlung ist bereits auf der Rechnung erfasst.",
  "action.invoice_sent": "Rechnung ansehen",
  "action.quote_sent": "Angebot ansehen",
  "action.reminder_before": "Rechnung ansehen",
  "action.reminder_after": "Rechnung ansehen",
  "action.payment_receipt": "Beleg ansehen",
  "action.payment_notification": "Rechnung öffnen",
  "footer.invoice": "Sie erhalten diese E-Mail, weil {org} Ihnen über Smart Invoice eine Rechnung gesendet hat.",
  "footer.quote": "Sie erhalten diese E-Mail, weil {org} Ihnen über Smart Invoice ein Angebot gesendet hat.",
  "footer.team": "Sie erhalten diese E-Mail, weil Sie Inhaber oder Administrator von {org} bei Smart Invoice sind.",
  copyLink: "Falls die Schaltfläche nicht funktioniert, kopieren Sie diesen Link in Ihren Browser:",
  lateFee: "Eine Mahngebühr von {amount} wurde als Rechnung {number} hinzugefügt und ist sofort fällig.",
};
