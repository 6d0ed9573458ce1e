import type { Catalog } from "../../messages";
import type { en } from "./en";

export const fr: Catalog<typeof en> = {
  title: "{kind} {number} de {sender}",
  logoAlt: "Logo de {name}",
  "party.invoice": "Facturé à",
  "party.quote": "Devis pour",
  "party.credit_note": "Avoir pour",
  thanks: "Merci — votre réponse a été envoyée à {org}.",
  atAGlance: "En bref",
  amountDue: "Montant dû",
  depositDueNow: "Acompte à régler",
  processing: "En cours de traitement",
  acceptQuote: "Accepter le devis",
  decline: "Refuser",
  downloadPdf: "Télécharger le PDF",
  download: "Télécharger {format}",
  howToPay: "Comment payer",
  paymentReference: "Merci d’indiquer {reference} comme référence de paiement.",
  qrLabel: "QR code de paiement de {amount} à {name}",
  qrCaption: "Scannez avec votre application bancaire pour remplir le virement (SEPA).",
  partiesAndDates: "Parties et dates",
  date: "Date",
  lines: "Lignes",
  quantity: "Qté",
  price: "Prix",
};
