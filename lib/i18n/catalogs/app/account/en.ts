/** Settings → Your account. */
export const en = {
  "language.heading": "Language",
  "language.intro": "The language of Smart Invoice's screens for you. Documents and emails to customers use each customer's language.",
  "language.label": "Language",
  "language.browser": "As my browser asks ({language})",
  "language.saved": "Your language was saved.",
  "language.save": "Save language",
} as const;
