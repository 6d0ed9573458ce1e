import type { Catalog } from "../../../messages";
import type { en } from "./en";

export const de: Catalog<typeof en> = {
  "list.title": "Wiederkehrende Rechnungen",
  "list.new": "Neue wiederkehrende Rechnung",
  "list.empty": "Noch keine wiederkehrenden Rechnungen.",
  "list.emptyHint": "Stellen Sie einem Kunden regelmäßig Rechnungen: jeden Monat am 1., alle 2 Wochen am Freitag, jedes Jahr am 1. Juni. Jedes Datum wird genau einmal erstellt, am richtigen Tag.",
  "list.next": " · nächste am {date}",
  "list.name": "Name",
  "list.customer": "Kunde",
  "list.schedule": "Zeitplan",
  "list.nextDate": "Nächstes Datum",
  "list.eachInvoice": "Je Rechnung",
  "list.status": "Status",
  "status.active": "Aktiv",
  "status.paused": "Pausiert",
  "status.ended": "Beendet",
  "status.failed": "{count, plural, one {# fehlgeschlagen} other {# fehlgeschlagen}}",
  "status.missed": "{count, plural, one {# verpasst} other {# verpasst}}",
  "missed.heading": "Verpasste Termine",
  "missed.legend": "Wenn die Hintergrundaufgaben am Datum eines Termins nicht liefen",
  "missed.draft": "Entwürfe zur Prüfung erstellen (Standard)",
  "missed.asScheduled": "Wie geplant ausstellen und versenden",
  "missed.hint": "Jedes verpasste Datum wird trotzdem genau einmal erstellt, in Datumsreihenfolge. Entwürfe vermeiden eine Flut verspäteter E-Mails nach einem Ausfall.",
  "missed.save": "Diese Auswahl speichern",
};
