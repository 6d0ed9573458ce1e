import type { Catalog } from "../../../messages";
import type { en } from "./en";

export const de: Catalog<typeof en> = {
  filters: "Filter",
  filtersActive: "Filter ({count})",
  pages: "Seiten",
  pageOf: "Seite {page} von {pages}",
  pageSummary: "Seite {page} von {pages} · {total} {noun}",
  previous: "Zurück",
  next: "Weiter",
  sortAscending: ", aufsteigend sortieren",
  sortDescending: ", absteigend sortieren",
  sort: "Sortieren",
};
