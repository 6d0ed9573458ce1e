import type { Catalog } from "../../messages";
import type { en } from "./en";

export const pl: Catalog<typeof en> = {
  title: "{kind} {number} od {sender}",
  logoAlt: "Logo {name}",
  "party.invoice": "Nabywca",
  "party.quote": "Oferta dla",
  "party.credit_note": "Korekta dla",
  thanks: "Dziękujemy — Twoja odpowiedź została wysłana do {org}.",
  atAGlance: "W skrócie",
  amountDue: "Kwota do zapłaty",
  depositDueNow: "Zaliczka do zapłaty teraz",
  processing: "W trakcie przetwarzania",
  acceptQuote: "Akceptuj ofertę",
  decline: "Odrzuć",
  downloadPdf: "Pobierz PDF",
  download: "Pobierz {format}",
  howToPay: "Jak zapłacić",
  paymentReference: "W tytule przelewu podaj {reference}.",
  qrLabel: "Kod QR płatności na {amount} dla {name}",
  qrCaption: "Zeskanuj aplikacją bankową, aby wypełnić przelew (SEPA).",
  partiesAndDates: "Strony i daty",
  date: "Data",
  lines: "Pozycje",
  quantity: "Ilość",
  price: "Cena",
};
