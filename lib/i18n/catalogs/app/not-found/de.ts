import type { Catalog } from "../../../messages";
import type { en } from "./en";

export const de: Catalog<typeof en> = {
  title: "Seite nicht gefunden",
  heading: "Diese Seite haben wir nicht gefunden",
  body: "Der Link ist vielleicht falsch geschrieben, oder die Seite wurde verschoben. Ihre gespeicherten Daten sind davon nicht betroffen.",
  home: "Zur Startseite",
};
