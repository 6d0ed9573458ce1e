/** The 404 page (app/not-found.tsx), worded on the server in the visitor's app language. */
export const en = {
  title: "Page not found",
  heading: "We couldn't find that page",
  body: "The link may be mistyped, or the page may have moved. Nothing you saved has been affected.",
  home: "Go to the home page",
} as const;
