import type { Catalog } from "../../messages";
import type { en } from "./en";

export const he: Catalog<typeof en> = {
  title: "{kind} {number} מאת {sender}",
  logoAlt: "הלוגו של {name}",
  "party.invoice": "לכבוד",
  "party.quote": "הצעת מחיר עבור",
  "party.credit_note": "זיכוי עבור",
  thanks: "תודה — תשובתך נשלחה אל {org}.",
  atAGlance: "במבט מהיר",
  amountDue: "סכום לתשלום",
  depositDueNow: "מקדמה לתשלום כעת",
  processing: "בעיבוד",
  acceptQuote: "אישור הצעת המחיר",
  decline: "דחייה",
  downloadPdf: "הורדת PDF",
  download: "הורדת {format}",
  howToPay: "איך משלמים",
  paymentReference: "נא לציין {reference} כאסמכתת התשלום.",
  qrLabel: "קוד QR לתשלום {amount} אל {name}",
  qrCaption: "סרקו באפליקציית הבנק כדי למלא את ההעברה (SEPA).",
  partiesAndDates: "צדדים ותאריכים",
  date: "תאריך",
  lines: "שורות",
  quantity: "כמות",
  price: "מחיר",
};
