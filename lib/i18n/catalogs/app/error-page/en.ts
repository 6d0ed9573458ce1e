/** The error pages (app/error.tsx, app/global-error.tsx): no error text, only a reference support can look up. */
export const en = {
  title: "Something went wrong",
  heading: "Something went wrong",
  body: "We couldn’t complete that request. Anything you had already saved is safe. Please try again; if it keeps happening, contact support.",
  bodyWithReference: "We couldn’t complete that request. Anything you had already saved is safe. Please try again; if it keeps happening, contact support and quote reference {reference}.",
  pageNotLoaded: "Smart Invoice couldn’t load this page. Anything you had already saved is safe.",
  reference: "Reference: {reference}.",
  retry: "Try again",
} as const;
