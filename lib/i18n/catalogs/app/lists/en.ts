/** The shared list parts (components/lists): filters button, pages, sorting. */
export const en = {
  filters: "Filters",
  filtersActive: "Filters ({count})",
  pages: "Pages",
  pageOf: "Page {page} of {pages}",
  pageSummary: "Page {page} of {pages} · {total} {noun}",
  previous: "Previous",
  next: "Next",
  sortAscending: ", sort ascending",
  sortDescending: ", sort descending",
  sort: "Sort",
} as const;
