import type { Catalog } from "../../../messages";
import type { en } from "./en";

export const de: Catalog<typeof en> = {
  "page.title": "E-Rechnung ansehen",
  "page.intro": "Wählen Sie eine empfangene E-Rechnung (XRechnung, Peppol BIS oder eine andere Rechnung nach EN 16931, als UBL- oder CII-XML), um sie zu lesen und zu prüfen, ob sie die Regeln der europäischen Norm erfüllt. Die Datei wird gelesen und geprüft und danach verworfen: Nichts wird gespeichert.",
  "form.file": "E-Rechnungsdatei (XML, bis 2 MB)",
  "form.show": "Rechnung anzeigen",
  "form.chooseFile": "Wählen Sie eine E-Rechnungsdatei (.xml).",
  "form.uploadFailed": "Die Datei konnte nicht hochgeladen werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut mit einer Datei von höchstens 2 MB.",
};
