import type { Catalog } from "../../../messages";
import type { en } from "./en";

export const de: Catalog<typeof en> = {
  "area.customers": "Sie haben keinen Zugriff auf die Kunden",
  "area.items": "Sie haben keinen Zugriff auf die Artikel",
  "area.editingDocuments": "Sie dürfen keine Dokumente bearbeiten",
  "area.editingRecurring": "Sie dürfen keine wiederkehrenden Rechnungen bearbeiten",
  "area.organisationSettings": "Sie haben keinen Zugriff auf die Einstellungen der Organisation",
  "area.businessDetails": "Sie haben keinen Zugriff auf die Unternehmensdaten",
  "area.emailDelivery": "Sie haben keinen Zugriff auf die Einstellungen für den E-Mail-Versand",
  "area.emailSettings": "Sie haben keinen Zugriff auf die E-Mail-Einstellungen",
  "area.stripeEvents": "Sie haben keinen Zugriff auf die Stripe-Ereignisse",
  "area.stripeReconciliation": "Sie haben keinen Zugriff auf den Stripe-Abgleich",
  "area.auditLog": "Sie haben keinen Zugriff auf das Audit-Protokoll",
  "area.jobLedger": "Sie haben keinen Zugriff auf die Hintergrundaufgaben",
  "area.paymentSettings": "Sie haben keinen Zugriff auf die Zahlungseinstellungen",
  "area.reminderSettings": "Sie haben keinen Zugriff auf die Einstellungen für Zahlungserinnerungen",
  "area.taxSettings": "Sie haben keinen Zugriff auf die Steuereinstellungen",
  "area.teamSettings": "Sie haben keinen Zugriff auf die Team-Einstellungen",
  hint: "Wenden Sie sich an einen Inhaber oder Administrator dieser Organisation, wenn Sie ihn benötigen.",
  back: "Zurück zur Übersicht",
};
