import type { Catalog } from "../../../messages";
import type { en } from "./en";

export const de: Catalog<typeof en> = {
  "language.heading": "Sprache",
  "language.intro": "Die Sprache der Bildschirme von Smart Invoice für Sie. Dokumente und E-Mails an Kunden verwenden die Sprache des jeweiligen Kunden.",
  "language.label": "Sprache",
  "language.browser": "Wie mein Browser fragt ({language})",
  "language.saved": "Ihre Sprache wurde gespeichert.",
  "language.save": "Sprache speichern",
};
