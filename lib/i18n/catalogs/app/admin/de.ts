import type { Catalog } from "../../../messages";
import type { en } from "./en";

export const de: Catalog<typeof en> = {
  "title": "Administration",
  "heading": "Administration",
  "organisations": "Organisationen ({count})",
  "users": "Benutzer ({count})",
  "col.name": "Name",
  "col.members": "Mitglieder",
  "col.created": "Erstellt",
  "col.email": "E-Mail",
  "col.organisations": "Organisationen",
  "col.status": "Status",
  "col.actions": "Aktionen",
  "administrator": " (Administrator)",
  "disabled": "Gesperrt",
  "active": "Aktiv",
  "enable": "Entsperren",
  "disable": "Sperren",
  "enableName": "{name} entsperren",
  "disableName": "{name} sperren",
  "newOrg.title": "Neue Organisation",
  "newOrg.heading": "Organisation anlegen",
  "newOrg.intro": "Jede Organisation hat eigene Kunden, Rechnungen, Einstellungen und ein eigenes Team. Sie werden ihr Inhaber. Anschrift, Steuernummer und Bankverbindung folgen im nächsten Schritt.",
  "newOrg.submit": "Organisation anlegen",
  "msg.disabled": "Benutzer gesperrt; seine Sitzungen wurden beendet.",
  "msg.enabled": "Benutzer entsperrt.",
};
