import type { Catalog } from "../../messages";
import type { en } from "./en";

export const it: Catalog<typeof en> = {
  "invoice_sent.subject": "Fattura {number} da {organization_name}",
  "invoice_sent.body":
    "Gentile {customer_name},\n\ngrazie per averci scelto. La sua fattura {number} di {total} è pronta; {amount_due} sono da saldare entro il {due_date}.\n\nPuò visualizzarla e scaricarla online tramite il link qui sotto.\n\nPer qualsiasi domanda non esiti a contattarci.\n\nCordiali saluti,\n{organization_name}",
  "quote_sent.subject": "Preventivo {number} da {organization_name}",
  "quote_sent.body":
    "Gentile {customer_name},\n\ngrazie per il suo interesse. Ecco il nostro preventivo {number} di {total}, valido fino al {due_date}.\n\nPuò esaminarlo e comunicarci la sua decisione online tramite il link qui sotto.\n\nPer qualsiasi domanda non esiti a contattarci.\n\nCordiali saluti,\n{organization_name}",
  "reminder_before.subject": "Promemoria: la fattura {number} scade il {due_date}",
  "reminder_before.body":
    "Gentile {customer_name},\n\nle ricordiamo che la fattura {number} di {amount_due} scade il {due_date}.\n\nSe ha già disposto il pagamento, la ringraziamo e la preghiamo di ignorare questo messaggio.\n\nCordiali saluti,\n{organization_name}",
  "reminder_after.subject": "La fattura {number} è scaduta",
  "reminder_after.body":
    "Gentile {customer_name},\n\ndai nostri registri risulta che la fattura {number}, scaduta il {due_date}, presenta ancora {amount_due} da saldare.\n\nLe saremmo grati se potesse provvedere al pagamento al più presto. Se ha già pagato, la ringraziamo e la preghiamo di ignorare questo sollecito. Se qualcosa nella fattura non è corretto, ce lo faccia sapere.\n\nCordiali saluti,\n{organization_name}",
  "payment_receipt.subject": "Pagamento ricevuto per la fattura {number}",
  "payment_receipt.body":
    "Gentile {customer_name},\n\ngrazie! Abbiamo ricevuto il suo pagamento di {amount_paid} per la fattura {number}. L’importo ancora dovuto è di {amount_due}.\n\nPuò visualizzare la fattura e i relativi pagamenti online tramite il link qui sotto.\n\nCordiali saluti,\n{organization_name}",
  "payment_notification.subject": "{customer_name} ha pagato {amount_paid} sulla fattura {number}",
  "payment_notification.body":
    "Buone notizie: {customer_name} ha pagato {amount_paid} online sulla fattura {number} (totale {total}).\n\nL’importo ancora dovuto è di {amount_due}. Il pagamento è già registrato sulla fattura.",
  "action.invoice_sent": "Visualizza fattura",
  "action.quote_sent": "Visualizza preventivo",
  "action.reminder_before": "Visualizza fattura",
  "action.reminder_after": "Visualizza fattura",
  "action.payment_receipt": "Visualizza ricevuta",
  "action.payment_notification": "Apri la fattura",
  "footer.invoice": "Riceve questa email perché {org} le ha inviato una fattura con Smart Invoice.",
  "footer.quote": "Riceve questa email perché {org} le ha inviato un preventivo con Smart Invoice.",
  "footer.team": "Riceve questa email perché è titolare o amministratore di {org} su Smart Invoice.",
  copyLink: "Se il pulsante non funziona, copi questo link nel browser:",
  lateFee: "È stata aggiunta una penale di mora di {amount} come fattura {number}, da pagare subito.",
};
