import type { Catalog } from "../../../messages";
import type { en } from "./en";

export const de: Catalog<typeof en> = {
  "customer-deleted": "Kunde gelöscht.",
  "customer-saved": "Kunde gespeichert.",
  "item-saved": "Artikel gespeichert.",
  "draft-saved": "Entwurf gespeichert.",
  "draft-deleted": "Entwurf gelöscht.",
  "draft-created": "Entwurf erstellt: Prüfen Sie ihn und speichern Sie dann.",
  "credit-note-created": "Entwurf einer Gutschrift erstellt.",
  "converted": "Angebot in eine Rechnung umgewandelt.",
  "voided-copied": "Storniert; eine neue Kopie als Entwurf ist zum Korrigieren geöffnet.",
  "issued-sent": "Ausgestellt und zum Versand eingereiht.",
};
