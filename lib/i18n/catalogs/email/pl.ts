import type { Catalog } from "../../messages";
import type { en } from "./en";

export const pl: Catalog<typeof en> = {
  "invoice_sent.subject": "Faktura {number} od {organization_name}",
  "invoice_sent.body":
    "Dzień dobry {customer_name},\n\ndziękujemy za współpracę. Faktura {number} na kwotę {total} jest gotowa; kwota {amount_due} jest płatna do {due_date}.\n\nMożesz ją wyświetlić i pobrać online, korzystając z poniższego linku.\n\nW razie pytań prosimy o kontakt.\n\nZ poważaniem\n{organization_name}",
  "quote_sent.subject": "Oferta {number} od {organization_name}",
  "quote_sent.body":
    "Dzień dobry {customer_name},\n\ndziękujemy za zainteresowanie. Przesyłamy ofertę {number} na kwotę {total}, ważną do {due_date}.\n\nMożesz ją przejrzeć i przekazać nam swoją decyzję online, korzystając z poniższego linku.\n\nW razie pytań prosimy o kontakt.\n\nZ poważaniem\n{organization_name}",
  "reminder_before.subject": "Przypomnienie: termin płatności faktury {number} upływa {due_date}",
  "reminder_before.body":
    "Dzień dobry {customer_name},\n\nuprzejmie przypominamy, że termin płatności faktury {number} na kwotę {amount_due} upływa {due_date}.\n\nJeśli płatność została już zlecona, dziękujemy i prosimy zignorować tę wiadomość.\n\nZ poważaniem\n{organization_name}",
  "reminder_after.subject": "Faktura {number} jest przeterminowana",
  "reminder_after.body":
    "Dzień dobry {customer_name},\n\nwedług naszych danych faktura {number} z terminem płatności {due_date} ma nadal {amount_due} do zapłaty.\n\nBędziemy wdzięczni za uregulowanie należności w najbliższym możliwym terminie. Jeśli płatność została już dokonana, dziękujemy i prosimy zignorować to przypomnienie. Jeśli coś w fakturze się nie zgadza, prosimy o informację.\n\nZ poważaniem\n{organization_name}",
  "payment_receipt.subject": "Otrzymaliśmy płatność za fakturę {number}",
  "payment_receipt.body":
    "Dzień dobry {customer_name},\n\ndziękujemy! Otrzymaliśmy płatność w wysokości {amount_paid} za fakturę {number}. Pozostało do zapłaty: {amount_due}.\n\nFakturę i jej płatności możesz wyświetlić online, korzystając z poniższego linku.\n\nZ poważaniem\n{organization_name}",
  "payment_notification.subject": "{customer_name} zapłacił(a) {amount_paid} za fakturę {number}",
  "payment_notification.body":
    "Dobra wiadomość: {customer_name} zapłacił(a) online {amount_paid} za fakturę {number} (razem {total}).\n\nPozostało do zapłaty: {amount_due}. Płatność jest już zaksięgowana na fakturze.",
  "action.invoice_sent": "Zobacz fakturę",
  "action.quote_sent": "Zobacz ofertę",
  "action.reminder_before": "Zobacz fakturę",
  "action.reminder_after": "Zobacz fakturę",
  "action.payment_receipt": "Zobacz potwierdzenie",
  "action.payment_notification": "Otwórz fakturę",
  "footer.invoice": "Otrzymujesz tę wiadomość, ponieważ {org} wysłał(a) Ci fakturę za pomocą Smart Invoice.",
  "footer.quote": "Otrzymujesz tę wiadomość, ponieważ {org} wysłał(a) Ci ofertę za pomocą Smart Invoice.",
  "footer.team": "Otrzymujesz tę wiadomość, ponieważ jesteś właścicielem lub administratorem {org} w Smart Invoice.",
  copyLink: "Jeśli przycisk nie działa, skopiuj ten link do przeglądarki:",
  lateFee: "Doliczono opłatę za zwłokę w wysokości {amount} jako fakturę {number}, płatną natychmiast.",
};
