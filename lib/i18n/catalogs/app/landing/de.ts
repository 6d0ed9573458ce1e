import type { Catalog } from "../../../messages";
import type { en } from "./en";

export const de: Catalog<typeof en> = {
  "meta.title": "Smart Invoice — Rechnungen schreiben für kleine Unternehmen",
  "meta.description": "Rechnungsprogramm zum Selbsthosten: Kunden, Rechnungen, Angebote und Gutschriften mit centgenauen Beträgen, schnellen PDFs, zuverlässigem E-Mail-Versand und einem Dashboard für Ihre Liquidität.",
  "nav.label": "Hauptnavigation",
  "nav.signIn": "Anmelden",
  "nav.register": "Konto erstellen",
  "hero.title": "Rechnungen für kleine Unternehmen — auf den Cent genau.",
  "hero.body": "Verwalten Sie Kunden und Artikel, schreiben Sie Rechnungen, Angebote und Gutschriften, versenden Sie sie per E-Mail, erfassen Sie Zahlungen und behalten Sie Ihre Liquidität im Blick — in einer selbst gehosteten Anwendung, die Sie kontrollieren.",
  "hero.start": "Jetzt kostenlos loslegen",
  "hero.signIn": "Anmelden",
  "features.title": "Alles, was eine Rechnung braucht — nichts, was sie nicht braucht",
  "feature.exact.title": "Auf den Cent genau",
  "feature.exact.body": "Beträge sind ganze kleinste Einheiten in jeder Währung. Editor, gespeicherte Rechnung, PDF, Kundenseite und Ihre CSV-Exporte zeigen immer dieselbe Summe.",
  "feature.pdf.title": "PDFs ohne Browser",
  "feature.pdf.body": "Rechnungen, Angebote und Gutschriften entstehen in Millisekunden auf dem Server, mit Ihrem Logo, einer Steueraufstellung je Steuersatz und Seitenzahlen.",
  "feature.email.title": "E-Mail, auf die Verlass ist",
  "feature.email.body": "Jede Nachricht wird in einer Transaktion mit der Rechnung eingereiht und genau einmal zugestellt; Unzustellbarkeit und Öffnungen sehen Sie im Verlauf der Rechnung.",
  "feature.paid.title": "Ihre Kunden zahlen schneller",
  "feature.paid.body": "Ein privater Link zeigt die Rechnung und ihr PDF ohne Kundenkonto. Schalten Sie Zahlungserinnerungen ein, und jede geht genau einmal nach Ihrem Zeitplan hinaus; pausieren Sie eine Rechnung oder einen Kunden, der die Zahlung zugesagt hat.",
  "feature.cash.title": "Liquidität auf einen Blick",
  "feature.cash.body": "Berechnet, eingenommen, offen und überfällig je Währung, mit Altersstruktur der Forderungen und Top-Kunden — schnell auch bei 100.000 Rechnungen.",
  "feature.host.title": "Bei Ihnen gehostet",
  "feature.host.body": "Mit einem Klick auf Render mit Postgres, oder auf dem Laptop mit der eingebetteten Datenbank. Ihre Daten bleiben, wo Sie sie ablegen.",
  "footer": "Smart Invoice — quelloffene Rechnungssoftware, die Sie selbst betreiben können.",
};
