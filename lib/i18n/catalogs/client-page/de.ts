import type { Catalog } from "../../messages";
import type { en } from "./en";

export const de: Catalog<typeof en> = {
  title: "{kind} {number} von {sender}",
  logoAlt: "Logo von {name}",
  "party.invoice": "Rechnung an",
  "party.quote": "Angebot für",
  "party.credit_note": "Gutschrift für",
  thanks: "Vielen Dank – Ihre Antwort wurde an {org} gesendet.",
  atAGlance: "Auf einen Blick",
  amountDue: "Offener Betrag",
  depositDueNow: "Jetzt fällige Anzahlung",
  processing: "In Bearbeitung",
  acceptQuote: "Angebot annehmen",
  decline: "Ablehnen",
  downloadPdf: "PDF herunterladen",
  download: "{format} herunterladen",
  howToPay: "So bezahlen Sie",
  paymentReference: "Bitte geben Sie {reference} als Verwendungszweck an.",
  qrLabel: "Zahlungs-QR-Code über {amount} an {name}",
  qrCaption: "Mit Ihrer Banking-App scannen, um die Überweisung auszufüllen (SEPA).",
  partiesAndDates: "Parteien und Daten",
  date: "Datum",
  lines: "Positionen",
  quantity: "Menge",
  price: "Preis",
};
