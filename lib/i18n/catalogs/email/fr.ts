import type { Catalog } from "../../messages";
import type { en } from "./en";

export const fr: Catalog<typeof en> = {
  "invoice_sent.subject": "Facture {number} de {organization_name}",
  "invoice_sent.body":
    "Bonjour {customer_name},\n\nMerci de votre confiance. Votre facture {number} d’un montant de {total} est prête ; {amount_due} sont à régler avant le {due_date}.\n\nVous pouvez la consulter et la télécharger en ligne grâce au lien ci-dessous.\n\nPour toute question, n’hésitez pas à nous contacter.\n\nCordialement,\n{organization_name}",
  "quote_sent.subject": "Devis {number} de {organization_name}",
  "quote_sent.body":
    "Bonjour {customer_name},\n\nMerci de votre intérêt. Voici notre devis {number} d’un montant de {total}, valable jusqu’au {due_date}.\n\nVous pouvez le consulter et nous faire part de votre décision en ligne grâce au lien ci-dessous.\n\nPour toute question, n’hésitez pas à nous contacter.\n\nCordialement,\n{organization_name}",
  "reminder_before.subject": "Rappel : la facture {number} arrive à échéance le {due_date}",
  "reminder_before.body":
    "Bonjour {customer_name},\n\nNous vous rappelons que la facture {number} d’un montant de {amount_due} arrive à échéance le {due_date}.\n\nSi vous avez déjà effectué le paiement, merci, et veuillez ne pas tenir compte de ce message.\n\nCordialement,\n{organization_name}",
  "reminder_after.subject": "La facture {number} est en retard de paiement",
  "reminder_after.body":
    "Bonjour {customer_name},\n\nSauf erreur de notre part, la facture {number}, échue le {due_date}, présente encore un solde de {amount_due}.\n\nNous vous serions reconnaissants de bien vouloir procéder au paiement dans les meilleurs délais. Si vous avez déjà payé, merci, et veuillez ne pas tenir compte de ce rappel. Si quelque chose ne va pas dans cette facture, merci de nous le signaler.\n\nCordialement,\n{organization_name}",
  "payment_receipt.subject": "Paiement reçu pour la facture {number}",
  "payment_receipt.body":
    "Bonjour {customer_name},\n\nMerci ! Nous avons bien reçu votre paiement de {amount_paid} pour la facture {number}. Le montant restant dû est de {amount_due}.\n\nVous pouvez consulter la facture et ses paiements en ligne grâce au lien ci-dessous.\n\nCordialement,\n{organization_name}",
  "payment_notification.subject": "{customer_name} a payé {amount_paid} sur la facture {number}",
  "payment_notification.body":
    "Bonne nouvelle : {customer_name} a payé {amount_paid} en ligne sur la facture {number} (total {total}).\n\nLe montant restant dû est de {amount_due}. Le paiement est déjà enregistré sur la facture.",
  "action.invoice_sent": "Voir la facture",
  "action.quote_sent": "Voir le devis",
  "action.reminder_before": "Voir la facture",
  "action.reminder_after": "Voir la facture",
  "action.payment_receipt": "Voir le reçu",
  "action.payment_notification": "Ouvrir la facture",
  "footer.invoice": "Vous recevez cet e-mail parce que {org} vous a envoyé une facture avec Smart Invoice.",
  "footer.quote": "Vous recevez cet e-mail parce que {org} vous a envoyé un devis avec Smart Invoice.",
  "footer.team": "Vous recevez cet e-mail parce que vous êtes propriétaire ou administrateur de {org} sur Smart Invoice.",
  copyLink: "Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :",
  lateFee: "Des frais de retard de {amount} ont été ajoutés sous la forme de la facture {number}, payable immédiatement.",
};
