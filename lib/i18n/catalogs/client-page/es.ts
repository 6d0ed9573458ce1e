import type { Catalog } from "../../messages";
import type { en } from "./en";

export const es: Catalog<typeof en> = {
  title: "{kind} {number} de {sender}",
  logoAlt: "Logotipo de {name}",
  "party.invoice": "Facturado a",
  "party.quote": "Presupuesto para",
  "party.credit_note": "Abonado a",
  thanks: "Gracias: su respuesta se ha enviado a {org}.",
  atAGlance: "Resumen",
  amountDue: "Importe pendiente",
  depositDueNow: "Anticipo a pagar ahora",
  processing: "En proceso",
  acceptQuote: "Aceptar presupuesto",
  decline: "Rechazar",
  downloadPdf: "Descargar PDF",
  download: "Descargar {format}",
  howToPay: "Cómo pagar",
  paymentReference: "Indique {reference} como referencia del pago.",
  qrLabel: "Código QR de pago de {amount} a {name}",
  qrCaption: "Escanéelo con su app bancaria para rellenar la transferencia (SEPA).",
  partiesAndDates: "Partes y fechas",
  date: "Fecha",
  lines: "Líneas",
  quantity: "Cant.",
  price: "Precio",
};
