import type { Catalog } from "../../messages";
import type { en } from "./en";

export const it: Catalog<typeof en> = {
  title: "{kind} {number} da {sender}",
  logoAlt: "Logo di {name}",
  "party.invoice": "Fatturato a",
  "party.quote": "Preventivo per",
  "party.credit_note": "Accreditato a",
  thanks: "Grazie: la sua risposta è stata inviata a {org}.",
  atAGlance: "In breve",
  amountDue: "Importo dovuto",
  depositDueNow: "Acconto da versare ora",
  processing: "In elaborazione",
  acceptQuote: "Accetta il preventivo",
  decline: "Rifiuta",
  downloadPdf: "Scarica il PDF",
  download: "Scarica {format}",
  howToPay: "Come pagare",
  paymentReference: "Indicare {reference} come causale del pagamento.",
  qrLabel: "Codice QR di pagamento di {amount} a {name}",
  qrCaption: "Scansiona con l’app della tua banca per compilare il bonifico (SEPA).",
  partiesAndDates: "Parti e date",
  date: "Data",
  lines: "Righe",
  quantity: "Qtà",
  price: "Prezzo",
};
