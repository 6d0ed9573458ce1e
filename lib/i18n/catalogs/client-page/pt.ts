import type { Catalog } from "../../messages";
import type { en } from "./en";

export const pt: Catalog<typeof en> = {
  title: "{kind} {number} de {sender}",
  logoAlt: "Logótipo de {name}",
  "party.invoice": "Faturado a",
  "party.quote": "Orçamento para",
  "party.credit_note": "Creditado a",
  thanks: "Obrigado — a sua resposta foi enviada a {org}.",
  atAGlance: "Resumo",
  amountDue: "Valor em dívida",
  depositDueNow: "Adiantamento a pagar agora",
  processing: "Em processamento",
  acceptQuote: "Aceitar orçamento",
  decline: "Recusar",
  downloadPdf: "Descarregar PDF",
  download: "Descarregar {format}",
  howToPay: "Como pagar",
  paymentReference: "Indique {reference} como referência do pagamento.",
  qrLabel: "Código QR de pagamento de {amount} a {name}",
  qrCaption: "Digitalize com a app do seu banco para preencher a transferência (SEPA).",
  partiesAndDates: "Partes e datas",
  date: "Data",
  lines: "Linhas",
  quantity: "Qtd.",
  price: "Preço",
};
