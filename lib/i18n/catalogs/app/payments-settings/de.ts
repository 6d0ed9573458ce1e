import type { Catalog } from "../../../messages";
import type { en } from "./en";

export const de: Catalog<typeof en> = {
  "title": "Zahlungen",
  "heading": "Zahlungen",
  "backToSettings": "Einstellungen der Organisation",
  "connected": "Stripe ist verbunden",
  "account": "Konto",
  "notReadable": "Mit diesem eingeschränkten Schlüssel nicht lesbar (das ist in Ordnung)",
  "mode": "Modus",
  "live": "Live: Kunden zahlen echtes Geld",
  "test": "Test: Es fließt kein echtes Geld",
  "key": "Schlüssel",
  "webhook": "Webhook: Fügen Sie diese URL in Stripe ein",
  "webhookHow": "Stripe → Entwickler → Webhooks → Endpunkt hinzufügen. Ohne ihn werden Zahlungen hier nicht erfasst.",
  "copyWebhook": "Webhook-URL kopieren",
  "webhookUrl": "Webhook-URL",
  "selectEvents": "Wählen Sie diese Ereignisse aus:",
  "records": "Stripe-Aufzeichnungen",
  "reconciliation": "Abgleich: Stripe mit dem Buchungsjournal",
  "events": "Von Stripe empfangene Ereignisse",
  "replaceKeys": "Schlüssel ersetzen",
  "connect": "Stripe verbinden",
  "connectIntro": "Kunden bezahlen Rechnungen dann online über ihren Link. Erstellen Sie in Stripe einen eingeschränkten Schlüssel mit diesen Berechtigungen (alles andere: Keine):",
  "connectWebhook": "Fügen Sie dann in Stripe einen Webhook-Endpunkt hinzu (seine URL erhalten Sie hier, sobald die Verbindung besteht; bis dahin verwenden Sie einen beliebigen Platzhalter und ändern ihn danach), um das Signaturgeheimnis zu erhalten.",
  "options": "Zahlungsoptionen",
};
