/** Shared UI pieces (components/ui): their built-in labels. */
export const en = {
  cancel: "Cancel",
} as const;
