import type { Catalog } from "../../../messages";
import type { en } from "./en";

/** Same words as the document catalog (lib/i18n/catalogs/document/de.ts) so app and PDF agree. */
export const de: Catalog<typeof en> = {
  draft: "Entwurf",
  issued: "Ausgestellt",
  sent: "Versendet",
  viewed: "Angesehen",
  partially_paid: "Teilweise bezahlt",
  paid: "Bezahlt",
  void: "Storniert",
  accepted: "Angenommen",
  declined: "Abgelehnt",
  expired: "Abgelaufen",
  converted: "Umgewandelt",
  overdue: "Überfällig",
};
