import type { Catalog } from "../../messages";
import type { en } from "./en";

export const nl: Catalog<typeof en> = {
  title: "{kind} {number} van {sender}",
  logoAlt: "Logo van {name}",
  "party.invoice": "Gefactureerd aan",
  "party.quote": "Offerte voor",
  "party.credit_note": "Gecrediteerd aan",
  thanks: "Bedankt — uw antwoord is verzonden naar {org}.",
  atAGlance: "In één oogopslag",
  amountDue: "Te betalen bedrag",
  depositDueNow: "Nu te betalen voorschot",
  processing: "In behandeling",
  acceptQuote: "Offerte accepteren",
  decline: "Afwijzen",
  downloadPdf: "PDF downloaden",
  download: "{format} downloaden",
  howToPay: "Zo betaalt u",
  paymentReference: "Vermeld {reference} als betalingskenmerk.",
  qrLabel: "Betaal-QR-code voor {amount} aan {name}",
  qrCaption: "Scan met uw bankapp om de overschrijving in te vullen (SEPA).",
  partiesAndDates: "Partijen en datums",
  date: "Datum",
  lines: "Regels",
  quantity: "Aantal",
  price: "Prijs",
};
