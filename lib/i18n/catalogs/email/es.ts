import type { Catalog } from "../../messages";
import type { en } from "./en";

export const es: Catalog<typeof en> = {
  "invoice_sent.subject": "Factura {number} de {organization_name}",
  "invoice_sent.body":
    "Hola, {customer_name}:\n\nGracias por confiar en nosotros. Su factura {number} por {total} está lista; el importe de {amount_due} vence el {due_date}.\n\nPuede verla y descargarla en línea con el enlace de abajo.\n\nSi tiene alguna pregunta, no dude en ponerse en contacto con nosotros.\n\nUn saludo,\n{organization_name}",
  "quote_sent.subject": "Presupuesto {number} de {organization_name}",
  "quote_sent.body":
    "Hola, {customer_name}:\n\nGracias por su interés. Le enviamos nuestro presupuesto {number} por {total}, válido hasta el {due_date}.\n\nPuede revisarlo y comunicarnos su decisión en línea con el enlace de abajo.\n\nSi tiene alguna pregunta, no dude en ponerse en contacto con nosotros.\n\nUn saludo,\n{organization_name}",
  "reminder_before.subject": "Recordatorio: la factura {number} vence el {due_date}",
  "reminder_before.body":
    "Hola, {customer_name}:\n\nLe recordamos amablemente que la factura {number} por {amount_due} vence el {due_date}.\n\nSi ya ha realizado el pago, gracias; por favor, ignore este mensaje.\n\nUn saludo,\n{organization_name}",
  "reminder_after.subject": "La factura {number} está vencida",
  "reminder_after.body":
    "Hola, {customer_name}:\n\nSegún nuestros registros, la factura {number}, con vencimiento el {due_date}, tiene aún {amount_due} pendientes.\n\nLe agradeceríamos que realizara el pago lo antes posible. Si ya ha pagado, gracias; por favor, ignore este recordatorio. Si hay algo incorrecto en la factura, háganoslo saber.\n\nUn saludo,\n{organization_name}",
  "payment_receipt.subject": "Pago recibido de la factura {number}",
  "payment_receipt.body":
    "Hola, {customer_name}:\n\n¡Gracias! Hemos recibido su pago de {amount_paid} de la factura {number}. El importe pendiente es de {amount_due}.\n\nPuede ver la factura y sus pagos en línea con el enlace de abajo.\n\nUn saludo,\n{organization_name}",
  "payment_notification.subject": "{customer_name} ha pagado {amount_paid} de la factura {number}",
  "payment_notification.body":
    "Buenas noticias: {customer_name} ha pagado {amount_paid} en línea de la factura {number} (total {total}).\n\nEl importe pendiente es de {amount_due}. El pago ya está registrado en la factura.",
  "action.invoice_sent": "Ver factura",
  "action.quote_sent": "Ver presupuesto",
  "action.reminder_before": "Ver factura",
  "action.reminder_after": "Ver factura",
  "action.payment_receipt": "Ver recibo",
  "action.payment_notification": "Abrir la factura",
  "footer.invoice": "Recibe este correo porque {org} le ha enviado una factura con Smart Invoice.",
  "footer.quote": "Recibe este correo porque {org} le ha enviado un presupuesto con Smart Invoice.",
  "footer.team": "Recibe este correo porque es propietario o administrador de {org} en Smart Invoice.",
  copyLink: "Si el botón no funciona, copie este enlace en su navegador:",
  lateFee: "Se ha añadido un recargo por demora de {amount} como factura {number}, pagadero de inmediato.",
};
