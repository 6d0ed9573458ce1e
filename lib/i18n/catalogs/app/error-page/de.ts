import type { Catalog } from "../../../messages";
import type { en } from "./en";

export const de: Catalog<typeof en> = {
  title: "Etwas ist schiefgelaufen",
  heading: "Etwas ist schiefgelaufen",
  body: "Wir konnten diese Anfrage nicht abschließen. Alles, was Sie bereits gespeichert haben, ist sicher. Bitte versuchen Sie es erneut; wenn es weiter passiert, wenden Sie sich an den Support.",
  bodyWithReference: "Wir konnten diese Anfrage nicht abschließen. Alles, was Sie bereits gespeichert haben, ist sicher. Bitte versuchen Sie es erneut; wenn es weiter passiert, wenden Sie sich an den Support und nennen Sie die Referenz {reference}.",
  pageNotLoaded: "Smart Invoice konnte diese Seite nicht laden. Alles, was Sie bereits gespeichert haben, ist sicher.",
  reference: "Referenz: {reference}.",
  retry: "Erneut versuchen",
};
