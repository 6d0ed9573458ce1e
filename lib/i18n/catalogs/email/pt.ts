import type { Catalog } from "../../messages";
import type { en } from "./en";

export const pt: Catalog<typeof en> = {
  "invoice_sent.subject": "Fatura {number} de {organization_name}",
  "invoice_sent.body":
    "Olá {customer_name},\n\nObrigado pela sua preferência. A sua fatura {number} no valor de {total} está pronta; {amount_due} deve ser pago até {due_date}.\n\nPode consultá-la e descarregá-la online através da ligação abaixo.\n\nSe tiver alguma dúvida, não hesite em contactar-nos.\n\nCom os melhores cumprimentos,\n{organization_name}",
  "quote_sent.subject": "Orçamento {number} de {organization_name}",
  "quote_sent.body":
    "Olá {customer_name},\n\nObrigado pelo seu interesse. Segue o nosso orçamento {number} no valor de {total}, válido até {due_date}.\n\nPode analisá-lo e comunicar-nos a sua decisão online através da ligação abaixo.\n\nSe tiver alguma dúvida, não hesite em contactar-nos.\n\nCom os melhores cumprimentos,\n{organization_name}",
  "reminder_before.subject": "Lembrete: a fatura {number} vence em {due_date}",
  "reminder_before.body":
    "Olá {customer_name},\n\nRecordamos que a fatura {number} no valor de {amount_due} vence em {due_date}.\n\nSe já efetuou o pagamento, obrigado, e por favor ignore esta mensagem.\n\nCom os melhores cumprimentos,\n{organization_name}",
  "reminder_after.subject": "A fatura {number} está vencida",
  "reminder_after.body":
    "Olá {customer_name},\n\nSegundo os nossos registos, a fatura {number}, vencida em {due_date}, tem ainda {amount_due} por pagar.\n\nAgradecíamos que efetuasse o pagamento com a maior brevidade possível. Se já pagou, obrigado, e por favor ignore este lembrete. Se algo na fatura não estiver correto, informe-nos.\n\nCom os melhores cumprimentos,\n{organization_name}",
  "payment_receipt.subject": "Pagamento recebido da fatura {number}",
  "payment_receipt.body":
    "Olá {customer_name},\n\nObrigado! Recebemos o seu pagamento de {amount_paid} referente à fatura {number}. O valor ainda em dívida é {amount_due}.\n\nPode consultar a fatura e os respetivos pagamentos online através da ligação abaixo.\n\nCom os melhores cumprimentos,\n{organization_name}",
  "payment_notification.subject": "{customer_name} pagou {amount_paid} da fatura {number}",
  "payment_notification.body":
    "Boas notícias: {customer_name} pagou {amount_paid} online da fatura {number} (total {total}).\n\nO valor ainda em dívida é {amount_due}. O pagamento já está registado na fatura.",
  "action.invoice_sent": "Ver fatura",
  "action.quote_sent": "Ver orçamento",
  "action.reminder_before": "Ver fatura",
  "action.reminder_after": "Ver fatura",
  "action.payment_receipt": "Ver recibo",
  "action.payment_notification": "Abrir a fatura",
  "footer.invoice": "Recebe este e-mail porque {org} lhe enviou uma fatura com o Smart Invoice.",
  "footer.quote": "Recebe este e-mail porque {org} lhe enviou um orçamento com o Smart Invoice.",
  "footer.team": "Recebe este e-mail porque é proprietário ou administrador de {org} no Smart Invoice.",
  copyLink: "Se o botão não funcionar, copie esta ligação para o seu navegador:",
  lateFee: "Foi acrescentada uma penalização por atraso de {amount} como fatura {number}, a pagar de imediato.",
};
