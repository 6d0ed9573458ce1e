import type { Catalog } from "../../../messages";
import type { en } from "./en";

export const de: Catalog<typeof en> = {
  "title": "Hintergrundaufgaben",
  "heading": "Hintergrundaufgaben",
  "intro": "Was die geplanten Aufgaben für {name} erledigt haben — wiederkehrende Rechnungen, Zahlungserinnerungen, E-Mail-Zustellungen und Zahlungsereignisse —, jeweils mit dem Schlüssel, der dafür sorgt, dass es genau einmal geschieht, wie viele Läufe es auch erreichen. Zeiten in {timeZone}.",
  "backToSettings": "Einstellungen der Organisation",
  "runNow": "Aufgaben jetzt ausführen",
  "msg.failed": "Der Lauf wurde mit einem Fehler abgebrochen. Er ist bei den letzten Läufen vermerkt; das Server-Protokoll enthält die Einzelheiten.",
  "msg.ran": "Die Aufgaben wurden ausgeführt. Was sie für Ihre Organisation erledigt haben, steht unten.",
};
